/**
 * A scenario's playground limits, checked before the engine is up: a share link that asks for 1,000,000
 * replicas is refused with the engine's own located message as soon as the link is decoded, on the page's
 * main thread, instead of after the Worker has loaded the whole engine (docs/performance.md, "Hostile
 * links"). It reads the text with the engine's reader (readYaml: its own size, nesting and alias guards)
 * and applies the same check as validation (validate/replicasLimit.ts), so the message, line and column
 * are the ones the engine's answer brings a moment later.
 *
 * It is an early answer, not a second engine: it knows only the limit a single object can break, reads
 * only top-level documents (a `kind: List`'s items wait for the engine), and reads only texts small enough
 * to cost the main thread a few milliseconds. Everything else (the cluster-wide count, a larger text) is
 * the engine's, in the Worker under its watchdog.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ObjectContext } from './objectContext.ts';
import type { SourceFile } from './parseManifests.ts';
import { getMap, getString, isPlainMap } from './plain.ts';
import { readYaml } from './readYaml.ts';
import { checkReplicasLimit } from './validate/replicasLimit.ts';

/**
 * Texts read early at most (UTF-16 units, all files together). The yaml library spends about 40 µs a
 * line (src/engine/limits.ts MAX_DOCUMENT_LINES), so 32 Ki characters (about 1,500 lines of a manifest)
 * cost the main thread well under 100 ms even on a loaded machine; a link that big waits for the Worker.
 */
export const EARLY_CHECK_MAX_CHARS = 32 * 1024;

/**
 * The workloads whose `spec.replicas` the API server reads (DaemonSet has none): the kind modules that
 * are `scalable`, written out because this check runs on the page before the engine (and its kind
 * registry) has loaded. kinds/registry.test.ts keeps the two the same.
 */
export const SCALED_KINDS: ReadonlySet<string> = new Set([
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
]);

/** The limit errors found, in document order; none when there are none or the text is too big to read early. */
export function checkLimitsEarly(files: readonly SourceFile[]): Diagnostic[] {
  const size = files.reduce((sum, f) => sum + f.text.length, 0);
  if (size > EARLY_CHECK_MAX_CHARS) return [];
  const found: Diagnostic[] = [];
  for (const { file, text } of files) {
    for (const doc of readYaml(file, text, () => undefined).documents) {
      if (doc.broken || !isPlainMap(doc.value)) continue;
      if (!SCALED_KINDS.has(getString(doc.value, 'kind') ?? '')) continue;
      const ctx: ObjectContext = {
        file,
        positions: doc.positions,
        keyPositions: doc.keyPositions,
        line: doc.line,
        column: doc.column,
        source: { file, doc: doc.doc, line: doc.line, column: doc.column, positions: doc.positions },
        diagnostics: found,
      };
      checkReplicasLimit(ctx, getMap(doc.value, 'spec'));
    }
  }
  return found;
}

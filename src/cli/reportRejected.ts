/**
 * `kubeplay run|trace|load` take the scenario as `kubectl apply -f` takes a file: every valid object is
 * created and each rejected document's errors go to stderr, then the command carries on with what was
 * created (kubectl apply creates the valid objects and reports the others:
 * https://github.com/kubernetes/kubectl/blob/master/pkg/cmd/apply/apply.go). `kubeplay check` is the
 * command that fails on any error.
 */
import type { Diagnostic } from '../engine/index.ts';
import { formatDiagnostic } from './formatDiagnostic.ts';
import type { CliIo } from './io.ts';

export function reportRejected(diagnostics: readonly Diagnostic[], io: CliIo): void {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  for (const d of errors) io.stderr.write(formatDiagnostic(d) + '\n');
  io.stderr.write(
    `kubeplay: ${errors.length} error(s): the documents they are in were not applied; the rest of the scenario was (kubeplay check lists them)\n`,
  );
}

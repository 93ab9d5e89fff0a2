/**
 * One object (a document, or an item of a List) -> a defaulted, validated manifest. An object with any
 * error is left out, as the API server would refuse to create it; warnings keep it.
 */
import { kindModule } from '../kinds/registry.ts';
import type { Manifest } from '../model/objects.ts';
import { isKnownKind, isTypedList, knownKinds, versionInfo } from './apiVersions.ts';
import type { KnownKind } from './apiVersions.ts';
import type { ObjectContext } from './objectContext.ts';
import { report, reportError } from './objectContext.ts';
import { getMap, getString } from './plain.ts';
import type { PlainMap } from './plain.ts';
import { validateMeta } from './validate/meta.ts';
import { isDns1123Subdomain } from './validate/names.ts';

type ObjectKind = Exclude<KnownKind, 'List'>;

/** What skipping a kind means for the traffic the student will see. */
const UNSIMULATED_NOTES = new Map<string, string>([
  [
    'StatefulSet',
    ': its pods are not created (a Deployment or a Pod with hostname/subdomain shows the same DNS ideas)',
  ],
  ['Job', ': its pods are not created'],
  ['CronJob', ': its pods are not created'],
]);

/**
 * Checks apiVersion and kind. Returns the kind when the object is one kubeplay builds, 'List' for a
 * List (the caller flattens it), or undefined when the object is skipped (reported here).
 */
export function identify(raw: PlainMap, ctx: ObjectContext): KnownKind | undefined {
  const apiVersion = getString(raw, 'apiVersion');
  const kind = getString(raw, 'kind');
  if (!apiVersion) reportError(ctx, 'apiVersion', 'apiVersion not set', 'apiversion-missing');
  if (!kind) reportError(ctx, 'kind', 'kind not set', 'kind-missing');
  if (!apiVersion || !kind) return undefined;
  if (isTypedList(kind)) return 'List';
  if (!isKnownKind(kind)) {
    // Kinds are case-sensitive: `kind: service` is refused by the API server, not ignored.
    const lower = kind.toLowerCase();
    if (knownKinds().some(([k]) => k.toLowerCase() === lower)) {
      reportError(ctx, 'kind', `no matches for kind "${kind}" in version "${apiVersion}"`, 'no-kind-match');
      return undefined;
    }
    report(
      ctx,
      'warning',
      'kind',
      `kubeplay does not simulate ${kind} objects (apiVersion "${apiVersion}"); this one is skipped${UNSIMULATED_NOTES.get(kind) ?? ''}`,
      'unknown-kind',
    );
    return undefined;
  }
  const info = versionInfo(apiVersion, kind);
  if (!info) {
    reportError(
      ctx,
      'apiVersion',
      `no matches for kind "${kind}" in version "${apiVersion}"`,
      'no-kind-match',
    );
    return undefined;
  }
  if (info.deprecated && kind !== 'Ingress')
    report(ctx, 'warning', 'apiVersion', info.deprecated, 'deprecated-api-version');
  return kind;
}

export function buildObject(raw: PlainMap, kind: ObjectKind, ctx: ObjectContext): Manifest {
  const apiVersion = getString(raw, 'apiVersion') ?? '';
  const meta = getMap(raw, 'metadata');
  const module = kindModule(kind);
  // identify() admits only kinds whose module decodes (kinds/registry.test.ts checks every one)
  if (!module.decode) throw new Error(`no decoder for kind ${kind}`);
  const manifest = module.decode(raw, apiVersion, ctx);
  // kind's cluster config has no metadata
  if (manifest.kind === 'Cluster') return manifest;
  validateMeta(
    ctx,
    manifest.metadata,
    module.scope === 'Namespaced',
    module.nameRule ?? isDns1123Subdomain,
    getString(meta, 'generateName'),
  );
  return manifest;
}

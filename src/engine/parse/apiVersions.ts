/**
 * Which apiVersions each kind is written under, and what the API server said about the old ones. Each
 * kind module declares its own (`versions`, kinds/kindModule.ts); this file answers from the registry,
 * plus `List`, the one kind that is only an envelope (kubectl flattens it before the server sees it).
 */
import { allKindModules, findKindModule } from '../kinds/registry.ts';
import type { ManifestKind } from '../model/objects.ts';
import type { Schema } from './schema/types.ts';
import { arr, any, obj, str } from './schema/types.ts';
import type { ServedVersion } from './servedVersion.ts';

/** A kind a manifest may carry: every kind module with versions, and `List`. */
export type KnownKind = ManifestKind | 'List';

const LIST_VERSIONS: Readonly<Record<string, ServedVersion>> = {
  v1: { schema: obj({ apiVersion: str, kind: str, metadata: any, items: arr({ t: 'resource' }) }) },
};

/** The versions `kind` may be written under, or undefined for a kind no manifest may carry. */
export function servedVersions(kind: string): Readonly<Record<string, ServedVersion>> | undefined {
  if (kind === 'List') return LIST_VERSIONS;
  return findKindModule(kind)?.versions;
}

/** Every kind a manifest may carry, with its versions (`List` last). */
export function knownKinds(): [KnownKind, Readonly<Record<string, ServedVersion>>][] {
  const withVersions = allKindModules().flatMap((m) =>
    m.versions
      ? [[m.kind as KnownKind, m.versions] as [KnownKind, Readonly<Record<string, ServedVersion>>]]
      : [],
  );
  return [...withVersions, ['List', LIST_VERSIONS]];
}

export function isKnownKind(kind: string): kind is KnownKind {
  return servedVersions(kind) !== undefined;
}

export function versionInfo(
  apiVersion: string | undefined,
  kind: string | undefined,
): ServedVersion | undefined {
  if (apiVersion === undefined || kind === undefined) return undefined;
  const versions = servedVersions(kind);
  return versions && Object.prototype.hasOwnProperty.call(versions, apiVersion)
    ? versions[apiVersion]
    : undefined;
}

/** For the schema walk: the field set of (apiVersion, kind), or undefined to accept anything. */
export function schemaFor(apiVersion: string | undefined, kind: string | undefined): Schema | undefined {
  if (kind !== undefined && isTypedList(kind)) return LIST_VERSIONS['v1']?.schema;
  return versionInfo(apiVersion, kind)?.schema;
}

/**
 * `ServiceList`, `PodList`…: what the API returns for a collection. kubectl flattens any `*List` with
 * `items` the way it flattens `List`, so kubeplay does too.
 */
export function isTypedList(kind: string): boolean {
  return kind.length > 4 && kind.endsWith('List') && isKnownKind(kind.slice(0, -4));
}

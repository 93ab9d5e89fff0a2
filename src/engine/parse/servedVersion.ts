/**
 * One apiVersion a kind is written under: the fields it has, and, for versions a current cluster no
 * longer serves, the API server's deprecation warning. Each kind module declares its own
 * (kinds/kindModule.ts `versions`); parse/apiVersions.ts reads them.
 */
import type { Schema } from './schema/types.ts';

export interface ServedVersion {
  schema: Schema;
  /** The API server's deprecation warning, for versions a current cluster no longer serves. */
  deprecated?: string;
}

/**
 * The API server's warning for a removed version: `<gv> <Kind> is deprecated in v1.X+, unavailable in
 * v1.Y+; use <gv> <Kind>` (kubernetes.io/docs/reference/using-api/deprecation-guide/).
 */
export function removedVersion(
  gv: string,
  kind: string,
  deprecatedIn: string,
  removedIn: string,
  replacement: string,
): string {
  return `${gv} ${kind} is deprecated in v${deprecatedIn}+, unavailable in v${removedIn}+; use ${replacement} ${kind}`;
}

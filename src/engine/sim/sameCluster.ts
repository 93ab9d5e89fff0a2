/**
 * Whether two simulations hold the same cluster as far as a request is concerned: the same objects
 * (where they were written aside, so an edit of a comment or a blank line changes nothing) and the same
 * actions replayed. A request routed on one is still true of the other; when they differ, a drawn request
 * is "from an earlier version of the YAML". Cheap: it compares the documents, never the pods.
 */
import type { Manifest } from '../model/objects.ts';
import type { Simulation } from './simulation.ts';

/**
 * Equal apart from where they were written (an edit above a document moves its lines, nothing else).
 * Kept here, free of imports, because the page calls sameCluster on every simulation it receives: an
 * import of objectIdentity.ts would bring the kind registry, and with it the parser, into the page's
 * first JavaScript (docs/performance.md, "What the first page loads").
 */
export function sameManifest(a: Manifest, b: Manifest): boolean {
  return JSON.stringify({ ...a, source: undefined }) === JSON.stringify({ ...b, source: undefined });
}

export function sameCluster(a: Simulation, b: Simulation): boolean {
  if (a === b) return true;
  if (a.manifests.length !== b.manifests.length || a.actions.length !== b.actions.length) return false;
  if (!a.manifests.every((m, i) => sameManifest(m, b.manifests[i]!))) return false;
  return JSON.stringify(a.actions) === JSON.stringify(b.actions);
}

/**
 * Whether two simulations hold the same cluster as far as a request is concerned: the same objects
 * (where they were written aside, so an edit of a comment or a blank line changes nothing) and the same
 * actions replayed. A request routed on one is still true of the other; when they differ, a drawn request
 * is "from an earlier version of the YAML". Cheap: it compares the documents, never the pods.
 */
import type { Simulation } from './simulation.ts';
import { sameManifest } from './objectIdentity.ts';

export function sameCluster(a: Simulation, b: Simulation): boolean {
  if (a === b) return true;
  if (a.manifests.length !== b.manifests.length || a.actions.length !== b.actions.length) return false;
  if (!a.manifests.every((m, i) => sameManifest(m, b.manifests[i]!))) return false;
  return JSON.stringify(a.actions) === JSON.stringify(b.actions);
}

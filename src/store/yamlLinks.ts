/**
 * Graph <-> YAML for the app: the engine's document links (linkDocuments) for the cluster on screen and
 * the editor's text, computed once per (cluster, text) pair and only when asked (a click on a card, the
 * editor's cursor moving), so typing into a 1,000-pod cluster pays nothing while the editor is blurred.
 */
import { linkDocuments } from '../engine/index.ts';
import type { ClusterState, DocumentLink } from '../engine/index.ts';

export function createLinkCache(file: string): (state: ClusterState, text: string) => DocumentLink[] {
  let last: { state: ClusterState; text: string; links: DocumentLink[] } | null = null;
  return (state, text) => {
    if (last && last.state === state && last.text === text) return last.links;
    last = { state, text, links: linkDocuments(state, { file, text }) };
    return last.links;
  };
}

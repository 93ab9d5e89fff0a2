/**
 * Graph <-> YAML for the app: the engine's document links (linkDocuments) for the cluster on screen and
 * the editor's text, computed once per (cluster, text) pair and only when asked (a click on a card, the
 * editor's cursor moving), so typing into a 1,000-pod cluster pays nothing while the editor is blurred.
 * The links read the YAML again (the `yaml` library, ~70 KB gzip), so they load on first use rather
 * than with the page: the initial JavaScript stays under its 200 KB budget (bench:ui).
 */
import type { ClusterState, DocumentLink, ParseCache } from '../engine/index.ts';
import type * as DocumentLinks from '../engine/links.ts';

type LinksModule = typeof DocumentLinks;
let linksModule: Promise<LinksModule> | null = null;
const loadLinks = (): Promise<LinksModule> => (linksModule ??= import('../engine/links.ts'));

export interface LinkCache {
  /** The document holding `line`, and the graph ids of what it made. */
  atLine(state: ClusterState, text: string, line: number): Promise<DocumentLink | undefined>;
  /** The document that made the graph object `id` (a pod: its controller's). */
  ofGraphId(state: ClusterState, text: string, id: string): Promise<DocumentLink | undefined>;
}

export function createLinkCache(file: string): LinkCache {
  let last: { state: ClusterState; text: string; links: DocumentLink[] } | null = null;
  // Each document's reading kept by its text: a keystroke re-reads one document, not the whole file.
  let parseCache: ParseCache | null = null;
  const linksOf = async (state: ClusterState, text: string) => {
    const { linkDocuments, createParseCache } = await loadLinks();
    if (last && last.state === state && last.text === text) return last.links;
    parseCache ??= createParseCache();
    last = { state, text, links: linkDocuments(state, { file, text }, parseCache) };
    return last.links;
  };
  return {
    async atLine(state, text, line) {
      const [{ documentAtLine }, links] = await Promise.all([loadLinks(), linksOf(state, text)]);
      return documentAtLine(links, line);
    },
    async ofGraphId(state, text, id) {
      const [{ documentOfGraphId }, links] = await Promise.all([loadLinks(), linksOf(state, text)]);
      return documentOfGraphId(links, id);
    },
  };
}

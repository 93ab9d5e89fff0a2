/**
 * Embed mode: the graph for an iframe in slides, optionally with the terminal and the YAML (read-only).
 * It is switched on by the page's query (`?embed`, `?embed=terminal`, `?embed=yaml`,
 * `?embed=terminal,yaml`) or by the embed flag a link carries (`view.embed`, the graph alone).
 */
export interface EmbedMode {
  terminal: boolean;
  /** The scenario's YAML beside the graph, to read, not to edit. */
  yaml: boolean;
}

const OFF = new Set(['0', 'false', 'no', 'off']);
const GRAPH_ONLY: EmbedMode = { terminal: false, yaml: false };

/** `search` is `location.search`; `linkEmbed` is the opened link's `view.embed`. */
export function getEmbedMode(search: string, linkEmbed: boolean): EmbedMode | null {
  const params = new URLSearchParams(search);
  const value = params.get('embed');
  if (value === null) return linkEmbed ? GRAPH_ONLY : null;
  const words = value
    .toLowerCase()
    .split(/[,+\s]+/)
    .filter((word) => word !== '');
  if (words.length === 1 && OFF.has(words[0] ?? '')) return null;
  return { terminal: words.includes('terminal'), yaml: words.includes('yaml') };
}

/**
 * The full playground with the same scenario: the embed switch leaves the query and the fragment
 * stays. A fragment that itself carries the embed flag gets `?embed=0`, which wins over it.
 */
export function toFullPageUrl(href: string, fragment: string, linkEmbed: boolean): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  if (linkEmbed) url.searchParams.set('embed', '0');
  url.hash = fragment;
  return url.toString();
}

/**
 * Embed mode: the graph alone (or with the terminal) for an iframe in slides. It is switched on by the
 * page's query (`?embed`, `?embed=terminal`) or by the embed flag a link carries (`view.embed`).
 */
export type EmbedMode = 'graph' | 'terminal';

const OFF = new Set(['0', 'false', 'no', 'off']);

/** `search` is `location.search`; `linkEmbed` is the opened link's `view.embed`. */
export function getEmbedMode(search: string, linkEmbed: boolean): EmbedMode | null {
  const params = new URLSearchParams(search);
  const value = params.get('embed');
  if (value === null) return linkEmbed ? 'graph' : null;
  const word = value.trim().toLowerCase();
  if (OFF.has(word)) return null;
  return word === 'terminal' ? 'terminal' : 'graph';
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

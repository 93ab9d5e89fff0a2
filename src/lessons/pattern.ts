/** The one pattern syntax lessons use: `*` matches any run of characters, everything else is literal. */
export function matchesPattern(pattern: string, value: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(value);
}

/** The graph ids among `ids` that a step's highlight list lights up (for the UI). */
export function highlightedIds(highlight: readonly string[], ids: readonly string[]): string[] {
  return ids.filter((id) => highlight.some((pattern) => matchesPattern(pattern, id)));
}

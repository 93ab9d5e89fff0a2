/**
 * The one pattern syntax lessons use: `*` matches any run of characters, everything else is literal.
 * Matched with the two-pointer wildcard walk (at most pattern × value steps), not a RegExp: a lesson
 * may come from a link, and `*a*a*a…` compiled to `.*a.*a.*…` backtracks for ever on a near miss.
 */
export function matchesPattern(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === value[v]) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** The graph ids among `ids` that a step's highlight list lights up (for the UI). */
export function highlightedIds(highlight: readonly string[], ids: readonly string[]): string[] {
  return ids.filter((id) => highlight.some((pattern) => matchesPattern(pattern, id)));
}

/**
 * The longest start of a pod name's head that fits a width with an ellipsis after it (PodName.tsx).
 * CSS's text-overflow drops whole glyphs and leaves the rest of the box empty, so a name cut by CSS
 * read `traefik-… -svz52`, with a gap before the kept suffix; cutting the text itself leaves none.
 * Pure: the width of a text comes from `measure`.
 */
export const ELLIPSIS = '…';

export function middleCutHead(head: string, room: number, measure: (text: string) => number): string {
  if (measure(head) <= room) return head;
  // The widest prefix whose `prefix…` fits: binary search on its length (widths grow with it).
  let low = 0;
  let high = head.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(head.slice(0, mid) + ELLIPSIS) <= room) low = mid;
    else high = mid - 1;
  }
  return head.slice(0, low) + ELLIPSIS;
}

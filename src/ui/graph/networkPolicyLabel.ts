/** The NetworkPolicy card's count line, shared by the card and the graph export. */
export function policySelectsText(count: number): string {
  if (count === 0) return 'selects no pods';
  return `selects ${count} ${count === 1 ? 'pod' : 'pods'}`;
}

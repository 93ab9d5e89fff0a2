/** Label helpers of the control plane; the matching itself lives in model/labelSelector.ts, shared with parse and lint. */
export { matchesLabels, matchesLabelSelector } from '../model/labelSelector.ts';

/** `app=kubia,tier=web`, as kubectl prints a map selector (keys sorted); `<none>` when empty. */
export function formatSelector(selector: Record<string, string> | undefined): string {
  if (!selector) return '<none>';
  const keys = Object.keys(selector).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${selector[k] ?? ''}`).join(',');
}

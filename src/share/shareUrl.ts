/** The whole link: the page's address with the scenario in the fragment (never sent to a server). */
import { encodeScenario } from './encodeScenario.ts';
import type { SharedScenario } from './types.ts';

/**
 * `base` is the app's address; any fragment it already has is replaced, its query is kept
 * (`?embed=1` style switches stay in the app's hands).
 *
 * @example
 * toShareUrl('https://kubeplay.example.org/', scenario) // 'https://kubeplay.example.org/#z1.…'
 */
export function toShareUrl(base: string, scenario: SharedScenario): string {
  const hash = base.indexOf('#');
  return `${hash >= 0 ? base.slice(0, hash) : base}#${encodeScenario(scenario)}`;
}

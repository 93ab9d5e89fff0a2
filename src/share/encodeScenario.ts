/** Scenario -> link fragment text (what follows `#` in the URL). */
import { encodeV1 } from './codecV1.ts';
import { encodeLz } from './codecLz.ts';
import type { SharedScenario } from './types.ts';

export type LinkFormat = 'z1' | 'lz';

/**
 * The fragment text for a scenario: `z1.…` (compact, the default) or `lz.…` (the simple legacy format).
 * Only non-default fields are written. Strings are stored as UTF-8, so a lone surrogate (invalid
 * Unicode) comes back as U+FFFD; everything else round-trips exactly through decodeScenario.
 *
 * @example
 * const fragment = encodeScenario({ yaml, seed: 1, actions: [] });
 * location.hash = fragment; // '#z1.…'
 */
export function encodeScenario(scenario: SharedScenario, format: LinkFormat = 'z1'): string {
  return format === 'lz' ? encodeLz(scenario) : encodeV1(scenario);
}

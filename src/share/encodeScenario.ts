/** Scenario -> link fragment text (what follows `#` in the URL). */
import { encodeV1 } from './codecV1.ts';
import type { SharedScenario } from './types.ts';

/**
 * The fragment text for a scenario: `z1.…`, the compact format (`lz.…` links are read, never made:
 * codecLz.ts). Only non-default fields are written. Strings are stored as UTF-8, so a lone surrogate (invalid
 * Unicode) comes back as U+FFFD; everything else round-trips exactly through decodeScenario.
 *
 * @example
 * const fragment = encodeScenario({ yaml, seed: 1, actions: [] });
 * location.hash = fragment; // '#z1.…'
 */
export function encodeScenario(scenario: SharedScenario): string {
  return encodeV1(scenario);
}

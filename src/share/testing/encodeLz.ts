/**
 * An `lz.` link as a script makes one (codecLz.ts): lz-string's `compressToEncodedURIComponent` of the
 * scenario JSON. The app only reads this format, so its encoder lives with the tests.
 */
// lz-string is CommonJS with no detectable named exports: Node's ESM loader needs the default import.
import LZString from 'lz-string';
import { PREFIX_LZ, toScenarioJson } from '../codecLz.ts';
import { encodeScenario } from '../encodeScenario.ts';
import type { SharedScenario } from '../types.ts';

export function encodeLz(scenario: SharedScenario): string {
  return PREFIX_LZ + LZString.compressToEncodedURIComponent(JSON.stringify(toScenarioJson(scenario)));
}

/** The fragment text in either format the app reads. */
export function encodeAs(scenario: SharedScenario, format: 'z1' | 'lz'): string {
  return format === 'lz' ? encodeLz(scenario) : encodeScenario(scenario);
}

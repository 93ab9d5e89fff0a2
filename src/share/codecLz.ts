/**
 * The `lz.` link format, the simple one that exists from day one and keeps decoding forever:
 * `lz.` + lz-string `compressToEncodedURIComponent( JSON.stringify(scenario) )`, where the JSON is
 * the SharedScenario with only non-default fields (no seed when 1, no empty actions). The app only
 * reads it (with its own capped decoder, lzDecompressCapped.ts): links are made as `z1.`, and scripts
 * make `lz.` links with lz-string itself (testing/encodeLz.ts is the tests' encoder).
 */
import { MAX_INFLATED_BYTES } from './limits.ts';
import { decompressLzCapped } from './lzDecompressCapped.ts';
import { findUnsafeKey } from './restoreValue.ts';
import { restoreScenario } from './restoreScenario.ts';
import { DEFAULT_SEED } from './types.ts';
import type { DecodeResult, SharedScenario } from './types.ts';

export const PREFIX_LZ = 'lz.';

/** The scenario as plain JSON-ready data with only non-default fields: also the `.json` file shape. */
export function toScenarioJson(scenario: SharedScenario): Record<string, unknown> {
  const json: Record<string, unknown> = { yaml: scenario.yaml };
  if (scenario.seed !== DEFAULT_SEED) json.seed = scenario.seed;
  if (scenario.actions.length > 0) json.actions = scenario.actions;
  if (scenario.layout && Object.keys(scenario.layout).length > 0) json.layout = scenario.layout;
  if (scenario.lesson) json.lesson = scenario.lesson;
  if (scenario.view && Object.keys(scenario.view).length > 0) json.view = scenario.view;
  return json;
}

/** `body` is the link text after the `lz.` prefix. */
export function decodeLz(body: string): DecodeResult {
  let text = body;
  // Some tools percent-encode `$` and `+`; base64url links never need this.
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return { ok: false, error: { code: 'corrupt', message: 'the link has a broken %-escape' } };
    }
  }
  const inflated = decompressLzCapped(text, MAX_INFLATED_BYTES / 2);
  if (!inflated.ok) {
    const message =
      inflated.reason === 'too-large'
        ? `the link inflates to more than ${MAX_INFLATED_BYTES / 2} characters`
        : inflated.reason === 'truncated'
          ? 'the link ends too early (cut when copied?)'
          : 'the link data is damaged';
    return { ok: false, error: { code: inflated.reason, message } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(inflated.text);
  } catch {
    return { ok: false, error: { code: 'corrupt', message: 'the link data is not valid JSON' } };
  }
  const unsafe = findUnsafeKey(parsed, 'scenario');
  if (unsafe) return { ok: false, error: unsafe };
  return restoreScenario(parsed);
}

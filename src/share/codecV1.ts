/**
 * The `z1.` link format: `z1.` + base64url( checksum16 (2 bytes, big-endian) + raw deflate of the
 * UTF-8 payload, primed with the frozen v1 dictionary ). The payload is wireV1's text.
 */
import { deflateSync } from 'fflate';
import { encodeBase64url, decodeBase64url } from './base64url.ts';
import { checksum16 } from './checksum.ts';
import { DICTIONARY_V1 } from './dictionaries/v1.ts';
import { inflateCapped } from './inflateCapped.ts';
import { MAX_INFLATED_BYTES } from './limits.ts';
import { restoreScenario } from './restoreScenario.ts';
import type { DecodeResult, SharedScenario } from './types.ts';
import { fromPayloadV1, toPayloadV1 } from './wireV1.ts';

export const PREFIX_V1 = 'z1.';

const dictionaryBytes = new TextEncoder().encode(DICTIONARY_V1);

export function encodeV1(scenario: SharedScenario): string {
  return encodePayloadV1(new TextEncoder().encode(toPayloadV1(scenario)));
}

/** Frames and compresses raw payload bytes (exported for tests that build hostile links). */
export function encodePayloadV1(payload: Uint8Array): string {
  const compressed = deflateSync(payload, { level: 9, dictionary: dictionaryBytes });
  const framed = new Uint8Array(2 + compressed.length);
  const check = checksum16(payload);
  framed[0] = check >> 8;
  framed[1] = check & 0xff;
  framed.set(compressed, 2);
  return PREFIX_V1 + encodeBase64url(framed);
}

/** `body` is the link text after the `z1.` prefix. */
export function decodeV1(body: string): DecodeResult {
  const framed = decodeBase64url(body);
  if (!framed)
    return {
      ok: false,
      error: { code: 'corrupt', message: 'the link has characters base64url does not use' },
    };
  if (framed.length < 3)
    return { ok: false, error: { code: 'truncated', message: 'the link ends too early (cut when copied?)' } };
  const inflated = inflateCapped(framed.subarray(2), dictionaryBytes, MAX_INFLATED_BYTES);
  if (!inflated.ok) return { ok: false, error: { code: inflated.reason, message: inflated.message } };
  if (checksum16(inflated.bytes) !== ((framed[0]! << 8) | framed[1]!)) {
    return {
      ok: false,
      error: { code: 'corrupt', message: 'the link was changed or damaged (checksum mismatch)' },
    };
  }
  let payload: string;
  try {
    payload = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(inflated.bytes);
  } catch {
    return { ok: false, error: { code: 'corrupt', message: 'the link data is not valid UTF-8 text' } };
  }
  const parsed = fromPayloadV1(payload);
  if (!parsed.ok) return parsed;
  return restoreScenario(parsed.candidate);
}

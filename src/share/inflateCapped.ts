/**
 * Raw inflate that stops as soon as the output passes a cap: a decompression bomb (a few KB that
 * inflate to gigabytes) is cut off after about `maxBytes`, not measured after the damage. fflate's
 * streaming Inflate is fed small slices; one slice can inflate to at most ~1032x its size (deflate's
 * best ratio), so the overshoot past the cap is bounded by CHUNK * 1032 bytes.
 */
import { Inflate } from 'fflate';

const CHUNK = 256;

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'too-large' | 'truncated' | 'corrupt'; message: string };

export function inflateCapped(data: Uint8Array, dictionary: Uint8Array, maxBytes: number): InflateResult {
  // fflate reports an empty input as a finished, empty stream; a real deflate stream is never empty.
  if (data.length === 0)
    return { ok: false, reason: 'truncated', message: 'the link ends too early (cut when copied?)' };
  const parts: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  try {
    const inflater = new Inflate({ dictionary }, (chunk, final) => {
      total += chunk.length;
      if (total <= maxBytes) parts.push(chunk);
      if (final) finished = true;
    });
    for (let at = 0; at < data.length; at += CHUNK) {
      inflater.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
      if (total > maxBytes) {
        return {
          ok: false,
          reason: 'too-large',
          message: `the link inflates to more than ${maxBytes} bytes`,
        };
      }
    }
  } catch (error) {
    // fflate's error code 0 is "unexpected EOF": the stream was cut short.
    const code = (error as { code?: unknown }).code;
    if (code === 0)
      return { ok: false, reason: 'truncated', message: 'the link ends too early (cut when copied?)' };
    return {
      ok: false,
      reason: 'corrupt',
      message: `the link data is damaged (${String((error as Error).message)})`,
    };
  }
  if (!finished)
    return { ok: false, reason: 'truncated', message: 'the link ends too early (cut when copied?)' };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { ok: true, bytes };
}

/**
 * Link text -> scenario, for every format ever published (old links keep working): the prefix picks
 * the decoder. Hostile-input safe: never throws, never hangs; every failure is a ShareError.
 */
import { decodeV1, PREFIX_V1 } from './codecV1.ts';
import { decodeLz, PREFIX_LZ } from './codecLz.ts';
import { MAX_LINK_CHARS } from './limits.ts';
import type { DecodeResult } from './types.ts';

const DECODERS: ReadonlyArray<{ prefix: string; decode: (body: string) => DecodeResult }> = [
  { prefix: PREFIX_V1, decode: decodeV1 },
  { prefix: PREFIX_LZ, decode: decodeLz },
];

/**
 * Accepts the fragment text (`z1.…`), the hash (`#z1.…`) or a whole URL (`https://…/#z1.…`);
 * surrounding whitespace and trailing punctuation (a link pasted from an email) are ignored.
 *
 * @example
 * const result = decodeScenario(location.hash);
 * if (result.ok) load(result.scenario); else showError(result.error.code, result.error.message);
 */
export function decodeScenario(text: string): DecodeResult {
  try {
    return decodeOrThrow(text);
  } catch (error) {
    // Every decoder is written not to throw; this is the last net, so a bug cannot crash the app.
    return { ok: false, error: { code: 'corrupt', message: `the link could not be read: ${String(error)}` } };
  }
}

/**
 * Punctuation that prose or a chat app glued to the end of a link ("open #z1.… ."): neither
 * base64url nor lz-string's alphabet uses any of it, so it is never part of the link. A loop, not a
 * `/[…]+$/` regex, which backtracks quadratically on a long run of dots in the middle of the text.
 */
const TRAILING_PUNCTUATION = new Set([...'.,;:!?)]\'"»>']);

function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}

function decodeOrThrow(input: string): DecodeResult {
  if (typeof input !== 'string') return { ok: false, error: { code: 'empty', message: 'no link text' } };
  if (input.length > MAX_LINK_CHARS + 4096) {
    return {
      ok: false,
      error: { code: 'too-long', message: `the link is longer than ${MAX_LINK_CHARS} characters` },
    };
  }
  const hash = input.indexOf('#');
  const text = trimTrailingPunctuation((hash >= 0 ? input.slice(hash + 1) : input).trim());
  if (text === '') return { ok: false, error: { code: 'empty', message: 'the link holds no scenario' } };
  if (text.length > MAX_LINK_CHARS) {
    return {
      ok: false,
      error: { code: 'too-long', message: `the link is longer than ${MAX_LINK_CHARS} characters` },
    };
  }
  for (const { prefix, decode } of DECODERS) {
    if (text.startsWith(prefix)) return decode(text.slice(prefix.length));
  }
  const version = /^([a-z][a-z0-9]{0,7})\./i.exec(text)?.[1];
  return {
    ok: false,
    error: {
      code: 'unknown-version',
      message: version
        ? `this link's format "${version}" is newer than this kubeplay knows; open it in an up-to-date kubeplay`
        : 'this is not a kubeplay scenario link (it should start with z1. or lz.)',
    },
  };
}

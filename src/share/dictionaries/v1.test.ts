import { describe, it, expect } from 'vitest';
import { DICTIONARY_V1 } from './v1.ts';

/** Every z1 link ever made depends on these exact bytes: this hash must never change. */
const PINNED_SHA256 = '540cb8f048c9ac5b3169f5ce4f9748be31ea9e0ba77903d633b61fc2b193cafd';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

describe('the z1 dictionary', () => {
  it('is frozen: its bytes hash to the published value (add dictionaries/v2.ts instead of editing)', async () => {
    expect(await sha256Hex(DICTIONARY_V1)).toBe(PINNED_SHA256);
  });

  it('fits deflate’s 32 KiB window', () => {
    expect(new TextEncoder().encode(DICTIONARY_V1).length).toBeLessThanOrEqual(32 * 1024);
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import LZString from 'lz-string';
import { decompressLzCapped } from './lzDecompressCapped.ts';

describe('decompressLzCapped', () => {
  it('reads what lz-string writes, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const link = LZString.compressToEncodedURIComponent(text);
        expect(decompressLzCapped(link, 1_000_000)).toEqual({ ok: true, text });
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with lz-string on damaged input wherever lz-string returns text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'),
          maxLength: 60,
        }),
        (garbage) => {
          let theirs: string | null;
          try {
            theirs = LZString.decompressFromEncodedURIComponent(garbage);
          } catch {
            theirs = null; // lz-string itself throws on some damaged input: one more reason for our own
          }
          const ours = decompressLzCapped(garbage, 1_000_000);
          if (ours.ok && ours.text !== '') expect(ours.text).toBe(theirs);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stops at the cap instead of expanding a bomb', () => {
    const bomb = LZString.compressToEncodedURIComponent('ab'.repeat(50_000));
    expect(decompressLzCapped(bomb, 99_999)).toEqual({ ok: false, reason: 'too-large' });
    expect(decompressLzCapped(bomb, 100_000)).toMatchObject({ ok: true });
  });

  it('treats spaces as the plus signs URLSearchParams turned them from', () => {
    const texts = Array.from({ length: 500 }, (_, i) => `kubia ${String.fromCharCode(0x2000 + i * 97)} ${i}`);
    const link = texts.map((t) => LZString.compressToEncodedURIComponent(t)).find((l) => l.includes('+'));
    if (!link) throw new Error('no sample link with a plus sign');
    expect(decompressLzCapped(link.replace(/\+/g, ' '), 1000)).toMatchObject({ ok: true });
  });

  it('refuses characters outside the alphabet', () => {
    expect(decompressLzCapped('abc_def', 1000)).toEqual({ ok: false, reason: 'corrupt' });
  });
});

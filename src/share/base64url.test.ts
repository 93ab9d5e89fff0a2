import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeBase64url, encodeBase64url } from './base64url.ts';

describe('base64url', () => {
  it('round-trips any bytes using only URL-safe characters and no padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(text.length).toBe(Math.ceil((bytes.length * 4) / 3));
        expect(decodeBase64url(text)).toEqual(bytes);
      }),
    );
  });

  it('matches the RFC 4648 test vectors (without padding)', () => {
    const enc = (s: string) => encodeBase64url(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual([
      '',
      'Zg',
      'Zm8',
      'Zm9v',
      'Zm9vYg',
      'Zm9vYmE',
      'Zm9vYmFy',
    ]);
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('refuses other characters and impossible lengths', () => {
    expect(decodeBase64url('ab+c')).toBeUndefined();
    expect(decodeBase64url('ab/c')).toBeUndefined();
    expect(decodeBase64url('abcde')).toBeUndefined();
    expect(decodeBase64url('Zm9v\u00e9')).toBeUndefined();
  });
});

import { describe, it, expect } from 'vitest';
import { getEmbedMode, toFullPageUrl } from './embedMode.ts';

describe('getEmbedMode', () => {
  it.each([
    ['', false, null],
    ['?embed', false, 'graph'],
    ['?embed=1', false, 'graph'],
    ['?embed=terminal', false, 'terminal'],
    ['?embed=0', false, null],
    ['?embed=false', true, null],
    ['', true, 'graph'],
    ['?other=1', true, 'graph'],
  ])('%s (link flag %s) -> %s', (search, flag, expected) => {
    expect(getEmbedMode(search, flag)).toBe(expected);
  });
});

describe('toFullPageUrl', () => {
  it('drops the embed switch and keeps the fragment', () => {
    expect(toFullPageUrl('https://x.test/p/?embed=terminal#z1.abc', 'z1.abc', false)).toBe(
      'https://x.test/p/#z1.abc',
    );
  });

  it('overrides an embed flag carried in the fragment', () => {
    expect(toFullPageUrl('https://x.test/?embed#z1.abc', 'z1.abc', true)).toBe(
      'https://x.test/?embed=0#z1.abc',
    );
  });
});

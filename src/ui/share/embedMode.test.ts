import { describe, it, expect } from 'vitest';
import { getEmbedMode, toFullPageUrl } from './embedMode.ts';

describe('getEmbedMode', () => {
  const graph = { terminal: false, yaml: false };
  it.each([
    ['', false, null],
    ['?embed', false, graph],
    ['?embed=1', false, graph],
    ['?embed=graph', false, graph],
    ['?embed=terminal', false, { terminal: true, yaml: false }],
    ['?embed=yaml', false, { terminal: false, yaml: true }],
    ['?embed=terminal,yaml', false, { terminal: true, yaml: true }],
    ['?embed=YAML+terminal', false, { terminal: true, yaml: true }],
    ['?embed=0', false, null],
    ['?embed=false', true, null],
    ['', true, graph],
    ['?other=1', true, graph],
  ])('%s (link flag %s) -> %o', (search, flag, expected) => {
    expect(getEmbedMode(search, flag)).toEqual(expected);
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

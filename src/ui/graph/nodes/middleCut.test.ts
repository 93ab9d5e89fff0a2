import { describe, expect, it } from 'vitest';
import { ELLIPSIS, middleCutHead } from './middleCut.ts';

/** Every character is 10 px wide, the ellipsis too. */
const measure = (text: string) => text.length * 10;

describe('middleCutHead', () => {
  it('keeps a head that fits whole', () => {
    expect(middleCutHead('kubia', 50, measure)).toBe('kubia');
  });

  it('keeps the longest start that fits with the ellipsis, and nothing wider', () => {
    const cut = middleCutHead('traefik-ingress-controller-7d4b9c8f6', 95, measure);
    expect(cut).toBe(`traefik-${ELLIPSIS}`);
    expect(measure(cut)).toBeLessThanOrEqual(95);
    expect(measure(middleCutHead('traefik-ingress-controller-7d4b9c8f6', 100, measure))).toBe(100);
  });

  it('leaves the ellipsis alone when no character fits', () => {
    expect(middleCutHead('web-79fb75c98', 5, measure)).toBe(ELLIPSIS);
  });
});

import { describe, it, expect } from 'vitest';
import { createGenerationCounter } from './generation.ts';

describe('generation counter', () => {
  it('applies only the latest generation', () => {
    const g = createGenerationCounter();
    const first = g.next();
    const second = g.next();
    expect(g.isLatest(first)).toBe(false);
    expect(g.isLatest(second)).toBe(true);
  });
});

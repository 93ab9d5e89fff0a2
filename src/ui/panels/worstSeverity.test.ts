import { describe, expect, it } from 'vitest';
import { worstSeverity } from './worstSeverity.ts';

describe('worstSeverity', () => {
  it('is undefined without problems', () => {
    expect(worstSeverity([])).toBeUndefined();
  });
  it('is the most serious severity present, wherever it sits', () => {
    expect(worstSeverity([{ severity: 'info' }])).toBe('info');
    expect(worstSeverity([{ severity: 'info' }, { severity: 'warning' }, { severity: 'info' }])).toBe(
      'warning',
    );
    expect(worstSeverity([{ severity: 'error' }, { severity: 'warning' }])).toBe('error');
    expect(worstSeverity([{ severity: 'warning' }, { severity: 'info' }, { severity: 'error' }])).toBe(
      'error',
    );
  });
});

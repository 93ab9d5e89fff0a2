import { describe, expect, it } from 'vitest';
import { BULK_CHANGE_CHARS, isBulkChange } from './bulkChange.ts';

describe('isBulkChange', () => {
  const text = 'kind: Pod\n'.repeat(300);

  it('takes a keystroke, or a line typed or deleted, for typing', () => {
    expect(isBulkChange(text, `${text}x`)).toBe(false);
    expect(isBulkChange(text, text.slice(0, -10))).toBe(false);
    expect(isBulkChange(text, text.replace('Pod', 'Service'))).toBe(false);
  });

  it('takes a pasted or cut block for one change', () => {
    expect(isBulkChange('', text)).toBe(true);
    expect(isBulkChange(text, text.slice(BULK_CHANGE_CHARS))).toBe(true);
  });
});

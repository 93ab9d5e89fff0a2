import { describe, expect, it } from 'vitest';
import { textAfterPaste } from './pasteAhead.ts';

describe('textAfterPaste', () => {
  it('puts the pasted text over the selection', () => {
    expect(textAfterPaste('a: 1\nb: 2\n', 0, 10, 'c: 3\n', '\n')).toBe('c: 3\n');
    expect(textAfterPaste('a: 1\nb: 2\n', 5, 5, 'c: 3\n', '\n')).toBe('a: 1\nc: 3\nb: 2\n');
    expect(textAfterPaste('a: 1\n', 3, 4, '22', '\n')).toBe('a: 22\n');
  });

  it("turns the pasted line breaks into the model's own", () => {
    expect(textAfterPaste('', 0, 0, 'a: 1\r\nb: 2\rc: 3\n', '\n')).toBe('a: 1\nb: 2\nc: 3\n');
    expect(textAfterPaste('x\r\n', 3, 3, 'a: 1\nb: 2\r\n', '\r\n')).toBe('x\r\na: 1\r\nb: 2\r\n');
  });
});

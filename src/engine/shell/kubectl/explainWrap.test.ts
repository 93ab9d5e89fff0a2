/** go-wordwrap's behaviour, which kubectl explain's wrapping is. */
import { describe, expect, it } from 'vitest';
import { wrapWords } from './explainWrap.ts';

describe('wrapWords', () => {
  it('breaks at the last space before the limit and drops that space', () => {
    expect(wrapWords('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
  });
  it('keeps a word longer than the limit whole, on its own line', () => {
    expect(wrapWords('see https://kubernetes.io/docs/concepts/ now', 10)).toBe(
      'see\nhttps://kubernetes.io/docs/concepts/\nnow',
    );
  });
  it('keeps the text’s own newlines and blank lines', () => {
    expect(wrapWords('one two\n\nthree', 5)).toBe('one\ntwo\n\nthree');
  });
});

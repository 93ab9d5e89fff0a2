/**
 * The word wrapping of `kubectl explain` (kubectl pkg/util/term NewWordWrapWriter, which uses
 * github.com/mitchellh/go-wordwrap): lines break at whitespace before the limit, a word longer than the
 * limit stays whole on its own line, the text's own newlines are kept, and the spaces at a break are
 * dropped. Widths count characters, not bytes.
 */
const NBSP = '\u00a0';

function isSpace(ch: string): boolean {
  return ch !== NBSP && /\s/u.test(ch);
}

export function wrapWords(text: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const ch of text) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space;
      } else {
        out += space + word;
      }
      space = '';
      spaceLen = 0;
      word = '';
      wordLen = 0;
      out += ch;
      current = 0;
    } else if (isSpace(ch)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/**
 * lz-string's `decompressFromEncodedURIComponent` (lz-string 1.5.0, MIT, Pieroxy), rewritten with an
 * output cap. lz-string's own decoder cannot be stopped: every code adds a dictionary entry one
 * character longer than an earlier one, so a short hostile link can expand quadratically (tens of
 * thousands of characters of link to hundreds of megabytes). Here the output is counted as it grows.
 * The bit reading and dictionary rules follow lz-string's `_decompress` exactly (tested against it).
 */
const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

export type LzResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'too-large' | 'corrupt' | 'truncated' };

export function decompressLzCapped(input: string, maxChars: number): LzResult {
  // URLSearchParams and some chat apps turn `+` into a space; lz-string undoes that the same way.
  const text = input.replace(/ /g, '+');
  const values = new Int8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    values[i] = URI_ALPHABET.indexOf(text.charAt(i));
    if (values[i]! < 0) return { ok: false, reason: 'corrupt' };
  }
  if (text.length === 0) return { ok: false, reason: 'truncated' };

  const resetValue = 32; // 6 bits per character, read from the high bit down
  let val = values[0]!;
  let position = resetValue;
  let index = 1;
  // Past the end, lz-string reads zero bits; the check at the top of the loop then stops it.
  const readBits = (count: number): number => {
    let bits = 0;
    for (let power = 1; power !== 1 << count; power <<= 1) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        val = values[index++] ?? 0;
      }
      if (bit > 0) bits |= power;
    }
    return bits;
  };

  const dictionary: string[] = [];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  let total = 0;
  const result: string[] = [];

  const first = readBits(2);
  let w: string;
  if (first === 0 || first === 1) {
    w = String.fromCharCode(readBits(first === 0 ? 8 : 16));
  } else if (first === 2) {
    return { ok: true, text: '' };
  } else {
    return { ok: false, reason: 'corrupt' };
  }
  dictionary[3] = w;
  result.push(w);
  total = 1;

  for (;;) {
    if (index > text.length) return { ok: false, reason: 'truncated' };
    let c = readBits(numBits);
    if (c === 0 || c === 1) {
      dictionary[dictSize++] = String.fromCharCode(readBits(c === 0 ? 8 : 16));
      c = dictSize - 1;
      enlargeIn--;
    } else if (c === 2) {
      return { ok: true, text: result.join('') };
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    const known = dictionary[c];
    if (known !== undefined) entry = known;
    else if (c === dictSize) entry = w + w.charAt(0);
    else return { ok: false, reason: 'corrupt' };
    total += entry.length;
    if (total > maxChars) return { ok: false, reason: 'too-large' };
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}

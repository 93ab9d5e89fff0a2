/**
 * A 16-bit check over the uncompressed payload. Raw deflate has no checksum of its own, so a link
 * with one character changed could otherwise inflate to a different, plausible scenario; with it, the
 * damage is reported (1 in 65,536 slips through). FNV-1a 32, folded to 16 bits.
 */
export function checksum16(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]!;
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 16) ^ hash) & 0xffff;
}

/**
 * Caps that keep decoding safe on hostile links: every one is far above what a real scenario needs,
 * and each is checked before the work it bounds (so a bomb is stopped, not measured afterwards).
 */

/** The longest link text we try to decode. Browsers accept ~2 MB URLs, but nobody shares one. */
export const MAX_LINK_CHARS = 512 * 1024;

/** The most bytes a link may inflate to: a scenario is kilobytes; 2 MiB stops decompression bombs. */
export const MAX_INFLATED_BYTES = 2 * 1024 * 1024;

/** The most actions a link may replay (a lesson replays tens). */
export const MAX_ACTIONS = 10_000;

/** The most graph positions a link may carry (the 1,000-pod scenario needs about 1,100). */
export const MAX_LAYOUT_ENTRIES = 20_000;

/** A lesson file carried in a link (the bundled ones are 3-9 KB). */
export const MAX_LESSON_CHARS = 100_000;

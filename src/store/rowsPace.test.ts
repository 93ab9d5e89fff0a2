import { describe, expect, it } from 'vitest';
import { CROWD_ROWS_EVERY_MS, EVERY_ROW_UP_TO, showsCountsNow } from './rowsPace.ts';

const crowd = { targets: EVERY_ROW_UP_TO + 1, done: false, sinceShown: 1000 };

describe('showsCountsNow', () => {
  it("keeps a crowd's counts between landings under two seconds apart", () => {
    expect(showsCountsNow(crowd)).toBe(false);
    expect(showsCountsNow({ ...crowd, sinceShown: CROWD_ROWS_EVERY_MS - 1 })).toBe(false);
  });

  it("shows a crowd's counts every two seconds", () => {
    expect(showsCountsNow({ ...crowd, sinceShown: CROWD_ROWS_EVERY_MS })).toBe(true);
  });

  it('shows the exact counts once the last request has landed', () => {
    expect(showsCountsNow({ ...crowd, done: true, sinceShown: 10 })).toBe(true);
  });

  it("shows a class's batch (every target a row of its own) at every landing", () => {
    expect(showsCountsNow({ ...crowd, targets: EVERY_ROW_UP_TO, sinceShown: 10 })).toBe(true);
  });
});

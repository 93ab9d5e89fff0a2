import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenUserPauses } from './whenUserPauses.ts';

describe('whenUserPauses', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function watch(quietMs: number, target: EventTarget): { paused: () => boolean } {
    let paused = false;
    void whenUserPauses(quietMs, target).then(() => {
      paused = true;
    });
    return { paused: () => paused };
  }

  it('resolves after the quiet time when nobody touches the page', async () => {
    const page = new EventTarget();
    const w = watch(3000, page);
    await vi.advanceTimersByTimeAsync(2999);
    expect(w.paused()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(w.paused()).toBe(true);
  });

  it('starts the quiet time over at every key, click and wheel', async () => {
    const page = new EventTarget();
    const w = watch(3000, page);
    for (const type of ['keydown', 'pointerdown', 'wheel']) {
      await vi.advanceTimersByTimeAsync(2500);
      page.dispatchEvent(new Event(type));
    }
    await vi.advanceTimersByTimeAsync(2999);
    expect(w.paused()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(w.paused()).toBe(true);
  });

  it('stops listening once it has resolved', async () => {
    const page = new EventTarget();
    const removed = vi.spyOn(page, 'removeEventListener');
    watch(100, page);
    await vi.advanceTimersByTimeAsync(100);
    expect(removed.mock.calls.map((c) => c[0]).sort()).toEqual(['keydown', 'pointerdown', 'wheel']);
    // Input after the pause schedules nothing more.
    page.dispatchEvent(new Event('keydown'));
    expect(vi.getTimerCount()).toBe(0);
  });
});

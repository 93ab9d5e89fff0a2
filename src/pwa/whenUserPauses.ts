/**
 * Resolves once the person has left the page alone for `quietMs`: no key, click, touch or wheel in
 * that time. The service worker's first install waits for it (offlineAfterPause.ts): it fetches the
 * build's 9 MB again and stores it, and Chromium compiles the stored scripts for its code cache,
 * seconds of CPU on the service worker's thread. Started as soon as the first graph was drawn, it ran
 * beside whatever the person did first: a paste of the 1,000-pod scenario right after the editor
 * opened took about a third longer with it (docs/performance.md, "The precache waits for a pause").
 */

/** The input that says someone is at work on the page (IME composition and paste come with keydown). */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

export function whenUserPauses(quietMs: number, target: EventTarget = window): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout>;
    const options = { capture: true, passive: true } as const;
    const restart = (): void => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    };
    function done(): void {
      for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, restart, options);
      resolve();
    }
    for (const type of ACTIVITY_EVENTS) target.addEventListener(type, restart, options);
    restart();
  });
}

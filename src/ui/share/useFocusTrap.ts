/**
 * Keeps Tab and Shift+Tab cycling inside a modal dialog. A native modal <dialog> makes the page behind
 * it inert, but Tab past its last control still leaves for the browser's own UI; this wraps instead
 * (WAI-ARIA APG, "Dialog (Modal)": Tab on the last focusable element moves to the first).
 */
import { useEffect } from 'react';
import type { RefObject } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    // checkVisibility: the content of a closed <details> still has boxes but cannot take focus.
    (el) => !el.matches(':disabled') && el.checkVisibility({ visibilityProperty: true }),
  );
}

export function useFocusTrap(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const items = focusables(root);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !root.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !root.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [ref]);
}

/**
 * After a change in a dialog, where the keyboard focus goes (a selector inside `container`), once the
 * change has rendered: every change re-renders the dialog, so the effect after each render moves it.
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

export function useFocusAfterRender(container: RefObject<HTMLElement | null>): (selector: string) => void {
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const target = focusNext.current
      ? container.current?.querySelector<HTMLElement>(focusNext.current)
      : null;
    if (!target) return;
    target.focus();
    focusNext.current = null;
  });
  return (selector: string) => {
    focusNext.current = selector;
  };
}

/**
 * True while the keyboard focus is somewhere a person types (see isTypingElement). For shortcuts
 * that cannot ask per key, such as React Flow's key props: the graph passes `null` while this is
 * true, and React Flow then listens to no key at all.
 */
import { useSyncExternalStore } from 'react';
import { isTypingFocused } from './isTypingTarget.ts';

// focusin/focusout bubble (focus/blur do not), so two listeners on the document see every move.
function subscribe(onChange: () => void): () => void {
  document.addEventListener('focusin', onChange);
  document.addEventListener('focusout', onChange);
  return () => {
    document.removeEventListener('focusin', onChange);
    document.removeEventListener('focusout', onChange);
  };
}

const getSnapshot = () => isTypingFocused();
const getServerSnapshot = () => false;

export function useTypingFocus(): boolean {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

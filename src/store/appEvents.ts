/**
 * What the person did (a terminal line, a request, an action), told to whoever listens once the
 * simulation shows its effect: lessons check their steps with it.
 */
import type { LessonEvent } from '../lessons/index.ts';

export interface AppEvents {
  report(event: LessonEvent): void;
  /** Returns the unsubscribe. */
  onEvent(listener: (event: LessonEvent) => void): () => void;
  clear(): void;
}

export function createAppEvents(): AppEvents {
  const listeners = new Set<(event: LessonEvent) => void>();
  return {
    report(event) {
      for (const listener of listeners) listener(event);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      listeners.clear();
    },
  };
}

/**
 * What a key does in presenter mode, decided from plain values so it can be tested without a DOM.
 * A presentation clicker sends PageDown/PageUp (and often arrows), so PageDown walks the current
 * request hop by hop and, once it has arrived, sends the next one.
 */
export type PresenterCommand =
  | { kind: 'toggle' }
  | { kind: 'leave' }
  | { kind: 'send' }
  | { kind: 'step'; hop: number }
  | { kind: 'fit' };

export interface PresenterKeyState {
  presenter: boolean;
  stepMode: boolean;
  stepHop: number;
  /** Hops of the focused request, 0 when there is none. */
  hopCount: number;
  /** The hop the focused request has reached while animating (traffic store's focusedHop). */
  reachedHop: number;
  /** The focused request has arrived. */
  landed: boolean;
}

/** The hop step mode should show after one step forward/back (stepHop == hopCount means "arrived"). */
function stepTarget(state: PresenterKeyState, delta: 1 | -1): number {
  const from = state.stepMode ? state.stepHop : state.landed ? state.hopCount : state.reachedHop;
  return Math.max(0, Math.min(state.hopCount, from + delta));
}

/** Is a request under way that the next click should advance (rather than send a new one)? */
function requestUnderWay(state: PresenterKeyState): boolean {
  if (state.hopCount === 0) return false;
  return state.stepMode ? state.stepHop < state.hopCount : !state.landed;
}

export function getPresenterCommand(key: string, state: PresenterKeyState): PresenterCommand | null {
  if (key === 'p' || key === 'P') return { kind: 'toggle' };
  if (!state.presenter) return null;
  switch (key) {
    case 'Escape':
      return { kind: 'leave' };
    case 'n':
    case 'N':
      return { kind: 'send' };
    case 'f':
    case 'F':
      return { kind: 'fit' };
    case 'PageDown':
      return requestUnderWay(state) ? { kind: 'step', hop: stepTarget(state, 1) } : { kind: 'send' };
    case 'ArrowRight':
      return state.hopCount > 0 ? { kind: 'step', hop: stepTarget(state, 1) } : null;
    case 'ArrowLeft':
    case 'PageUp':
      return state.hopCount > 0 ? { kind: 'step', hop: stepTarget(state, -1) } : null;
    default:
      return null;
  }
}

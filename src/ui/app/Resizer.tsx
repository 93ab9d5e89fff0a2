/**
 * A splitter between two panels that looks like one: a grip in the middle, the resize cursor, and the
 * WAI-ARIA window splitter pattern (role=separator with a value; arrow keys move it, Shift for big
 * steps, Home/End to the limits) — https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/
 */
import type { KeyboardEvent, PointerEvent } from 'react';

export interface ResizerProps {
  /** `vertical`: a bar between two columns (drag left/right); `horizontal`: between two rows. */
  orientation: 'vertical' | 'horizontal';
  label: string;
  value: number;
  min: number;
  max: number;
  /**
   * +1 when moving the bar right/down makes the panel larger (a panel left of or above the bar),
   * -1 when it makes it smaller (a panel right of or below it).
   */
  grows: 1 | -1;
  onResize(value: number): void;
  testId?: string;
}

const STEP = 20;
const BIG_STEP = 80;

export function Resizer({ orientation, label, value, min, max, grows, onResize, testId }: ResizerProps) {
  const clamp = (n: number) => Math.min(max, Math.max(min, Math.round(n)));
  const vertical = orientation === 'vertical';
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const start = vertical ? event.clientX : event.clientY;
    const startValue = value;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    target.focus();
    const move = (e: globalThis.PointerEvent) =>
      onResize(clamp(startValue + grows * ((vertical ? e.clientX : e.clientY) - start)));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    // The arrow that points the way the bar moves: Right/Down move it right/down.
    const forward = vertical ? 'ArrowRight' : 'ArrowDown';
    const back = vertical ? 'ArrowLeft' : 'ArrowUp';
    let next: number | null = null;
    if (event.key === forward) next = value + grows * step;
    else if (event.key === back) next = value - grows * step;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    if (next === null) return;
    event.preventDefault();
    onResize(clamp(next));
  };
  return (
    <div
      className={`kp-resizer kp-resizer-${orientation}`}
      role="separator"
      // A separator's orientation is the bar's own: a bar between columns is vertical.
      aria-orientation={orientation}
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      title={label}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <span className="kp-grip" aria-hidden="true" />
    </div>
  );
}

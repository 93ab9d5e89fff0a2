import { describe, it, expect } from 'vitest';
import { getPresenterCommand } from './presenterKeys.ts';
import type { PresenterKeyState } from './presenterKeys.ts';

const idle: PresenterKeyState = {
  presenter: true,
  stepMode: false,
  stepHop: 0,
  hopCount: 0,
  reachedHop: 0,
  landed: false,
};

describe('getPresenterCommand', () => {
  it('P toggles presenter mode from anywhere; other keys do nothing outside it', () => {
    expect(getPresenterCommand('p', { ...idle, presenter: false })).toEqual({ kind: 'toggle' });
    expect(getPresenterCommand('N', { ...idle, presenter: false })).toBeNull();
    expect(getPresenterCommand('Escape', { ...idle, presenter: false })).toBeNull();
  });

  it('Esc leaves, N sends, F fits', () => {
    expect(getPresenterCommand('Escape', idle)).toEqual({ kind: 'leave' });
    expect(getPresenterCommand('n', idle)).toEqual({ kind: 'send' });
    expect(getPresenterCommand('f', idle)).toEqual({ kind: 'fit' });
  });

  it('PageDown sends when no request is under way', () => {
    expect(getPresenterCommand('PageDown', idle)).toEqual({ kind: 'send' });
    const arrived = { ...idle, hopCount: 4, reachedHop: 3, landed: true };
    expect(getPresenterCommand('PageDown', arrived)).toEqual({ kind: 'send' });
  });

  it('PageDown and Right step from the hop the animation reached into step mode', () => {
    const flying = { ...idle, hopCount: 4, reachedHop: 1 };
    expect(getPresenterCommand('PageDown', flying)).toEqual({ kind: 'step', hop: 2 });
    expect(getPresenterCommand('ArrowRight', flying)).toEqual({ kind: 'step', hop: 2 });
  });

  it('in step mode Right/Left move one hop and stop at the ends', () => {
    const stepping = { ...idle, stepMode: true, stepHop: 0, hopCount: 3 };
    expect(getPresenterCommand('ArrowRight', stepping)).toEqual({ kind: 'step', hop: 1 });
    expect(getPresenterCommand('ArrowLeft', stepping)).toEqual({ kind: 'step', hop: 0 });
    expect(getPresenterCommand('ArrowRight', { ...stepping, stepHop: 3 })).toEqual({ kind: 'step', hop: 3 });
    // Walked past the last hop: the next click sends a new request.
    expect(getPresenterCommand('PageDown', { ...stepping, stepHop: 3 })).toEqual({ kind: 'send' });
  });

  it('arrows do nothing without a request', () => {
    expect(getPresenterCommand('ArrowRight', idle)).toBeNull();
    expect(getPresenterCommand('ArrowLeft', idle)).toBeNull();
  });
});

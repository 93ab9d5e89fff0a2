import { describe, expect, it } from 'vitest';
import type { Action } from '../engine/index.ts';
import { onlyTimePassed } from './onlyTimePassed.ts';

const scale: Action = {
  type: 'scale',
  kind: 'ReplicationController',
  namespace: 'default',
  name: 'kubia',
  replicas: 4,
};
const wait = (seconds: number): Action => ({ type: 'wait', seconds });
const build = (actions: Action[], yaml = 'a: 1\n', seed = 1) => ({ yaml, seed, actions });

describe('onlyTimePassed', () => {
  it('is true when only waits were added or the last wait grew', () => {
    expect(onlyTimePassed(build([scale]), build([scale, wait(1)]))).toBe(true);
    const before = build([scale, wait(1)]);
    expect(onlyTimePassed(before, build([scale, wait(2)]))).toBe(true);
    expect(onlyTimePassed(before, build([...before.actions]))).toBe(true);
  });

  it('is false for an edit, a new seed, an action or actions taken back', () => {
    expect(onlyTimePassed(build([]), build([], 'a: 2\n'))).toBe(false);
    expect(onlyTimePassed(build([]), build([], 'a: 1\n', 2))).toBe(false);
    expect(onlyTimePassed(build([wait(1)]), build([wait(1), scale]))).toBe(false);
    expect(onlyTimePassed(build([scale, wait(2)]), build([scale, wait(1)]))).toBe(false);
    expect(onlyTimePassed(build([scale, wait(1)]), build([]))).toBe(false);
    expect(onlyTimePassed(build([scale]), build([{ ...scale, replicas: 5 }]))).toBe(false);
  });
});

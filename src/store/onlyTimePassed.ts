/**
 * Whether a build differs from the one before only by time passing: the same YAML and seed, the same
 * actions, and after them nothing but waits (the page clock's own, which the scenario store merges
 * into the last wait). A request drawn before such a build is not "from an earlier version of the
 * YAML": a pod that became ready or finished terminating changes the cluster, not what the user wrote.
 */
import type { Action } from '../engine/index.ts';

export interface BuildInput {
  yaml: string;
  seed: number;
  actions: readonly Action[];
}

export function onlyTimePassed(before: BuildInput, after: BuildInput): boolean {
  if (before.yaml !== after.yaml || before.seed !== after.seed) return false;
  if (after.actions.length < before.actions.length) return false;
  const kept = before.actions.length - 1;
  for (let i = 0; i < kept; i++) if (after.actions[i] !== before.actions[i]) return false;
  const last = before.actions[kept];
  const lastNow = after.actions[kept];
  if (last !== undefined && last !== lastNow) {
    const grownWait = last.type === 'wait' && lastNow?.type === 'wait' && lastNow.seconds >= last.seconds;
    if (!grownWait) return false;
  }
  return after.actions.slice(before.actions.length).every((a) => a.type === 'wait');
}

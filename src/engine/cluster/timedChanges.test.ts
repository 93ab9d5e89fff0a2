/**
 * When the cluster next changes by itself (timedChanges.ts), the `wait` action that stops at each such
 * time (sim/runAction.ts), and a wait that grows in the log (the page adds a wait right after a wait to
 * it) revised on the cluster on screen (sim/editSimulation.ts).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/simulation.ts';
import type { Simulation } from '../sim/simulation.ts';
import { reviseSimulation } from '../sim/editSimulation.ts';
import { applyAction } from '../sim/simulation.ts';
import { runScriptWithState } from '../shell/runScript.ts';
import { scenarioText } from '../test/helpers.ts';
import { nextTimedChange } from './timedChanges.ts';

const FILE = 'manifest.yaml';
const KUBIA = scenarioText('kubia');

function build(text = KUBIA): Simulation {
  return createSimulation({ files: [{ file: FILE, text }], seed: 1 });
}

function kubiaPods(sim: Simulation) {
  return sim.state.pods.filter((p) => p.metadata.labels['app'] === 'kubia');
}

function terminating(sim: Simulation) {
  return sim.state.pods.filter((p) => p.metadata.deletionTimestamp !== undefined);
}

describe('nextTimedChange', () => {
  it('is undefined for a cluster that has nothing due', () => {
    expect(nextTimedChange(build().state)).toBeUndefined();
  });

  it('is the end of a deleted pod’s grace period, the earliest when several are due', () => {
    const sim = build();
    const [first, second] = kubiaPods(sim).map((p) => p.metadata.name);
    // Each deletion's replacement starts at once and is Ready a second later: a change of its own.
    const deleted = runScriptWithState(sim, [`kubectl delete pod ${first} --wait=false`]).sim;
    expect(nextTimedChange(deleted.state)).toBe(deleted.state.clock + 1);
    const a = runScriptWithState(deleted, ['kubeplay wait 1']).sim;
    const deletedAt = terminating(a)[0]!.metadata.deletionTimestamp!;
    expect(nextTimedChange(a.state)).toBe(deletedAt + 30);
    const b = runScriptWithState(a, [
      `kubectl delete pod ${second} --wait=false --grace-period=5`,
      'kubeplay wait 1',
    ]).sim;
    expect(nextTimedChange(b.state)).toBe(b.state.clock + 4);
    const later = runScriptWithState(b, ['kubeplay wait 4']).sim;
    expect(nextTimedChange(later.state)).toBe(deletedAt + 30);
  });

  it('is the eviction of a down node’s pods 300 s after it went down', () => {
    const sim = build();
    const node = kubiaPods(sim)[0]!.spec.nodeName;
    const down = runScriptWithState(sim, [`kubeplay node down ${node}`]).sim;
    expect(nextTimedChange(down.state)).toBe(down.state.clock + 300);
    const evicted = runScriptWithState(down, ['kubeplay wait 300']).sim;
    expect(
      evicted.state.pods.filter((p) => p.spec.nodeName === node && p.ownerRef?.kind !== 'DaemonSet'),
    ).toEqual([]);
    // the evicted pods' replacements are Ready a second later, and then nothing is due
    expect(nextTimedChange(evicted.state)).toBe(evicted.state.clock + 1);
    expect(nextTimedChange(applyAction(evicted, { type: 'wait', seconds: 1 }).state)).toBeUndefined();
  });
});

describe('a wait passes through the changes due on its way', () => {
  it('removes a pod at the end of its grace period, not at the end of the wait', () => {
    const sim = build();
    const victim = kubiaPods(sim)[0]!.metadata.name;
    const deleted = runScriptWithState(sim, [`kubectl delete pod ${victim} --wait=false`]).sim;
    const waited = applyAction(deleted, { type: 'wait', seconds: 100 });
    expect(waited.state.clock).toBe(deleted.state.clock + 100);
    expect(terminating(waited)).toEqual([]);
    expect(nextTimedChange(waited.state)).toBeUndefined();
  });

  it('shows after one wait of 30 s what waits of 10 s and 20 s show', () => {
    const sim = build();
    const node = kubiaPods(sim)[0]!.spec.nodeName;
    const start = runScriptWithState(sim, [
      `kubectl delete pod ${kubiaPods(sim)[1]!.metadata.name} --wait=false --grace-period=15`,
      `kubeplay node down ${node}`,
      'kubeplay wait 290',
    ]).sim;
    const once = applyAction(start, { type: 'wait', seconds: 30 });
    const twice = applyAction(applyAction(start, { type: 'wait', seconds: 10 }), {
      type: 'wait',
      seconds: 20,
    });
    expect(twice.state).toEqual(once.state);
  });
});

describe('a wait that grows in the log', () => {
  it('is revised on the cluster on screen, to what a build of the same log gives', () => {
    const sim = build();
    const victim = kubiaPods(sim)[0]!.metadata.name;
    const deleted = runScriptWithState(sim, [
      `kubectl delete pod ${victim} --wait=false`,
      'kubeplay wait 10',
    ]).sim;
    expect(deleted.actions.slice(-1)).toEqual([{ type: 'wait', seconds: 10 }]);
    const files = [{ file: FILE, text: KUBIA }];
    const actions = [...deleted.actions.slice(0, -1), { type: 'wait' as const, seconds: 30 }];
    const revised = reviseSimulation(deleted, { files, seed: 1, actions });
    expect(revised.actions).toEqual(actions);
    expect(revised.state.clock).toBe(deleted.state.clock + 20);
    expect(terminating(revised)).toEqual([]);
    // built on the previous cluster (its pods keep their names), equal to a fresh build of the same log
    expect(kubiaPods(revised).map((p) => p.metadata.name)).toEqual(
      kubiaPods(deleted)
        .filter((p) => p.metadata.name !== victim)
        .map((p) => p.metadata.name),
    );
    expect(revised.state).toEqual(createSimulation({ files, seed: 1, actions }).state);
  });

  it('keeps the pods of an edit that scaled the controller down, then lets their grace period pass', () => {
    const sim = build();
    const scaled = reviseSimulation(sim, {
      files: [{ file: FILE, text: KUBIA.replace('replicas: 3', 'replicas: 1') }],
      seed: 1,
      actions: [],
    });
    expect(terminating(scaled)).toHaveLength(2);
    const due = nextTimedChange(scaled.state)!;
    expect(due).toBe(scaled.state.clock + 30);
    const waited = reviseSimulation(scaled, {
      files: [{ file: FILE, text: KUBIA.replace('replicas: 3', 'replicas: 1') }],
      seed: 1,
      actions: [{ type: 'wait', seconds: due - scaled.state.clock }],
    });
    expect(terminating(waited)).toEqual([]);
    expect(kubiaPods(waited)).toHaveLength(1);
    expect(kubiaPods(waited)[0]?.metadata.name).toBe(
      kubiaPods(scaled).find((p) => p.metadata.deletionTimestamp === undefined)?.metadata.name,
    );
  });
});

/**
 * An edit sent while the user is still typing (EditOptions.holdRemovals): half-typed text such as
 * `replicas: ` between `3` and `4` is a valid manifest (replicas defaults to 1), so without the hold
 * two pods would terminate for 30 s although nobody meant to scale down (docs/editing.md).
 */
import { describe, expect, it } from 'vitest';
import { isTerminating } from '../cluster/terminationState.ts';
import { createSimulation } from './simulation.ts';
import type { Simulation } from './simulation.ts';
import { reviseSimulation } from './editSimulation.ts';
import { scenarioText } from '../test/helpers.ts';
import { allocationsOf } from '../test/allocationLedger.ts';

const FILE = 'manifest.yaml';
const KUBIA = scenarioText('kubia');
const RC_REPLICAS = '  replicas: 3';

function build(text: string): Simulation {
  return createSimulation({ files: [{ file: FILE, text }], seed: 1 });
}

function typed(previous: Simulation, text: string, holdRemovals = true): Simulation {
  return reviseSimulation(
    previous,
    { files: [{ file: FILE, text }], seed: 1, actions: previous.actions },
    { holdRemovals },
  );
}

function kubiaPods(sim: Simulation) {
  return sim.state.pods.filter((p) => p.metadata.name.startsWith('kubia-'));
}

const withReplicas = (value: string) => KUBIA.replace(RC_REPLICAS, `  replicas:${value}`);

describe('an edit sent while typing', () => {
  it('holds `replicas: ` (a scale-down to 1) and applies 3 -> 4 without terminating a pod', () => {
    const before = build(KUBIA);
    expect(KUBIA).toContain(RC_REPLICAS);
    const halfTyped = typed(before, withReplicas(' '));
    expect(halfTyped.held).toBe(true);
    expect(halfTyped.state).toBe(before.state);
    expect(halfTyped.files).toEqual(before.files);
    const four = typed(halfTyped, withReplicas(' 4'));
    expect(four.held).toBe(false);
    expect(kubiaPods(four).filter((p) => !isTerminating(p))).toHaveLength(4);
    expect(kubiaPods(four).filter(isTerminating)).toEqual([]);
    // The three pods that were there keep their names and addresses.
    for (const pod of kubiaPods(before))
      expect(kubiaPods(four).find((p) => p.metadata.uid === pod.metadata.uid)?.status.podIP).toBe(
        pod.status.podIP,
      );
  });

  it('applies the same scale-down once the typing has paused (no hold)', () => {
    const before = build(KUBIA);
    const held = typed(before, withReplicas(' 1'));
    expect(held.held).toBe(true);
    const settled = typed(held, withReplicas(' 1'), false);
    expect(settled.held).toBe(false);
    expect(kubiaPods(settled).filter((p) => !isTerminating(p))).toHaveLength(1);
    expect(kubiaPods(settled).filter(isTerminating)).toHaveLength(2);
  });

  it('holds a half-typed rename (the old Service would be deleted) but not an edit that only adds', () => {
    const before = build(KUBIA);
    const renamed = KUBIA.replace(
      'kind: Service\nmetadata:\n  name: kubia\n',
      'kind: Service\nmetadata:\n  name: kubi\n',
    );
    expect(renamed).not.toBe(KUBIA);
    expect(typed(before, renamed).held).toBe(true);
    const label = KUBIA.replace(RC_REPLICAS, '  replicas: 5');
    const added = typed(before, label);
    expect(added.held).toBe(false);
    expect(kubiaPods(added).filter((p) => !isTerminating(p))).toHaveLength(5);
  });

  it('never holds a syntax error or an edit that changes nothing of the cluster', () => {
    const before = build(KUBIA);
    const broken = typed(
      before,
      KUBIA.replace('  selector:\n    app: kubia\n---', '  selector [oops\n    app: kubia\n---'),
    );
    expect(broken.stale).toBe(true);
    expect(broken.held).toBe(false);
    const comment = typed(before, `${KUBIA}\n# a comment\n`);
    expect(comment.held).toBe(false);
    expect(allocationsOf(comment)).toEqual(allocationsOf(before));
  });
});

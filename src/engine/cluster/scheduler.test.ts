import { describe, it, expect } from 'vitest';
import type { NodeState } from '../model/state.ts';
import { schedulePod } from './scheduler.ts';
import { createTopology } from './topology.ts';

function nodes(): NodeState[] {
  return createTopology([], 0).nodes;
}

describe('schedulePod', () => {
  it('picks the node with the fewest pods, ties to the first listed', () => {
    const all = nodes();
    const pick = (counts: [string, number][]) => {
      const r = schedulePod(all, {}, new Map(counts));
      return r.ok ? r.node.name : r.message;
    };
    expect(pick([])).toBe('kind-worker');
    expect(pick([['kind-worker', 1]])).toBe('kind-worker2');
    expect(
      pick([
        ['kind-worker', 2],
        ['kind-worker2', 1],
      ]),
    ).toBe('kind-worker2');
  });

  it('skips cordoned and down nodes and says why when none is left', () => {
    const all = nodes();
    const [cp, w1, w2] = all;
    if (!cp || !w1 || !w2) throw new Error('topology');
    w1.unschedulable = true;
    w2.up = false;
    w2.taints = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }];
    const r = schedulePod(all, {}, new Map());
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toBe(
        '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      );
    }
  });
});

describe('host ports', () => {
  it('keeps two pods asking for the same hostPort on different nodes, and the third Pending', () => {
    const all = nodes();
    const used = new Map([['kind-worker', new Set(['TCP/80'])]]);
    const second = schedulePod(all, {}, new Map(), ['TCP/80'], used);
    expect(second.ok && second.node.name).toBe('kind-worker2');
    used.set('kind-worker2', new Set(['TCP/80']));
    const third = schedulePod(all, {}, new Map(), ['TCP/80'], used);
    expect(!third.ok && third.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't have free ports for the requested pod ports. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
    expect(schedulePod(all, {}, new Map(), ['UDP/80'], used).ok).toBe(true);
  });
});

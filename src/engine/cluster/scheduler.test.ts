import { describe, it, expect } from 'vitest';
import type { NodeState } from '../model/state.ts';
import { MAX_PODS_PER_NODE, schedulePod } from './scheduler.ts';
import { createShellSession, createSimulation, runCommand } from '../index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
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

describe('pods per node', () => {
  it("fills a node to 110 pods and no further; then the pod is Pending with the scheduler's words", () => {
    const all = nodes();
    const full = MAX_PODS_PER_NODE;
    const oneLeft = schedulePod(
      all,
      {},
      new Map([
        ['kind-worker', full],
        ['kind-worker2', full - 1],
      ]),
    );
    expect(oneLeft.ok && oneLeft.node.name).toBe('kind-worker2');
    const none = schedulePod(
      all,
      {},
      new Map([
        ['kind-worker', full],
        ['kind-worker2', full],
      ]),
    );
    expect(!none.ok && none.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Too many pods. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });
});

describe('a cluster whose workers are full', () => {
  const kubia = SCENARIO_TEXTS['kubia'] ?? '';
  const sim = createSimulation({
    files: [{ file: 'm.yaml', text: kubia.replace('replicas: 3', 'replicas: 250') }],
    seed: 1,
  });
  const on = (node: string) => sim.state.pods.filter((p) => p.spec.nodeName === node).length;

  it('runs 110 pods on each worker and leaves the rest Pending, as the scheduler says', () => {
    expect([on('kind-worker'), on('kind-worker2')]).toEqual([MAX_PODS_PER_NODE, MAX_PODS_PER_NODE]);
    const pending = sim.state.pods.filter(
      (p) => p.metadata.name.startsWith('kubia-') && p.spec.nodeName === '',
    );
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((p) => p.status.phase === 'Pending')).toBe(true);
    const described = runCommand(
      sim,
      createShellSession(),
      `kubectl describe pod ${pending[0]!.metadata.name}`,
    );
    expect(described.output).toMatch(
      /Warning\s+FailedScheduling\s+\S+\s+default-scheduler\s+0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}, 2 Too many pods\./,
    );
  });

  it('schedules the Pending pods once terminated pods free the nodes', () => {
    const session = createShellSession();
    const scaled = runCommand(sim, session, 'kubectl scale rc kubia --replicas=200').sim;
    // the Pending pods are deleted first; the terminating ones still hold their nodes for 30 s
    expect(
      scaled.state.pods.filter((p) => p.metadata.name.startsWith('kubia-') && p.spec.nodeName === ''),
    ).toEqual([]);
    const later = runCommand(scaled, session, 'kubeplay wait 31').sim;
    expect(later.state.pods.every((p) => p.status.phase === 'Running')).toBe(true);
  });
});

/**
 * DaemonSet pods are scheduled by the default scheduler, pinned by node affinity
 * (https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/#how-daemon-pods-are-scheduled):
 * NodeAffinity's PreFilter leaves only the target node, the others get
 * "node(s) didn't satisfy plugin(s) [NodeAffinity]" (pkg/scheduler/schedule_one.go), which preemption
 * cannot help, and the target node still runs NodeResourcesFit.
 */
describe('a DaemonSet pod pinned to its node', () => {
  it('goes to its node only, and waits there when the node is full', () => {
    const all = nodes();
    const daemon = { node: 'kind-worker' };
    const fits = schedulePod(all, {}, new Map([['kind-worker', 50]]), [], undefined, daemon);
    expect(fits.ok && fits.node.name).toBe('kind-worker');
    const full = schedulePod(all, {}, new Map([['kind-worker', MAX_PODS_PER_NODE]]), [], undefined, daemon);
    expect(!full.ok && full.message).toBe(
      "0/3 nodes are available: 1 Too many pods, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
  });

  it('tolerates a cordoned node (the controller adds the unschedulable toleration)', () => {
    const all = nodes().map((n) => (n.name === 'kind-worker' ? { ...n, unschedulable: true } : n));
    const placed = schedulePod(all, {}, new Map(), [], undefined, { node: 'kind-worker' });
    expect(placed.ok && placed.node.name).toBe('kind-worker');
    expect(schedulePod(all, {}, new Map([['kind-worker2', 5]])).ok && 'ok').toBe('ok');
  });

  it('in a cluster whose workers are full, a new DaemonSet waits Pending with the FitError', () => {
    const kubia = SCENARIO_TEXTS['kubia'] ?? '';
    const agent = `
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: a, image: busybox}]
`;
    const sim = createSimulation({
      files: [{ file: 'm.yaml', text: kubia.replace('replicas: 3', 'replicas: 250') + agent }],
      seed: 1,
    });
    const onWorker = (node: string) => sim.state.pods.filter((p) => p.spec.nodeName === node).length;
    expect([onWorker('kind-worker'), onWorker('kind-worker2')]).toEqual([
      MAX_PODS_PER_NODE,
      MAX_PODS_PER_NODE,
    ]);
    const agents = sim.state.pods.filter((p) => p.metadata.name.startsWith('agent-'));
    // one a worker, each still Pending (not one more than the node's 110), none created twice
    expect(agents.map((p) => p.daemonNode).sort()).toEqual(['kind-worker', 'kind-worker2']);
    expect(agents.map((p) => p.status.phase)).toEqual(['Pending', 'Pending']);
    const described = runCommand(
      sim,
      createShellSession(),
      `kubectl describe pod ${agents[0]!.metadata.name}`,
    );
    expect(described.output).toMatch(
      /Warning\s+FailedScheduling\s+\S+\s+default-scheduler\s+0\/3 nodes are available: 1 Too many pods, 2 node\(s\) didn't satisfy plugin\(s\) \[NodeAffinity\]\./,
    );
    const scaled = runCommand(sim, createShellSession(), 'kubectl scale rc kubia --replicas=3').sim;
    const freed = runCommand(scaled, createShellSession(), 'kubeplay wait 31').sim;
    const placed = freed.state.pods.filter((p) => p.metadata.name.startsWith('agent-'));
    expect(placed.map((p) => [p.daemonNode, p.spec.nodeName, p.status.phase]).sort()).toEqual([
      ['kind-worker', 'kind-worker', 'Running'],
      ['kind-worker2', 'kind-worker2', 'Running'],
    ]);
  });
});

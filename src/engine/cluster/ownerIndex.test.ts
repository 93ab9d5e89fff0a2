import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PodState, WorkloadState } from '../model/state.ts';
import { generateScenario } from '../../bench/generateScenario.ts';
import { copyStateForWrite } from '../sim/copyState.ts';
import { simulate } from '../sim/testing/simTesting.ts';
import { openControlPlane, type ControlPlane } from './controlPlane.ts';
import { ownedReplicaSets } from './deploymentController.ts';
import { orphanPodCount, podsOwnedBy, replicaSetsOf } from './ownerIndex.ts';
import { createPod, deletePod } from './podLifecycle.ts';
import { syncWorkloads } from './workloadController.ts';

/** Two namespaces of Deployments and ReplicationControllers, and a bare pod a selector matches. */
const base = simulate(
  `${generateScenario({ nodes: 4, apps: 6, ingresses: 1, namespaces: 2 })}
---
apiVersion: v1
kind: Pod
metadata: {name: stray, namespace: team-1, labels: {app: app-1, tier: backend}}
spec:
  containers: [{name: c, image: nginx:1.27}]
`,
);

/** What each look-up must equal: the scans the controllers made before the index. */
function expectIndexMatchesScans(cp: ControlPlane): void {
  const { pods, workloads } = cp.state;
  for (const w of workloads) {
    const { kind, metadata } = w.manifest;
    const scanned = pods.filter(
      (p) =>
        p.metadata.namespace === metadata.namespace &&
        p.ownerRef?.kind === kind &&
        p.ownerRef.name === metadata.name,
    );
    expect(podsOwnedBy(cp, metadata.namespace, kind, metadata.name)).toEqual(scanned);
    if (kind === 'Deployment') expect(replicaSetsOf(cp, w)).toEqual(ownedReplicaSets(cp.state, w));
  }
  for (const ns of new Set(pods.map((p) => p.metadata.namespace)))
    expect(orphanPodCount(cp, ns)).toBe(
      pods.filter((p) => p.metadata.namespace === ns && !p.ownerRef).length,
    );
}

type Step =
  | { op: 'create'; owner: number; orphan: boolean }
  | { op: 'delete'; pod: number }
  | { op: 'relabel'; pod: number; app: number }
  | { op: 'scale'; workload: number; replicas: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), owner: fc.nat(), orphan: fc.boolean() }),
  fc.record({ op: fc.constant('delete' as const), pod: fc.nat() }),
  fc.record({ op: fc.constant('relabel' as const), pod: fc.nat(), app: fc.nat({ max: 7 }) }),
  fc.record({ op: fc.constant('scale' as const), workload: fc.nat(), replicas: fc.nat({ max: 6 }) }),
);

function at<T>(list: readonly T[], i: number): T | undefined {
  return list.length === 0 ? undefined : list[i % list.length];
}

function run(cp: ControlPlane, s: Step): void {
  const { state } = cp;
  if (s.op === 'create') {
    const owner: WorkloadState | undefined = at(state.workloads, s.owner);
    if (!owner) return;
    createPod(cp, {
      metadata: {
        name: `made-${state.pods.length}`,
        namespace: owner.manifest.metadata.namespace,
        labels: { ...owner.manifest.template.labels },
        annotations: {},
      },
      spec: { ...owner.manifest.template.spec },
      ...(s.orphan ? {} : { ownerRef: { kind: owner.manifest.kind, name: owner.manifest.metadata.name } }),
    });
  } else if (s.op === 'delete') {
    const pod: PodState | undefined = at(state.pods, s.pod);
    if (pod) deletePod(cp, pod);
  } else if (s.op === 'relabel') {
    // a label change the controllers then act on: the pod is released, or an orphan adopted
    const pod: PodState | undefined = at(state.pods, s.pod);
    if (!pod) return;
    pod.metadata = { ...pod.metadata, labels: { ...pod.metadata.labels, app: `app-${s.app}` } };
    syncWorkloads(cp);
  } else {
    const w: WorkloadState | undefined = at(state.workloads, s.workload);
    if (!w) return;
    w.replicas = s.replicas;
    syncWorkloads(cp);
  }
}

describe('the owner index', () => {
  it('answers what scanning the pods and workloads answers, through creates, deletes, adoptions, releases and rollouts', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const cp = openControlPlane(copyStateForWrite(base.state));
        expectIndexMatchesScans(cp);
        for (const s of steps) {
          run(cp, s);
          expectIndexMatchesScans(cp);
        }
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * Rollouts through simulated time (deploymentController.ts, podStartTiming.ts), checked against
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/ and
 * pkg/controller/deployment/rolling.go in https://github.com/kubernetes/kubernetes.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../model/actions.ts';
import { applyAction } from '../sim/simulation.ts';
import type { Simulation } from '../sim/simulation.ts';
import { simulate } from '../sim/testing/simTesting.ts';
import { reviseSimulation } from '../sim/editSimulation.ts';
import { nextTimedChange } from './timedChanges.ts';
import { isTerminating } from './terminationState.ts';
import { kubiaDeploymentYaml } from '../test/kubiaManifests.ts';

const kubia = (image: string, extra = '', probe = '') => `\n${kubiaDeploymentYaml(image, extra, probe)}`;

const wait: Action = { type: 'wait', seconds: 1 };
const setImage = (image: string, extra = '', probe = ''): Action => ({
  type: 'apply',
  yaml: kubia(image, extra, probe),
});

/**
 * `ReplicaSet image: pods (ready)` per ReplicaSet of kubia, oldest first. Only the active pods: one the
 * rollout scaled away is Terminating for its grace period (termination.ts) and no longer counts, as
 * FilterActivePods leaves it out of the controllers' numbers.
 */
function picture(sim: Simulation): string[] {
  return sim.state.workloads
    .filter((w) => w.manifest.kind === 'ReplicaSet' && w.ownerRef?.name === 'kubia')
    .map((rs) => {
      const pods = sim.state.pods.filter(
        (p) => p.ownerRef?.name === rs.manifest.metadata.name && !isTerminating(p),
      );
      const image = rs.manifest.template.spec.containers[0]?.image ?? '';
      return `${image}: ${pods.length} (${pods.filter((p) => p.status.ready).length} ready)`;
    });
}

function revisions(sim: Simulation): Record<string, string | undefined> {
  return Object.fromEntries(
    sim.state.workloads
      .filter((w) => w.manifest.kind === 'ReplicaSet' && w.ownerRef?.name === 'kubia')
      .map((rs) => [
        rs.manifest.template.spec.containers[0]?.image ?? '',
        rs.manifest.metadata.annotations['deployment.kubernetes.io/revision'],
      ]),
  );
}

describe('Deployment rolling update', () => {
  it('takes a 3-replica rollout with the defaults one pod a second (maxSurge 1, maxUnavailable 0)', () => {
    let sim = simulate(kubia('luksa/kubia:v1'));
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 3 (3 ready)']);
    sim = applyAction(sim, setImage('luksa/kubia:v2'));
    // surge: one new pod starts, every old pod stays (none may be unavailable)
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 3 (3 ready)', 'luksa/kubia:v2: 1 (0 ready)']);
    expect(nextTimedChange(sim.state)).toBe(sim.state.clock + 1);
    sim = applyAction(sim, wait);
    // the new pod is available: one old pod goes, and another new one starts
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 2 (2 ready)', 'luksa/kubia:v2: 2 (1 ready)']);
    // the old pod that goes is Terminating for its grace period, out of the Endpoints
    const leaving = sim.state.pods.filter(isTerminating);
    expect(leaving.map((p) => p.spec.containers[0]?.image)).toEqual(['luksa/kubia:v1']);
    sim = applyAction(sim, wait);
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 1 (1 ready)', 'luksa/kubia:v2: 3 (2 ready)']);
    sim = applyAction(sim, wait);
    // the old ReplicaSet is kept at 0 for a rollback
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 0 (0 ready)', 'luksa/kubia:v2: 3 (3 ready)']);
    // what is left to happen by itself: the old pods' grace periods end
    const deadlines = sim.state.pods
      .filter(isTerminating)
      .map((p) => (p.metadata.deletionTimestamp ?? 0) + (p.metadata.deletionGracePeriodSeconds ?? 0));
    expect(deadlines).toHaveLength(3);
    expect(nextTimedChange(sim.state)).toBe(Math.min(...deadlines));
    expect(revisions(sim)).toEqual({ 'luksa/kubia:v1': '1', 'luksa/kubia:v2': '2' });
    const deployment = sim.state.workloads.find(
      (w) => w.manifest.kind === 'Deployment' && w.manifest.metadata.name === 'kubia',
    );
    expect(deployment?.manifest.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('a wait of several seconds takes every step on the way', () => {
    let sim = simulate(kubia('luksa/kubia:v1'));
    sim = applyAction(sim, setImage('luksa/kubia:v2'));
    sim = applyAction(sim, { type: 'wait', seconds: 10 });
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 0 (0 ready)', 'luksa/kubia:v2: 3 (3 ready)']);
  });

  it('records the controller events "Scaled up replica set … from 0 to 1"', () => {
    let sim = simulate(kubia('luksa/kubia:v1'));
    sim = applyAction(sim, setImage('luksa/kubia:v2'));
    sim = applyAction(sim, { type: 'wait', seconds: 5 });
    const messages = sim.state.events
      .filter((e) => e.reason === 'ScalingReplicaSet' && e.object === 'Deployment/kubia')
      .map((e) => e.message.replace(/kubia-[a-z0-9]+/, 'RS'));
    expect(messages).toEqual([
      'Scaled up replica set RS from 0 to 3',
      'Scaled up replica set RS from 0 to 1',
      'Scaled down replica set RS from 3 to 2',
      'Scaled up replica set RS from 1 to 2',
      'Scaled down replica set RS from 2 to 1',
      'Scaled up replica set RS from 2 to 3',
      'Scaled down replica set RS from 1 to 0',
    ]);
  });

  it('maxUnavailable 1, maxSurge 0 takes an old pod away before starting a new one', () => {
    const extra = '  strategy:\n    rollingUpdate: {maxSurge: 0, maxUnavailable: 1}\n';
    let sim = simulate(kubia('luksa/kubia:v1', extra));
    sim = applyAction(sim, setImage('luksa/kubia:v2', extra));
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 2 (2 ready)', 'luksa/kubia:v2: 1 (0 ready)']);
  });

  it('Recreate deletes every old pod first and starts the new ones once they are gone', () => {
    // "Successful removal is awaited before any Pod of the new revision is created"
    // (https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#recreate-deployment)
    const extra = '  strategy:\n    type: Recreate\n';
    let sim = simulate(kubia('luksa/kubia:v1', extra));
    sim = applyAction(sim, setImage('luksa/kubia:v2', extra));
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 0 (0 ready)', 'luksa/kubia:v2: 0 (0 ready)']);
    expect(sim.state.pods.filter(isTerminating)).toHaveLength(3);
    sim = applyAction(sim, { type: 'wait', seconds: 30 });
    expect(sim.state.pods.filter(isTerminating)).toHaveLength(0);
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 0 (0 ready)', 'luksa/kubia:v2: 3 (0 ready)']);
    sim = applyAction(sim, wait);
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 0 (0 ready)', 'luksa/kubia:v2: 3 (3 ready)']);
  });

  it('waits for a readiness probe: initialDelaySeconds 5, periodSeconds 2 → Ready 1 + 6 s after creation', () => {
    const probe =
      '        readinessProbe:\n          httpGet: {path: /, port: 8080}\n          initialDelaySeconds: 5\n          periodSeconds: 2\n';
    let sim = simulate(kubia('luksa/kubia:v1', '', probe));
    // a loaded scenario has been running for a while: Ready at once
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 3 (3 ready)']);
    sim = applyAction(sim, setImage('luksa/kubia:v2', '', probe));
    const created = sim.state.clock;
    expect(nextTimedChange(sim.state)).toBe(created + 7);
    sim = applyAction(sim, { type: 'wait', seconds: 6 });
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 3 (3 ready)', 'luksa/kubia:v2: 1 (0 ready)']);
    sim = applyAction(sim, wait);
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 2 (2 ready)', 'luksa/kubia:v2: 2 (1 ready)']);
  });

  it('minReadySeconds holds the next step until the new pod has been Ready that long', () => {
    const extra = '  minReadySeconds: 10\n';
    let sim = simulate(kubia('luksa/kubia:v1', extra));
    sim = applyAction(sim, setImage('luksa/kubia:v2', extra));
    sim = applyAction(sim, { type: 'wait', seconds: 10 });
    // Ready after 1 s, available 10 s later: still three old pods
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 3 (3 ready)', 'luksa/kubia:v2: 1 (1 ready)']);
    sim = applyAction(sim, wait);
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 2 (2 ready)', 'luksa/kubia:v2: 2 (1 ready)']);
  });

  it('going back to an earlier template takes its ReplicaSet back with the next revision', () => {
    let sim = simulate(kubia('luksa/kubia:v1'));
    sim = applyAction(sim, setImage('luksa/kubia:v2'));
    sim = applyAction(sim, { type: 'wait', seconds: 5 });
    sim = applyAction(sim, setImage('luksa/kubia:v1'));
    sim = applyAction(sim, { type: 'wait', seconds: 5 });
    expect(picture(sim)).toEqual(['luksa/kubia:v1: 3 (3 ready)', 'luksa/kubia:v2: 0 (0 ready)']);
    expect(revisions(sim)).toEqual({ 'luksa/kubia:v1': '3', 'luksa/kubia:v2': '2' });
  });

  it('keeps revisionHistoryLimit old ReplicaSets, dropping the oldest revision', () => {
    const extra = '  revisionHistoryLimit: 1\n';
    let sim = simulate(kubia('luksa/kubia:v1', extra));
    for (const v of ['v2', 'v3']) {
      sim = applyAction(sim, setImage(`luksa/kubia:${v}`, extra));
      sim = applyAction(sim, { type: 'wait', seconds: 5 });
    }
    expect(picture(sim)).toEqual(['luksa/kubia:v2: 0 (0 ready)', 'luksa/kubia:v3: 3 (3 ready)']);
  });

  it('Endpoints follow the pods during the rollout: only Ready pods take traffic', () => {
    let sim = simulate(
      `${kubia('luksa/kubia:v1')}---
apiVersion: v1
kind: Service
metadata: {name: kubia}
spec:
  selector: {app: kubia}
  ports: [{port: 80, targetPort: 8080}]
`,
    );
    sim = applyAction(sim, setImage('luksa/kubia:v2'));
    sim = applyAction(sim, wait);
    const ep = sim.state.endpoints.find((e) => e.metadata.name === 'kubia');
    const ready = new Set(ep?.subsets.flatMap((s) => s.addresses.map((a) => a.ip)));
    const notReady = new Set(ep?.subsets.flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip)));
    const podIp = (image: string, readyOnly: boolean) =>
      sim.state.pods
        .filter(
          (p) => p.spec.containers[0]?.image === image && !isTerminating(p) && (!readyOnly || p.status.ready),
        )
        .map((p) => p.status.podIP);
    expect(ready).toEqual(new Set([...podIp('luksa/kubia:v1', false), ...podIp('luksa/kubia:v2', true)]));
    expect(notReady.size).toBe(1);
  });
});

describe('a template edited in the page', () => {
  it('rolls out from the running cluster instead of rebuilding it', () => {
    const files = (image: string) => [{ file: 'manifest.yaml', text: kubia(image) }];
    const before = reviseSimulation(null, { files: files('luksa/kubia:v1'), seed: 1, actions: [] });
    const oldPods = before.state.pods
      .filter((p) => p.metadata.labels['app'] === 'kubia')
      .map((p) => p.metadata.name);
    const after = reviseSimulation(before, { files: files('luksa/kubia:v2'), seed: 1, actions: [] });
    // the three old pods keep running (same names) while the first new one starts
    expect(picture(after)).toEqual(['luksa/kubia:v1: 3 (3 ready)', 'luksa/kubia:v2: 1 (0 ready)']);
    const stillThere = after.state.pods.filter((p) => oldPods.includes(p.metadata.name));
    expect(stillThere).toHaveLength(3);
    expect(nextTimedChange(after.state)).toBe(after.state.clock + 1);
  });
});

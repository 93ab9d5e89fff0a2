/**
 * State = f(yaml, seed, ordered actions) (docs/decisions.md#state-is-a-function): replaying a log of user actions in one go gives
 * the same simulation as applying them one by one, and after any such history every request still ends
 * at a pod its Service selects, on a node that is up, or in a failure outcome. Every address stays in
 * its range. Generated with fast-check over small valid scenarios.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { applyAction, createSimulation, routeRequest } from '../index.ts';
import type { Action, ClusterState, Simulation } from '../index.ts';
import { renderScenario, scenarioSpecArb, selectorOf } from './arbitraries.ts';
import type { ScenarioSpec } from './arbitraries.ts';
import { inCidr, podKey, podsOf } from './helpers.ts';

/** An action described against the scenario, resolved to names only when it runs. */
type AbstractAction =
  | { op: 'scale'; app: number; replicas: number }
  | { op: 'delete-pod'; app: number; pick: number }
  | { op: 'ready'; app: number; pick: number; ready: boolean }
  | { op: 'node'; worker: number; up: boolean }
  | { op: 'wait'; seconds: number };

const abstractActionArb: fc.Arbitrary<AbstractAction> = fc.oneof(
  fc.record({ op: fc.constant('scale' as const), app: fc.nat(2), replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('delete-pod' as const), app: fc.nat(2), pick: fc.nat() }),
  fc.record({ op: fc.constant('ready' as const), app: fc.nat(2), pick: fc.nat(), ready: fc.boolean() }),
  fc.record({ op: fc.constant('node' as const), worker: fc.nat(2), up: fc.boolean() }),
  fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 20_000 }) }),
);

function resolveAction(spec: ScenarioSpec, state: ClusterState, a: AbstractAction): Action | undefined {
  if (a.op === 'wait') return { type: 'wait', seconds: a.seconds };
  if (a.op === 'node') {
    const workers = state.nodes.filter((n) => n.role === 'worker');
    const node = workers[a.worker % workers.length];
    return node && { type: 'node', name: node.name, up: a.up };
  }
  const app = spec.apps[a.app % spec.apps.length];
  if (!app) return undefined;
  if (a.op === 'scale') {
    return { type: 'scale', kind: 'Deployment', namespace: 'default', name: app.name, replicas: a.replicas };
  }
  const pods = podsOf(state, { app: app.name });
  const pod = pods[a.pick % Math.max(1, pods.length)];
  if (!pod) return undefined;
  const target = { namespace: 'default', name: pod.metadata.name };
  return a.op === 'delete-pod'
    ? { type: 'delete', kind: 'Pod', ...target }
    : { type: 'podReady', ...target, ready: a.ready };
}

function expectAddressesInRange(state: ClusterState): void {
  const { podSubnet, serviceSubnet, nodePortRange } = state.settings;
  for (const pod of state.pods) {
    if (pod.spec.hostNetwork || pod.status.podIP === '') continue;
    expect(inCidr(pod.status.podIP, podSubnet), `${podKey(pod)} ${pod.status.podIP}`).toBe(true);
    const node = state.nodes.find((n) => n.name === pod.spec.nodeName);
    expect(inCidr(pod.status.podIP, node?.podCIDR ?? '0.0.0.0/32'), podKey(pod)).toBe(true);
  }
  for (const svc of state.services) {
    const ip = svc.manifest.spec.clusterIP;
    if (ip && ip !== 'None')
      expect(inCidr(ip, serviceSubnet), `${svc.manifest.metadata.name} ${ip}`).toBe(true);
    for (const p of svc.manifest.spec.ports) {
      if (p.nodePort === undefined) continue;
      expect(p.nodePort).toBeGreaterThanOrEqual(nodePortRange.min);
      expect(p.nodePort).toBeLessThanOrEqual(nodePortRange.max);
    }
  }
  const podIps = state.pods
    .filter((p) => !p.spec.hostNetwork && p.status.podIP !== '')
    .map((p) => p.status.podIP);
  expect(new Set(podIps).size).toBe(podIps.length);
}

describe('action histories', () => {
  it('replay to the same simulation, keep addresses in range, and route only to selected pods on live nodes', () => {
    fc.assert(
      fc.property(
        scenarioSpecArb.map((s) => ({ ...s, proxyMode: 'iptables' as const })),
        fc.integer({ min: 0, max: 99 }),
        fc.array(abstractActionArb, { maxLength: 8 }),
        (spec, seed, abstract) => {
          const files = [{ file: 'gen.yaml', text: renderScenario(spec) }];
          let stepped: Simulation = createSimulation({ files, seed });
          const actions: Action[] = [];
          for (const a of abstract) {
            const action = resolveAction(spec, stepped.state, a);
            if (!action) continue;
            actions.push(action);
            stepped = applyAction(stepped, action);
          }
          const replayed = createSimulation({ files, seed, actions });
          expect(replayed.state).toEqual(stepped.state);
          expect(replayed.actions).toEqual(actions);
          expectAddressesInRange(replayed.state);

          let state = replayed.state;
          for (const svc of spec.services) {
            // Terminating pods too: kube-proxy falls back to them when no ready endpoint is left (KEP-1669).
            const selected = podsOf(state, { app: selectorOf(spec, svc) }, 'default', { terminating: true });
            const r = routeRequest(state, {
              from: 'pod/default/client',
              url: `http://${svc.name}:${svc.port}/`,
            });
            state = r.state;
            if (r.trace.outcome !== 'ok') continue;
            const pod = selected.find((p) => podKey(p) === r.trace.endpoint?.pod);
            expect(pod, `${svc.name} answered by ${r.trace.endpoint?.pod}`).toBeDefined();
            expect(state.nodes.find((n) => n.name === pod?.spec.nodeName)?.up).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

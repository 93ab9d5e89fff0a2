import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ClusterState, PodState } from '../model/state.ts';
import { generateScenario } from '../../bench/generateScenario.ts';
import { copyStateForWrite } from '../sim/copyState.ts';
import { simulate } from '../sim/testing/simTesting.ts';
import { openControlPlane, type ControlPlane } from './controlPlane.ts';
import { syncEndpoints } from './endpointsController.ts';
import { syncEndpointSlices, ZONE_LABEL } from './endpointSliceController.ts';
import {
  beginEndpointsPass,
  closestPass,
  comparePods,
  finishEndpointsPass,
  MAX_CHANGES,
  REMEMBERED_PASSES,
  rememberPass,
  type EndpointsPassRecord,
} from './endpointsMemo.ts';
import { podSelect, type PodSelect } from './podIndex.ts';
import { createPod, deletePod } from './podLifecycle.ts';
import { updateReadiness } from './readiness.ts';
import { terminatePod } from './termination.ts';

/**
 * Two namespaces of apps, a bare pod their selector matches, a Service that publishes not-ready
 * addresses, a headless Service naming pods by hostname, and a Service without a selector with a
 * hand-written Endpoints (mirrored into a slice).
 */
const base = simulate(
  `${generateScenario({ nodes: 4, apps: 6, ingresses: 1, namespaces: 2 })}
---
apiVersion: v1
kind: Pod
metadata: {name: stray, namespace: team-1, labels: {app: app-1, tier: backend}}
spec:
  hostname: stray
  subdomain: backend
  containers: [{name: c, image: nginx:1.27, ports: [{name: http, containerPort: 9090}]}]
---
apiVersion: v1
kind: Service
metadata: {name: backend, namespace: team-1}
spec:
  clusterIP: None
  publishNotReadyAddresses: true
  selector: {tier: backend}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: outside, namespace: team-0}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata: {name: outside, namespace: team-0}
subsets:
  - addresses: [{ip: 192.168.1.10}]
    ports: [{port: 80}]
`,
);

type Step =
  | { op: 'create'; from: number; app: number }
  | { op: 'delete'; pod: number }
  | { op: 'terminate'; pod: number }
  | { op: 'relabel'; pod: number; app: number }
  | { op: 'unready'; pod: number; ready: boolean }
  | { op: 'selector'; service: number; app: number }
  | { op: 'publish'; service: number }
  | { op: 'zone'; node: number; zone: number }
  | { op: 'endpoints'; service: number }
  | { op: 'endpointsLabels'; service: number }
  | { op: 'reorder'; pod: number }
  | { op: 'copy' }
  | { op: 'many'; count: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), from: fc.nat(), app: fc.nat({ max: 7 }) }),
  fc.record({ op: fc.constant('delete' as const), pod: fc.nat() }),
  fc.record({ op: fc.constant('terminate' as const), pod: fc.nat() }),
  fc.record({ op: fc.constant('relabel' as const), pod: fc.nat(), app: fc.nat({ max: 7 }) }),
  fc.record({ op: fc.constant('unready' as const), pod: fc.nat(), ready: fc.boolean() }),
  fc.record({ op: fc.constant('selector' as const), service: fc.nat(), app: fc.nat({ max: 7 }) }),
  fc.record({ op: fc.constant('publish' as const), service: fc.nat() }),
  fc.record({ op: fc.constant('zone' as const), node: fc.nat(), zone: fc.nat({ max: 2 }) }),
  fc.record({ op: fc.constant('endpoints' as const), service: fc.nat() }),
  fc.record({ op: fc.constant('endpointsLabels' as const), service: fc.nat() }),
  fc.record({ op: fc.constant('reorder' as const), pod: fc.nat() }),
  fc.record({ op: fc.constant('copy' as const) }),
  fc.record({
    op: fc.constant('many' as const),
    count: fc.integer({ min: MAX_CHANGES, max: MAX_CHANGES + 8 }),
  }),
);

function at<T>(list: readonly T[], i: number): T | undefined {
  return list.length === 0 ? undefined : list[i % list.length];
}

/** Changes the way the control plane makes them: nested values replaced, never edited (sim/copyState.ts). */
function run(cp: ControlPlane, s: Step): ControlPlane {
  const { state } = cp;
  const pod: PodState | undefined = 'pod' in s ? at(state.pods, s.pod) : undefined;
  const service = 'service' in s ? at(state.services, s.service) : undefined;
  switch (s.op) {
    case 'create': {
      const like = at(state.pods, s.from);
      if (like)
        createPod(cp, {
          metadata: {
            name: `made-${state.pods.length}-${s.app}`,
            namespace: like.metadata.namespace,
            labels: { ...like.metadata.labels, app: `app-${s.app}` },
            annotations: {},
          },
          spec: { ...like.spec, nodeName: '' },
        });
      break;
    }
    case 'delete':
      if (pod) deletePod(cp, pod);
      break;
    case 'terminate':
      if (pod) terminatePod(cp, pod);
      break;
    case 'relabel':
      if (pod) pod.metadata = { ...pod.metadata, labels: { ...pod.metadata.labels, app: `app-${s.app}` } };
      break;
    case 'unready':
      if (pod) pod.readinessOverride = s.ready;
      updateReadiness(state);
      break;
    case 'selector':
      if (service?.manifest.spec.selector)
        service.manifest = {
          ...service.manifest,
          spec: { ...service.manifest.spec, selector: { app: `app-${s.app}` } },
        };
      break;
    case 'publish':
      if (service)
        service.manifest = {
          ...service.manifest,
          spec: {
            ...service.manifest.spec,
            publishNotReadyAddresses: !service.manifest.spec.publishNotReadyAddresses,
          },
        };
      break;
    case 'zone': {
      const node = at(state.nodes, s.node);
      if (node) node.labels = { ...node.labels, [ZONE_LABEL]: `zone-${s.zone}` };
      break;
    }
    case 'endpoints': {
      // a hand-applied Endpoints of a selector's Service: the controller writes its own again
      const ep = at(state.endpoints, s.service);
      if (ep) ep.subsets = [{ addresses: [{ ip: '10.9.9.9' }], notReadyAddresses: [], ports: [] }];
      break;
    }
    case 'endpointsLabels': {
      // labels written by hand: the controller copies its Service's labels again
      const ep = at(state.endpoints, s.service);
      if (ep) ep.metadata = { ...ep.metadata, labels: { written: 'by-hand' } };
      break;
    }
    case 'reorder':
      if (pod) state.pods = [pod, ...state.pods.filter((p) => p !== pod)];
      break;
    case 'copy':
      return openControlPlane(copyStateForWrite(state));
    case 'many':
      for (let i = 0; i < s.count; i++) {
        const p = at(state.pods, i);
        if (p) p.status = { ...p.status };
      }
      break;
  }
  return cp;
}

/** A select that counts its look-ups. */
function counting(state: ClusterState): { select: PodSelect; calls: () => number } {
  const select = podSelect(state.pods);
  let calls = 0;
  return {
    select: (ns, selector) => {
      calls++;
      return select(ns, selector);
    },
    calls: () => calls,
  };
}

function remembered(
  last: EndpointsPassRecord | undefined,
  state: ClusterState,
): { record: EndpointsPassRecord | undefined; selects: number } {
  const pass = beginEndpointsPass(last, state, ZONE_LABEL);
  const { select, calls } = counting(state);
  syncEndpoints(state, select, pass.endpoints);
  syncEndpointSlices(state, select, pass.slices);
  return { record: finishEndpointsPass(pass), selects: calls() };
}

function full(state: ClusterState): void {
  syncEndpoints(state);
  syncEndpointSlices(state);
}

const view = (state: ClusterState) => JSON.stringify([state.endpoints, state.endpointSlices]);

describe('the endpoints controllers remembering their last pass', () => {
  it('store what the full pass stores, through pod, Service, node and Endpoints changes', () => {
    let reused = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 20 }), (steps) => {
        let cp = openControlPlane(copyStateForWrite(base.state));
        let last = remembered(undefined, cp.state).record;
        for (const s of steps) {
          cp = run(cp, s);
          const expected = structuredClone(cp.state);
          full(expected);
          const pass = remembered(last, cp.state);
          last = pass.record;
          expect(view(cp.state)).toBe(view(expected));
          // selector look-ups: two per Service with a selector when nothing is reused
          reused += 2 * cp.state.services.filter((v) => v.manifest.spec.selector).length - pass.selects;
        }
      }),
      { numRuns: 80 },
    );
    // the shortcut was taken (a test of the full path alone would pass this property too)
    expect(reused).toBeGreaterThan(1000);
  });

  it('keep the stored objects of Services whose pods did not change', () => {
    const cp = openControlPlane(copyStateForWrite(base.state));
    const last = remembered(undefined, cp.state).record;
    const next = openControlPlane(copyStateForWrite(cp.state));
    const pod = next.state.pods.find((p) => p.metadata.labels.app === 'app-2') as PodState;
    pod.readinessOverride = false;
    updateReadiness(next.state);
    const pass = remembered(last, next.state);
    // app-2's Service is computed again in both controllers; nothing else is
    expect(pass.selects).toBe(2);
    const before = new Map(cp.state.endpoints.map((e) => [e.metadata.name, e.subsets]));
    for (const ep of next.state.endpoints)
      if (ep.metadata.name === 'app-2') expect(ep.subsets).not.toBe(before.get('app-2'));
      else expect(ep.subsets).toBe(before.get(ep.metadata.name));
  });

  it('describe every pod that came, went or changed, and give up when pods move', () => {
    const state = copyStateForWrite(base.state);
    const first = comparePods(undefined, state.pods);
    expect(first.changed).toBeUndefined();
    const next = copyStateForWrite(state);
    const [a, b, c] = next.pods as [PodState, PodState, PodState];
    const gone = a.metadata;
    next.pods = next.pods.slice(1);
    b.status = { ...b.status, ready: !b.status.ready };
    const oldLabels = c.metadata;
    c.metadata = { ...c.metadata, labels: { moved: 'yes' } };
    const compared = comparePods(first.pods, next.pods);
    expect(new Set(compared.changed)).toEqual(new Set([gone, b.metadata, oldLabels, c.metadata]));
    expect(comparePods(first.pods, [...next.pods].reverse()).changed).toBeUndefined();
    expect(comparePods(first.pods, [b, { ...b }]).pods).toBeUndefined();
  });

  it('start from the remembered pass that shares the most pods, and keep a few', () => {
    const a = copyStateForWrite(base.state);
    const other = simulate(generateScenario({ nodes: 3, apps: 4, ingresses: 1, namespaces: 1 })).state;
    const passA = remembered(undefined, a).record as EndpointsPassRecord;
    const passOther = remembered(undefined, copyStateForWrite(other)).record as EndpointsPassRecord;
    const passes = rememberPass(rememberPass([], undefined, passA), undefined, passOther);
    expect(passes).toEqual([passOther, passA]);
    // a later state of `a`, with a pod changed: its pass, not the newest one
    const later = copyStateForWrite(a);
    const pod = later.pods[0] as PodState;
    pod.status = { ...pod.status };
    expect(closestPass(passes, later)).toBe(passA);
    expect(closestPass(passes, structuredClone(later))).toBeUndefined();
    const after = remembered(passA, later).record;
    expect(rememberPass(passes, passA, after)).toEqual([after, passOther]);
    let many: EndpointsPassRecord[] = [];
    for (let i = 0; i < REMEMBERED_PASSES + 2; i++) many = rememberPass(many, undefined, passA);
    expect(many).toHaveLength(REMEMBERED_PASSES);
  });
});

/**
 * EndpointSlices as objects, checked against the controllers' source:
 * - the EndpointSlice controller: podToEndpoint, getEndpointPorts, newEndpointSlice, setEndpointSliceLabels
 *   (https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/endpointslice/utils.go),
 *   100 endpoints per slice (--max-endpoints-per-slice), a placeholder slice when no pod is selected
 *   (reconciler.go);
 * - the mirroring controller (pkg/controller/endpointslicemirroring/utils.go: newEndpointSlice,
 *   addressToEndpoint, skipMirror);
 * - kube-apiserver's `kubernetes` slice (pkg/controlplane/reconcilers/endpointsadapter.go);
 * - kube-proxy reads slices, a nil `ready` as ready (https://kubernetes.io/docs/reference/kubernetes-api/service-resources/endpoint-slice-v1/).
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../model/actions.ts';
import type { EndpointSliceState } from '../model/state.ts';
import { routeRequest } from '../net/request.ts';
import { reviseSimulation } from '../sim/editSimulation.ts';
import { exportScenario } from '../export/exportScenario.ts';
import { createSimulation } from '../sim/simulation.ts';
import type { Simulation } from '../sim/simulation.ts';
import { runScriptWithState } from '../shell/runScript.ts';

const APP = (replicas: number, extraPort = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        ports: [{name: http, containerPort: 80}${extraPort}]
---
apiVersion: v1
kind: Service
metadata: {name: web, labels: {tier: front}}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: busybox}]
`;

function simulate(text: string): Simulation {
  return createSimulation({ files: [{ file: 'm.yaml', text }], seed: 1 });
}

function slicesOf(sim: Simulation, service: string): EndpointSliceState[] {
  return sim.state.endpointSlices.filter((s) => s.metadata.labels['kubernetes.io/service-name'] === service);
}

function run(sim: Simulation, commands: string[]) {
  return runScriptWithState(sim, commands);
}

describe('the EndpointSlice controller', () => {
  it('keeps one IPv4 slice per Service: generateName, labels, owner, endpoints and ports', () => {
    const sim = simulate(APP(2));
    const [slice, ...rest] = slicesOf(sim, 'web');
    expect(rest).toEqual([]);
    expect(slice?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice?.metadata.labels).toEqual({
      tier: 'front',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice?.owner).toEqual({
      controller: 'endpointslice-controller.k8s.io',
      kind: 'Service',
      name: 'web',
    });
    expect(slice?.addressType).toBe('IPv4');
    expect(slice?.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    const pods = sim.state.pods.filter((p) => p.metadata.labels['app'] === 'web');
    expect(slice?.endpoints).toHaveLength(2);
    for (const e of slice?.endpoints ?? []) {
      const pod = pods.find((p) => p.metadata.name === e.targetRef?.name);
      expect(e).toEqual({
        addresses: [pod?.status.podIP],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: pod?.spec.nodeName,
        targetRef: { kind: 'Pod', namespace: 'default', name: pod?.metadata.name },
      });
    }
  });

  it('prints as kubectl get/describe endpointslices and -o yaml show it', () => {
    const sim = simulate(APP(1));
    const name = slicesOf(sim, 'web')[0]!.metadata.name;
    const pod = sim.state.pods.find((p) => p.metadata.labels['app'] === 'web')!;
    const { steps } = run(sim, [
      'kubectl get endpointslices',
      `kubectl get endpointslice ${name} -o yaml`,
      `kubectl describe endpointslice ${name}`,
    ]);
    expect(steps[0]?.output).toMatch(
      new RegExp(`\\n${name} +IPv4 +80 +${pod.status.podIP.replace(/\./g, '\\.')} +`),
    );
    expect(steps[0]?.output).toMatch(/\nkubernetes +IPv4 +6443 +172\.18\.0\.\d+ +/);
    const yaml = steps[1]!.output;
    expect(yaml).toContain('apiVersion: discovery.k8s.io/v1\n');
    expect(yaml).toContain('addressType: IPv4\n');
    expect(yaml).toContain('  generateName: web-\n');
    expect(yaml).toContain(
      'ownerReferences:\n  - apiVersion: v1\n    blockOwnerDeletion: true\n    controller: true\n    kind: Service\n    name: web\n',
    );
    expect(yaml).toContain('conditions:\n    ready: true\n    serving: true\n    terminating: false\n');
    expect(yaml).toContain('ports:\n- name: http\n  port: 80\n  protocol: TCP\n');
    const described = steps[2]!.output;
    expect(described).toContain('AddressType:  IPv4\n');
    expect(described).toMatch(/Ports:\n {2}Name +Port +Protocol\n {2}-+ +-+ +-+\n {2}http +80 +TCP\n/);
    expect(described).toContain(
      `  - Addresses:  ${pod.status.podIP}\n    Conditions:\n      Ready:    true\n`,
    );
    expect(described).toContain(`    TargetRef:  Pod/${pod.metadata.name}\n`);
    expect(described).toContain(`    NodeName:   ${pod.spec.nodeName}\n    Zone:       <unset>\n`);
  });

  it('names a zone only when the node has topology.kubernetes.io/zone', () => {
    const cluster = `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
- role: worker
  labels: {topology.kubernetes.io/zone: zone-a}
---
`;
    const sim = simulate(cluster + APP(1));
    const [endpoint] = slicesOf(sim, 'web')[0]!.endpoints;
    expect(endpoint?.zone).toBe('zone-a');
    expect(slicesOf(simulate(APP(1)), 'web')[0]!.endpoints[0]).not.toHaveProperty('zone');
  });

  it('an edit that leaves the pods alone keeps the slice: same name, same objects', () => {
    const files = [{ file: 'm.yaml', text: APP(2) }];
    const before = createSimulation({ files, seed: 1 });
    const after = reviseSimulation(before, {
      files: [
        { file: 'm.yaml', text: APP(2) + '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n' },
      ],
      seed: 1,
      actions: [],
    });
    const [a] = slicesOf(before, 'web');
    const [b] = slicesOf(after, 'web');
    expect(b?.metadata.name).toBe(a?.metadata.name);
    expect(b?.endpoints).toBe(a?.endpoints);
    expect(b?.ports).toBe(a?.ports);
    // scaling changes the content but not the name (the reconciler updates a slice in place)
    const scaled = run(before, ['kubectl scale deployment web --replicas=3']).sim;
    const [c] = slicesOf(scaled, 'web');
    expect(c?.metadata.name).toBe(a?.metadata.name);
    expect(c?.endpoints.length).toBe(3);
  });

  it('a terminating pod: ready false, serving as its Ready, terminating true; Endpoints drops it', () => {
    const sim = simulate(APP(2));
    const victim = sim.state.pods.find((p) => p.metadata.labels['app'] === 'web')!;
    const after = run(sim, [`kubectl delete pod ${victim.metadata.name} --wait=false`]).sim;
    const entry = slicesOf(after, 'web')[0]!.endpoints.find(
      (e) => e.targetRef?.name === victim.metadata.name,
    );
    expect(entry?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    const endpoints = after.state.endpoints.find((e) => e.metadata.name === 'web')!;
    expect(JSON.stringify(endpoints.subsets)).not.toContain(victim.status.podIP);
    // gone from the slice when the grace period is over
    const gone = run(after, ['kubeplay wait 30']).sim;
    expect(JSON.stringify(slicesOf(gone, 'web'))).not.toContain(`"${victim.metadata.name}"`);
  });

  it('publishNotReadyAddresses: an unready pod is ready in its slice', () => {
    const text = APP(1).replace(
      '  selector: {app: web}\n  ports',
      '  selector: {app: web}\n  publishNotReadyAddresses: true\n  ports',
    );
    const sim = simulate(text);
    const pod = sim.state.pods.find((p) => p.metadata.labels['app'] === 'web')!;
    const after = run(sim, [`kubeplay pod unready ${pod.metadata.name}`]).sim;
    expect(slicesOf(after, 'web')[0]!.endpoints[0]?.conditions).toEqual({
      ready: true,
      serving: false,
      terminating: false,
    });
  });

  it('no pod selected: one empty placeholder slice, and describe svc prints an empty Endpoints line', () => {
    const sim = simulate(APP(0));
    const slices = slicesOf(sim, 'web');
    expect(slices).toHaveLength(1);
    expect(slices[0]).toMatchObject({ endpoints: [], ports: [] });
    const { steps } = run(sim, [
      'kubectl describe svc web',
      `kubectl describe endpointslice ${slices[0]!.metadata.name}`,
    ]);
    expect(steps[0]?.output).toMatch(/\nEndpoints: *\n/);
    expect(steps[1]?.output).toContain('Ports: <unset>\nEndpoints: <none>\n');
  });

  it('pods that lack a named port go to a slice of their own port mapping', () => {
    const text = `${APP(1)}---
apiVersion: v1
kind: Pod
metadata: {name: odd, labels: {app: web}}
spec:
  containers: [{name: odd, image: nginx, ports: [{containerPort: 80}]}]
`;
    const slices = slicesOf(simulate(text), 'web');
    expect(slices).toHaveLength(2);
    const odd = slices.find((s) => s.endpoints.some((e) => e.targetRef?.name === 'odd'));
    expect(odd?.ports).toEqual([]);
    expect(new Set(slices.map((s) => s.metadata.name)).size).toBe(2);
  });

  it('splits at 100 endpoints a slice', () => {
    const sim = simulate(APP(150).replace('  selector: {matchLabels', '  selector: {matchLabels'));
    const slices = slicesOf(sim, 'web');
    expect(slices.map((s) => s.endpoints.length).sort()).toEqual([100, 50]);
    expect(slices.every((s) => s.ports[0]?.port === 80)).toBe(true);
  });

  it('a long Service name is cut to 58 characters before the 5 generated ones (names/generate.go)', () => {
    const long = 'a'.repeat(63);
    const sim = simulate(
      APP(1).replace('metadata: {name: web, labels: {tier: front}}', `metadata: {name: ${long}}`),
    );
    const name = slicesOf(sim, long)[0]?.metadata.name ?? '';
    expect(name).toHaveLength(63);
    expect(name.startsWith('a'.repeat(58))).toBe(true);
  });

  it('a headless Service gets service.kubernetes.io/headless', () => {
    const sim = simulate(
      APP(1).replace('  selector: {app: web}', '  clusterIP: None\n  selector: {app: web}'),
    );
    expect(slicesOf(sim, 'web')[0]?.metadata.labels['service.kubernetes.io/headless']).toBe('');
  });

  it('goes away with its Service', () => {
    const sim = simulate(APP(1));
    const after = run(sim, ['kubectl delete svc web']).sim;
    expect(slicesOf(after, 'web')).toEqual([]);
  });
});

const SELECTORLESS = `apiVersion: v1
kind: Service
metadata: {name: external}
spec:
  ports: [{port: 80}]
`;

describe('the mirroring controller and the API server', () => {
  it('mirrors a hand-written Endpoints of a selectorless Service', () => {
    const text = `${SELECTORLESS}---
apiVersion: v1
kind: Endpoints
metadata:
  name: external
  labels: {team: a}
  annotations: {note: kept}
subsets:
- addresses: [{ip: 11.11.11.11}]
  notReadyAddresses: [{ip: 22.22.22.22}]
  ports: [{port: 80}]
`;
    const [slice, ...rest] = slicesOf(simulate(text), 'external');
    expect(rest).toEqual([]);
    expect(slice?.metadata.labels).toEqual({
      team: 'a',
      'kubernetes.io/service-name': 'external',
      'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
    });
    expect(slice?.metadata.annotations).toEqual({ note: 'kept' });
    expect(slice?.owner).toMatchObject({ kind: 'Endpoints', name: 'external' });
    expect(slice?.endpoints).toEqual([
      { addresses: ['11.11.11.11'], conditions: { ready: true } },
      { addresses: ['22.22.22.22'], conditions: { ready: false } },
    ]);
    expect(slice?.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
  });

  it('does not mirror with skip-mirror, without a Service, or for a Service with a selector', () => {
    const endpoints = (labels: string) => `---
apiVersion: v1
kind: Endpoints
metadata: {name: external${labels}}
subsets: [{addresses: [{ip: 11.11.11.11}], ports: [{port: 80}]}]
`;
    expect(
      slicesOf(
        simulate(SELECTORLESS + endpoints(', labels: {endpointslice.kubernetes.io/skip-mirror: "true"}')),
        'external',
      ),
    ).toEqual([]);
    expect(slicesOf(simulate(endpoints('')), 'external')).toEqual([]);
  });

  it("writes default/kubernetes's slice as kube-apiserver does: named kubernetes, no managed-by, no owner", () => {
    const sim = simulate(SELECTORLESS);
    const slice = sim.state.endpointSlices.find((s) => s.metadata.name === 'kubernetes');
    expect(slice?.metadata.labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' });
    expect(slice?.ports).toEqual([{ name: 'https', port: 6443, protocol: 'TCP' }]);
    const yaml = run(sim, ['kubectl get endpointslice kubernetes -o yaml']).steps[0]!.output;
    expect(yaml).not.toContain('ownerReferences');
    expect(yaml).not.toContain('generateName');
  });
});

describe('hand-written EndpointSlices', () => {
  const SLICE = (ready = '') => `---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: external-1
  labels: {kubernetes.io/service-name: external}
addressType: IPv4
ports: [{name: "", port: 8080}]
endpoints:
- addresses: [POD_IP]${ready}
`;
  const BACKEND = `---
apiVersion: v1
kind: Pod
metadata: {name: backend}
spec:
  containers: [{name: b, image: luksa/kubia, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: busybox}]
`;

  function withSlice(ready = ''): Simulation {
    const first = simulate(SELECTORLESS + BACKEND);
    const ip = first.state.pods.find((p) => p.metadata.name === 'backend')!.status.podIP;
    return simulate(SELECTORLESS + BACKEND + SLICE(ready).replace('POD_IP', ip));
  }

  it('serve a selectorless Service: kube-proxy routes to them, describe svc lists them', () => {
    const sim = withSlice();
    const slice = sim.state.endpointSlices.find((s) => s.metadata.name === 'external-1');
    expect(slice?.owner).toBeUndefined();
    expect(slice?.endpoints[0]?.conditions).toEqual({});
    const { trace } = routeRequest(sim.state, { from: 'pod/default/client', url: 'http://external/' });
    expect(trace.outcome).toBe('ok');
    expect(trace.endpoint?.pod).toBe('default/backend');
    const ip = slice?.endpoints[0]?.addresses[0];
    expect(run(sim, ['kubectl describe svc external']).steps[0]?.output).toMatch(
      new RegExp(`\\nEndpoints: +${ip?.replace(/\./g, '\\.')}:8080\\n`),
    );
    const described = run(sim, ['kubectl describe endpointslice external-1']).steps[0]!.output;
    expect(described).toMatch(/\n {6}Ready: +<unset>\n/);
  });

  it('an endpoint written ready: false is not routed to (connection refused, no endpoints)', () => {
    const sim = withSlice('\n  conditions: {ready: false}');
    const { trace } = routeRequest(sim.state, { from: 'pod/default/client', url: 'http://external/' });
    expect(trace.outcome).not.toBe('ok');
  });

  it('is kept across controller passes and removed with its document', () => {
    const sim = withSlice();
    const kept = run(sim, ['kubectl scale deployment none --replicas=1', 'kubeplay wait 5']).sim;
    expect(kept.state.endpointSlices.some((s) => s.metadata.name === 'external-1')).toBe(true);
    const edited = reviseSimulation(sim, {
      files: [{ file: 'm.yaml', text: SELECTORLESS + BACKEND }],
      seed: 1,
      actions: [],
    });
    expect(edited.state.endpointSlices.some((s) => s.metadata.name === 'external-1')).toBe(false);
  });
});

describe('kubectl on EndpointSlices', () => {
  it('labels and deletes one; a controller writes its own again, as kube-apiserver does for kubernetes', () => {
    const sim = simulate(SELECTORLESS);
    const { steps, sim: after } = run(sim, [
      'kubectl label endpointslice kubernetes team=a',
      'kubectl delete endpointslice kubernetes',
      'kubectl get endpointslices',
      'kubectl delete endpointslice nothing',
    ]);
    expect(steps[0]?.output).toBe('endpointslice.discovery.k8s.io/kubernetes labeled\n');
    expect(steps[1]?.output).toBe('endpointslice.discovery.k8s.io "kubernetes" deleted\n');
    expect(steps[2]?.output).toMatch(/\nkubernetes +IPv4 +6443 +172\.18\.0\.\d+ +0s\n/);
    expect(steps[3]?.output).toBe(
      'Error from server (NotFound): endpointslices.discovery.k8s.io "nothing" not found\n',
    );
    expect(after.state.endpointSlices.find((s) => s.metadata.name === 'kubernetes')?.metadata.labels).toEqual(
      {
        'kubernetes.io/service-name': 'kubernetes',
      },
    );
  });
});

describe('export', () => {
  it('keeps a hand-written EndpointSlice for kubectl apply; a kubectl delete takes it out', () => {
    const yaml = `${SELECTORLESS}---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: external-1
  labels: {kubernetes.io/service-name: external}
addressType: IPv4
endpoints: [{addresses: [11.11.11.11]}]
`;
    const manifests = (actions: Action[]) => {
      const result = exportScenario({ yaml, actions, baseName: 'demo' });
      if (!result.ok) throw new Error(result.message);
      return result.manifests;
    };
    expect(manifests([])).toContain('kind: EndpointSlice\n');
    const deleted = [
      { type: 'delete', kind: 'EndpointSlice', namespace: 'default', name: 'external-1' } as const,
    ];
    expect(manifests(deleted)).not.toContain('kind: EndpointSlice\n');
  });
});

describe('cluster DNS reads the slices', () => {
  it('a headless selectorless Service answers with the ready addresses of its hand-written slice', () => {
    const yaml = `apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  clusterIP: None
  ports: [{name: pg, port: 5432}]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: db-1
  labels: {kubernetes.io/service-name: db}
addressType: IPv4
ports: [{name: pg, port: 5432}]
endpoints:
- addresses: [10.10.0.5]
- addresses: [10.10.0.6]
  conditions: {ready: false}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: busybox}]
`;
    const out = run(simulate(yaml), ['kubectl exec client -- nslookup db']).steps[0]!.output;
    expect(out).toContain('Name:\tdb.default.svc.cluster.local\nAddress: 10.10.0.5\n');
    expect(out).not.toContain('10.10.0.6');
  });
});

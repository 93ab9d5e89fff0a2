/**
 * Why a request failed, one failure kind at a time, on small clusters built from YAML. Each test
 * checks the kind, the words a student reads, and that the blame points at the right line.
 */
import { describe, expect, it } from 'vitest';
import { ingressNginxInstall } from '../test/helpers.ts';
import { applyAction, createSimulation } from '../sim/simulation.ts';
import type { Simulation } from '../sim/simulation.ts';
import { routeRequest } from '../net/request.ts';
import type { RequestSpec } from '../net/request.ts';
import { getHints } from '../lint/hints.ts';
import type { Trace } from '../trace.ts';
import { applyTextEdit, editForFix } from './fixEdit.ts';

const FILE = 'm.yaml';

function simulate(yaml: string): Simulation {
  return createSimulation({ files: [{ file: FILE, text: yaml }], seed: 1 });
}

function send(sim: Simulation, spec: RequestSpec): Trace {
  return routeRequest(sim.state, spec, sim.diagnostics).trace;
}

/** The text of the line the blame points at. */
function blamedLine(yaml: string, trace: Trace): string {
  const line = trace.explanation?.blame?.location?.line ?? 0;
  return (yaml.split('\n')[line - 1] ?? '').trim();
}

/** The YAML with the explanation's quick fix applied. */
function fixed(yaml: string, trace: Trace): string {
  const fix = trace.explanation?.fix;
  if (!fix) throw new Error('no fix');
  const edit = editForFix(yaml, fix);
  if (!edit) throw new Error('fix does not apply');
  return applyTextEdit(yaml, edit);
}

const RC = (extra = '') => `apiVersion: v1
kind: ReplicationController
metadata: {name: kubia}
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
        - containerPort: 8080
${extra}`;

const SVC = (selector = 'app: kubia', targetPort: string | number = 8080, more = '') => `---
apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
${more}  selector:
    ${selector}
  ports:
  - port: 80
    targetPort: ${targetPort}
`;

const CLIENT = `---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: busybox}]
`;

const fromClient = 'pod/default/client';

describe('a request that works', () => {
  it('carries no explanation', () => {
    const trace = send(simulate(RC() + SVC() + CLIENT), { from: fromClient, url: 'http://kubia' });
    expect(trace.outcome).toBe('ok');
    expect(trace.explanation).toBeUndefined();
  });
});

describe('a name that does not resolve', () => {
  it('a typo: the closest Service name is suggested, with the search list tried', () => {
    const yaml = RC() + SVC() + CLIENT;
    const trace = send(simulate(yaml), { from: fromClient, url: 'http://kubai' });
    expect(trace.outcome).toBe('unresolved');
    expect(trace.explanation).toMatchObject({ kind: 'name-typo' });
    expect(trace.explanation?.summary).toContain('Did you mean "kubia"?');
    expect(trace.explanation?.detail).toContain('kubai.default.svc.cluster.local (NXDOMAIN)');
    expect(trace.explanation?.blame).toMatchObject({ object: 'svc/default/kubia', path: 'metadata.name' });
    expect(blamedLine(yaml, trace)).toBe('name: kubia');
  });
  it('a Service in another namespace: use name.namespace', () => {
    const yaml = `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n${SVC().replace('  name: kubia', '  name: kubia\n  namespace: shop')}${CLIENT}`;
    const trace = send(simulate(yaml), { from: fromClient, url: 'http://kubia' });
    expect(trace.explanation?.kind).toBe('name-wrong-namespace');
    expect(trace.explanation?.summary).toContain('Use kubia.shop');
    expect(blamedLine(yaml, trace)).toBe('namespace: shop');
  });
  it('a short cluster name from the laptop, which has no cluster search list', () => {
    const trace = send(simulate(RC() + SVC()), { from: 'client/laptop', url: 'http://kubia' });
    expect(trace.explanation?.kind).toBe('name-outside-cluster');
    expect(trace.explanation?.summary).toContain('laptop is outside the cluster');
  });
});

describe('an Ingress host from the laptop', () => {
  it('without a DNS entry: send it to the controller with a Host header, or add it to /etc/hosts', () => {
    const yaml = NGINX + RC() + SVC() + ING();
    const trace = send(simulate(yaml), { from: 'client/laptop', url: 'http://kubia.example.com' });
    expect(trace.explanation?.kind).toBe('ingress-host-unresolved');
    expect(trace.explanation?.summary).toContain('with the Host header kubia.example.com');
    expect(blamedLine(yaml, trace)).toBe('- host: kubia.example.com');
  });
});

describe('a Service without ready endpoints', () => {
  it('a selector that matches no pod names the labels the pods have, blames spec.selector and fixes it', () => {
    const yaml = RC() + SVC('app: kubai') + CLIENT;
    const sim = simulate(yaml);
    const trace = send(sim, { from: fromClient, url: 'http://kubia' });
    expect(trace.outcome).toBe('refused');
    const explanation = trace.explanation;
    expect(explanation?.kind).toBe('selector-no-pods');
    expect(explanation?.summary).toContain('selects app=kubai');
    expect(explanation?.summary).toContain('the pods have app=kubia');
    expect(explanation?.blame?.path).toBe('spec.selector');
    expect(blamedLine(yaml, trace)).toBe('app: kubai');
    // One wording for the static hint and the explanation.
    const hint = getHints(sim.state).find((h) => h.code === 'hint-selector-no-pods');
    expect(explanation?.detail).toBe(hint?.message);
    const repaired = fixed(yaml, trace);
    expect(repaired).toContain('  selector:\n    app: kubia\n');
    expect(send(simulate(repaired), { from: fromClient, url: 'http://kubia' }).outcome).toBe('ok');
  });
  it('pods that are not ready: which readiness probe, and what it checks', () => {
    const probe = `        readinessProbe:\n          exec:\n            command: [ls, /var/ready]\n`;
    const yaml = RC(probe) + SVC() + CLIENT;
    const trace = send(simulate(yaml), { from: fromClient, url: 'http://kubia' });
    expect(trace.explanation?.kind).toBe('pod-not-ready');
    expect(trace.explanation?.summary).toContain('Readiness probe failed');
    expect(trace.explanation?.summary).toContain('runs "ls /var/ready"');
    expect(trace.explanation?.blame?.path).toBe('spec.template.spec.containers[0].readinessProbe');
    expect(blamedLine(yaml, trace)).toBe('exec:');
  });
  it('a named targetPort no container declares', () => {
    const yaml = RC() + SVC('app: kubia', 'http') + CLIENT;
    const trace = send(simulate(yaml), { from: fromClient, url: 'http://kubia' });
    expect(trace.explanation?.kind).toBe('targetport-name-unknown');
    expect(blamedLine(yaml, trace)).toBe('targetPort: http');
    expect(send(simulate(fixed(yaml, trace)), { from: fromClient, url: 'http://kubia' }).outcome).toBe('ok');
  });
});

describe('a targetPort nothing listens on', () => {
  it('blames spec.ports[0].targetPort and offers the declared containerPort', () => {
    const yaml = RC() + SVC('app: kubia', 80) + CLIENT;
    const trace = send(simulate(yaml), { from: fromClient, url: 'http://kubia' });
    expect(trace.outcome).toBe('refused');
    expect(trace.explanation?.kind).toBe('targetport-not-listening');
    expect(trace.explanation?.summary).toContain('nothing in the pod listens on 80');
    expect(blamedLine(yaml, trace)).toBe('targetPort: 80');
    expect(trace.explanation?.fix).toMatchObject({ label: 'set targetPort to 8080', value: 8080 });
    const repaired = fixed(yaml, trace);
    expect(repaired).toContain('targetPort: 8080');
    expect(send(simulate(repaired), { from: fromClient, url: 'http://kubia' }).outcome).toBe('ok');
  });
});

const NODEPORT = (nodePort: number, name = 'kubia-np', policy = '') => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: NodePort
${policy}  selector: {app: kubia}
  ports:
  - port: 80
    targetPort: 8080
    nodePort: ${nodePort}
`;

describe('a nodePort the API server rejected', () => {
  it('outside the range: the Service does not exist; a free port in range is offered', () => {
    const yaml = RC() + NODEPORT(3080);
    const sim = simulate(yaml);
    const node = sim.state.nodes.find((n) => n.role === 'worker')!;
    const trace = send(sim, { from: 'client/laptop', url: `http://${node.ip}:3080` });
    expect(trace.outcome).toBe('refused');
    expect(trace.explanation?.kind).toBe('nodeport-rejected');
    expect(trace.explanation?.summary).toContain('the API server rejected the Service');
    expect(trace.explanation?.detail).toContain('provided port is not in the valid range');
    expect(blamedLine(yaml, trace)).toBe('nodePort: 3080');
    const repaired = fixed(yaml, trace);
    expect(repaired).toContain('nodePort: 30800');
    const again = simulate(repaired);
    expect(send(again, { from: 'client/laptop', url: `http://${node.ip}:30800` }).outcome).toBe('ok');
  });
  it('already allocated by another Service', () => {
    const yaml = RC() + NODEPORT(30080, 'first') + NODEPORT(30080, 'second');
    const sim = simulate(yaml);
    const node = sim.state.nodes.find((n) => n.role === 'worker')!;
    const trace = send(sim, { from: 'client/laptop', url: `http://${node.ip}:30081` });
    expect(trace.explanation?.kind).toBe('nodeport-rejected');
    expect(trace.explanation?.summary).toContain('another Service already holds node port 30080');
    expect(trace.explanation?.fix?.value).not.toBe(30080);
  });
});

describe('externalTrafficPolicy Local and nodes that are down', () => {
  const yaml =
    RC().replace('replicas: 2', 'replicas: 1') +
    NODEPORT(30124, 'kubia-local', '  externalTrafficPolicy: Local\n');
  it('a node without a local endpoint drops the connection', () => {
    const sim = simulate(yaml);
    const podNode = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')?.spec.nodeName;
    const empty = sim.state.nodes.find((n) => n.role === 'worker' && n.name !== podNode)!;
    const trace = send(sim, { from: 'client/laptop', url: `http://${empty.ip}:30124` });
    expect(trace.outcome).toBe('timeout');
    expect(trace.explanation?.kind).toBe('external-traffic-local');
    expect(trace.explanation?.summary).toContain(`${empty.name} runs no ready pod of it`);
    expect(blamedLine(yaml, trace)).toBe('externalTrafficPolicy: Local');
    expect(trace.explanation?.fix?.value).toBe('Cluster');
  });
  it('a node that is down loses the packet', () => {
    const sim = applyAction(simulate(yaml), { type: 'node', name: 'kind-worker', up: false });
    const node = sim.state.nodes.find((n) => n.name === 'kind-worker')!;
    const trace = send(sim, { from: 'client/laptop', url: `http://${node.ip}:30124` });
    expect(trace.outcome).toBe('timeout');
    expect(trace.explanation).toMatchObject({ kind: 'node-down', blame: { object: 'node/kind-worker' } });
    expect(trace.explanation?.summary).toContain('node kind-worker is down');
  });
});

// ingress-nginx as the ingress scenario installs it
const NGINX = `${ingressNginxInstall()}---\n`;

const ING = (cls = 'nginx') => `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  ingressClassName: ${cls}
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: kubia
            port: {number: 80}
`;

describe('an Ingress', () => {
  function viaController(sim: Simulation, host: string): Trace {
    const controller = sim.state.pods.find((p) => p.metadata.namespace === 'ingress-nginx')!;
    return send(sim, {
      from: fromClient,
      url: `http://${controller.status.podIP}/`,
      headers: { Host: host },
    });
  }
  it('whose host does not match: the closest rule host is blamed', () => {
    const yaml = NGINX + RC() + SVC() + ING() + CLIENT;
    const trace = viaController(simulate(yaml), 'kubia.exmple.com');
    expect(trace.status).toBe(404);
    expect(trace.explanation?.kind).toBe('ingress-host-mismatch');
    expect(trace.explanation?.summary).toContain('its rules are for kubia.example.com');
    expect(blamedLine(yaml, trace)).toBe('- host: kubia.example.com');
  });
  it('whose class no running controller serves', () => {
    const yaml = NGINX + RC() + SVC() + ING('traefik') + CLIENT;
    const trace = viaController(simulate(yaml), 'kubia.example.com');
    expect(trace.explanation?.kind).toBe('ingress-class-unserved');
    expect(trace.explanation?.detail).toContain('IngressClass "traefik" does not exist');
    expect(blamedLine(yaml, trace)).toBe('ingressClassName: traefik');
  });
  it('whose backend Service has no endpoints: 503, and the selector is blamed', () => {
    const yaml = NGINX + RC() + SVC('app: kubai') + ING() + CLIENT;
    const trace = viaController(simulate(yaml), 'kubia.example.com');
    expect(trace.status).toBe(503);
    expect(trace.explanation?.kind).toBe('selector-no-pods');
    expect(trace.explanation?.summary).toMatch(/^Ingress "web" sends kubia.example.com\/ to Service "kubia"/);
    expect(trace.explanation?.summary).toContain('no endpoints and the controller answers 503');
    expect(blamedLine(yaml, trace)).toBe('app: kubai');
  });
});

/**
 * Every Trace that got as far as choosing a Service names it in `trace.service` (`ns/name`), also when
 * the request then failed: kube-proxy's REJECT for a Service with no endpoints
 * (https://kubernetes.io/docs/reference/networking/virtual-ips/), NodePort and LoadBalancer entry, and
 * an ingress controller whose matched backend Service has no endpoints or lacks the port (ingress-nginx
 * 503; Traefik 404 — docs/kubernetes-facts.md#traefik). A backend Service that does not exist was never
 * chosen, so that Trace names none.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/simulation.ts';
import type { Simulation } from '../sim/simulation.ts';
import { routeRequest } from './request.ts';
import type { RequestSpec } from './request.ts';
import type { Trace } from '../trace.ts';

function simulate(yaml: string): Simulation {
  return createSimulation({ files: [{ file: 'm.yaml', text: yaml }], seed: 1 });
}

function send(sim: Simulation, spec: RequestSpec): Trace {
  return routeRequest(sim.state, spec, sim.diagnostics).trace;
}

/** A Service whose selector matches no pod (no endpoints), of the given type. */
const SVC = (name: string, type: string, selector = 'app: nothing', more = '') => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: ${type}
  selector: {${selector}}
  ports:
  - port: 80
    targetPort: 8080
${more}`;

const WEB = `---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: web, image: luksa/kubia, ports: [{containerPort: 8080}]}]
`;

const CLIENT = `---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: busybox}]
`;

const NGINX = `---
apiVersion: v1
kind: Namespace
metadata: {name: ingress-nginx}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
spec:
  selector: {matchLabels: {app: ingress-nginx}}
  template:
    metadata: {labels: {app: ingress-nginx}}
    spec:
      containers:
      - name: controller
        image: registry.k8s.io/ingress-nginx/controller:v1.11.2
        args: [/nginx-ingress-controller]
        ports: [{name: http, containerPort: 80}]
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
`;

const TRAEFIK = `---
apiVersion: apps/v1
kind: Deployment
metadata: {name: traefik, namespace: kube-system}
spec:
  selector: {matchLabels: {app: traefik}}
  template:
    metadata: {labels: {app: traefik}}
    spec:
      containers:
      - name: traefik
        image: traefik:v2.10
        args: [--entrypoints.web.address=:80, --providers.kubernetesingress]
        ports: [{name: web, containerPort: 80}]
`;

const ING = (service: string, port: number, cls: string) => `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: site}
spec:
  ingressClassName: ${cls}
  rules:
  - host: site.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: ${service}, port: {number: ${port}}}
`;

const TRAEFIK_CLASS = `---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: traefik}
spec: {controller: traefik.io/ingress-controller}
`;

function controllerIp(sim: Simulation): string {
  const pod = sim.state.pods.find((p) =>
    p.spec.containers.some((c) => /ingress-nginx|traefik:/.test(c.image)),
  );
  if (!pod) throw new Error('no controller');
  return pod.status.podIP;
}

function viaIngress(sim: Simulation): Trace {
  return send(sim, {
    from: 'pod/default/client',
    url: `http://${controllerIp(sim)}/`,
    headers: { Host: 'site.example.com' },
  });
}

describe('trace.service names the Service the request went through, also when it failed', () => {
  it('ClusterIP by name with no endpoints: kube-proxy rejects, the Trace names the Service', () => {
    const sim = simulate(SVC('empty', 'ClusterIP') + CLIENT);
    const trace = send(sim, { from: 'pod/default/client', url: 'http://empty/' });
    expect(trace.outcome).toBe('refused');
    expect(trace.service).toBe('default/empty');
  });

  it('ClusterIP by address with no endpoints', () => {
    const sim = simulate(SVC('empty', 'ClusterIP') + CLIENT);
    const ip = sim.state.services.find((s) => s.manifest.metadata.name === 'empty')!.manifest.spec.clusterIP;
    const trace = send(sim, { from: 'pod/default/client', url: `http://${ip}/` });
    expect(trace.outcome).toBe('refused');
    expect(trace.service).toBe('default/empty');
  });

  it('NodePort with no endpoints, from outside', () => {
    const sim = simulate(SVC('empty', 'NodePort', 'app: nothing', '    nodePort: 30500\n'));
    const node = sim.state.nodes.find((n) => n.role === 'worker')!;
    const trace = send(sim, { from: 'client/laptop', url: `http://${node.ip}:30500/` });
    expect(trace.outcome).toBe('refused');
    expect(trace.service).toBe('default/empty');
  });

  it('ingress-nginx, matched backend with no endpoints: 503 and the Trace names the Service', () => {
    const sim = simulate(NGINX + SVC('empty', 'ClusterIP') + ING('empty', 80, 'nginx') + CLIENT);
    const trace = viaIngress(sim);
    expect(trace.status).toBe(503);
    expect(trace.service).toBe('default/empty');
  });

  it('ingress-nginx, matched backend Service lacks the port: 503, the Service is named', () => {
    const sim = simulate(
      NGINX + SVC('web', 'ClusterIP', 'app: web') + ING('web', 81, 'nginx') + WEB + CLIENT,
    );
    const trace = viaIngress(sim);
    expect(trace.status).toBe(503);
    expect(trace.service).toBe('default/web');
  });

  it('ingress-nginx, backend Service missing: 503, no Service was chosen', () => {
    const sim = simulate(NGINX + ING('absent', 80, 'nginx') + CLIENT);
    const trace = viaIngress(sim);
    expect(trace.status).toBe(503);
    expect(trace.service).toBeUndefined();
  });

  it('ingress-nginx, healthy backend: the Service is named', () => {
    const sim = simulate(
      NGINX + SVC('web', 'ClusterIP', 'app: web') + ING('web', 80, 'nginx') + WEB + CLIENT,
    );
    const trace = viaIngress(sim);
    expect(trace.outcome).toBe('ok');
    expect(trace.service).toBe('default/web');
  });

  it('Traefik, matched backend with no endpoints: 404 and the Trace names the Service', () => {
    const sim = simulate(
      TRAEFIK + TRAEFIK_CLASS + SVC('empty', 'ClusterIP') + ING('empty', 80, 'traefik') + CLIENT,
    );
    const trace = viaIngress(sim);
    expect(trace.status).toBe(404);
    expect(trace.service).toBe('default/empty');
  });
});

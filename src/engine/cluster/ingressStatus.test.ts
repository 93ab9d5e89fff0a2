import { describe, it, expect } from 'vitest';
import { errorsOf, simulate } from '../sim/simTesting.ts';
import type { Simulation } from '../sim/simulation.ts';

const nginx = (extraArgs = '') => `
apiVersion: v1
kind: Namespace
metadata: {name: ingress-nginx}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
spec:
  replicas: 1
  selector: {matchLabels: {app: ingress-nginx}}
  template:
    metadata: {labels: {app: ingress-nginx}}
    spec:
      containers:
      - name: controller
        image: registry.k8s.io/ingress-nginx/controller:v1.10.0
        args: [/nginx-ingress-controller${extraArgs}]
        ports: [{name: http, containerPort: 80}]
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
spec:
  controller: k8s.io/ingress-nginx
`;

const ingress = (name: string, cls = '') => `
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}}
spec:
  ${cls ? `ingressClassName: ${cls}` : ''}
  rules:
  - host: ${name}.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`;

function addresses(sim: Simulation, name: string) {
  return sim.state.ingresses.find((i) => i.manifest.metadata.name === name)?.status.loadBalancer.ingress;
}

describe('Ingress status', () => {
  it('an Ingress served by a running controller gets the IP of the node the controller runs on', () => {
    const sim = simulate(nginx() + ingress('a', 'nginx') + ingress('b', 'traefik'));
    expect(errorsOf(sim)).toEqual([]);
    const pod = sim.state.pods.find((p) => p.metadata.namespace === 'ingress-nginx');
    const nodeIp = sim.state.nodes.find((n) => n.name === pod?.spec.nodeName)?.ip;
    expect(addresses(sim, 'a')).toEqual([{ ip: nodeIp }]);
    expect(addresses(sim, 'b')).toEqual([]);
  });

  it("publishes the controller Service's LoadBalancer IP when it has one", () => {
    const sim = simulate(
      nginx() +
        `---
apiVersion: v1
kind: Service
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
spec:
  type: LoadBalancer
  selector: {app: ingress-nginx}
  ports: [{name: http, port: 80, targetPort: http}]
` +
        ingress('a', 'nginx'),
    );
    expect(addresses(sim, 'a')).toEqual([{ ip: '172.18.255.200' }]);
  });

  it('honours --publish-status-address (kind manifest: localhost)', () => {
    const sim = simulate(nginx(', --publish-status-address=localhost') + ingress('a', 'nginx'));
    expect(addresses(sim, 'a')).toEqual([{ hostname: 'localhost' }]);
  });

  it('fills ingressClassName of a class-less Ingress from the default IngressClass', () => {
    const sim = simulate(nginx() + ingress('plain'));
    const stored = sim.state.ingresses.find((i) => i.manifest.metadata.name === 'plain');
    expect(stored?.manifest.spec.ingressClassName).toBe('nginx');
    expect(addresses(sim, 'plain')).toHaveLength(1);
  });
});

import { describe, it, expect } from 'vitest';
import { errorsOf, KIND_METALLB_POOL, simulate } from '../sim/testing/simTesting.ts';
import type { Simulation } from '../sim/simulation.ts';

const nginx = (extraArgs = '') => `
${KIND_METALLB_POOL}
---
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

const traefik = (extraArgs: string[] = [], lbService = false) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: traefik, namespace: kube-system}
spec:
  replicas: 1
  selector: {matchLabels: {app: traefik}}
  template:
    metadata: {labels: {app: traefik}}
    spec:
      containers:
      - name: traefik
        image: traefik:v2.10
        args: [--providers.kubernetesingress${extraArgs.map((a) => `, "${a}"`).join('')}]
        ports: [{name: web, containerPort: 80}]
${
  lbService
    ? `---
${KIND_METALLB_POOL}
---
apiVersion: v1
kind: Service
metadata: {name: traefik, namespace: kube-system}
spec:
  type: LoadBalancer
  selector: {app: traefik}
  ports: [{port: 80}]
`
    : ''
}`;

const annotated = (name: string) => `
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}, annotations: {kubernetes.io/ingress.class: traefik}}
spec:
  rules:
  - host: ${name}.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`;

describe('Ingress status published by Traefik', () => {
  it('stays empty unless Traefik is told its ingress endpoint (no node-IP fallback, unlike ingress-nginx)', () => {
    const sim = simulate(traefik() + annotated('a'));
    expect(addresses(sim, 'a')).toEqual([]);
  });

  it('publishes ingressendpoint.ip or .hostname as given', () => {
    expect(
      addresses(
        simulate(traefik(['--providers.kubernetesingress.ingressendpoint.ip=172.18.0.3']) + annotated('a')),
        'a',
      ),
    ).toEqual([{ ip: '172.18.0.3' }]);
    expect(
      addresses(
        simulate(
          traefik(['--providers.kubernetesingress.ingressendpoint.hostname=lb.example.com']) + annotated('a'),
        ),
        'a',
      ),
    ).toEqual([{ hostname: 'lb.example.com' }]);
  });

  it('publishedService copies that Service load balancer address; a Service without one publishes nothing', () => {
    const withLb = simulate(
      traefik(['--providers.kubernetesingress.ingressendpoint.publishedservice=kube-system/traefik'], true) +
        annotated('a'),
    );
    const lbIp = withLb.state.services.find((s) => s.manifest.metadata.name === 'traefik')?.status
      .loadBalancer.ingress[0]?.ip;
    expect(lbIp).toMatch(/^172\.18\.255\./);
    expect(addresses(withLb, 'a')).toEqual([{ ip: lbIp }]);
    const noService = simulate(
      traefik(['--providers.kubernetesingress.ingressendpoint.publishedservice=kube-system/missing']) +
        annotated('a'),
    );
    expect(addresses(noService, 'a')).toEqual([]);
  });
});

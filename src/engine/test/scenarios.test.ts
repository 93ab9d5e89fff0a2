/**
 * The focused bundled scenarios do what their comments promise a student, checked end to end
 * through the engine's public index (control plane, data plane and actions together).
 */
import { describe, it, expect } from 'vitest';
import { applyAction, routeRequest } from '../index.ts';
import type { ClusterState, RequestSpec, Trace } from '../index.ts';
import { errorsOf, inCidr, podKey, podsOf, routeMany, serviceOf, simulateScenario } from './helpers.ts';
import { readHops } from '../readHops.ts';

const LAPTOP = 'client/laptop';
const route = (state: ClusterState, request: RequestSpec): Trace => routeRequest(state, request).trace;
const hopKinds = (t: Trace) => readHops(t).map((h) => h.kind);
const deliverHop = (t: Trace) => readHops(t).find((h) => h.kind === 'deliver');
const ipOf = (hostPort: string | undefined) => (hostPort ?? '').replace(/:\d+$/, '');

describe('nodeport: externalTrafficPolicy Cluster vs Local', () => {
  const sim = simulateScenario('nodeport');
  const state = sim.state;
  const kubia = podsOf(state, { app: 'kubia' });
  const podNodes = new Set(kubia.map((p) => p.spec.nodeName));
  const laptopIp = route(state, { from: LAPTOP, url: `http://${state.nodes[0]?.ip}:30123/` }).request
    .clientIp;

  it('has 2 kubia pods, and some node without one', () => {
    expect(errorsOf(sim)).toEqual([]);
    expect(kubia).toHaveLength(2);
    expect(state.nodes.some((n) => !podNodes.has(n.name))).toBe(true);
  });

  it("30123 (Cluster) answers on every node; the pod sees the entry node's IP, not the client's", () => {
    for (const node of state.nodes) {
      const t = route(state, { from: LAPTOP, url: `http://${node.ip}:30123/` });
      expect(t.outcome).toBe('ok');
      expect(kubia.map(podKey)).toContain(t.endpoint?.pod);
      expect(hopKinds(t)).toContain('snat');
      // Masqueraded to an address of the entry node: its IP, or (for a pod on the same node, kindnet's
      // ptp veth) the node's gateway address in its podCIDR. Never the client's own IP.
      const seen = ipOf(deliverHop(t)?.src);
      expect(seen).not.toBe(laptopIp);
      expect(seen === node.ip || inCidr(seen, node.podCIDR), seen).toBe(true);
    }
  });

  it('30124 (Local) answers only on nodes running a kubia pod, from that node, keeping the client IP', () => {
    for (const node of state.nodes) {
      const t = route(state, { from: LAPTOP, url: `http://${node.ip}:30124/` });
      if (podNodes.has(node.name)) {
        expect(t.outcome).toBe('ok');
        expect(t.endpoint?.node).toBe(node.name);
        expect(hopKinds(t)).not.toContain('snat');
        expect(ipOf(deliverHop(t)?.src)).toBe(laptopIp);
      } else {
        expect(t.outcome).toBe('timeout');
        expect(hopKinds(t)).toContain('drop');
      }
    }
  });
});

describe('loadbalancer: three workers, Cluster and Local', () => {
  const sim = simulateScenario('loadbalancer');
  const state = sim.state;
  const kubia = podsOf(state, { app: 'kubia' }).map(podKey);
  const lbIp = (name: string) => serviceOf(state, name).status.loadBalancer.ingress[0]?.ip ?? '';
  const controlPlane = state.nodes.filter((n) => n.role === 'control-plane').map((n) => `node/${n.name}`);

  it('allocates a health-check node port only for the Local one', () => {
    expect(errorsOf(sim)).toEqual([]);
    expect(serviceOf(state, 'kubia-loadbalancer').manifest.spec.healthCheckNodePort).toBeUndefined();
    const hc = serviceOf(state, 'kubia-lb-local').manifest.spec.healthCheckNodePort ?? 0;
    expect(hc).toBeGreaterThanOrEqual(30000);
    expect(hc).toBeLessThanOrEqual(32767);
    expect(lbIp('kubia-loadbalancer')).not.toBe(lbIp('kubia-lb-local'));
  });

  it('Cluster: every request reaches a kubia pod, never through the excluded control-plane node', () => {
    const { traces } = routeMany(state, { from: LAPTOP, url: `http://${lbIp('kubia-loadbalancer')}/` }, 60);
    for (const t of traces) {
      expect(t.outcome).toBe('ok');
      expect(kubia).toContain(t.endpoint?.pod);
      expect(readHops(t).some((h) => controlPlane.includes(h.at))).toBe(false);
    }
  });

  it('Local: the health check keeps traffic on nodes with a pod; no timeouts, client IP kept', () => {
    const { traces } = routeMany(state, { from: LAPTOP, url: `http://${lbIp('kubia-lb-local')}/` }, 60);
    for (const t of traces) {
      expect(t.outcome).toBe('ok');
      expect(kubia).toContain(t.endpoint?.pod);
      expect(hopKinds(t)).not.toContain('snat');
      expect(ipOf(deliverHop(t)?.src)).toBe(t.request.clientIp);
    }
  });
});

describe('readiness: pods join the endpoints after touch /var/ready', () => {
  const sim = simulateScenario('readiness');
  const kubia = podsOf(sim.state, { app: 'kubia' });
  const request = { from: 'pod/default/client', url: 'http://kubia' };

  it('starts with every pod not ready and the Service refusing connections', () => {
    expect(errorsOf(sim)).toEqual([]);
    expect(kubia.every((p) => !p.status.ready)).toBe(true);
    const ep = sim.state.endpoints.find((e) => e.metadata.name === 'kubia');
    expect((ep?.subsets ?? []).flatMap((s) => s.addresses)).toEqual([]);
    expect((ep?.subsets ?? []).flatMap((s) => s.notReadyAddresses)).toHaveLength(3);
    const t = route(sim.state, request);
    expect(t.outcome).toBe('refused');
    expect(hopKinds(t)).toContain('reject');
  });

  it('sends every request to the one pod whose probe now succeeds', () => {
    const pod = kubia[1];
    if (!pod) throw new Error('no pod');
    const after = applyAction(sim, {
      type: 'podFile',
      namespace: 'default',
      name: pod.metadata.name,
      path: '/var/ready',
      present: true,
    });
    const { traces } = routeMany(after.state, request, 20);
    expect(new Set(traces.map((t) => t.endpoint?.pod))).toEqual(new Set([podKey(pod)]));
    expect(traces.every((t) => t.outcome === 'ok')).toBe(true);
  });
});

describe('ingress: ingress-nginx host and path rules', () => {
  const sim = simulateScenario('ingress');
  const state = sim.state;
  const lb = serviceOf(state, 'ingress-nginx-controller', 'ingress-nginx').status.loadBalancer.ingress[0]?.ip;
  const web = podsOf(state, { app: 'web' }).map(podKey);
  const api = podsOf(state, { app: 'api' }).map(podKey);
  const fallback = podsOf(state, { app: 'fallback' }).map(podKey);
  const get = (host: string, path: string) =>
    route(state, { from: LAPTOP, url: `http://${lb}${path}`, headers: { Host: host } });

  it.each([
    ['shop.example.com', '/', web],
    ['shop.example.com', '/index.html', web],
    ['shop.example.com', '/api', api],
    ['shop.example.com', '/api/orders', api],
    ['shop.example.com', '/apix', web], // Prefix matches whole segments only
    ['shop.example.com', '/healthz', api], // Exact
    ['shop.example.com', '/healthz/deep', web], // Exact does not match sub-paths
    ['other.example.com', '/', fallback], // no rule for the host: the default backend
  ])('Host %s path %s', (host, path, pods) => {
    expect(errorsOf(sim)).toEqual([]);
    const t = get(host, path);
    expect(t.outcome, JSON.stringify(readHops(t).at(-1))).toBe('ok');
    expect(pods).toContain(t.endpoint?.pod);
  });
});

describe('dns: headless, ExternalName, namespaces', () => {
  const sim = simulateScenario('dns');
  const state = sim.state;
  const from = 'pod/default/dnsutils';
  const kubia = podsOf(state, { app: 'kubia' }).map(podKey);

  it('reaches the ClusterIP Service through DNAT, the headless one straight at a pod IP', () => {
    expect(errorsOf(sim)).toEqual([]);
    const viaVip = route(state, { from, url: 'http://kubia' });
    expect(viaVip.outcome).toBe('ok');
    expect(hopKinds(viaVip)).toContain('dnat');
    const headless = route(state, { from, url: 'http://kubia-headless:8080' });
    expect(headless.outcome).toBe('ok');
    expect(kubia).toContain(headless.endpoint?.pod);
    expect(hopKinds(headless)).not.toContain('dnat');
  });

  it('does not resolve a short name across namespaces, but resolves name.namespace', () => {
    expect(route(state, { from, url: 'http://backend' }).outcome).toBe('unresolved');
    const t = route(state, { from, url: 'http://backend.other' });
    expect(t.outcome).toBe('ok');
    expect(t.endpoint?.pod).toMatch(/^other\/backend-/);
    expect(t.service).toBe('other/backend');
  });

  it('answers the ExternalName with a CNAME to a name outside the cluster, which nothing here resolves', () => {
    const t = route(state, { from, url: 'http://external-service' });
    expect(t.outcome).toBe('unresolved');
    expect(readHops(t).find((h) => h.kind === 'dns')?.note).toContain('api.somecompany.com');
  });
});

describe('clusterip: named ports', () => {
  const sim = simulateScenario('clusterip');
  const kubia = podsOf(sim.state, { app: 'kubia' });

  it('resolves targetPort "https" to 8443 in each pod, where luksa/kubia listens on nothing: refused', () => {
    const t = route(sim.state, { from: 'pod/default/client', url: 'https://kubia' });
    expect(t.endpoint?.port).toBe(8443);
    expect(kubia.map(podKey)).toContain(t.endpoint?.pod);
    expect(t.outcome).toBe('refused');
    expect(hopKinds(t)).toEqual(expect.arrayContaining(['dnat', 'reject']));
  });

  it('gives the client pod, created after both Services, their variables', () => {
    const client = sim.state.pods.find((p) => p.metadata.name === 'client');
    const names = (client?.serviceEnv ?? []).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['KUBIA_SERVICE_HOST', 'KUBIA_RANDOM_SERVICE_HOST']));
    expect(names).toContain('KUBIA_SERVICE_PORT_HTTPS');
  });
});

describe("ingress-v1beta1: the book's Ingress, converted", () => {
  const sim = simulateScenario('ingress-v1beta1');
  const state = sim.state;

  it('converts servicePort 80 to port.number and a missing pathType to ImplementationSpecific', () => {
    expect(errorsOf(sim)).toEqual([]);
    const ing = state.ingresses.find((i) => i.manifest.metadata.name === 'kubia');
    expect(ing?.manifest.spec.rules[0]?.paths[0]).toMatchObject({
      path: '/',
      pathType: 'ImplementationSpecific',
      backend: { service: { name: 'kubia-nodeport', port: { number: 80 } } },
    });
  });

  it("is served by the book-era Traefik 1.7 (class-less Ingresses) on its node's port 80", () => {
    const traefik = podsOf(state, { 'k8s-app': 'traefik-ingress-lb' }, 'kube-system')[0];
    const t = route(state, {
      from: LAPTOP,
      url: 'http://kubia.example.com/',
      resolve: [{ host: 'kubia.example.com', port: 80, address: traefik?.status.hostIP ?? '' }],
    });
    expect(t.outcome).toBe('ok');
    expect(podsOf(state, { app: 'kubia' }).map(podKey)).toContain(t.endpoint?.pod);
  });
});

/**
 * The course's cluster end to end (src/scenarios/kubia.yaml: Kubernetes in Action ch. 5 plus Traefik):
 * where the pods land, which addresses the Services get, and that every way in (ClusterIP from a pod,
 * NodePort on every node, the load balancer, the Ingress) reaches a kubia pod.
 */
import { describe, it, expect } from 'vitest';
import { applyAction, routeRequest } from '../index.ts';
import type { ClusterState, RequestSpec, Trace } from '../index.ts';
import {
  errorsOf,
  inCidr,
  nodePortOf,
  podKey,
  podsOf,
  routeMany,
  serviceOf,
  simulateScenario,
} from './helpers.ts';
import { readHops } from '../readHops.ts';

const sim = simulateScenario('kubia');
const state = sim.state;
const kubiaPods = podsOf(state, { app: 'kubia' });
const kubiaKeys = kubiaPods.map(podKey);
const route = (request: RequestSpec, from: ClusterState = state): Trace => routeRequest(from, request).trace;

function expectKubiaAnswer(trace: Trace): void {
  expect(trace.outcome, JSON.stringify(readHops(trace).at(-1))).toBe('ok');
  expect(trace.status).toBe(200);
  const pod = trace.endpoint?.pod ?? '';
  expect(kubiaKeys).toContain(pod);
  // luksa/kubia's app.js answers "You've hit <hostname>", and a pod's hostname is its name.
  expect(trace.body).toContain(`You've hit ${pod.split('/')[1]}`);
}

describe('kubia scenario: the control plane', () => {
  it('loads without errors', () => {
    expect(errorsOf(sim)).toEqual([]);
  });

  it('runs the RC as 3 Running pods named kubia-<5 chars>, all on workers, IPs inside their node podCIDR', () => {
    expect(kubiaPods).toHaveLength(3);
    const workers = new Set(state.nodes.filter((n) => n.role === 'worker').map((n) => n.name));
    expect(workers.size).toBe(2);
    for (const pod of kubiaPods) {
      expect(pod.metadata.name).toMatch(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.ownerRef).toEqual({ kind: 'ReplicationController', name: 'kubia' });
      expect(pod.status.phase).toBe('Running');
      expect(workers.has(pod.spec.nodeName)).toBe(true);
      const node = state.nodes.find((n) => n.name === pod.spec.nodeName);
      expect(inCidr(pod.status.podIP, node?.podCIDR ?? '')).toBe(true);
      expect(inCidr(pod.status.podIP, '10.244.0.0/16')).toBe(true);
      expect(pod.status.hostIP).toBe(node?.ip);
    }
    expect(new Set(kubiaPods.map((p) => p.status.podIP)).size).toBe(3);
  });

  it('gives every Service a distinct cluster IP in 10.96.0.0/16; kubernetes is 10.96.0.1', () => {
    const names = ['kubia', 'kubia-nodeport', 'kubia-loadbalancer'];
    const ips = names.map((n) => serviceOf(state, n).manifest.spec.clusterIP ?? '');
    for (const ip of ips) expect(inCidr(ip, '10.96.0.0/16')).toBe(true);
    expect(new Set(ips).size).toBe(3);
    expect(serviceOf(state, 'kubernetes').manifest.spec.clusterIP).toBe('10.96.0.1');
    expect(serviceOf(state, 'kubia-nodeport').manifest.spec.ports[0]?.nodePort).toBe(30123);
    const lbNodePort = nodePortOf(serviceOf(state, 'kubia-loadbalancer'));
    expect(lbNodePort).toBeGreaterThanOrEqual(30000);
    expect(lbNodePort).toBeLessThanOrEqual(32767);
  });

  it('lists the 3 ready pods in the kubia Endpoints, on both named ports', () => {
    const ep = state.endpoints.find((e) => e.metadata.name === 'kubia' && e.metadata.namespace === 'default');
    const ips = (ep?.subsets ?? []).flatMap((s) => s.addresses.map((a) => a.ip));
    expect(new Set(ips)).toEqual(new Set(kubiaPods.map((p) => p.status.podIP)));
    const ports = (ep?.subsets ?? []).flatMap((s) => s.ports.map((p) => `${p.name}:${p.port}`));
    expect(new Set(ports)).toEqual(new Set(['http:8080', 'https:8443']));
  });

  it('gives pods created before the kubia Service no KUBIA_SERVICE_HOST, but the kubernetes ones', () => {
    for (const pod of kubiaPods) {
      const names = pod.serviceEnv.map((e) => e.name);
      expect(names).not.toContain('KUBIA_SERVICE_HOST');
      expect(names).toContain('KUBERNETES_SERVICE_HOST');
    }
  });

  it('gives the replacement of a deleted pod the variables of every Service in its namespace', () => {
    const victim = kubiaPods[0];
    if (!victim) throw new Error('no pod');
    const after = applyAction(sim, {
      type: 'delete',
      kind: 'Pod',
      namespace: 'default',
      name: victim.metadata.name,
    }).state;
    const now = podsOf(after, { app: 'kubia' });
    expect(now).toHaveLength(3);
    const fresh = now.find((p) => !kubiaKeys.includes(podKey(p)));
    const env = Object.fromEntries((fresh?.serviceEnv ?? []).map((e) => [e.name, e.value]));
    const ip = serviceOf(after, 'kubia').manifest.spec.clusterIP;
    expect(env).toMatchObject({
      KUBIA_SERVICE_HOST: ip,
      KUBIA_SERVICE_PORT: '80',
      KUBIA_SERVICE_PORT_HTTP: '80',
      KUBIA_SERVICE_PORT_HTTPS: '443',
      KUBIA_PORT: `tcp://${ip}:80`,
      KUBIA_PORT_443_TCP_ADDR: ip,
      KUBIA_NODEPORT_SERVICE_PORT: '80',
    });
    expect(env.KUBIA_LOADBALANCER_SERVICE_HOST).toBe(
      serviceOf(after, 'kubia-loadbalancer').manifest.spec.clusterIP,
    );
    // Only the pod's own namespace: Traefik's Service lives in kube-system.
    expect(env.TRAEFIK_INGRESS_SERVICE_SERVICE_HOST).toBeUndefined();
  });
});

describe('kubia scenario: requests', () => {
  it('curl http://kubia from a kubia pod: DNS, DNAT to a kubia pod, "You\'ve hit …"', () => {
    const from = `pod/${kubiaKeys[0]}`;
    const trace = route({ from, url: 'http://kubia' });
    expectKubiaAnswer(trace);
    expect(trace.service).toBe('default/kubia');
    const kinds = readHops(trace).map((h) => h.kind);
    expect(kinds).toContain('dns');
    expect(kinds).toContain('dnat');
    expect(kinds).toContain('deliver');
  });

  it('spreads new connections from one pod over all three pods (no affinity)', () => {
    const { traces } = routeMany(state, { from: `pod/${kubiaKeys[0]}`, url: 'http://kubia' }, 60);
    expect(new Set(traces.map((t) => t.endpoint?.pod))).toEqual(new Set(kubiaKeys));
  });

  it('answers on node port 30123 on every node, including nodes that run no kubia pod', () => {
    const nodesWithKubia = new Set(kubiaPods.map((p) => p.spec.nodeName));
    const without = state.nodes.filter((n) => !nodesWithKubia.has(n.name));
    expect(without.length).toBeGreaterThan(0);
    for (const node of state.nodes) {
      const trace = route({ from: 'client/laptop', url: `http://${node.ip}:30123/` });
      expectKubiaAnswer(trace);
      expect(trace.service).toBe('default/kubia-nodeport');
    }
    // On a node with no kubia pod the packet must leave for another node, source-NATed (policy Cluster).
    const away = route({ from: 'client/laptop', url: `http://${without[0]?.ip}:30123/` });
    expect(readHops(away).map((h) => h.kind)).toEqual(expect.arrayContaining(['snat', 'dnat']));
  });

  it("reaches a kubia pod through the load balancer's external IP", () => {
    const lb = serviceOf(state, 'kubia-loadbalancer');
    const ip = lb.status.loadBalancer.ingress[0]?.ip ?? '';
    expect(ip).not.toBe('');
    const trace = route({ from: 'client/laptop', url: `http://${ip}/` });
    expectKubiaAnswer(trace);
    // MetalLB (layer 2) answers for the address on one node: no box in front of the nodes
    expect(readHops(trace).some((h) => h.at === 'lb/default/kubia-loadbalancer')).toBe(false);
    expect(readHops(trace).find((h) => h.facts?.address === ip)?.at).toMatch(/^node\//);
  });

  describe('through the Traefik Ingress', () => {
    const traefik = serviceOf(state, 'traefik-ingress-service', 'kube-system');
    const webPort = nodePortOf(traefik, 0);
    const nodeIp = state.nodes.find((n) => n.role === 'worker')?.ip ?? '';

    it('runs one Traefik pod in kube-system', () => {
      expect(podsOf(state, { 'k8s-app': 'traefik-ingress-lb' }, 'kube-system')).toHaveLength(1);
    });

    it('routes Host kubia.example.com (curl --resolve) to a kubia pod', () => {
      const trace = route({
        from: 'client/laptop',
        url: `http://kubia.example.com:${webPort}/`,
        resolve: [{ host: 'kubia.example.com', port: webPort, address: nodeIp }],
      });
      expectKubiaAnswer(trace);
      expect(trace.request.host).toBe('kubia.example.com');
      expect(readHops(trace).some((h) => h.at === 'ing/default/kubia')).toBe(true);
    });

    it('routes a Host header sent to the node IP the same way', () => {
      expectKubiaAnswer(
        route({
          from: 'client/laptop',
          url: `http://${nodeIp}:${webPort}/`,
          headers: { Host: 'kubia.example.com' },
        }),
      );
    });

    it('answers 404 for a host no Ingress names', () => {
      const trace = route({
        from: 'client/laptop',
        url: `http://${nodeIp}:${webPort}/`,
        headers: { Host: 'unknown.example.com' },
      });
      expect(trace.status).toBe(404);
      expect(trace.outcome).toBe('http-error');
      expect(kubiaKeys).not.toContain(trace.endpoint?.pod);
    });

    it('the course flow: /etc/hosts maps kubia.example.com to the Traefik node, then curl works on port 80', () => {
      const pod = podsOf(state, { 'k8s-app': 'traefik-ingress-lb' }, 'kube-system')[0];
      const withHosts = applyAction(sim, {
        type: 'hosts',
        client: 'laptop',
        ip: pod?.status.hostIP ?? '',
        hostnames: ['kubia.example.com'],
      }).state;
      const trace = route({ from: 'client/laptop', url: 'http://kubia.example.com/' }, withHosts);
      expectKubiaAnswer(trace);
      expect(readHops(trace)[0]).toMatchObject({ kind: 'dns', dst: pod?.status.hostIP });
      // A node where Traefik does not run has nothing on port 80: hostPort is per node.
      const other = state.nodes.find((n) => n.ip !== pod?.status.hostIP && n.role === 'worker');
      expect(
        route({ from: 'client/laptop', url: `http://${other?.ip}/`, headers: { Host: 'kubia.example.com' } })
          .outcome,
      ).toBe('refused');
    });

    it('also answers on port 80 of the node Traefik runs on (its hostPort)', () => {
      const pod = podsOf(state, { 'k8s-app': 'traefik-ingress-lb' }, 'kube-system')[0];
      const trace = route({
        from: 'client/laptop',
        url: 'http://kubia.example.com/',
        resolve: [{ host: 'kubia.example.com', port: 80, address: pod?.status.hostIP ?? '' }],
      });
      expectKubiaAnswer(trace);
    });
  });
});

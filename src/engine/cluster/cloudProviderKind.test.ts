/**
 * cloud-provider-kind as the scenario's load balancer (docs/load-balancers.md), checked against its
 * source (https://github.com/kubernetes-sigs/cloud-provider-kind: pkg/loadbalancer/server.go writes
 * `ipMode: Proxy` and the ports; proxy.go sends to every node's InternalIP at the node port and health
 * checks kube-proxy's 10256 or healthCheckNodePort; its README: kind's control-plane carries
 * node.kubernetes.io/exclude-from-external-load-balancers) and docker's IPAM on kind's 172.18.0.0/16.
 */
import { describe, expect, it } from 'vitest';
import { routeRequest } from '../net/request.ts';
import { applyAction } from '../sim/simulation.ts';
import { serviceOf, simulate } from '../sim/testing/simTesting.ts';
import { exportScenario } from '../export/exportScenario.ts';
import { readHops } from '../readHops.ts';

const CLUSTER = (workers: number) => `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
${'  - role: worker\n'.repeat(workers)}---
apiVersion: kubeplay.dev/v1alpha1
kind: CloudProviderKind
metadata:
  name: cloud-provider-kind
---
`;

const APP = (etp = 'Cluster', extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  externalTrafficPolicy: ${etp}
${extra}  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
`;

describe('cloud-provider-kind', () => {
  it('gives each LoadBalancer Service the next address on the kind network, with ipMode Proxy and its ports', () => {
    const sim = simulate(`${CLUSTER(2)}${APP()}---
apiVersion: v1
kind: Service
metadata: {name: other}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 8080, targetPort: 80}]
`);
    // nodes are 172.18.0.2-4 (gateway .1): the Envoy containers come next
    expect(serviceOf(sim, 'web').status.loadBalancer.ingress).toEqual([
      { ip: '172.18.0.5', ipMode: 'Proxy', ports: [{ port: 80, protocol: 'TCP' }] },
    ]);
    expect(serviceOf(sim, 'other').status.loadBalancer.ingress[0]?.ip).toBe('172.18.0.6');
    const events = sim.state.events.filter((e) => e.object === 'Service/web').map((e) => e.reason);
    expect(events).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);
  });

  it('takes spec.loadBalancerIP, and frees the address when the Service is deleted', () => {
    const sim = simulate(`${CLUSTER(1)}${APP('Cluster', '  loadBalancerIP: 172.18.0.100\n')}`);
    expect(serviceOf(sim, 'web').status.loadBalancer.ingress[0]?.ip).toBe('172.18.0.100');
    const after = applyAction(sim, { type: 'delete', kind: 'Service', namespace: 'default', name: 'web' });
    const again = applyAction(after, { type: 'apply', yaml: APP() });
    expect(serviceOf(again, 'web').status.loadBalancer.ingress[0]?.ip).toBe('172.18.0.4');
  });

  it('sends from Envoy to a worker node port; the client address is Envoy’s', () => {
    const sim = simulate(`${CLUSTER(2)}${APP()}`);
    const { trace } = routeRequest(sim.state, { from: 'client/laptop', url: 'http://172.18.0.5' });
    expect(trace.outcome).toBe('ok');
    const balance = readHops(trace).find((h) => h.kind === 'balance');
    expect(balance?.note).toMatch(
      /^cloud-provider-kind's Envoy container picked kind-worker2? at random \(2 healthy nodes\)/,
    );
    expect(balance?.src).toMatch(/^172\.18\.0\.5:/);
  });

  it('has no backend on a single-node cluster until the control-plane label is removed', () => {
    const sim = simulate(`${CLUSTER(0)}${APP()}`);
    const ip = serviceOf(sim, 'web').status.loadBalancer.ingress[0]?.ip ?? '';
    expect(routeRequest(sim.state, { from: 'client/laptop', url: `http://${ip}` }).trace.outcome).not.toBe(
      'ok',
    );
    const unlabelled = applyAction(sim, {
      type: 'label',
      kind: 'Node',
      namespace: '',
      name: 'kind-control-plane',
      set: {},
      remove: ['node.kubernetes.io/exclude-from-external-load-balancers'],
    });
    expect(routeRequest(unlabelled.state, { from: 'client/laptop', url: `http://${ip}` }).trace.outcome).toBe(
      'ok',
    );
  });

  it('externalTrafficPolicy Local: only nodes with a local endpoint pass the health check', () => {
    const sim = simulate(`${CLUSTER(3)}${APP('Local')}`);
    const podNode = sim.state.pods.find((p) => p.metadata.labels['app'] === 'web')?.spec.nodeName;
    for (let i = 0; i < 5; i++) {
      const { trace } = routeRequest(sim.state, { from: 'client/laptop', url: 'http://172.18.0.6' });
      const balance = readHops(trace).find((h) => h.kind === 'balance');
      expect(balance?.note).toContain(`picked ${podNode ?? ''} at random (1 healthy node)`);
    }
  });

  it('is left out of the exported manifests: it runs on the host', () => {
    const out = exportScenario({ yaml: `${CLUSTER(1)}${APP()}`, actions: [], baseName: 'x' });
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.manifests + out.kindConfig).not.toContain('CloudProviderKind');
  });
});

/**
 * What a fresh kind cluster already holds before the user applies anything (kubeadm's bootstrap):
 * - namespaces default, kube-node-lease, kube-public, kube-system;
 * - Service default/kubernetes at the range's 1st address, port `https` 443 -> the apiserver's 6443 on
 *   the control-plane, with an Endpoints object the apiserver itself writes (no selector);
 * - Service kube-system/kube-dns at the 10th address (kubeadm's convention), ports dns 53/UDP,
 *   dns-tcp 53/TCP, metrics 9153/TCP, selecting k8s-app=kube-dns;
 * - Deployment kube-system/coredns with 2 replicas (registry.k8s.io/coredns/coredns). kind starts CoreDNS
 *   before the workers join, so both pods land on the control-plane (10.244.0.2 and .3); we reproduce
 *   that by running the first CoreDNS sync while only the control-plane nodes exist.
 * Not modelled: kube-proxy and kindnet DaemonSets, the static control-plane pods (host network) and
 * local-path-provisioner.
 */
import type { ServiceManifest, WorkloadManifest } from '../model/objects.ts';
import type { NodeState } from '../model/state.ts';
import { serviceIpAt } from './clusterIpAllocator.ts';
import { serviceSpecDefaults } from './serviceSpecDefaults.ts';
import type { ControlPlane } from './controlPlane.ts';
import { applyService } from './serviceRegistry.ts';
import { applyControlPlaneTaints } from './topology.ts';
import { syncWorkloads } from './workloadController.ts';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';

function meta(
  name: string,
  namespace: string,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
) {
  return { name, namespace, labels, annotations };
}

export function kubernetesService(serviceSubnet: string): ServiceManifest {
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: meta('kubernetes', 'default', { component: 'apiserver', provider: 'kubernetes' }),
    spec: {
      type: 'ClusterIP',
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }],
      clusterIP: serviceIpAt(serviceSubnet, 1),
      ...serviceSpecDefaults(),
    },
  };
}

export function kubeDnsService(serviceSubnet: string): ServiceManifest {
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: meta(
      'kube-dns',
      'kube-system',
      { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    ),
    spec: {
      type: 'ClusterIP',
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
        { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
        { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
      ],
      clusterIP: serviceIpAt(serviceSubnet, 10),
      ...serviceSpecDefaults(),
    },
  };
}

export function coreDnsDeployment(): WorkloadManifest {
  const labels = { 'k8s-app': 'kube-dns' };
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: meta('coredns', 'kube-system', { 'k8s-app': 'kube-dns' }),
    replicas: 2,
    selector: { matchLabels: { ...labels }, matchExpressions: [] },
    template: {
      labels: { ...labels },
      annotations: {},
      spec: {
        containers: [
          {
            name: 'coredns',
            image: COREDNS_IMAGE,
            command: [],
            args: ['-conf', '/etc/coredns/Corefile'],
            env: [],
            ports: [
              { name: 'dns', containerPort: 53, protocol: 'UDP' },
              { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
              { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
            ],
            readinessProbe: { kind: 'httpGet', port: 8181, path: '/ready' },
          },
        ],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        enableServiceLinks: true,
        dnsPolicy: 'Default',
        hostNetwork: false,
      },
    },
  };
}

/**
 * kube-apiserver keeps default/kubernetes and its Endpoints (the control-plane's 6443) in place: its
 * controller recreates them, at 10.96.0.1 again, seconds after someone deletes them.
 */
export function ensureMasterService(cp: ControlPlane): void {
  const { state } = cp;
  const isMaster = (m: { name: string; namespace: string }) =>
    m.name === 'kubernetes' && m.namespace === 'default';
  if (!state.services.some((s) => isMaster(s.manifest.metadata))) {
    applyService(cp, kubernetesService(state.settings.serviceSubnet));
  }
  if (!state.endpoints.some((e) => isMaster(e.metadata))) {
    const controlPlane = state.nodes.find((n) => n.role === 'control-plane') ?? state.nodes[0];
    state.endpoints.push({
      metadata: meta('kubernetes', 'default', { 'endpointslice.kubernetes.io/skip-mirror': 'true' }),
      subsets: controlPlane
        ? [
            {
              addresses: [{ ip: controlPlane.ip }],
              notReadyAddresses: [],
              ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
            },
          ]
        : [],
      managed: true,
      createdAt: state.clock,
    });
  }
}

/** Fills an empty state with the nodes and the system objects of a fresh kind cluster. */
export function bootstrapCluster(cp: ControlPlane, nodes: NodeState[]): void {
  const { state } = cp;
  state.namespaces = SYSTEM_NAMESPACES.map((name) => ({ name, createdAt: state.clock }));
  state.nodes = nodes;
  ensureMasterService(cp);
  applyService(cp, kubeDnsService(state.settings.serviceSubnet));
  // CoreDNS starts while only the control-plane has joined (so it is untainted then).
  const early = nodes.filter((n) => n.role === 'control-plane');
  state.nodes = (early.length > 0 ? early : nodes).map((n) => ({ ...n, taints: [] }));
  state.workloads.push({ manifest: coreDnsDeployment(), replicas: 2, createdAt: state.clock, generation: 0 });
  syncWorkloads(cp);
  state.nodes = nodes;
  applyControlPlaneTaints(state.nodes);
}

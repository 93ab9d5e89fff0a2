/**
 * A hand-built ClusterState of the book's chapter 5 cluster (kind: one control plane, two workers;
 * RC kubia with 3 pods; Service kubia; an Ingress), for testing printers without the simulation.
 */
import type { PodSpec } from '../../model/objects.ts';
import type { ClusterState, PodState, ServiceState } from '../../model/state.ts';

const podSpec = (nodeName: string): PodSpec & { nodeName: string } => ({
  containers: [
    {
      name: 'kubia',
      image: 'luksa/kubia',
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
      env: [],
      command: [],
      args: [],
    },
  ],
  nodeName,
  nodeSelector: {},
  enableServiceLinks: true,
  dnsPolicy: 'ClusterFirst',
  hostNetwork: false,
});

function kubiaPod(name: string, node: string, ip: string, hostIP: string): PodState {
  return {
    metadata: {
      name,
      namespace: 'default',
      labels: { app: 'kubia' },
      annotations: {},
      uid: `uid-${name}`,
      creationTimestamp: 100,
    },
    spec: podSpec(node),
    ownerRef: { kind: 'ReplicationController', name: 'kubia' },
    status: { phase: 'Running', podIP: ip, hostIP, ready: true },
    serviceEnv: [],
    files: [],
  };
}

const service = (
  name: string,
  namespace: string,
  clusterIP: string,
  createdAt: number,
  extra: Partial<ServiceState['manifest']['spec']> = {},
): ServiceState => ({
  manifest: {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, namespace, labels: {}, annotations: {} },
    spec: {
      type: 'ClusterIP',
      selector: { app: name },
      ports: [{ protocol: 'TCP', port: 80, targetPort: 8080 }],
      clusterIP,
      externalIPs: [],
      sessionAffinity: 'None',
      sessionAffinityTimeoutSeconds: 10800,
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
      publishNotReadyAddresses: false,
      ...extra,
    },
  },
  status: { loadBalancer: { ingress: [] } },
  createdAt,
});

export function kubiaState(): ClusterState {
  const pods = [
    kubiaPod('kubia-65mtj', 'kind-worker', '10.244.1.2', '172.18.0.3'),
    kubiaPod('kubia-lnc7f', 'kind-worker2', '10.244.2.2', '172.18.0.4'),
    kubiaPod('kubia-vmgln', 'kind-worker', '10.244.1.3', '172.18.0.3'),
  ];
  return {
    seed: 1,
    rng: 1,
    clock: 100 + 27 * 60,
    settings: {
      name: 'kind',
      podSubnet: '10.244.0.0/16',
      serviceSubnet: '10.96.0.0/16',
      kubeProxyMode: 'iptables',
      dnsDomain: 'cluster.local',
      nodePortRange: { min: 30000, max: 32767 },
      nodeSubnet: '172.18.0.0/16',
    },
    nodes: [
      {
        name: 'kind-control-plane',
        role: 'control-plane',
        labels: {},
        ip: '172.18.0.2',
        podCIDR: '10.244.0.0/24',
        up: true,
        unschedulable: false,
        createdAt: 0,
      },
      {
        name: 'kind-worker',
        role: 'worker',
        labels: {},
        ip: '172.18.0.3',
        podCIDR: '10.244.1.0/24',
        up: true,
        unschedulable: false,
        createdAt: 0,
      },
      {
        name: 'kind-worker2',
        role: 'worker',
        labels: {},
        ip: '172.18.0.4',
        podCIDR: '10.244.2.0/24',
        up: true,
        unschedulable: false,
        createdAt: 0,
      },
    ],
    namespaces: [
      { name: 'default', createdAt: 0 },
      { name: 'kube-system', createdAt: 0 },
    ],
    workloads: [
      {
        manifest: {
          kind: 'ReplicationController',
          apiVersion: 'v1',
          metadata: { name: 'kubia', namespace: 'default', labels: { app: 'kubia' }, annotations: {} },
          replicas: 3,
          selector: { matchLabels: { app: 'kubia' }, matchExpressions: [] },
          template: { labels: { app: 'kubia' }, annotations: {}, spec: podSpec('') },
        },
        replicas: 3,
        createdAt: 100,
        generation: 3,
      },
    ],
    pods,
    services: [
      service('kubernetes', 'default', '10.96.0.1', 0, {
        selector: undefined,
        ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }],
      }),
      service('kube-dns', 'kube-system', '10.96.0.10', 0, {
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
          { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
        ],
      }),
      service('kubia', 'default', '10.96.123.45', 1300),
    ],
    endpoints: [
      {
        metadata: { name: 'kubia', namespace: 'default', labels: {}, annotations: {} },
        subsets: [
          {
            addresses: pods.map((p) => ({
              ip: p.status.podIP,
              nodeName: p.spec.nodeName,
              targetRef: { kind: 'Pod' as const, namespace: 'default', name: p.metadata.name },
            })),
            notReadyAddresses: [],
            ports: [{ port: 8080, protocol: 'TCP' }],
          },
        ],
        managed: true,
        createdAt: 1300,
      },
    ],
    ingresses: [
      {
        manifest: {
          kind: 'Ingress',
          apiVersion: 'networking.k8s.io/v1',
          metadata: { name: 'kubia', namespace: 'default', labels: {}, annotations: {} },
          spec: {
            ingressClassName: 'nginx',
            rules: [
              {
                host: 'kubia.example.com',
                paths: [
                  {
                    path: '/',
                    pathType: 'Prefix',
                    backend: { service: { name: 'kubia', port: { number: 80 } } },
                  },
                ],
              },
            ],
            tls: [],
          },
        },
        status: { loadBalancer: { ingress: [{ ip: '172.18.0.3' }] } },
        createdAt: 1400,
      },
    ],
    ingressClasses: [],
    clients: [{ name: 'laptop', ip: '172.18.0.100', hosts: [] }],
    outsideHosts: [],
    events: [],
    affinity: {},
    ipvsCursor: {},
    lbCursor: {},
    diagnostics: [],
  };
}

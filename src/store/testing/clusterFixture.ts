/**
 * A small hand-written ClusterState for UI unit tests (kubia-like: three nodes, three pods, a
 * NodePort and a LoadBalancer Service, an Ingress). UI helpers only read fields, so plain data
 * suffices; the real engine runs behind the UI in e2e.
 */
import type { ClusterState, PodState, ServiceState } from '../../engine/index.ts';

function pod(name: string, node: string, ip: string, ready = true): PodState {
  return {
    metadata: {
      name,
      namespace: 'default',
      labels: { app: 'kubia' },
      annotations: {},
      uid: `uid-${name}`,
      creationTimestamp: 1,
    },
    spec: {
      containers: [
        {
          name: 'kubia',
          image: 'luksa/kubia',
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          env: [],
          command: [],
          args: [],
        },
      ],
      nodeName: node,
      nodeSelector: {},
      enableServiceLinks: true,
      dnsPolicy: 'ClusterFirst',
      hostNetwork: false,
    },
    ownerRef: { kind: 'ReplicationController', name: 'kubia' },
    status: { phase: 'Running', podIP: ip, hostIP: '', ready },
    serviceEnv: [],
    files: [],
  };
}

function service(
  name: string,
  type: ServiceState['manifest']['spec']['type'],
  clusterIP: string,
  nodePort?: number,
  lbIp?: string,
): ServiceState {
  return {
    manifest: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name, namespace: 'default', labels: {}, annotations: {} },
      spec: {
        type,
        selector: { app: 'kubia' },
        ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, ...(nodePort ? { nodePort } : {}) }],
        clusterIP,
        externalIPs: [],
        sessionAffinity: 'None',
        sessionAffinityTimeoutSeconds: 10800,
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        allocateLoadBalancerNodePorts: true,
        publishNotReadyAddresses: false,
      },
    },
    status: { loadBalancer: { ingress: lbIp ? [{ ip: lbIp }] : [] } },
    createdAt: 2,
  };
}

export function createKubiaFixture(): ClusterState {
  const pods = [
    pod('kubia-abcde', 'kind-worker', '10.244.1.2'),
    pod('kubia-fghij', 'kind-worker2', '10.244.2.2'),
    pod('kubia-klmno', 'kind-worker2', '10.244.2.3', false),
  ];
  const addresses = pods.map((p) => ({
    ip: p.status.podIP,
    nodeName: p.spec.nodeName,
    targetRef: { kind: 'Pod' as const, namespace: 'default', name: p.metadata.name },
  }));
  return {
    seed: 1,
    rng: 1,
    clock: 0,
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
      ['kind-control-plane', 'control-plane', '172.18.0.2', '10.244.0.0/24'],
      ['kind-worker', 'worker', '172.18.0.3', '10.244.1.0/24'],
      ['kind-worker2', 'worker', '172.18.0.4', '10.244.2.0/24'],
    ].map(([name, role, ip, podCIDR]) => ({
      name: name!,
      role: role as 'control-plane' | 'worker',
      labels: {},
      ip: ip!,
      podCIDR: podCIDR!,
      up: true,
      unschedulable: false,
      createdAt: 0,
    })),
    namespaces: [{ name: 'default', createdAt: 0 }],
    workloads: [],
    pods,
    services: [
      service('kubia', 'ClusterIP', '10.96.0.20'),
      service('kubia-nodeport', 'NodePort', '10.96.0.21', 30123),
      service('kubia-loadbalancer', 'LoadBalancer', '10.96.0.22', 31000, '172.18.255.200'),
    ],
    endpoints: ['kubia', 'kubia-nodeport', 'kubia-loadbalancer'].map((name) => ({
      metadata: { name, namespace: 'default', labels: {}, annotations: {} },
      subsets: [
        {
          addresses: addresses.slice(0, 2),
          notReadyAddresses: addresses.slice(2),
          ports: [{ port: 8080, protocol: 'TCP' as const }],
        },
      ],
      managed: true,
      createdAt: 3,
    })),
    ingresses: [
      {
        manifest: {
          kind: 'Ingress',
          apiVersion: 'networking.k8s.io/v1',
          metadata: { name: 'kubia', namespace: 'default', labels: {}, annotations: {} },
          spec: {
            rules: [
              {
                host: 'kubia.example.com',
                paths: [
                  {
                    path: '/',
                    pathType: 'Prefix',
                    backend: { service: { name: 'kubia-nodeport', port: { number: 80 } } },
                  },
                ],
              },
            ],
            tls: [],
          },
        },
        status: { loadBalancer: { ingress: [{ ip: '172.18.0.3' }] } },
        createdAt: 4,
      },
    ],
    ingressClasses: [],
    clients: [{ name: 'laptop', ip: '172.18.0.1', hosts: [] }],
    outsideHosts: [],
    events: [],
    affinity: {},
    ipvsCursor: {},
    lbCursor: {},
    diagnostics: [],
  };
}

/**
 * The bundled scenarios: ordinary Kubernetes manifests (plus a kind cluster config where the topology
 * matters) that are product content, test fixtures and benchmark input at once.
 *
 * This file holds only the catalogue, so Node code (the CLI, tests, benches) can import it without a
 * bundler and read `src/scenarios/<file>` from disk; the app gets the texts from `./scenarioTexts.ts`,
 * which imports the same files with Vite's `?raw`.
 */
export interface ScenarioInfo {
  /** Stable id, used in share links and `?scenario=` (never rename one). */
  id: string;
  /** The YAML file beside this one. */
  file: string;
  title: string;
  /** One line for a menu. */
  description: string;
}

/** The scenario the app opens with: the course's own cluster. */
export const DEFAULT_SCENARIO_ID = 'kubia';

export const SCENARIOS: readonly ScenarioInfo[] = [
  {
    id: 'kubia',
    file: 'kubia.yaml',
    title: 'Kubia (Kubernetes in Action, ch. 5)',
    description:
      'The course cluster: RC kubia with 3 pods, ClusterIP, NodePort 30123, LoadBalancer and a Traefik Ingress.',
  },
  {
    id: 'clusterip',
    file: 'clusterip.yaml',
    title: 'ClusterIP: named ports and session affinity',
    description:
      'A Service with named target ports and ClientIP affinity beside one without, and a client pod.',
  },
  {
    id: 'nodeport',
    file: 'nodeport.yaml',
    title: 'NodePort: Cluster vs Local',
    description:
      'Node port 30123 on every node, and 30124 with externalTrafficPolicy: Local that keeps the client IP.',
  },
  {
    id: 'loadbalancer',
    file: 'loadbalancer.yaml',
    title: 'LoadBalancer over three workers',
    description: 'Two pods on three workers behind a load balancer, with Cluster and Local traffic policies.',
  },
  {
    id: 'ingress',
    file: 'ingress.yaml',
    title: 'Ingress with ingress-nginx',
    description: 'An IngressClass, host and path rules for two apps, and a default backend for the rest.',
  },
  {
    id: 'dns',
    file: 'dns.yaml',
    title: 'DNS: headless, ExternalName, namespaces',
    description: 'A headless Service, an ExternalName CNAME and a Service in a second namespace to look up.',
  },
  {
    id: 'readiness',
    file: 'readiness.yaml',
    title: 'Readiness probes',
    description: 'The book’s readiness-probe RC: pods join the endpoints only after touch /var/ready.',
  },
  {
    id: 'outside',
    file: 'outside.yaml',
    title: 'Services outside the cluster',
    description:
      'A Service without a selector with hand-written Endpoints, and an ExternalName, both served by hosts outside the cluster.',
  },
  {
    id: 'ingress-v1beta1',
    file: 'ingress-v1beta1.yaml',
    title: 'The book’s extensions/v1beta1 Ingress',
    description: 'The Ingress as printed in the book, converted to networking.k8s.io/v1 with a warning.',
  },
];

export function getScenarioInfo(id: string): ScenarioInfo | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

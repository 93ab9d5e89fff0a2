/**
 * Shared helpers for the cross-module engine tests. They reach the engine through its public index
 * only, and take the YAML from the bundled scenarios (the same text the app and the CLI use).
 */
import { createSimulation, routeRequest } from '../index.ts';
import type { ClusterState, PodState, RequestSpec, ServiceState, Simulation, Trace } from '../index.ts';
import { parseAllDocuments } from 'yaml';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';

export function scenarioText(id: string): string {
  const text = SCENARIO_TEXTS[id];
  if (text === undefined) throw new Error(`no scenario ${id}`);
  return text;
}

/**
 * The ingress scenario's ingress-nginx install (its namespace, controller Deployment and LoadBalancer
 * Service, the nginx IngressClass) and MetalLB's pool, as YAML a test puts its own apps beside. The
 * text ends with a newline and carries no leading or trailing `---`.
 */
export function ingressNginxInstall(): string {
  return parseAllDocuments(scenarioText('ingress'))
    .filter((doc) => {
      const object = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
      // a Namespace belongs to the install it names
      const namespace = object.kind === 'Namespace' ? object.metadata?.name : object.metadata?.namespace;
      return (
        object.kind === 'IngressClass' || namespace === 'ingress-nginx' || namespace === 'metallb-system'
      );
    })
    .map((doc) => doc.toString())
    .join('---\n');
}

export function simulate(yaml: string, seed = 1, file = 'test.yaml'): Simulation {
  return createSimulation({ files: [{ file, text: yaml }], seed });
}

export function simulateScenario(id: string, seed = 1): Simulation {
  return simulate(scenarioText(id), seed, `${id}.yaml`);
}

export function errorsOf(sim: Simulation): string[] {
  return sim.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.file}:${d.line}:${d.column} ${d.path}: ${d.message}`);
}

export function ipToNumber(ip: string): number {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return NaN;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bitsText = '32'] = cidr.split('/');
  const bits = Number(bitsText);
  const size = 2 ** (32 - bits);
  const start = Math.floor(ipToNumber(base) / size) * size;
  const n = ipToNumber(ip);
  return n >= start && n < start + size;
}

export function podsOf(
  state: ClusterState,
  labels: Record<string, string>,
  namespace = 'default',
  include: { terminating?: boolean } = {},
): PodState[] {
  // the active pods: a deleted pod still terminating (cluster/termination.ts) is left out unless asked for
  return state.pods.filter(
    (p) =>
      p.metadata.namespace === namespace &&
      (include.terminating === true || p.metadata.deletionTimestamp === undefined) &&
      Object.entries(labels).every(([k, v]) => p.metadata.labels[k] === v),
  );
}

export function podKey(p: PodState): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}

export function serviceOf(state: ClusterState, name: string, namespace = 'default'): ServiceState {
  const svc = state.services.find(
    (s) => s.manifest.metadata.name === name && s.manifest.metadata.namespace === namespace,
  );
  if (!svc) throw new Error(`no service ${namespace}/${name}`);
  return svc;
}

export function nodePortOf(svc: ServiceState, index = 0): number {
  const port = svc.manifest.spec.ports[index]?.nodePort;
  if (port === undefined) throw new Error(`${svc.manifest.metadata.name} has no node port`);
  return port;
}

/** Routes `count` requests in a row (each a new connection), carrying the state, and returns the traces. */
export function routeMany(
  state: ClusterState,
  request: RequestSpec,
  count: number,
): { traces: Trace[]; state: ClusterState } {
  const traces: Trace[] = [];
  let current = state;
  for (let i = 0; i < count; i++) {
    const r = routeRequest(current, request);
    traces.push(r.trace);
    current = r.state;
  }
  return { traces, state: current };
}

export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

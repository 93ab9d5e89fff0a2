/**
 * A narrow, read-only window into the app for end-to-end assertions (tldraw's EndToEndApi). Tests
 * read from it; they never drive the app through it.
 */
import { printedTrace } from '../../engine/index.ts';
import type { KubeplayApp } from '../../store/kubeplayApp.ts';

export interface KubeplayTestApi {
  /** Graph ids of the pods in the current cluster. */
  pods(): string[];
  nodes(): { name: string; ip: string; up: boolean; pods: string[] }[];
  /** Requests delivered per pod graph id. */
  hits(): Record<string, number>;
  yaml(): string;
  stale(): boolean;
  /** The engine holds the latest edit until the typing pauses (it would remove something). */
  held(): boolean;
  diagnostics(): { line: number; severity: string; message: string }[];
  revision(): number;
  flightsInAir(): number;
  /** Ingress graph ids with the addresses their controller published. */
  ingresses(): { id: string; addresses: string[] }[];
  /** Load balancer IPs by Service. */
  loadBalancers(): { service: string; ips: string[] }[];
  /** The traces of the latest traffic batch (plain data). */
  batchTraces(): unknown[];
  /** The focused request's trace. */
  focusedTrace(): unknown;
}

export function installTestApi(app: KubeplayApp): void {
  const sim = () => app.simulation.getState().sim;
  const api: KubeplayTestApi = {
    pods: () => sim()?.state.pods.map((p) => `pod/${p.metadata.namespace}/${p.metadata.name}`) ?? [],
    nodes: () =>
      sim()?.state.nodes.map((n) => ({
        name: n.name,
        ip: n.ip,
        up: n.up,
        pods:
          sim()
            ?.state.pods.filter((p) => p.spec.nodeName === n.name)
            .map((p) => p.metadata.name) ?? [],
      })) ?? [],
    hits: () => ({ ...app.traffic.getState().hits }),
    yaml: () => app.scenario.getState().yaml,
    stale: () => app.simulation.getState().stale,
    held: () => sim()?.held === true,
    diagnostics: () =>
      app.simulation
        .getState()
        .diagnostics.map((d) => ({ line: d.line, severity: d.severity, message: d.message })),
    revision: () => app.simulation.getState().revision,
    flightsInAir: () => app.traffic.getState().flights.length,
    ingresses: () =>
      sim()?.state.ingresses.map((i) => ({
        id: `ing/${i.manifest.metadata.namespace}/${i.manifest.metadata.name}`,
        addresses: i.status.loadBalancer.ingress.flatMap((a) => (a.ip ? [a.ip] : [])),
      })) ?? [],
    loadBalancers: () =>
      sim()
        ?.state.services.filter((s) => s.manifest.spec.type === 'LoadBalancer')
        .map((s) => ({
          service: `${s.manifest.metadata.namespace}/${s.manifest.metadata.name}`,
          ips: s.status.loadBalancer.ingress.flatMap((a) => (a.ip ? [a.ip] : [])),
        })) ?? [],
    // As the CLI prints them (hops read, no compact path): what the specs compare with the page.
    batchTraces: () => structuredClone(app.traffic.getState().batchTraces.map(printedTrace)),
    focusedTrace: () => {
      const trace = app.traffic.getState().focused?.trace;
      return structuredClone(trace === undefined ? null : printedTrace(trace));
    },
  };
  (window as unknown as { __kubeplay: KubeplayTestApi }).__kubeplay = Object.freeze(api);
}

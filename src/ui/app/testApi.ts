/**
 * A narrow, read-only window into the app for end-to-end assertions (tldraw's EndToEndApi). Tests
 * read from it; they never drive the app through it.
 */
import type { KubeplayApp } from '../../store/kubeplayApp.ts';

export interface KubeplayTestApi {
  /** Graph ids of the pods in the current cluster. */
  pods(): string[];
  nodes(): { name: string; ip: string; up: boolean; pods: string[] }[];
  /** Requests delivered per pod graph id. */
  hits(): Record<string, number>;
  yaml(): string;
  stale(): boolean;
  diagnostics(): { line: number; severity: string; message: string }[];
  revision(): number;
  flightsInAir(): number;
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
    diagnostics: () =>
      app.simulation
        .getState()
        .diagnostics.map((d) => ({ line: d.line, severity: d.severity, message: d.message })),
    revision: () => app.simulation.getState().revision,
    flightsInAir: () => app.traffic.getState().flights.length,
  };
  (window as unknown as { __kubeplay: KubeplayTestApi }).__kubeplay = Object.freeze(api);
}

/**
 * Small helpers for the control-plane tests: build a simulation from YAML text and find things in it.
 * Test-only; not exported from the engine's index.
 */
import type { Action } from '../../model/actions.ts';
import type { PodState, ServiceState } from '../../model/state.ts';
import { createSimulation, type Simulation } from '../simulation.ts';

export function simulate(yaml: string, seed = 1, actions: Action[] = []): Simulation {
  return createSimulation({ files: [{ file: 'manifest.yaml', text: yaml }], seed, actions });
}

/** The active pods whose name starts with `prefix` (a deleted pod still terminating is left out: cluster/termination.ts). */
export function podsOf(sim: Simulation, prefix: string, namespace = 'default'): PodState[] {
  return sim.state.pods.filter(
    (p) =>
      p.metadata.namespace === namespace &&
      p.metadata.name.startsWith(prefix) &&
      p.metadata.deletionTimestamp === undefined,
  );
}

export function serviceOf(sim: Simulation, name: string, namespace = 'default'): ServiceState {
  const svc = sim.state.services.find(
    (s) => s.manifest.metadata.name === name && s.manifest.metadata.namespace === namespace,
  );
  if (!svc) throw new Error(`no service ${namespace}/${name}`);
  return svc;
}

export function errorsOf(sim: Simulation): string[] {
  return sim.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message}`);
}

/** MetalLB's pool on kind's network (kind's docs), for tests whose LoadBalancer Services need addresses. */
export const KIND_METALLB_POOL = `apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: kind-pool, namespace: metallb-system}
spec:
  addresses: [172.18.255.200-172.18.255.250]
`;

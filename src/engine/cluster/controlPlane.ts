/**
 * The working context of one reconcile step: the state being built (mutated in place, never shared
 * with a previous Simulation: applyAction clones once per action) and the rng cursor. Call
 * `finishStep` to write the rng back into the state.
 */
import type { EnvVar } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import { Rng } from '../sim/rng.ts';

export interface ControlPlane {
  state: ClusterState;
  rng: Rng;
  /**
   * Service-env snapshots by `namespace|enableServiceLinks`, valid until a Service changes. Pods started
   * between two Service changes share one array (plain data still; structuredClone keeps the sharing),
   * which keeps 1,000 pods x 200 Services cheap. Call `servicesChanged` after any Service edit.
   */
  serviceEnvCache: Map<string, EnvVar[]>;
  /** Pod IPs in use per node, filled lazily by the pod IPAM and kept in step by createPod/deletePod. */
  nodeIps?: Map<string, Set<string>>;
}

export function openControlPlane(state: ClusterState): ControlPlane {
  return { state, rng: new Rng(state.rng), serviceEnvCache: new Map() };
}

export function servicesChanged(cp: ControlPlane): void {
  cp.serviceEnvCache.clear();
}

export function closeControlPlane(cp: ControlPlane): ClusterState {
  cp.state.rng = cp.rng.state;
  return cp.state;
}

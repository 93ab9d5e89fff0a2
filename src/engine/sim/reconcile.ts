/**
 * The cluster built from manifests: a fresh kind cluster, then each document created in order.
 *
 * Clock rule (ClusterState.clock, seconds): the cluster and its system objects are created at 0; the
 * user's first document at 120 (kind takes a minute or two to come up, so `kubectl get nodes` shows an
 * AGE older than the user's objects); each further document one second later; objects a controller makes
 * share the second of the change that caused them. Every action then moves the clock one second on
 * (`wait` by its seconds), so AGE columns and `kubectl get events` show creation order.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Manifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import { applyManifest } from '../cluster/apiServer.ts';
import { closeControlPlane, openControlPlane } from '../cluster/controlPlane.ts';
import { runControllers } from '../cluster/controllers.ts';
import { bootstrapCluster } from '../cluster/systemObjects.ts';
import { createTopology, LAPTOP_IP } from '../cluster/topology.ts';
import { seedRng } from '../rng.ts';

export const USER_OBJECTS_START = 120;

export function createEmptyState(seed: number): ClusterState {
  const topology = createTopology([], 0);
  return {
    seed,
    rng: seedRng(seed),
    clock: 0,
    settings: topology.settings,
    nodes: [],
    namespaces: [],
    workloads: [],
    pods: [],
    services: [],
    endpoints: [],
    endpointSlices: [],
    ingresses: [],
    ingressClasses: [],
    networkPolicies: [],
    clients: [{ name: 'laptop', ip: LAPTOP_IP, hosts: [] }],
    outsideHosts: [],
    events: [],
    affinity: {},
    ipvsCursor: [],
    lbCursor: [],
    diagnostics: [],
    ipamLastReserved: {},
    // Every key from the start, set or not, so a state keeps one shape from reconcile through each
    // routed request (net/routeContext.ts finish writes them all).
    metallb: undefined,
    cloudProviderKind: undefined,
  };
}

/** Told what the API server answered for each document (the topology's Cluster and Nodes: always `[]`). */
export type AppliedListener = (manifest: Manifest, diagnostics: Diagnostic[]) => void;

/** State = f(manifests, seed). Pure and deterministic; never throws on user input. */
export function reconcile(manifests: Manifest[], seed: number, onApplied?: AppliedListener): ClusterState {
  const state = createEmptyState(seed);
  const topology = createTopology(manifests, 0);
  state.settings = topology.settings;
  const cp = openControlPlane(state);
  bootstrapCluster(cp, topology.nodes);
  runControllers(cp);
  const nodesFromManifests = !manifests.some((m) => m.kind === 'Cluster');
  state.clock = USER_OBJECTS_START;
  let first = true;
  for (const manifest of manifests) {
    if (manifest.kind === 'Cluster' || (manifest.kind === 'Node' && nodesFromManifests)) {
      onApplied?.(manifest, []);
      continue;
    }
    if (!first) state.clock += 1;
    first = false;
    const answer = applyManifest(cp, manifest);
    state.diagnostics.push(...answer);
    onApplied?.(manifest, answer);
  }
  settleLoadedCluster(cp);
  return closeControlPlane(cp);
}

/**
 * A scenario loads as a cluster whose objects were applied a while ago: its pods have started and been
 * Ready for long (no start delay, no minReadySeconds wait), so nothing is mid-rollout at load. What
 * happens afterwards (actions, edits) takes simulated time (cluster/podStartTiming.ts).
 */
function settleLoadedCluster(cp: ReturnType<typeof openControlPlane>): void {
  for (const pod of cp.state.pods) delete pod.readyAt;
  runControllers(cp);
  for (const pod of cp.state.pods) {
    if (pod.status.readySince === undefined) continue;
    const { readySince: _since, ...status } = pod.status;
    void _since;
    pod.status = status;
  }
}

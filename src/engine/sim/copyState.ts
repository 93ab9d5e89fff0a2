/**
 * The copy applyAction works on. The state is treated as immutable data with structural sharing: the
 * copy gets new top-level collections and a shallow copy of every object in them, while deeper values
 * (pod specs, manifests, service-env arrays, events) are shared with the previous state. The control
 * plane therefore never edits a nested object in place: it replaces it (`pod.status = {…}`,
 * `pod.metadata = {…}`, `svc.status = {…}`). A full deep copy of the 1,000-pod bench state took ~60 ms
 * per action; this takes a few.
 */
import type { ClusterState } from '../model/state.ts';

export function copyStateForWrite(s: ClusterState): ClusterState {
  return {
    ...s,
    settings: { ...s.settings, nodePortRange: { ...s.settings.nodePortRange } },
    nodes: s.nodes.map((n) => ({ ...n })),
    namespaces: [...s.namespaces],
    workloads: s.workloads.map((w) => ({ ...w })),
    pods: s.pods.map((p) => ({ ...p })),
    services: s.services.map((v) => ({ ...v })),
    endpoints: s.endpoints.map((e) => ({ ...e })),
    endpointSlices: s.endpointSlices.map((e) => ({ ...e })),
    ingresses: s.ingresses.map((i) => ({ ...i })),
    ingressClasses: s.ingressClasses.map((c) => ({ ...c })),
    ...(s.metallb ? { metallb: { pools: [...s.metallb.pools], l2: [...s.metallb.l2] } } : {}),
    ...(s.networkPolicies ? { networkPolicies: s.networkPolicies.map((p) => ({ ...p })) } : {}),
    clients: s.clients.map((c) => ({ ...c })),
    // Replaced, never edited, by the control plane (cluster/outsideHosts.ts): shared as it is.
    outsideHosts: s.outsideHosts,
    events: [...s.events],
    affinity: { ...s.affinity },
    // Never edited in place (net/cursorTable.ts copies what a request moves): shared as they are.
    ipvsCursor: s.ipvsCursor,
    lbCursor: s.lbCursor,
    diagnostics: [...s.diagnostics],
    ...(s.ipamLastReserved ? { ipamLastReserved: { ...s.ipamLastReserved } } : {}),
  };
}

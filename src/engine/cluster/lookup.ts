/**
 * Finding objects in the state by name, for the shell, the data plane and the UI. Linear scans: fine
 * for one look-up; build an index (podIndex.ts) when looping.
 */
import type { ServiceManifest } from '../model/objects.ts';
import type {
  ClusterState,
  EndpointsState,
  IngressState,
  NodeState,
  PodState,
  ServiceState,
  WorkloadState,
} from '../model/state.ts';
import type { WorkloadKind } from '../model/objects.ts';
import { matchesLabels } from './labels.ts';

export function findPod(state: ClusterState, namespace: string, name: string): PodState | undefined {
  return state.pods.find((p) => p.metadata.name === name && p.metadata.namespace === namespace);
}

/** A pod by its IP (hostNetwork pods share their node's IP and are not returned). */
export function findPodByIp(state: ClusterState, ip: string): PodState | undefined {
  return state.pods.find((p) => p.status.podIP === ip && !p.spec.hostNetwork);
}

export function findService(state: ClusterState, namespace: string, name: string): ServiceState | undefined {
  return state.services.find(
    (s) => s.manifest.metadata.name === name && s.manifest.metadata.namespace === namespace,
  );
}

export function findServiceByClusterIp(state: ClusterState, ip: string): ServiceState | undefined {
  return state.services.find((s) => s.manifest.spec.clusterIP === ip);
}

export function findEndpoints(
  state: ClusterState,
  namespace: string,
  name: string,
): EndpointsState | undefined {
  return state.endpoints.find((e) => e.metadata.name === name && e.metadata.namespace === namespace);
}

export function findNode(state: ClusterState, name: string): NodeState | undefined {
  return state.nodes.find((n) => n.name === name);
}

export function findNodeByIp(state: ClusterState, ip: string): NodeState | undefined {
  return state.nodes.find((n) => n.ip === ip);
}

export function findIngress(state: ClusterState, namespace: string, name: string): IngressState | undefined {
  return state.ingresses.find(
    (i) => i.manifest.metadata.name === name && i.manifest.metadata.namespace === namespace,
  );
}

export function findWorkload(
  state: ClusterState,
  kind: WorkloadKind,
  namespace: string,
  name: string,
): WorkloadState | undefined {
  return state.workloads.find(
    (w) =>
      w.manifest.kind === kind &&
      w.manifest.metadata.name === name &&
      w.manifest.metadata.namespace === namespace,
  );
}

/** Pods a Service's selector picks (whatever their readiness); none for a Service without selector. */
export function getServicePods(state: ClusterState, svc: ServiceManifest): PodState[] {
  const selector = svc.spec.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  return state.pods.filter(
    (p) => p.metadata.namespace === svc.metadata.namespace && matchesLabels(p.metadata.labels, selector),
  );
}

/** The pods a controller owns now. */
export function getOwnedPods(state: ClusterState, workload: WorkloadState): PodState[] {
  const { kind, metadata } = workload.manifest;
  return state.pods.filter(
    (p) =>
      p.metadata.namespace === metadata.namespace &&
      p.ownerRef?.kind === kind &&
      p.ownerRef.name === metadata.name,
  );
}

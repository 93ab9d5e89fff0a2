/**
 * The cluster's objects as kubectl sees them: one list per resource type, with the metadata every
 * printer needs. ReplicaSets behind Deployments are derived (the Deployment controller makes them;
 * the simulation keeps only the Deployment), named after the `pod-template-hash` part of their pods.
 */
import { kindModule } from '../../kinds/registry.ts';
import type {
  ClusterEvent,
  ClusterState,
  EndpointSliceState,
  EndpointsState,
  IngressClassState,
  IngressState,
  NetworkPolicyState,
  NodeState,
  PodState,
  ServiceState,
  WorkloadState,
} from '../../model/state.ts';
import type { IpAddressPoolManifest, L2AdvertisementManifest } from '../../model/objects.ts';
import type { ResourceKind } from './resources.ts';

interface Base {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  createdAt: number;
}

export type ListedObject =
  | (Base & { kind: 'Pod'; pod: PodState })
  | (Base & { kind: 'Service'; service: ServiceState })
  | (Base & { kind: 'Endpoints'; endpoints: EndpointsState })
  | (Base & { kind: 'Ingress'; ingress: IngressState })
  | (Base & { kind: 'IngressClass'; ingressClass: IngressClassState })
  | (Base & { kind: 'NetworkPolicy'; networkPolicy: NetworkPolicyState })
  | (Base & { kind: 'IPAddressPool'; pool: IpAddressPoolManifest })
  | (Base & { kind: 'L2Advertisement'; l2: L2AdvertisementManifest })
  | (Base & { kind: 'Node'; node: NodeState })
  | (Base & {
      kind: 'Deployment' | 'ReplicationController' | 'ReplicaSet' | 'DaemonSet';
      workload: WorkloadState;
      /** The pods this workload (or derived ReplicaSet) owns. */
      pods: PodState[];
    })
  | (Base & { kind: 'Namespace' })
  | (Base & { kind: 'Event'; event: ClusterEvent })
  | (Base & { kind: 'EndpointSlice'; slice: EndpointSliceState });

export function podsOfWorkload(state: ClusterState, workload: WorkloadState): PodState[] {
  const m = workload.manifest;
  const ns = m.metadata.namespace;
  // A Deployment owns its pods through ReplicaSets (the control plane keeps them as workloads with an ownerRef)
  const owners = new Set([`${m.kind}/${m.metadata.name}`]);
  if (m.kind === 'Deployment') {
    for (const w of state.workloads)
      if (
        w.manifest.kind === 'ReplicaSet' &&
        w.manifest.metadata.namespace === ns &&
        w.ownerRef?.kind === 'Deployment' &&
        w.ownerRef.name === m.metadata.name
      )
        owners.add(`ReplicaSet/${w.manifest.metadata.name}`);
  }
  // The controller's status counts active pods only: a pod being deleted (still terminating) is not one
  // of its replicas any more (controller.FilterActivePods in
  // https://github.com/kubernetes/kubernetes/blob/master/pkg/controller/replicaset/replica_set.go).
  return state.pods.filter(
    (p) =>
      p.metadata.namespace === ns &&
      p.metadata.deletionTimestamp === undefined &&
      p.ownerRef !== undefined &&
      owners.has(`${p.ownerRef.kind}/${p.ownerRef.name}`),
  );
}

export function hasOwnReplicaSets(state: ClusterState, deployment: WorkloadState): boolean {
  return state.workloads.some(
    (w) =>
      w.manifest.kind === 'ReplicaSet' &&
      w.manifest.metadata.namespace === deployment.manifest.metadata.namespace &&
      w.ownerRef?.kind === 'Deployment' &&
      w.ownerRef.name === deployment.manifest.metadata.name,
  );
}

/** `kubia-7d5b4f6c8` for a Deployment `kubia`: from its pods' names, else a stable hash of its name. */
export function replicaSetNameOfDeployment(state: ClusterState, workload: WorkloadState): string {
  const name = workload.manifest.metadata.name;
  const labelled = workload.manifest.template.labels['pod-template-hash'];
  if (labelled) return `${name}-${labelled}`;
  for (const pod of podsOfWorkload(state, workload)) {
    const hash = pod.metadata.labels['pod-template-hash'];
    if (hash) return `${name}-${hash}`;
    if (pod.ownerRef?.kind === 'ReplicaSet') return pod.ownerRef.name;
    const rest = pod.metadata.name.slice(name.length + 1);
    const dash = rest.lastIndexOf('-');
    if (dash > 0) return `${name}-${rest.slice(0, dash)}`;
  }
  return `${name}-${stableHash(`${workload.manifest.metadata.namespace}/${name}`)}`;
}

/** Ten characters of kube's safe alphabet, derived from a string (for names nothing else decides). */
export function stableHash(text: string): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = 2166136261;
  let out = '';
  for (let round = 0; round < 10; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    h = Math.imul(h ^ round, 16777619);
    out += alphabet[(h >>> 0) % alphabet.length];
  }
  return out;
}

export function workloadBase(w: WorkloadState): Base {
  return {
    namespace: w.manifest.metadata.namespace,
    name: w.manifest.metadata.name,
    labels: w.manifest.metadata.labels,
    annotations: w.manifest.metadata.annotations,
    createdAt: w.createdAt,
  };
}

export function listObjects(state: ClusterState, kind: ResourceKind): ListedObject[] {
  return kindModule(kind).list?.(state) ?? [];
}

export function metaBase(
  meta: {
    namespace: string;
    name: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  },
  createdAt: number,
): Base {
  return {
    namespace: meta.namespace,
    name: meta.name,
    labels: meta.labels,
    annotations: meta.annotations,
    createdAt,
  };
}

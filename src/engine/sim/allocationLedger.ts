/**
 * What the API server and the CNI handed out in a running page: pod names, uids, nodes and IPs,
 * Service ClusterIPs, node ports and LoadBalancer addresses, plus the allocators' positions (the rng,
 * host-local's last reserved address per node). A page keeps it next to the autosaved YAML so that a
 * reload shows the pods the student saw, as a real cluster keeps its pods (docs/editing.md).
 *
 * Plain data, versioned: a ledger of another version, or one that is not well formed, restores
 * nothing (the reload is then the plain replay of yaml, seed and actions).
 */
import type { ClusterState } from '../model/state.ts';

export const ALLOCATION_LEDGER_VERSION = 1;

export interface PodAllocation {
  namespace: string;
  name: string;
  uid: string;
  /** `ReplicationController/kubia`; absent for a pod the YAML names itself. */
  owner?: string;
  /** '' while the pod waits for a node. */
  node: string;
  /** '' while the pod has no address. */
  ip: string;
}

export interface NodePortAllocation {
  port: number;
  protocol: string;
  nodePort: number;
}

export interface ServiceAllocation {
  namespace: string;
  name: string;
  /** '' or 'None' when the Service has no ClusterIP. */
  clusterIP: string;
  nodePorts: NodePortAllocation[];
  /** The LoadBalancer address MetalLB (or a `kubeplay` status action) gave, if any. */
  loadBalancerIP?: string;
}

export interface AllocationLedger {
  version: typeof ALLOCATION_LEDGER_VERSION;
  rng: number;
  ipamLastReserved: Record<string, number>;
  pods: PodAllocation[];
  services: ServiceAllocation[];
}

export function ownerKey(owner: { kind: string; name: string } | undefined): string | undefined {
  return owner ? `${owner.kind}/${owner.name}` : undefined;
}

/** The ledger of a cluster, to keep with the autosave. */
export function recordAllocations(state: ClusterState): AllocationLedger {
  return {
    version: ALLOCATION_LEDGER_VERSION,
    rng: state.rng,
    ipamLastReserved: { ...(state.ipamLastReserved ?? {}) },
    // A pod still terminating (cluster/termination.ts) is on its way out: its name and address are not
    // the page's to keep, and a reload shows the cluster as it is once the grace period is over.
    pods: state.pods
      .filter((pod) => pod.metadata.deletionTimestamp === undefined)
      .map((pod) => {
        const owner = ownerKey(pod.ownerRef);
        return {
          namespace: pod.metadata.namespace,
          name: pod.metadata.name,
          uid: pod.metadata.uid,
          ...(owner ? { owner } : {}),
          node: pod.spec.nodeName,
          ip: pod.status.podIP,
        };
      }),
    services: state.services.map((svc) => {
      const { metadata, spec } = svc.manifest;
      const loadBalancerIP = svc.status.loadBalancer.ingress[0]?.ip;
      return {
        namespace: metadata.namespace,
        name: metadata.name,
        clusterIP: spec.clusterIP ?? '',
        nodePorts: spec.ports.flatMap((p) =>
          p.nodePort === undefined ? [] : [{ port: p.port, protocol: p.protocol, nodePort: p.nodePort }],
        ),
        ...(loadBalancerIP ? { loadBalancerIP } : {}),
      };
    }),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function readPod(value: unknown): PodAllocation | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (![r.namespace, r.name, r.uid, r.node, r.ip].every(isString)) return null;
  if (r.owner !== undefined && !isString(r.owner)) return null;
  return {
    namespace: r.namespace as string,
    name: r.name as string,
    uid: r.uid as string,
    ...(isString(r.owner) ? { owner: r.owner } : {}),
    node: r.node as string,
    ip: r.ip as string,
  };
}

function readService(value: unknown): ServiceAllocation | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (![r.namespace, r.name, r.clusterIP].every(isString) || !Array.isArray(r.nodePorts)) return null;
  const nodePorts: NodePortAllocation[] = [];
  for (const p of r.nodePorts as unknown[]) {
    const port = (p ?? {}) as Record<string, unknown>;
    if (!isInt(port.port) || !isString(port.protocol) || !isInt(port.nodePort)) return null;
    nodePorts.push({ port: port.port, protocol: port.protocol, nodePort: port.nodePort });
  }
  return {
    namespace: r.namespace as string,
    name: r.name as string,
    clusterIP: r.clusterIP as string,
    nodePorts,
    ...(isString(r.loadBalancerIP) ? { loadBalancerIP: r.loadBalancerIP } : {}),
  };
}

/** A ledger read back from storage (untrusted): the ledger, or null when it is not one this version wrote. */
export function readAllocationLedger(value: unknown): AllocationLedger | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  if (r.version !== ALLOCATION_LEDGER_VERSION || !isInt(r.rng)) return null;
  if (!Array.isArray(r.pods) || !Array.isArray(r.services)) return null;
  if (typeof r.ipamLastReserved !== 'object' || r.ipamLastReserved === null) return null;
  const ipamLastReserved: Record<string, number> = {};
  for (const [node, offset] of Object.entries(r.ipamLastReserved)) {
    if (!isInt(offset)) return null;
    ipamLastReserved[node] = offset;
  }
  const pods = (r.pods as unknown[]).map(readPod);
  const services = (r.services as unknown[]).map(readService);
  if (pods.some((p) => p === null) || services.some((s) => s === null)) return null;
  return {
    version: ALLOCATION_LEDGER_VERSION,
    rng: r.rng,
    ipamLastReserved,
    pods: pods as PodAllocation[],
    services: services as ServiceAllocation[],
  };
}

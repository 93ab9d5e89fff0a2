/**
 * What the allocators handed out, per object, for the edit tests: a Service's ClusterIP, node ports
 * and LoadBalancer address; the names and IPs of the pods each owner (controller, or the user for a
 * bare pod) holds.
 */
import type { Simulation } from '../index.ts';

export type Allocations = Map<string, string>;

export function allocationsOf(sim: Simulation): Allocations {
  const out: Allocations = new Map();
  for (const svc of sim.state.services) {
    const m = svc.manifest;
    const ports = m.spec.ports.map((p) => `${p.port}/${p.protocol}:${p.nodePort ?? ''}`).join(',');
    const lb = svc.status.loadBalancer.ingress.map((i) => i.ip ?? '').join(',');
    out.set(
      `Service/${m.metadata.namespace}/${m.metadata.name}`,
      `${m.spec.clusterIP ?? ''} ${ports} hc=${m.spec.healthCheckNodePort ?? ''} lb=${lb}`,
    );
  }
  const byOwner = new Map<string, string[]>();
  for (const pod of sim.state.pods) {
    // a deleted pod still terminating holds its IP only until its grace period ends (cluster/termination.ts)
    if (pod.metadata.deletionTimestamp !== undefined) continue;
    const owner = pod.ownerRef
      ? `${pod.ownerRef.kind}/${pod.metadata.namespace}/${pod.ownerRef.name}`
      : `Pod/${pod.metadata.namespace}/${pod.metadata.name}`;
    const list = byOwner.get(owner) ?? [];
    list.push(`${pod.metadata.name}=${pod.status.podIP}@${pod.spec.nodeName}`);
    byOwner.set(owner, list);
  }
  for (const [owner, pods] of byOwner) out.set(owner, [...pods].sort().join(' '));
  return out;
}

/** The entries of `before` other than the `except` keys, as they are in `after` (undefined if gone). */
export function othersIn(before: Allocations, after: Allocations, except: (key: string) => boolean) {
  const was: Record<string, string> = {};
  const now: Record<string, string | undefined> = {};
  for (const [key, value] of before) {
    if (except(key)) continue;
    was[key] = value;
    now[key] = after.get(key);
  }
  return { was, now };
}

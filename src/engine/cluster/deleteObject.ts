/**
 * `kubectl delete KIND NAME`: what goes away with the object (a controller's pods, a namespace's
 * contents, a Service's allocations). Controllers then react in the next pass: a deleted pod of a
 * ReplicaSet comes back under a new name.
 */
import type { ObjectKindName } from '../model/actions.ts';
import type { ControlPlane } from './controlPlane.ts';
import { deletePod } from './podLifecycle.ts';
import { terminatePod } from './termination.ts';
import { removeService } from './serviceRegistry.ts';
import { deleteWorkload } from './workloadController.ts';

const RESOURCE: Record<ObjectKindName, string> = {
  Pod: 'pods',
  ReplicationController: 'replicationcontrollers',
  ReplicaSet: 'replicasets.apps',
  Deployment: 'deployments.apps',
  DaemonSet: 'daemonsets.apps',
  Service: 'services',
  Endpoints: 'endpoints',
  Ingress: 'ingresses.networking.k8s.io',
  IngressClass: 'ingressclasses.networking.k8s.io',
  NetworkPolicy: 'networkpolicies.networking.k8s.io',
  Namespace: 'namespaces',
  Node: 'nodes',
  IPAddressPool: 'ipaddresspools.metallb.io',
  L2Advertisement: 'l2advertisements.metallb.io',
};

/** The NotFound text kubectl prints: `pods "kubia-xyz" not found`. */
export function notFoundMessage(kind: ObjectKindName, name: string): string {
  return `Error from server (NotFound): ${RESOURCE[kind]} "${name}" not found`;
}

/** The namespaces kube-apiserver's NamespaceLifecycle admission refuses to delete. */
export const UNDELETABLE_NAMESPACES = ['default', 'kube-system', 'kube-public'];

export type DeleteResult = { ok: true } | { ok: false; message: string; code: string };

/** `kubectl delete`: the object and what goes with it, or kubectl's error text. */
export function deleteObject(
  cp: ControlPlane,
  kind: ObjectKindName,
  namespace: string,
  name: string,
): DeleteResult {
  if (kind === 'Namespace' && UNDELETABLE_NAMESPACES.includes(name)) {
    return {
      ok: false,
      message: `Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted`,
      code: 'namespace-undeletable',
    };
  }
  return removeObject(cp, kind, namespace, name)
    ? { ok: true }
    : { ok: false, message: notFoundMessage(kind, name), code: 'not-found' };
}

function removeObject(cp: ControlPlane, kind: ObjectKindName, namespace: string, name: string): boolean {
  const { state } = cp;
  const inNs = (m: { namespace: string; name: string }) => m.name === name && m.namespace === namespace;
  switch (kind) {
    case 'Pod': {
      const pod = state.pods.find((p) => inNs(p.metadata));
      if (!pod) return false;
      terminatePod(cp, pod);
      return true;
    }
    case 'ReplicationController':
    case 'ReplicaSet':
    case 'Deployment':
    case 'DaemonSet': {
      const w = state.workloads.find((x) => x.manifest.kind === kind && inNs(x.manifest.metadata));
      if (!w) return false;
      deleteWorkload(cp, w);
      return true;
    }
    case 'Service': {
      const svc = state.services.find((s) => inNs(s.manifest.metadata));
      if (!svc) return false;
      removeService(cp, svc);
      return true;
    }
    case 'Endpoints': {
      const before = state.endpoints.length;
      state.endpoints = state.endpoints.filter((e) => !inNs(e.metadata));
      return state.endpoints.length !== before;
    }
    case 'Ingress': {
      const before = state.ingresses.length;
      state.ingresses = state.ingresses.filter((i) => !inNs(i.manifest.metadata));
      return state.ingresses.length !== before;
    }
    case 'NetworkPolicy': {
      const before = state.networkPolicies?.length ?? 0;
      state.networkPolicies = (state.networkPolicies ?? []).filter((p) => !inNs(p.manifest.metadata));
      return state.networkPolicies.length !== before;
    }
    case 'IngressClass': {
      const before = state.ingressClasses.length;
      state.ingressClasses = state.ingressClasses.filter((c) => c.manifest.metadata.name !== name);
      return state.ingressClasses.length !== before;
    }
    case 'IPAddressPool':
    case 'L2Advertisement': {
      const config = state.metallb;
      if (!config) return false;
      const keep = <T extends { metadata: { name: string; namespace: string } }>(list: T[]) =>
        list.filter((o) => !inNs(o.metadata));
      const before = config.pools.length + config.l2.length;
      state.metallb =
        kind === 'IPAddressPool'
          ? { ...config, pools: keep(config.pools) }
          : { ...config, l2: keep(config.l2) };
      return state.metallb.pools.length + state.metallb.l2.length !== before;
    }
    case 'Namespace':
      return deleteNamespace(cp, name);
    case 'Node': {
      const node = state.nodes.find((n) => n.name === name);
      if (!node) return false;
      state.nodes = state.nodes.filter((n) => n !== node);
      // The pod garbage collector removes pods bound to a node that no longer exists.
      for (const pod of state.pods.filter((p) => p.spec.nodeName === name)) deletePod(cp, pod);
      return true;
    }
  }
}

function deleteNamespace(cp: ControlPlane, name: string): boolean {
  const { state } = cp;
  if (!state.namespaces.some((n) => n.name === name)) return false;
  for (const w of state.workloads.filter((x) => x.manifest.metadata.namespace === name)) {
    if (state.workloads.includes(w)) state.workloads = state.workloads.filter((x) => x !== w);
  }
  for (const pod of state.pods.filter((p) => p.metadata.namespace === name)) deletePod(cp, pod);
  for (const svc of state.services.filter((s) => s.manifest.metadata.namespace === name))
    removeService(cp, svc);
  state.endpoints = state.endpoints.filter((e) => e.metadata.namespace !== name);
  state.ingresses = state.ingresses.filter((i) => i.manifest.metadata.namespace !== name);
  if (state.networkPolicies)
    state.networkPolicies = state.networkPolicies.filter((p) => p.manifest.metadata.namespace !== name);
  state.namespaces = state.namespaces.filter((n) => n.name !== name);
  return true;
}

/**
 * `kubectl delete KIND NAME`: what goes away with the object (a controller's pods, a namespace's
 * contents, a Service's allocations). Controllers then react in the next pass: a deleted pod of a
 * ReplicaSet comes back under a new name.
 */
import { kindModule } from '../kinds/registry.ts';
import type { ObjectKindName } from '../model/actions.ts';
import type { ControlPlane } from './controlPlane.ts';

const RESOURCE: Record<ObjectKindName, string> = {
  Pod: 'pods',
  ReplicationController: 'replicationcontrollers',
  ReplicaSet: 'replicasets.apps',
  Deployment: 'deployments.apps',
  DaemonSet: 'daemonsets.apps',
  Service: 'services',
  Endpoints: 'endpoints',
  EndpointSlice: 'endpointslices.discovery.k8s.io',
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
  gracePeriodSeconds?: number,
): DeleteResult {
  if (kind === 'Namespace' && UNDELETABLE_NAMESPACES.includes(name)) {
    return {
      ok: false,
      message: `Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted`,
      code: 'namespace-undeletable',
    };
  }
  return (kindModule(kind).remove?.(cp, namespace, name, gracePeriodSeconds) ?? false)
    ? { ok: true }
    : { ok: false, message: notFoundMessage(kind, name), code: 'not-found' };
}

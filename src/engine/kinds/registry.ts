/**
 * The table of kind modules the engine reads instead of switching on `kind` (docs/architecture.md#kinds).
 * Adding a kind: write its module beside this file and add it here.
 *
 * Kind modules use helpers from every layer, and the dispatchers in those layers read this table, so
 * the imports form cycles. The table is therefore built on first use, never while modules load.
 */
import { clusterConfigKind } from './clusterConfig.ts';
import { endpointSliceKind } from './endpointSlice.ts';
import { endpointsKind } from './endpoints.ts';
import { eventKind } from './event.ts';
import { ingressClassKind } from './ingressClass.ts';
import { ingressKind } from './ingress.ts';
import { ipAddressPoolKind } from './ipAddressPool.ts';
import type { KindModule, KindName } from './kindModule.ts';
import { l2AdvertisementKind } from './l2Advertisement.ts';
import { namespaceKind } from './namespace.ts';
import { networkPolicyKind } from './networkPolicy.ts';
import { nodeKind } from './node.ts';
import { cloudProviderKindKind } from './cloudProviderKind.ts';
import { outsideHostKind } from './outsideHost.ts';
import { podKind } from './pod.ts';
import { serviceKind } from './service.ts';
import { workloadKind } from './workload.ts';

type KindTable = { readonly [K in KindName]: KindModule<K> };

let table: KindTable | undefined;
let byName: ReadonlyMap<string, KindModule> | undefined;

function kindTable(): KindTable {
  table ??= {
    Pod: podKind,
    ReplicationController: workloadKind('ReplicationController'),
    ReplicaSet: workloadKind('ReplicaSet'),
    Deployment: workloadKind('Deployment'),
    DaemonSet: workloadKind('DaemonSet'),
    Service: serviceKind,
    Endpoints: endpointsKind,
    EndpointSlice: endpointSliceKind,
    Ingress: ingressKind,
    IngressClass: ingressClassKind,
    NetworkPolicy: networkPolicyKind,
    IPAddressPool: ipAddressPoolKind,
    L2Advertisement: l2AdvertisementKind,
    Namespace: namespaceKind,
    Node: nodeKind,
    OutsideHost: outsideHostKind,
    CloudProviderKind: cloudProviderKindKind,
    Cluster: clusterConfigKind,
    Event: eventKind,
  };
  return table;
}

/** The module of a kind the type system knows. */
export function kindModule<K extends KindName>(kind: K): KindModule<K> {
  return kindTable()[kind];
}

/** Every kind module, in the table's order. */
export function allKindModules(): readonly KindModule[] {
  return Object.values(kindTable());
}

/** The module of a kind named by untrusted text (a share link's action, a document's `kind:`), if any. */
export function findKindModule(kind: string): KindModule | undefined {
  byName ??= new Map<string, KindModule>(Object.values(kindTable()).map((m: KindModule) => [m.kind, m]));
  return byName.get(kind);
}

/**
 * Whether a document of this kind names an object the engine decodes and keeps (every kind whose
 * module has `decode`): an edit keeps such an object's last accepted version when its document breaks.
 * Served-only kinds (Event) and unknown ones name nothing it could keep.
 */
export function isManifestKind(kind: string): boolean {
  return findKindModule(kind)?.decode !== undefined;
}

/**
 * One Kubernetes kind as the engine knows it, in one place: how it is decoded and validated from YAML,
 * what the API server does when it is applied or deleted, how kubectl lists, prints, describes and
 * returns it, and what it shows as on the graph. The rest of the engine reads these hooks through
 * the registry (registry.ts) instead of switching on the kind; docs/architecture.md#kinds.
 *
 * Every hook is optional: a kind without `apply` is not stored by the control plane, one without
 * `describe` prints nothing for `kubectl describe`, and so on. Hooks are declared as methods so a
 * module for one kind (`KindModule<'Pod'>`) reads as a module for any kind where the dispatcher looks
 * it up by a kind it only knows at run time.
 */
import type { ControlPlane } from '../cluster/controlPlane.ts';
import type { Diagnostic, SourceRef } from '../model/diagnostic.ts';
import type { Manifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import type { ObjectContext } from '../parse/objectContext.ts';
import type { PlainMap } from '../parse/plain.ts';
import type { ServedVersion } from '../parse/servedVersion.ts';
import type { NameRule } from '../parse/validate/meta.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import type { ListedObject } from '../shell/kubectl/listing.ts';
import type { ResourceKind } from '../shell/kubectl/resources.ts';
import type { ObjectIdentity } from '../sim/objectIdentity.ts';

/** Every kind with a module: what manifests carry and what kubectl serves (Event is only served). */
export type KindName = Manifest['kind'] | ResourceKind;

/** The manifest type of a kind (WorkloadManifest for each of the four workload kinds); never for served-only kinds. */
export type ManifestOf<K extends KindName> = Manifest extends infer M
  ? M extends { kind: infer MK }
    ? K extends MK
      ? M
      : never
    : never
  : never;

/** What `listObjects` yields for a kind; never for kinds kubectl does not serve (Cluster, OutsideHost). */
export type ListedOf<K extends KindName> = ListedObject extends infer L
  ? L extends { kind: infer LK }
    ? K extends LK
      ? L
      : never
    : never
  : never;

/** `apiVersion` and `kind` of the returned object, and the identity key its uid is derived from. */
export interface ApiObjectHead {
  head: { apiVersion: string; kind: string };
  key: string;
}

/** What `kubectl expose` reads from the exposed object: its selector and the ports to forward. */
export interface ExposeSource {
  selector: Record<string, string> | undefined;
  containerPorts: { port: number; protocol: string; name?: string }[];
}

/**
 * The names the API server's discovery serves a kind under (`kubectl api-resources`): plural, singular,
 * short names (`po`, `svc`, `ep`, `ing`, ...), group/version ('' is the core group) and categories
 * (APIResource in https://github.com/kubernetes/apimachinery/blob/master/pkg/apis/meta/v1/types.go).
 */
export interface ResourceNames {
  plural: string;
  singular: string;
  shortNames: readonly string[];
  group: string;
  version: string;
  /** The categories discovery lists it under: `all` is what `kubectl get all` shows. */
  categories?: readonly string[];
}

export type LabelField = 'labels' | 'annotations';

export interface KindModule<K extends KindName = KindName> {
  readonly kind: K;
  /**
   * Whether objects live in a namespace (`kubectl api-resources` NAMESPACED): the API server drops a
   * namespace given to a cluster-scoped object, and a namespaced one without it goes to `default`.
   */
  readonly scope: 'Namespaced' | 'Cluster';
  /** How kubectl names this resource type; none for kinds the API server does not serve (Cluster, OutsideHost). */
  readonly resource?: ResourceNames;
  /**
   * Part of the world the cluster runs in rather than an object in it: kind's nodes, the servers
   * outside, the load balancer the host runs. A change of one rebuilds the cluster from scratch, as
   * `kind create cluster` would (sim/editSimulation.ts), and an edit never prunes one.
   */
  readonly topology?: true;
  /**
   * The namespace the kind's own install creates (MetalLB's manifests create metallb-system with its
   * CRDs): a cluster that serves the kind has it, so applying an object there creates it if missing.
   */
  readonly installNamespace?: string;

  // --- decoding and validation (parse/buildObject.ts) ---
  /**
   * The apiVersions a manifest of this kind may be written under, with their fields and the API
   * server's warning for removed ones (parse/apiVersions.ts); none for kinds that are only served.
   */
  readonly versions?: Readonly<Record<string, ServedVersion>>;
  /** The typed, defaulted object from one YAML object; validation messages go to `ctx`. */
  decode?(raw: PlainMap, apiVersion: string, ctx: ObjectContext): ManifestOf<K>;
  /** The name syntax the API server's validation applies to metadata.name. */
  readonly nameRule?: NameRule;

  // --- the API server (cluster/apiServer.ts, cluster/deleteObject.ts, sim/runAction.ts) ---
  /** Create-or-update, as `kubectl apply`; diagnostics when the server refuses. */
  apply?(cp: ControlPlane, manifest: ManifestOf<K>): Diagnostic[];
  /**
   * `kubectl delete`: the object and what goes with it; false when there is no such object.
   * `gracePeriodSeconds` is DeleteOptions' (kubectl delete --grace-period); only pods use it.
   */
  remove?(cp: ControlPlane, namespace: string, name: string, gracePeriodSeconds?: number): boolean;
  /** `kubectl label|annotate`: replaces the map with `edit(map)`; false when there is no such object. */
  relabel?(
    cp: ControlPlane,
    namespace: string,
    name: string,
    field: LabelField,
    edit: (map: Record<string, string>) => Record<string, string>,
  ): boolean;
  /** An unchanged document moved in the text: the stored object learns its new position. */
  refreshSource?(state: ClusterState, manifest: ManifestOf<K>, source: SourceRef): void;

  // --- kubectl (shell/kubectl/*) ---
  /** It has the `scale` subresource (spec.replicas): `kubectl scale` accepts it. */
  readonly scalable?: boolean;
  /** It holds a pod template at spec.template: `kubectl set image` edits it. */
  readonly podTemplate?: boolean;
  /** The objects of this resource type, with the metadata every printer needs. */
  list?(state: ClusterState): ListedOf<K>[];
  /** `kubectl get` table headers (`-o wide` adds columns). */
  headers?(wide: boolean): string[];
  /** One `kubectl get` row; `age` is already formatted. */
  row?(obj: ListedOf<K>, state: ClusterState, wide: boolean, age: string): string[];
  /** `kubectl describe` lines (tab-separated; the caller aligns them). */
  describe?(obj: ListedOf<K>, state: ClusterState): string[];
  /** The object as the API server returns it for `-o json|yaml`, keys sorted. */
  toApiObject?(obj: ListedOf<K>, state: ClusterState, at: ApiObjectHead): JsonObject;
  /** `kubectl expose`: the selector and ports, or kubectl's error text. */
  exposeSource?(obj: ListedOf<K>): ExposeSource | { error: string };

  // --- the graph (sim/documentLinks.ts, sim/objectIdentity.ts) ---
  /**
   * The first word of the graph ids of this kind's objects (trace.ts: `svc/default/kubia`,
   * `netpol/default/deny`), when the graph draws them; otherwise the ids use the kind in lower case.
   */
  readonly graphPrefix?: string;
  /** Graph ids of what the document naming `identity` made (`owned`: pods by controller key). */
  graphIds?(state: ClusterState, identity: ObjectIdentity, owned: Map<string, string[]>): string[];
}

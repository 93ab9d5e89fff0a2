/**
 * The resource types kubectl knows in this cluster, with the names the API server's discovery gives
 * them (each kind module declares its own: kinds/kindModule.ts ResourceNames).
 */
import { allKindModules } from '../../kinds/registry.ts';
import type { ResourceNames } from '../../kinds/kindModule.ts';

export type ResourceKind =
  | 'Pod'
  | 'Service'
  | 'Endpoints'
  | 'Ingress'
  | 'IngressClass'
  | 'NetworkPolicy'
  | 'IPAddressPool'
  | 'L2Advertisement'
  | 'Node'
  | 'Deployment'
  | 'ReplicationController'
  | 'ReplicaSet'
  | 'DaemonSet'
  | 'Namespace'
  | 'Event'
  | 'EndpointSlice';

export interface ResourceType extends ResourceNames {
  kind: ResourceKind;
  namespaced: boolean;
}

let served: readonly ResourceType[] | undefined;

/**
 * Every resource type the API server serves, from the kind modules, in `kubectl api-resources` order:
 * by group (the core group '' first), then by plural name (sortableResource in
 * https://github.com/kubernetes/kubectl/blob/master/pkg/cmd/apiresources/apiresources.go).
 */
export function resourceTypes(): readonly ResourceType[] {
  served ??= allKindModules()
    .flatMap((module): ResourceType[] =>
      module.resource
        ? [
            {
              ...module.resource,
              kind: module.kind as ResourceKind,
              namespaced: module.scope === 'Namespaced',
            },
          ]
        : [],
    )
    .sort((a, b) => (a.group === b.group ? compare(a.plural, b.plural) : compare(a.group, b.group)));
  return served;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `kubectl get all`: the types discovery lists in the "all" category (each kind module declares its
 * categories), in discovery order as kubectl prints them.
 */
export function resourcesInCategory(category: string): readonly ResourceType[] {
  return resourceTypes().filter((t) => t.categories?.includes(category));
}

/** `po`, `pods`, `Pod`, `deployments.apps`, `deploy` -> the type; undefined when the server has no such type. */
export function findResourceType(word: string): ResourceType | undefined {
  const lower = word.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot >= 0 ? lower.slice(0, dot) : lower;
  const group = dot >= 0 ? lower.slice(dot + 1) : undefined;
  return resourceTypes().find(
    (t) =>
      (t.plural === name ||
        t.singular === name ||
        t.shortNames.includes(name) ||
        t.kind.toLowerCase() === name) &&
      (group === undefined ||
        group === t.group ||
        group === `${t.version}.${t.group}` ||
        (group === 'v1' && !t.group)),
  );
}

export function resourceTypeOfKind(kind: ResourceKind): ResourceType {
  const found = resourceTypes().find((t) => t.kind === kind);
  if (!found) throw new Error(`unknown kind ${kind}`); // programming error: every ResourceKind has a module with names
  return found;
}

/** The name the API server uses in messages: `pods`, `deployments.apps`, `ingresses.networking.k8s.io`. */
export function qualifiedPlural(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

/** `-o name` and multi-kind tables: `pod/x`, `deployment.apps/x`, `ingress.networking.k8s.io/x`. */
export function qualifiedSingular(type: ResourceType): string {
  return type.group ? `${type.singular}.${type.group}` : type.singular;
}

export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

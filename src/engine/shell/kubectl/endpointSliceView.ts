/**
 * How kubectl reads EndpointSlice objects (state.endpointSlices): the slices of one Service (those
 * labelled `kubernetes.io/service-name`, as kubectl and kube-proxy select them), the Endpoints line
 * `kubectl describe service|ingress` prints from them, and the PORTS and ENDPOINTS columns of
 * `kubectl get endpointslices`.
 */
import type { SliceEndpoint, SlicePort } from '../../model/objects.ts';
import type { ClusterState, EndpointSliceState } from '../../model/state.ts';
import { listWithMore } from './printers.ts';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The slices a Service's label selector `kubernetes.io/service-name=<name>` finds in its namespace. */
export function slicesOfService(state: ClusterState, namespace: string, name: string): EndpointSliceState[] {
  return state.endpointSlices.filter(
    (s) => s.metadata.namespace === namespace && s.metadata.labels[SERVICE_NAME_LABEL] === name,
  );
}

/** A nil `ready` reads as ready (discovery/v1 EndpointConditions). */
export function isReady(endpoint: SliceEndpoint): boolean {
  return endpoint.conditions.ready !== false;
}

/**
 * formatEndpointSlices in kubectl's describe.go
 * (https://github.com/kubernetes/kubectl/blob/master/pkg/describe/describe.go): the ready endpoints'
 * first address with each port whose name is in `ports` (every port when undefined), 3 at most then
 * "+ N more..."; a slice without ports lists bare addresses; no slice at all prints `<none>`.
 */
export function formatEndpointSlices(
  slices: readonly EndpointSliceState[],
  ports?: ReadonlySet<string>,
): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  // kubectl marks "more" as soon as the list is full, before it skips an endpoint that is not ready
  const visit = (e: SliceEndpoint, text: string) => {
    if (list.length === max) more = true;
    if (!isReady(e)) return;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    if (slice.ports.length === 0) {
      for (const e of slice.endpoints) visit(e, e.addresses[0] ?? '');
      continue;
    }
    for (const port of slice.ports) {
      if (ports && !ports.has(port.name)) continue;
      // Go would print a nil port as a panic; kubectl meets none from the controllers
      for (const e of slice.endpoints) visit(e, `${e.addresses[0] ?? ''}:${port.port ?? 0}`);
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/** formatDiscoveryPorts (kubernetes pkg/printers/internalversion/printers.go): a nil port prints its name, or `*`. */
export function formatSlicePorts(ports: readonly SlicePort[]): string {
  return listWithMore(ports.map((p) => (p.port !== undefined ? String(p.port) : p.name || '*')));
}

/** formatDiscoveryEndpoints: every address of every endpoint, ready or not. */
export function formatSliceEndpoints(endpoints: readonly SliceEndpoint[]): string {
  return listWithMore(endpoints.flatMap((e) => e.addresses));
}

/**
 * The endpoints controller (pkg/controller/endpoint/endpoints_controller.go) for the legacy Endpoints
 * object kubectl prints:
 *
 * - only Services with a selector (non-empty here; ExternalName skipped) get a managed Endpoints of the
 *   same name; a hand-written Endpoints of that name is overwritten. Services without a selector keep the
 *   user's Endpoints untouched. A managed Endpoints goes away with its Service.
 * - terminating pods (deleted, within their grace period) are left out, unless publishNotReadyAddresses;
 *   the Service's EndpointSlice still lists them as `terminating` (endpointSliceController.ts);
 * - pods need an IP; ready pods go to `addresses`, the others to `notReadyAddresses`, or to `addresses`
 *   too when `publishNotReadyAddresses` is set;
 * - a named targetPort is resolved per pod (pkg/api/v1/pod/util.go FindPort: the first container port
 *   with that name AND the service port's protocol); a pod without it is left out of that port only;
 *   a numeric targetPort is used as written;
 * - `hostname` is set when the pod's `spec.hostname` is set and its `spec.subdomain` is the Service name;
 * - subsets are repacked like endpoints.RepackSubsets: addresses with the same set of ports share a
 *   subset; addresses are sorted by IP as strings (SortSubsets compares the IP bytes), ports kept in
 *   service-port order, subsets in order of their first port set's appearance.
 * - a headless Service without ports lists its pods with an empty port list.
 */
import type {
  EndpointAddress,
  EndpointPort,
  EndpointSubset,
  ServiceManifest,
  ServicePort,
} from '../model/objects.ts';
import type { ClusterState, EndpointsState, PodState } from '../model/state.ts';
import type { ServiceReuse, StoredEndpoints } from './endpointsMemo.ts';
import { podSelect, type PodSelect } from './podIndex.ts';
import { isTerminating } from './termination.ts';
import { sameJson } from './sameJson.ts';

/** FindPort: the port number a service port reaches on this pod, or undefined when the pod lacks it. */
export function resolveTargetPort(pod: PodState, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort;
  if (typeof target === 'number') return target;
  // the pattern only when it can match (a name starts with a letter): it ran for every pod and port
  const first = target.charCodeAt(0);
  if (first >= 48 && first <= 57 && /^\d+$/.test(target)) return Number(target);
  for (const container of pod.spec.containers) {
    for (const port of container.ports) {
      if (port.name === target && port.protocol === servicePort.protocol) return port.containerPort;
    }
  }
  return undefined;
}

/**
 * A pod's port mapping for a Service, as both endpoints controllers group pods by it: each service
 * port's number on this pod (FindPort) written into `resolved` (undefined: the pod lacks it), and the
 * key `name/port/protocol,…` of the ports it has, in Service order ('' when it has none).
 */
export function portMapping(
  pod: PodState,
  servicePorts: readonly ServicePort[],
  resolved: (number | undefined)[],
): string {
  let key = '';
  for (let i = 0; i < servicePorts.length; i++) {
    const sp = servicePorts[i] as ServicePort;
    const port = resolveTargetPort(pod, sp);
    resolved[i] = port;
    if (port !== undefined) key += `${key === '' ? '' : ','}${sp.name ?? ''}/${port}/${sp.protocol}`;
  }
  return key;
}

function addressOf(pod: PodState, svc: ServiceManifest): EndpointAddress {
  const address: EndpointAddress = {
    ip: pod.status.podIP,
    nodeName: pod.spec.nodeName,
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name },
  };
  if (pod.spec.hostname && pod.spec.subdomain === svc.metadata.name) address.hostname = pod.spec.hostname;
  return address;
}

function compareIp(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip < b.ip) return -1;
  if (a.ip > b.ip) return 1;
  const an = a.targetRef?.name ?? '';
  const bn = b.targetRef?.name ?? '';
  return an < bn ? -1 : an > bn ? 1 : 0;
}

/**
 * The subsets the controller would write for a Service, from the pods it selects. A terminating pod is
 * left out unless publishNotReadyAddresses is set (endpoints_controller.go calls
 * endpointsliceutil.ShouldPodBeInEndpoints(pod, service.Spec.PublishNotReadyAddresses), which drops a pod
 * with a deletionTimestamp unless told to include terminating ones:
 * https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/endpointslice/util/controller_utils.go).
 */
export function computeSubsets(svc: ServiceManifest, pods: PodState[]): EndpointSubset[] {
  const publish = svc.spec.publishNotReadyAddresses;
  return packSubsets(
    svc,
    pods.filter((p) => publish || !isTerminating(p)),
    (p) => p.status.ready || publish,
  );
}

function packSubsets(
  svc: ServiceManifest,
  pods: PodState[],
  isReady: (pod: PodState) => boolean,
): EndpointSubset[] {
  const groups = new Map<string, EndpointSubset>();
  const servicePorts = svc.spec.ports;
  // Resolved port numbers per service port (undefined: this pod lacks it), reused for every pod; the
  // EndpointPort objects are only made for the first pod of each port set (the subset keeps those).
  const resolved: (number | undefined)[] = servicePorts.map(() => undefined);
  for (const pod of pods) {
    if (pod.status.phase !== 'Running' || pod.status.podIP === '') continue;
    const key = portMapping(pod, servicePorts, resolved);
    if (key === '' && servicePorts.length > 0) continue;
    let subset = groups.get(key);
    if (!subset) {
      const ports: EndpointPort[] = [];
      servicePorts.forEach((sp, i) => {
        const port = resolved[i];
        if (port !== undefined)
          ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol });
      });
      groups.set(key, (subset = { addresses: [], notReadyAddresses: [], ports }));
    }
    (isReady(pod) ? subset.addresses : subset.notReadyAddresses).push(addressOf(pod, svc));
  }
  const subsets = [...groups.values()];
  for (const s of subsets) {
    s.addresses.sort(compareIp);
    s.notReadyAddresses.sort(compareIp);
  }
  return subsets;
}

/** A Service whose endpoints a controller keeps (not ExternalName, a non-empty selector). */
export function hasSelector(
  svc: ServiceManifest,
): svc is ServiceManifest & { spec: { selector: Record<string, string> } } {
  return (
    svc.spec.type !== 'ExternalName' &&
    svc.spec.selector !== undefined &&
    Object.keys(svc.spec.selector).length > 0
  );
}

/**
 * Rewrites every managed Endpoints from the current pods; drops managed ones whose Service is gone.
 * With `reuse` (controllers.ts, endpointsMemo.ts), a Service whose manifest, selected pods and stored
 * subsets are those of the last pass keeps its subsets without computing them again: the computation
 * would give an equal value, which the controller keeps anyway.
 */
export function syncEndpoints(
  state: ClusterState,
  select: PodSelect = podSelect(state.pods),
  reuse?: ServiceReuse<StoredEndpoints>,
): void {
  const existing = new Map<string, EndpointsState>();
  for (const ep of state.endpoints) existing.set(`${ep.metadata.namespace}/${ep.metadata.name}`, ep);
  const serviceKeys = new Set<string>();
  const next: EndpointsState[] = [];
  const written = new Set<string>();
  for (const { manifest: svc } of state.services) {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    serviceKeys.add(key);
    if (!hasSelector(svc)) continue;
    const old = existing.get(key);
    const last = reuse?.previous?.get(key);
    const kept =
      old !== undefined &&
      last !== undefined &&
      last.manifest === svc &&
      last.stored.subsets === old.subsets &&
      reuse?.podsUnchanged(svc) === true;
    const subsets = kept
      ? old.subsets
      : computeSubsets(svc, select(svc.metadata.namespace, svc.spec.selector));
    written.add(key);
    if (old) {
      // Unchanged values keep their objects: an edit elsewhere then leaves this Endpoints as it was,
      // for the page to skip (worker/structuralDelta.ts sends what changed by identity).
      if (!kept && !sameJson(old.subsets, subsets)) old.subsets = subsets;
      old.managed = true;
      // the labels were copied from this very manifest when the last pass left this metadata
      if (
        !(kept && last.stored.metadata === old.metadata) &&
        !sameJson(old.metadata.labels, svc.metadata.labels)
      )
        old.metadata = { ...old.metadata, labels: { ...svc.metadata.labels } };
      reuse?.next.set(key, { manifest: svc, stored: { subsets: old.subsets, metadata: old.metadata } });
    } else {
      const metadata = {
        name: svc.metadata.name,
        namespace: svc.metadata.namespace,
        labels: { ...svc.metadata.labels },
        annotations: {},
      };
      next.push({ metadata, subsets, managed: true, createdAt: state.clock });
      reuse?.next.set(key, { manifest: svc, stored: { subsets, metadata } });
    }
  }
  state.endpoints = state.endpoints
    .filter((ep) => {
      const key = `${ep.metadata.namespace}/${ep.metadata.name}`;
      if (!ep.managed || written.has(key)) return true;
      // A managed Endpoints outlives its Service only for the apiserver-written default/kubernetes.
      return serviceKeys.has(key);
    })
    .concat(next);
}

/**
 * The endpoints kube-proxy programs for a Service port: the ready ones; when none is ready, the ones
 * that are terminating but still serving (KEP-1669 "ProxyTerminatingEndpoints", GA in 1.28:
 * https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/1669-proxy-terminating-endpoints ;
 * pkg/proxy/topology.go CategorizeEndpoints falls back to serving-terminating endpoints when a
 * Service has no ready one). Ingress controllers and CoreDNS read only the ready endpoints
 * (netIndex.ts getBackends). Simplification: the fallback is decided over the whole Service, before an
 * internal/externalTrafficPolicy Local filter, not per node as kube-proxy decides it for Local.
 */
import type { ServicePort, SliceEndpoint } from '../model/objects.ts';
import type { ServiceState } from '../model/state.ts';
import type { Backend, NetIndex } from './netIndex.ts';
import { backendsOf, getBackends, memoize } from './netIndex.ts';

/** kube-proxy reads a nil `serving` as true and a nil `terminating` as false (pkg/proxy/endpointslicecache.go). */
function isServingTerminating(e: SliceEndpoint): boolean {
  return e.conditions.terminating === true && e.conditions.serving !== false;
}

export function getProxyBackends(index: NetIndex, service: ServiceState, port: ServicePort): Backend[] {
  const ready = getBackends(index, service, port);
  if (ready.length > 0) return ready;
  const { namespace, name } = service.manifest.metadata;
  return memoize(
    index,
    `terminating|${namespace}/${name}|${port.name ?? ''}|${port.port}|${port.protocol}`,
    () => backendsOf(index, service, port, isServingTerminating),
  );
}

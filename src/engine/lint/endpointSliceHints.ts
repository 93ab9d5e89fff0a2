/**
 * Hand-written EndpointSlice hints: kube-proxy (and kubectl describe) find a Service's slices only by the
 * label `kubernetes.io/service-name` in the Service's namespace
 * (https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#ownership), and only IPv4
 * slices carry traffic here (docs/kubernetes-facts.md#endpointslices).
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ServiceManifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import { hintAt } from './locate.ts';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export function getEndpointSliceHints(
  state: ClusterState,
  services: Map<string, ServiceManifest>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const slice of state.endpointSlices) {
    const source = slice.source;
    if (slice.owner || !source) continue;
    const { namespace } = slice.metadata;
    const service = slice.metadata.labels[SERVICE_NAME_LABEL];
    if (service === undefined) {
      out.push(
        hintAt(
          source,
          'metadata.labels',
          'warning',
          `this EndpointSlice has no ${SERVICE_NAME_LABEL} label, so no Service uses it: kube-proxy finds a Service's slices by that label. Add labels: {${SERVICE_NAME_LABEL}: <service name>}.`,
          'hint-endpointslice-no-label',
        ),
      );
      continue;
    }
    if (!services.has(`${namespace}/${service}`)) {
      out.push(
        hintAt(
          source,
          `metadata.labels.${SERVICE_NAME_LABEL}`,
          'warning',
          `no Service named "${service}" in namespace "${namespace}": these endpoints are used only through the Service the ${SERVICE_NAME_LABEL} label names. Create that Service, or fix the label.`,
          'hint-endpointslice-no-service',
        ),
      );
      continue;
    }
    if (slice.addressType !== 'IPv4')
      out.push(
        hintAt(
          source,
          'addressType',
          'info',
          `kubeplay's cluster is IPv4 only: this ${slice.addressType} slice is kept and listed, but no traffic goes to it.`,
          'hint-endpointslice-address-type',
        ),
      );
  }
  return out;
}

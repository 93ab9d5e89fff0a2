/**
 * Warnings kubectl would not give but a teacher wants (a selector that matches no pod, a targetPort name
 * no container declares, an Ingress backend naming a missing Service, an Ingress no controller serves,
 * an Endpoints object without its Service), located on the manifest that causes them. Pure function of
 * the state; recomputed after every change. Only objects the user wrote (with a source) get hints.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ServiceManifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import { indexPods } from '../cluster/podIndex.ts';
import { getEndpointSliceHints } from './endpointSliceHints.ts';
import { getEndpointsHints } from './endpointsHints.ts';
import { getIngressHints } from './ingressHints.ts';
import { getNetworkPolicyHints } from './networkPolicyHints.ts';
import { getServiceHints } from './serviceHints.ts';
import { isTerminating } from '../cluster/termination.ts';

export function getHints(state: ClusterState): Diagnostic[] {
  // By namespace and label: 200 Services over 1,000 pods would otherwise match every pair at each edit.
  // A deleted pod still terminating is on its way out: hints speak of the pods that stay.
  const pods = indexPods(state.pods.filter((pod) => !isTerminating(pod)));
  const services = new Map<string, ServiceManifest>();
  for (const { manifest } of state.services)
    services.set(`${manifest.metadata.namespace}/${manifest.metadata.name}`, manifest);
  return [
    ...getServiceHints(state, pods),
    ...getIngressHints(state, services),
    ...getEndpointsHints(state, services),
    ...getEndpointSliceHints(state, services),
    ...getNetworkPolicyHints(state),
  ];
}

/**
 * The endpoints of a Service's EndpointSlice (discovery.k8s.io/v1), read from the controller's
 * EndpointsState: ready addresses, not-ready ones, and terminating pods the Endpoints object itself
 * leaves out (cluster/endpointsController.ts computeTerminatingSubsets). Conditions as the
 * EndpointSlice controller writes them (podToEndpoint in
 * https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/endpointslice/utils.go):
 * serving = pod Ready, terminating = deletionTimestamp set, ready = serving and not terminating.
 */
import type { EndpointAddress, EndpointSubset } from '../../model/objects.ts';
import type { EndpointsState } from '../../model/state.ts';

export interface SliceEndpoint {
  address: EndpointAddress;
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
}

function fromSubsets(subsets: readonly EndpointSubset[], terminating: boolean): SliceEndpoint[] {
  return subsets.flatMap((ss) => [
    ...ss.addresses.map((address) => ({
      address,
      conditions: { ready: !terminating, serving: true, terminating },
    })),
    ...ss.notReadyAddresses.map((address) => ({
      address,
      conditions: { ready: false, serving: false, terminating },
    })),
  ]);
}

export function sliceEndpoints(endpoints: EndpointsState): SliceEndpoint[] {
  return [...fromSubsets(endpoints.subsets, false), ...fromSubsets(endpoints.terminating ?? [], true)];
}

/** Every subset the slice draws its ports from (the terminating pods' too). */
export function sliceSubsets(endpoints: EndpointsState): EndpointSubset[] {
  return [...endpoints.subsets, ...(endpoints.terminating ?? [])];
}

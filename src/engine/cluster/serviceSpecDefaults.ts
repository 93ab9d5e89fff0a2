/**
 * The spec fields the API server fills in on a Service that sets none of them
 * (https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/): no external IPs,
 * sessionAffinity None with ClientIP's 10800 s timeout, both traffic policies Cluster, node ports for a
 * LoadBalancer, not-ready addresses left out. The parser applies the same defaults field by field
 * (parse/kinds/service.ts); objects the cluster makes itself, and test fixtures, start from these.
 */
import type { ServiceSpec } from '../model/objects.ts';

export type ServiceSpecDefaults = Pick<
  ServiceSpec,
  | 'externalIPs'
  | 'sessionAffinity'
  | 'sessionAffinityTimeoutSeconds'
  | 'externalTrafficPolicy'
  | 'internalTrafficPolicy'
  | 'allocateLoadBalancerNodePorts'
  | 'publishNotReadyAddresses'
>;

/** A fresh copy each call, so no two Services share the externalIPs array. */
export function serviceSpecDefaults(): ServiceSpecDefaults {
  return {
    externalIPs: [],
    sessionAffinity: 'None',
    sessionAffinityTimeoutSeconds: 10800,
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    allocateLoadBalancerNodePorts: true,
    publishNotReadyAddresses: false,
  };
}

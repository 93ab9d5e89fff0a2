/** core/v1 ServiceSpec and Endpoints field sets. `publishNotReadyEndpoints` is NOT here: it never existed. */
import { arr, bool, int, intOrStr, obj, str, strList, strMap } from './types.ts';

const servicePort = obj({
  name: str,
  protocol: str,
  appProtocol: str,
  port: int,
  targetPort: intOrStr,
  nodePort: int,
});

export const serviceSpec = obj({
  ports: arr(servicePort),
  selector: strMap,
  clusterIP: str,
  clusterIPs: strList,
  type: str,
  externalIPs: strList,
  sessionAffinity: str,
  loadBalancerIP: str,
  loadBalancerSourceRanges: strList,
  externalName: str,
  externalTrafficPolicy: str,
  healthCheckNodePort: int,
  publishNotReadyAddresses: bool,
  sessionAffinityConfig: obj({ clientIP: obj({ timeoutSeconds: int }) }),
  ipFamilies: strList,
  ipFamilyPolicy: str,
  allocateLoadBalancerNodePorts: bool,
  loadBalancerClass: str,
  internalTrafficPolicy: str,
  trafficDistribution: str,
  topologyKeys: strList,
});

/** core/v1 ObjectReference, as Endpoints and EndpointSlices point at their pods. */
export const objectReference = obj({
  kind: str,
  namespace: str,
  name: str,
  uid: str,
  apiVersion: str,
  resourceVersion: str,
  fieldPath: str,
});
const endpointAddress = obj({ ip: str, hostname: str, nodeName: str, targetRef: objectReference });
const endpointPort = obj({ name: str, port: int, protocol: str, appProtocol: str });

export const endpointSubsets = arr(
  obj({ addresses: arr(endpointAddress), notReadyAddresses: arr(endpointAddress), ports: arr(endpointPort) }),
);

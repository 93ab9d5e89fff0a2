/** discovery.k8s.io/v1 EndpointSlice fields (https://kubernetes.io/docs/reference/kubernetes-api/service-resources/endpoint-slice-v1/). */
import { objectReference } from './service.ts';
import { arr, bool, obj, int, str, strList, strMap } from './types.ts';

const endpoint = obj({
  addresses: strList,
  conditions: obj({ ready: bool, serving: bool, terminating: bool }),
  hostname: str,
  nodeName: str,
  zone: str,
  targetRef: objectReference,
  deprecatedTopology: strMap,
  hints: obj({ forZones: arr(obj({ name: str })), forNodes: arr(obj({ name: str })) }),
});

export const endpointSliceFields = {
  addressType: str,
  endpoints: arr(endpoint),
  ports: arr(obj({ name: str, port: int, protocol: str, appProtocol: str })),
};

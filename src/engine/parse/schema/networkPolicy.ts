/** networking.k8s.io/v1 NetworkPolicySpec (k8s.io/api/networking/v1/types.go). */
import { labelSelector } from './meta.ts';
import { arr, int, intOrStr, obj, str, strList } from './types.ts';

const peer = obj({
  podSelector: labelSelector,
  namespaceSelector: labelSelector,
  ipBlock: obj({ cidr: str, except: strList }),
});

const port = obj({ protocol: str, port: intOrStr, endPort: int });

export const networkPolicySpec = obj({
  podSelector: labelSelector,
  policyTypes: strList,
  ingress: arr(obj({ from: arr(peer), ports: arr(port) })),
  egress: arr(obj({ to: arr(peer), ports: arr(port) })),
});

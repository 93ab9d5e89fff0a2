/** kubeplay's OutsideHost (kubeplay.dev/v1alpha1): a server outside the cluster (docs/outside-hosts.md). */
import { arr, int, obj, str, strList } from './types.ts';

export const outsideHostSpec = obj({
  address: str,
  hostnames: strList,
  ports: arr(obj({ port: int, body: str })),
});

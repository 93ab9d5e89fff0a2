/** metav1.ObjectMeta and LabelSelector, as in k8s.io/apimachinery/pkg/apis/meta/v1/types.go. */
import { any, arr, int, obj, str, strList, strMap } from './types.ts';

export const objectMeta = obj({
  name: str,
  generateName: str,
  namespace: str,
  selfLink: str,
  uid: str,
  resourceVersion: str,
  generation: int,
  creationTimestamp: any,
  deletionTimestamp: any,
  deletionGracePeriodSeconds: int,
  labels: strMap,
  annotations: strMap,
  ownerReferences: any,
  finalizers: strList,
  managedFields: any,
  clusterName: str,
});

export const labelSelector = obj({
  matchLabels: strMap,
  matchExpressions: arr(obj({ key: str, operator: str, values: strList })),
});

/** The envelope every object shares. */
export function resource(fields: Parameters<typeof obj>[0]) {
  return obj({ apiVersion: str, kind: str, metadata: objectMeta, status: any, ...fields });
}

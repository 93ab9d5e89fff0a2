/** networking.k8s.io/v1 Ingress and IngressClass, and the beta Ingress shape (extensions/v1beta1, networking.k8s.io/v1beta1). */
import { any, arr, int, intOrStr, obj, str, strList } from './types.ts';

const typedLocalRef = obj({ apiGroup: str, kind: str, name: str });

const v1Backend = obj({
  service: obj({ name: str, port: obj({ name: str, number: int }) }),
  resource: typedLocalRef,
});

const tls = arr(obj({ hosts: strList, secretName: str }));

export const ingressSpecV1 = obj({
  ingressClassName: str,
  defaultBackend: v1Backend,
  tls,
  rules: arr(
    obj({ host: str, http: obj({ paths: arr(obj({ path: str, pathType: str, backend: v1Backend })) }) }),
  ),
});

const betaBackend = obj({ serviceName: str, servicePort: intOrStr, resource: typedLocalRef });

export const ingressSpecBeta = obj({
  ingressClassName: str,
  backend: betaBackend,
  tls,
  rules: arr(
    obj({ host: str, http: obj({ paths: arr(obj({ path: str, pathType: str, backend: betaBackend })) }) }),
  ),
});

export const ingressClassSpec = obj({ controller: str, parameters: any });

/**
 * Ingress in the networking.k8s.io/v1 shape. The beta shapes (extensions/v1beta1, networking.k8s.io/v1beta1)
 * are converted as the API server's conversion did (pkg/apis/networking/v1beta1/conversion.go,
 * defaults.go): `serviceName`/`servicePort` -> `service.name` / `service.port.number|name` (an int
 * servicePort becomes number, a string one name), `spec.backend` -> `spec.defaultBackend`, and a missing
 * pathType -> ImplementationSpecific.
 */
import type {
  IngressBackend,
  IngressManifest,
  IngressPath,
  IngressRule,
  IngressSpec,
  PathType,
} from '../../model/objects.ts';
import { getArray, getMap, getNumber, getString, getStringArray, isPlainMap } from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';

export const PATH_TYPES: readonly PathType[] = ['Exact', 'ImplementationSpecific', 'Prefix'];

export function isBetaIngress(apiVersion: string): boolean {
  return apiVersion !== 'networking.k8s.io/v1';
}

function buildResource(raw: PlainMap | undefined): IngressBackend['resource'] {
  if (!raw) return undefined;
  const apiGroup = getString(raw, 'apiGroup');
  return {
    ...(apiGroup ? { apiGroup } : {}),
    kind: getString(raw, 'kind') ?? '',
    name: getString(raw, 'name') ?? '',
  };
}

function buildBackendV1(raw: PlainMap | undefined): IngressBackend {
  const service = getMap(raw, 'service');
  const resource = buildResource(getMap(raw, 'resource'));
  const backend: IngressBackend = {};
  if (service) {
    const port = getMap(service, 'port');
    const number = getNumber(port, 'number');
    const name = getString(port, 'name');
    backend.service = {
      name: getString(service, 'name') ?? '',
      port: { ...(number ? { number } : {}), ...(name ? { name } : {}) },
    };
  }
  if (resource) backend.resource = resource;
  return backend;
}

function buildBackendBeta(raw: PlainMap | undefined): IngressBackend {
  const backend: IngressBackend = {};
  const serviceName = getString(raw, 'serviceName');
  const servicePort = raw?.['servicePort'];
  if (serviceName !== undefined || servicePort !== undefined) {
    backend.service = {
      name: serviceName ?? '',
      port:
        typeof servicePort === 'number' && servicePort !== 0
          ? { number: servicePort }
          : typeof servicePort === 'string' && servicePort !== ''
            ? { name: servicePort }
            : {},
    };
  }
  const resource = buildResource(getMap(raw, 'resource'));
  if (resource) backend.resource = resource;
  return backend;
}

function buildRules(spec: PlainMap | undefined, beta: boolean): IngressRule[] {
  const toBackend = beta ? buildBackendBeta : buildBackendV1;
  return getArray(spec, 'rules')
    .filter(isPlainMap)
    .map((r) => {
      const host = getString(r, 'host');
      const paths: IngressPath[] = getArray(getMap(r, 'http'), 'paths')
        .filter(isPlainMap)
        .map((p) => {
          const pt = getString(p, 'pathType');
          return {
            path: getString(p, 'path') ?? '',
            pathType: PATH_TYPES.find((t) => t === pt) ?? 'ImplementationSpecific',
            backend: toBackend(getMap(p, 'backend')),
          };
        });
      return { ...(host ? { host } : {}), paths };
    });
}

export function buildIngress(raw: PlainMap, apiVersion: string): IngressManifest {
  const spec = getMap(raw, 'spec');
  const beta = isBetaIngress(apiVersion);
  const defaultRaw = getMap(spec, beta ? 'backend' : 'defaultBackend');
  const ingressClassName = getString(spec, 'ingressClassName');
  const out: IngressSpec = {
    ...(ingressClassName ? { ingressClassName } : {}),
    ...(defaultRaw ? { defaultBackend: (beta ? buildBackendBeta : buildBackendV1)(defaultRaw) } : {}),
    rules: buildRules(spec, beta),
    tls: getArray(spec, 'tls')
      .filter(isPlainMap)
      .map((t) => {
        const secretName = getString(t, 'secretName');
        return { hosts: getStringArray(t, 'hosts'), ...(secretName ? { secretName } : {}) };
      }),
  };
  return { kind: 'Ingress', apiVersion, metadata: buildMeta(raw, true), spec: out };
}

function backendToPlain(b: IngressBackend): Record<string, unknown> {
  if (b.service) return { service: { name: b.service.name, port: { ...b.service.port } } };
  if (b.resource) return { resource: { ...b.resource } };
  return {};
}

/** The converted spec as plain data, to show the student what the v1 manifest would say. */
export function ingressSpecToV1Plain(spec: IngressSpec): Record<string, unknown> {
  return {
    ...(spec.ingressClassName ? { ingressClassName: spec.ingressClassName } : {}),
    ...(spec.defaultBackend ? { defaultBackend: backendToPlain(spec.defaultBackend) } : {}),
    ...(spec.rules.length > 0
      ? {
          rules: spec.rules.map((r) => ({
            ...(r.host ? { host: r.host } : {}),
            http: {
              paths: r.paths.map((p) => ({
                path: p.path,
                pathType: p.pathType,
                backend: backendToPlain(p.backend),
              })),
            },
          })),
        }
      : {}),
    ...(spec.tls.length > 0 ? { tls: spec.tls } : {}),
  };
}

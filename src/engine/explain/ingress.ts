/**
 * An ingress controller answered with an error of its own: 404 when no Ingress it serves matches the
 * Host and path (its default backend), 503 when the matching rule's backend Service is missing, lacks
 * the port, or has no ready endpoints. An Ingress that would match but whose class no running
 * controller serves is the classic reason for the 404 (kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class).
 */
import type { IngressBackend, IngressManifest } from '../model/objects.ts';
import type { ClusterState, IngressState, PodState } from '../model/state.ts';
import { controllerServes } from '../model/ingressControllers.ts';
import type { IngressControllerInfo } from '../model/ingressControllers.ts';
import { ingressClassOf } from '../cluster/runningIngressControllers.ts';
import {
  ingressServiceMissingMessage,
  ingressServicePortMessage,
  unservedIngress,
} from '../lint/ingressHints.ts';
import { controllerErrorAnswer } from '../lint/ingressErrorAnswer.ts';
import { getIngressController } from '../net/ingress/controllerRuntime.ts';
import { selectPath, wildcardMatches } from '../net/ingress/pathMatch.ts';
import { graphIdOfIngress } from '../trace.ts';
import { blameAt } from './blame.ts';
import { editDistance } from './closestName.ts';
import { explainNoEndpoints } from './noEndpoints.ts';
import type { Explanation } from './types.ts';

function hostMatches(ruleHost: string | undefined, host: string): boolean {
  return ruleHost === undefined || ruleHost === '' || ruleHost === host || wildcardMatches(ruleHost, host);
}

function ingId(ing: IngressManifest): string {
  return graphIdOfIngress(ing.metadata.namespace, ing.metadata.name);
}

/** The backend a request for host and path reaches in this Ingress, and the field path of that backend. */
function backendFor(
  ing: IngressManifest,
  host: string,
  path: string,
): { backend: IngressBackend; base: string } | undefined {
  for (const [i, rule] of ing.spec.rules.entries()) {
    if (!hostMatches(rule.host, host)) continue;
    const hit = selectPath(rule.paths, path);
    if (hit)
      return {
        backend: hit.backend,
        base: `spec.rules[${i}].http.paths[${rule.paths.indexOf(hit)}].backend`,
      };
  }
  const beta = ing.apiVersion !== 'networking.k8s.io/v1';
  if (ing.spec.defaultBackend)
    return { backend: ing.spec.defaultBackend, base: beta ? 'spec.backend' : 'spec.defaultBackend' };
  return undefined;
}

function unserved(state: ClusterState, info: IngressControllerInfo, host: string): Explanation | undefined {
  const candidate = state.ingresses.find(
    (i) =>
      !controllerServes(info, ingressClassOf(i.manifest, state)) &&
      i.manifest.spec.rules.some((r) => hostMatches(r.host, host)),
  );
  if (!candidate) return undefined;
  const ing = candidate.manifest;
  const why = unservedIngress(ing, state);
  return {
    kind: 'ingress-class-unserved',
    summary: `Ingress "${ing.metadata.name}" has a rule for ${host}, but no running ingress controller serves its class, so the controller that got the request does not know it and its default backend answers 404.`,
    ...(why ? { detail: why.message } : {}),
    blame: blameAt(ingId(ing), ing.source, why?.path ?? 'spec.ingressClassName'),
  };
}

function notMatched(
  state: ClusterState,
  info: IngressControllerInfo,
  who: string,
  host: string,
  path: string,
): Explanation {
  const served = state.ingresses.filter((i) => controllerServes(info, ingressClassOf(i.manifest, state)));
  const sameHost = served.find((i) => i.manifest.spec.rules.some((r) => hostMatches(r.host, host)));
  if (sameHost) {
    const ing = sameHost.manifest;
    const i = ing.spec.rules.findIndex((r) => hostMatches(r.host, host));
    const paths = ing.spec.rules[i]?.paths ?? [];
    return {
      kind: 'ingress-path-mismatch',
      summary: `Ingress "${ing.metadata.name}" has a rule for ${host || 'every host'}, but none of its paths (${paths.map((p) => `${p.path} (${p.pathType})`).join(', ')}) matches ${path}, so ${who}'s default backend answers 404 Not Found.`,
      blame: blameAt(ingId(ing), ing.source, `spec.rules[${i}].http.paths[0].path`),
    };
  }
  let best: { ing: IngressState; rule: number; distance: number } | undefined;
  for (const item of served) {
    item.manifest.spec.rules.forEach((r, rule) => {
      if (r.host === undefined) return;
      const distance = editDistance(r.host, host);
      if (!best || distance < best.distance) best = { ing: item, rule, distance };
    });
  }
  const hosts = served.flatMap((i) =>
    i.manifest.spec.rules.map((r) => r.host).filter((h) => h !== undefined),
  );
  const asIp = /^\d+\.\d+\.\d+\.\d+$/.test(host)
    ? ` The Host header is the address dialled; send the rule's host name instead (curl -H "Host: ${hosts[0] ?? 'NAME'}").`
    : '';
  const found = best as { ing: IngressState; rule: number } | undefined;
  return {
    kind: 'ingress-host-mismatch',
    summary: `no Ingress rule served by ${who} matches host "${host}" (${hosts.length > 0 ? `its rules are for ${[...new Set(hosts)].join(', ')}` : 'it serves no Ingress with a host'}), so its default backend answers 404 Not Found.${asIp}`,
    ...(found
      ? {
          blame: blameAt(
            ingId(found.ing.manifest),
            found.ing.manifest.source,
            `spec.rules[${found.rule}].host`,
          ),
        }
      : {}),
  };
}

function backendBroken(
  state: ClusterState,
  ing: IngressManifest,
  host: string,
  path: string,
  status: number,
  answer: string | undefined,
): Explanation | undefined {
  const hit = backendFor(ing, host, path);
  const ref = hit?.backend.service;
  if (!hit || !ref) return undefined;
  const ns = ing.metadata.namespace;
  const beta = ing.apiVersion !== 'networking.k8s.io/v1';
  const svc = state.services.find(
    (s) => s.manifest.metadata.namespace === ns && s.manifest.metadata.name === ref.name,
  );
  if (!svc) {
    return {
      kind: 'ingress-service-missing',
      summary: `Ingress "${ing.metadata.name}" sends ${host}${path} to Service "${ref.name}", which does not exist in namespace "${ns}", so the controller answers ${status}.`,
      detail: ingressServiceMissingMessage(ref.name, ns, answer),
      blame: blameAt(ingId(ing), ing.source, beta ? `${hit.base}.serviceName` : `${hit.base}.service.name`),
    };
  }
  const port = svc.manifest.spec.ports.find((p) =>
    ref.port.number !== undefined ? p.port === ref.port.number : p.name === ref.port.name,
  );
  if (!port) {
    const field = beta
      ? `${hit.base}.servicePort`
      : `${hit.base}.service.port.${ref.port.number !== undefined ? 'number' : 'name'}`;
    return {
      kind: 'ingress-service-port',
      summary: `Ingress "${ing.metadata.name}" sends ${host}${path} to port ${ref.port.number ?? ref.port.name} of Service "${ref.name}", which has no such port, so the controller answers ${status}.`,
      detail: ingressServicePortMessage(svc.manifest, ref.port),
      blame: blameAt(ingId(ing), ing.source, field),
    };
  }
  const inner = explainNoEndpoints(state, svc, port, `the controller answers ${status}`);
  return {
    ...inner,
    summary: `Ingress "${ing.metadata.name}" sends ${host}${path} to Service "${ref.name}". ${inner.summary}`,
  };
}

/** The explanation for an error the controller in `pod` answered itself, or undefined when it did not. */
export function explainIngressError(
  state: ClusterState,
  pod: PodState,
  host: string,
  path: string,
  status: number,
  ingressAt: string | undefined,
): Explanation | undefined {
  const runtime = getIngressController(pod);
  if (!runtime) return undefined;
  const who = runtime.info.kind === 'ingress-nginx' ? 'ingress-nginx' : 'Traefik';
  const requestPath = path.split('?')[0] ?? '/';
  if (ingressAt) {
    const ing = state.ingresses.find((i) => ingId(i.manifest) === ingressAt);
    return ing
      ? backendBroken(state, ing.manifest, host, requestPath, status, controllerErrorAnswer(pod))
      : undefined;
  }
  if (status !== 404) return undefined;
  return unserved(state, runtime.info, host) ?? notMatched(state, runtime.info, who, host, requestPath);
}

/**
 * What an ingress controller does with a Host and a path, decided once per state: which Ingress rule
 * matches (ingress-nginx: first matching server, exact host then wildcard then catch-all; Traefik:
 * per host+path routers, so unmatched paths fall through to host-less rules), which backend Service
 * and port, or which error (docs/kubernetes-facts.md#ingress-paths to #traefik).
 */
import type { IngressBackend, ServicePort } from '../../model/objects.ts';
import type { ServiceState } from '../../model/state.ts';
import type { IngressControllerInfo } from '../../model/ingressControllers.ts';
import { graphIdOfIngress } from '../../trace.ts';
import type { Backend } from '../netIndex.ts';
import { getBackends, memoize, objectKey } from '../netIndex.ts';
import type { RouteContext } from '../routeContext.ts';
import type { ControllerRuntime } from './controllerRuntime.ts';
import type { IngressPathEntry, IngressServer, IngressTable } from './ingressTable.ts';
import { buildIngressTable } from './ingressTable.ts';
import { normalizeHost, selectPath, wildcardMatches } from './pathMatch.ts';

const tables = new WeakMap<IngressControllerInfo, { index: object; table: IngressTable }>();

export function tableFor(ctx: RouteContext, info: IngressControllerInfo): IngressTable {
  const hit = tables.get(info);
  if (hit && hit.index === ctx.index) return hit.table;
  const table = tableForIndex(ctx, info);
  tables.set(info, { index: ctx.index, table });
  return table;
}

function tableForIndex(ctx: RouteContext, info: IngressControllerInfo): IngressTable {
  const key = `ingress|${info.kind}|${info.controllerClass}|${info.annotationClass ?? ''}|${info.watchWithoutClass}`;
  return memoize(ctx.index, key, () => buildIngressTable(ctx.state, info));
}

interface Match {
  entry?: IngressPathEntry;
  /** An Ingress's spec.defaultBackend answering an unmatched request. */
  fallback?: { ingress: IngressPathEntry['ingress']; backend: IngressBackend };
  how: string;
}

function serversFor(table: IngressTable, host: string): { server: IngressServer; how: string }[] {
  const list: { server: IngressServer; how: string }[] = [];
  const exact = table.exact.get(host);
  if (exact) list.push({ server: exact, how: `host ${host}` });
  const dot = host.indexOf('.');
  if (dot > 0) {
    const wildcardHost = `*${host.slice(dot)}`;
    const wildcard = table.wildcard.get(wildcardHost);
    if (wildcard && wildcardMatches(wildcardHost, host))
      list.push({ server: wildcard, how: `wildcard host ${wildcardHost}` });
  }
  list.push({ server: table.catchAll, how: 'a rule without host' });
  return list;
}

/**
 * ingress-nginx: the first server whose name matches (exact, then wildcard, then the catch-all) owns
 * the request; a path that server lacks goes to the default backend. Traefik builds one router per
 * host+path, so a request whose host matches but whose path does not still reaches host-less rules.
 */
function match(table: IngressTable, kind: IngressControllerInfo['kind'], host: string, path: string): Match {
  const servers = serversFor(table, host).filter(
    (s) => s.server.paths.length > 0 || s.server === table.catchAll,
  );
  for (const { server, how } of servers) {
    if (server.paths.length === 0) continue;
    const entry = selectPath(server.paths, path, server.regex);
    if (entry) return { entry, how };
    if (kind === 'ingress-nginx') {
      // The server's root location belongs to the first Ingress that named this host ("server
      // already configured" in createServers), so only its defaultBackend applies here.
      const own = server.ingresses[0];
      if (own?.spec.defaultBackend)
        return { fallback: { ingress: own, backend: own.spec.defaultBackend }, how };
      return { how };
    }
  }
  if (table.defaultBackend) return { fallback: table.defaultBackend, how: 'no rule' };
  return { how: 'no rule' };
}

function describeBackend(backend: IngressBackend): string {
  const s = backend.service;
  if (!s)
    return backend.resource ? `resource ${backend.resource.kind}/${backend.resource.name}` : 'no backend';
  return `${s.name}:${s.port.number ?? s.port.name ?? '?'}`;
}

function resolveServicePort(service: ServiceState, backend: IngressBackend): ServicePort | undefined {
  const port = backend.service?.port;
  if (!port) return undefined;
  return service.manifest.spec.ports.find((p) =>
    port.number !== undefined ? p.port === port.number : p.name === port.name,
  );
}

export type Decision =
  | { kind: 'none'; note: string }
  | {
      kind: 'missing';
      status: 404 | 503;
      ingId: string;
      note: string;
      /** `ns/name` of the backend Service when it exists (the Trace names every Service it chose). */
      service?: string;
    }
  | {
      kind: 'backend';
      host: string;
      ing: IngressPathEntry['ingress'];
      ingId: string;
      matchedBy: string;
      ruleText: string;
      service: ServiceState;
      servicePort: ServicePort;
      serviceName: string;
      backends: Backend[];
    };

const decisions = new WeakMap<IngressTable, Map<string, Decision>>();

/**
 * What the controller does with a Host and path: which rule, which backend, or which error. Depends
 * only on the state (the table is per state), so it is cached per table; the per-request part is the
 * endpoint choice and the connection itself.
 */
export function decide(
  ctx: RouteContext,
  table: IngressTable,
  runtime: ControllerRuntime,
  rawHost: string,
  fullPath: string,
): Decision {
  let perTable = decisions.get(table);
  if (!perTable) {
    perTable = new Map();
    decisions.set(table, perTable);
  }
  const key = `${rawHost} ${fullPath}`;
  const hit = perTable.get(key);
  if (hit) return hit;
  const decision = decideUncached(ctx, table, runtime, rawHost, fullPath);
  if (perTable.size < 10_000) perTable.set(key, decision);
  return decision;
}

function decideUncached(
  ctx: RouteContext,
  table: IngressTable,
  runtime: ControllerRuntime,
  rawHost: string,
  fullPath: string,
): Decision {
  const who = runtime.info.kind === 'ingress-nginx' ? 'ingress-nginx' : 'Traefik';
  const host = normalizeHost(rawHost);
  const requestPath = fullPath.split('?')[0] ?? '/';
  const found = match(table, runtime.info.kind, host, requestPath);
  const chosen =
    found.entry ??
    (found.fallback ? { ingress: found.fallback.ingress, backend: found.fallback.backend } : undefined);
  if (!chosen) {
    return {
      kind: 'none',
      note: `no Ingress served by ${who} matches host ${host || '(none)'} and path ${requestPath}, so its default backend answers 404`,
    };
  }
  const ing = chosen.ingress;
  const ingId = graphIdOfIngress(ing.metadata.namespace, ing.metadata.name);
  const matchedBy = found.entry
    ? `Ingress ${ing.metadata.namespace}/${ing.metadata.name} matches ${found.how} and ${found.entry.pathType} path ${found.entry.path}`
    : `no path matches, so Ingress ${ing.metadata.namespace}/${ing.metadata.name}'s defaultBackend takes it`;
  const backendText = describeBackend(chosen.backend);
  const ruleText = found.entry
    ? `${found.entry.host ?? '*'}${found.entry.path} (${found.entry.pathType}) -> ${backendText}`
    : `defaultBackend -> ${backendText}`;
  const missing = (why: string, service?: ServiceState): Decision => {
    const status = runtime.info.kind === 'ingress-nginx' || runtime.allowEmptyServices ? 503 : 404;
    const note = `${matchedBy}, but ${why}, so ${who} answers ${status}`;
    return {
      kind: 'missing',
      status,
      ingId,
      note,
      ...(service ? { service: objectKey(ing.metadata.namespace, service.manifest.metadata.name) } : {}),
    };
  };
  const serviceName = chosen.backend.service?.name;
  if (!serviceName) return missing('the backend is not a Service');
  const service = ctx.index.servicesByKey.get(objectKey(ing.metadata.namespace, serviceName));
  if (!service) return missing(`Service ${ing.metadata.namespace}/${serviceName} does not exist`);
  const servicePort = resolveServicePort(service, chosen.backend);
  if (!servicePort) {
    return missing(
      `Service ${serviceName} has no port ${chosen.backend.service?.port.number ?? chosen.backend.service?.port.name}`,
      service,
    );
  }
  const backends = getBackends(ctx.index, service, servicePort);
  if (backends.length === 0) return missing(`Service ${serviceName} has no ready endpoints`, service);
  return {
    kind: 'backend',
    host,
    ing,
    ingId,
    matchedBy,
    ruleText,
    service,
    servicePort,
    serviceName,
    backends,
  };
}

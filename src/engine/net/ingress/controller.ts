/**
 * An ingress controller pod (ingress-nginx or Traefik) answering on its HTTP(S) ports: it matches the
 * request's Host and path against the Ingresses it serves, then opens a NEW connection from its own
 * pod IP straight to a ready endpoint of the backend Service — not to the ClusterIP, so kube-proxy and
 * Service sessionAffinity are bypassed — unless `nginx.ingress.kubernetes.io/service-upstream: "true"`
 * (K8S-FACTS §19–§21). Unmatched requests get the controller's default backend (404); a backend
 * Service that is missing or has no ready endpoint gives 503 on ingress-nginx and 404 on Traefik
 * (503 with allowEmptyServices).
 */
import type { Container, IngressBackend, ServicePort } from '../../model/objects.ts';
import type { PodState, ServiceState } from '../../model/state.ts';
import type { IngressControllerInfo } from '../../model/ingressControllers.ts';
import { recognizeIngressController } from '../../model/ingressControllers.ts';
import { graphIdOfIngress, graphIdOfPod } from '../../trace.ts';
import type { Delivery, Flow } from '../flow.ts';
import { deliverToBackend, enterNode, finishWithAnswer } from '../deliver.ts';
import type { Backend } from '../netIndex.ts';
import { getBackends, memoize, objectKey } from '../netIndex.ts';
import type { RouteContext } from '../routeContext.ts';
import { proxyClusterIp } from '../serviceProxy.ts';
import type { IngressPathEntry, IngressServer, IngressTable } from './ingressTable.ts';
import { buildIngressTable } from './ingressTable.ts';
import { normalizeHost, selectPath, wildcardMatches } from './pathMatch.ts';
import { dstAddr, srcAddr } from '../flow.ts';

export interface ControllerRuntime {
  info: IngressControllerInfo;
  container: Container;
  /** Ports its proxy listens on, and whether each terminates TLS. */
  ports: Map<number, { tls: boolean }>;
  allowEmptyServices: boolean;
}

const runtimeCache = new WeakMap<PodState, ControllerRuntime | null>();

function flagValue(args: string[], re: RegExp): string | undefined {
  for (const arg of args) {
    const m = re.exec(arg);
    if (m) return m[1];
  }
  return undefined;
}

function controllerPorts(info: IngressControllerInfo, container: Container): Map<number, { tls: boolean }> {
  const args = [...container.command, ...container.args];
  const ports = new Map<number, { tls: boolean }>();
  if (info.kind === 'ingress-nginx') {
    ports.set(Number(flagValue(args, /^--http-port=(\d+)$/) ?? 80), { tls: false });
    ports.set(Number(flagValue(args, /^--https-port=(\d+)$/) ?? 443), { tls: true });
    return ports;
  }
  // Traefik: `--entrypoints.<name>.address=:<port>` (v2+), `--entryPoints.<name>.address` in files; default :80.
  for (const arg of args) {
    const m = /^--entry[pP]oints\.([^.]+)\.address=[^:]*:(\d+)/.exec(arg);
    if (m)
      ports.set(Number(m[2]), {
        tls: /secure|https|tls/i.test(m[1] ?? '') || m[2] === '443' || m[2] === '8443',
      });
  }
  if (ports.size === 0) ports.set(80, { tls: false });
  return ports;
}

/** The controller running in this pod, if one of its containers is a known ingress controller image. */
export function getIngressController(pod: PodState): ControllerRuntime | undefined {
  const hit = runtimeCache.get(pod);
  if (hit !== undefined) return hit ?? undefined;
  let runtime: ControllerRuntime | null = null;
  for (const container of pod.spec.containers) {
    const info = recognizeIngressController(container);
    if (!info) continue;
    const args = [...container.command, ...container.args];
    runtime = {
      info,
      container,
      ports: controllerPorts(info, container),
      allowEmptyServices: args.some((a) =>
        /^--providers\.kubernetesingress\.allowemptyservices(=true)?$/i.test(a),
      ),
    };
    break;
  }
  runtimeCache.set(pod, runtime);
  return runtime ?? undefined;
}

const NGINX_404 =
  '<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';
const NGINX_503 =
  '<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';

const tables = new WeakMap<IngressControllerInfo, { index: object; table: IngressTable }>();

function tableFor(ctx: RouteContext, info: IngressControllerInfo): IngressTable {
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
      const own = server.ingresses.find((i) => i.spec.defaultBackend);
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

function controllerAnswer(
  ctx: RouteContext,
  flow: Flow,
  pod: PodState,
  runtime: ControllerRuntime,
  status: 404 | 503,
  at: string,
  note: string,
  endpoint: Delivery['endpoint'],
): Delivery {
  const nginx = runtime.info.kind === 'ingress-nginx';
  const body =
    status === 404
      ? nginx
        ? NGINX_404
        : '404 page not found\n'
      : nginx
        ? NGINX_503
        : 'no available server\n';
  ctx.hop(at, 'route', srcAddr(flow), dstAddr(flow), note);
  void pod;
  return { outcome: 'http-error', status, body, ...(endpoint ? { endpoint } : {}) };
}

function resolveServicePort(service: ServiceState, backend: IngressBackend): ServicePort | undefined {
  const port = backend.service?.port;
  if (!port) return undefined;
  return service.manifest.spec.ports.find((p) =>
    port.number !== undefined ? p.port === port.number : p.name === port.name,
  );
}

type Decision =
  | { kind: 'none'; note: string }
  | { kind: 'missing'; status: 404 | 503; ingId: string; note: string }
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
function decide(
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
  const missing = (why: string): Decision => {
    const status = runtime.info.kind === 'ingress-nginx' || runtime.allowEmptyServices ? 503 : 404;
    return { kind: 'missing', status, ingId, note: `${matchedBy}, but ${why}, so ${who} answers ${status}` };
  };
  const serviceName = chosen.backend.service?.name;
  if (!serviceName) return missing('the backend is not a Service');
  const service = ctx.index.servicesByKey.get(objectKey(ing.metadata.namespace, serviceName));
  if (!service) return missing(`Service ${ing.metadata.namespace}/${serviceName} does not exist`);
  const servicePort = resolveServicePort(service, chosen.backend);
  if (!servicePort) {
    return missing(
      `Service ${serviceName} has no port ${chosen.backend.service?.port.number ?? chosen.backend.service?.port.name}`,
    );
  }
  const backends = getBackends(ctx.index, service, servicePort);
  if (backends.length === 0) return missing(`Service ${serviceName} has no ready endpoints`);
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

export function handleControllerRequest(
  ctx: RouteContext,
  flow: Flow,
  pod: PodState,
  runtime: ControllerRuntime,
  port: number,
): Delivery {
  const podId = graphIdOfPod(pod.metadata.namespace, pod.metadata.name);
  const controllerEndpoint = {
    pod: objectKey(pod.metadata.namespace, pod.metadata.name),
    node: pod.spec.nodeName,
    ip: flow.dstIp,
    port,
  };
  const tls = runtime.ports.get(port)?.tls ?? false;
  const who = runtime.info.kind === 'ingress-nginx' ? 'ingress-nginx' : 'Traefik';
  if (flow.scheme === 'https' && !tls) {
    return finishWithAnswer(
      ctx,
      flow,
      podId,
      { kind: 'tls-error', reason: `${who} port ${port} is plain HTTP, so the TLS handshake fails` },
      controllerEndpoint,
    );
  }
  if (flow.scheme === 'http' && tls) {
    ctx.hop(
      podId,
      'deliver',
      srcAddr(flow),
      dstAddr(flow),
      `${who} port ${port} expects TLS and answers a plain HTTP request with 400`,
    );
    return {
      outcome: 'http-error',
      status: 400,
      body: 'The plain HTTP request was sent to HTTPS port\n',
      endpoint: controllerEndpoint,
    };
  }
  ctx.hop(
    podId,
    'deliver',
    srcAddr(flow),
    dstAddr(flow),
    `${who} in ${pod.metadata.name} accepts the connection on port ${port}${tls ? ' and terminates TLS' : ''}`,
  );
  const table = tableFor(ctx, runtime.info);
  const decision = decide(ctx, table, runtime, flow.host, flow.path);
  if (decision.kind === 'none') {
    return controllerAnswer(ctx, flow, pod, runtime, 404, podId, decision.note, controllerEndpoint);
  }
  if (decision.kind === 'missing') {
    return controllerAnswer(
      ctx,
      flow,
      pod,
      runtime,
      decision.status,
      decision.ingId,
      decision.note,
      controllerEndpoint,
    );
  }
  const { ing, ingId, matchedBy, ruleText, service, servicePort, backends, serviceName } = decision;
  const host = decision.host;

  // The proxied request: a new connection from the controller pod, with the proxy's headers.
  const upstreamPort = ctx.ephemeralPort();
  const seenClient = flow.srcIp;
  const serviceUpstream =
    ing.metadata.annotations['nginx.ingress.kubernetes.io/service-upstream'] === 'true' &&
    runtime.info.kind === 'ingress-nginx';
  const inner: Flow = {
    ...flow,
    scheme: 'http',
    headers: [
      ...flow.headers,
      ['X-Forwarded-For', seenClient],
      ['X-Forwarded-Host', host],
      ['X-Forwarded-Port', String(port)],
      ['X-Forwarded-Proto', flow.scheme],
      ['X-Real-Ip', seenClient],
    ],
    srcIp: pod.status.podIP,
    srcPort: upstreamPort,
    source: {
      kind: 'pod',
      id: podId,
      ip: pod.status.podIP,
      pod,
      node: ctx.index.nodesByName.get(pod.spec.nodeName),
    },
    node: pod.spec.nodeName,
  };
  let delivery: Delivery;
  if (serviceUpstream && service.manifest.spec.clusterIP && service.manifest.spec.clusterIP !== 'None') {
    inner.dstIp = service.manifest.spec.clusterIP;
    inner.dstPort = servicePort.port;
    ctx.hop(
      ingId,
      'route',
      srcAddr(inner),
      dstAddr(inner),
      `${matchedBy}; service-upstream is "true", so ${who} opens a new connection to the ClusterIP of ${serviceName} and lets kube-proxy choose`,
      ruleText,
    );
    const node = ctx.index.nodesByName.get(pod.spec.nodeName);
    if (!node || !enterNode(ctx, inner, node, 'where the controller runs')) return { outcome: 'timeout' };
    delivery = proxyClusterIp(ctx, inner, service, servicePort, node);
  } else {
    const position = ctx.nextRoundRobin(
      'lb',
      `ingress|${controllerEndpoint.pod}|${objectKey(service.manifest.metadata.namespace, serviceName)}:${servicePort.port}`,
      backends.length,
    );
    const backend = backends[position]!;
    inner.dstIp = backend.ip;
    inner.dstPort = backend.port;
    ctx.hop(
      ingId,
      'route',
      srcAddr(inner),
      backend.key,
      `${matchedBy}; ${who} opens a new connection from its pod IP straight to endpoint ${position + 1} of ${backends.length} of ${serviceName} (round robin, bypassing the ClusterIP)`,
      ruleText,
    );
    delivery = {
      ...deliverToBackend(ctx, inner, backend),
      service: objectKey(service.manifest.metadata.namespace, serviceName),
    };
  }
  if (delivery.outcome === 'ok' || delivery.status !== undefined) {
    ctx.hop(
      podId,
      'reply',
      dstAddr(inner),
      srcAddr(inner),
      `the answer returns to ${who}, which relays it to the client over the first connection`,
    );
  } else if (delivery.outcome === 'refused' || delivery.outcome === 'timeout') {
    // The proxy turns an upstream failure into an HTTP error for the client: nginx 502/504, Traefik 502/504.
    const status = delivery.outcome === 'refused' ? 502 : 504;
    ctx.hop(
      podId,
      'route',
      dstAddr(flow),
      srcAddr(flow),
      `the upstream ${delivery.outcome === 'refused' ? 'refused the connection' : 'did not answer'}, so ${who} answers ${status} itself`,
    );
    return {
      outcome: 'http-error',
      status,
      body:
        status === 502
          ? runtime.info.kind === 'ingress-nginx'
            ? NGINX_404.replaceAll('404 Not Found', '502 Bad Gateway')
            : 'Bad Gateway\n'
          : runtime.info.kind === 'ingress-nginx'
            ? NGINX_404.replaceAll('404 Not Found', '504 Gateway Time-out')
            : 'Gateway Timeout\n',
      ...(delivery.endpoint ? { endpoint: delivery.endpoint } : {}),
      ...(delivery.service ? { service: delivery.service } : {}),
    };
  }
  return delivery;
}

/**
 * An ingress controller pod (ingress-nginx or Traefik) answering on its HTTP(S) ports: it matches the
 * request's Host and path against the Ingresses it serves, then opens a NEW connection from its own
 * pod IP straight to a ready endpoint of the backend Service — not to the ClusterIP, so kube-proxy and
 * Service sessionAffinity are bypassed — unless `nginx.ingress.kubernetes.io/service-upstream: "true"`
 * (docs/kubernetes-facts.md#default-backend, #ingress-nginx, #traefik). Unmatched requests get the controller's default backend (404); a backend
 * Service that is missing or has no ready endpoint gives 503 on ingress-nginx and 404 on Traefik
 * (503 with allowEmptyServices).
 */
import type { PodState } from '../../model/state.ts';
import { graphIdOfPod } from '../../trace.ts';
import { deliverToBackend, enterNode, finishWithAnswer } from '../deliver.ts';
import type { Delivery, Flow } from '../flow.ts';
import { dstAddr, srcAddr } from '../flow.ts';
import { objectKey } from '../netIndex.ts';
import type { RouteContext } from '../routeContext.ts';
import { proxyClusterIp } from '../serviceProxy.ts';
import type { ControllerRuntime } from './controllerRuntime.ts';
import { decide, tableFor } from './routeDecision.ts';
import type { Decision } from './routeDecision.ts';
import type { Source } from '../source.ts';

export type { ControllerRuntime } from './controllerRuntime.ts';
export { getIngressController } from './controllerRuntime.ts';

const NGINX_404 =
  '<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';
const NGINX_503 =
  '<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>\n<center><h1>503 Service Temporarily Unavailable</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n';

function controllerAnswer(
  ctx: RouteContext,
  flow: Flow,
  pod: PodState,
  runtime: ControllerRuntime,
  status: 404 | 503,
  at: string,
  note: string,
  endpoint: Delivery['endpoint'],
  service?: string,
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
  return {
    outcome: 'http-error',
    status,
    body,
    ...(endpoint ? { endpoint } : {}),
    ...(service ? { service } : {}),
  };
}

/** Texts that depend only on the controller pod (and its runtime): built once per pod object. */
interface PodTexts {
  key: string;
  accept: Map<number, string>;
  /** The controller pod as the source of the proxied connection, per net index. */
  source: WeakMap<RouteContext['index'], Source>;
}

const podTexts = new WeakMap<PodState, PodTexts>();

function textsOf(pod: PodState): PodTexts {
  let texts = podTexts.get(pod);
  if (!texts) {
    texts = {
      key: objectKey(pod.metadata.namespace, pod.metadata.name),
      accept: new Map(),
      source: new WeakMap(),
    };
    podTexts.set(pod, texts);
  }
  return texts;
}

function acceptNote(texts: PodTexts, pod: PodState, who: string, port: number, tls: boolean): string {
  let note = texts.accept.get(port);
  if (note === undefined) {
    note = `${who} in ${pod.metadata.name} accepts the connection on port ${port}${tls ? ' and terminates TLS' : ''}`;
    texts.accept.set(port, note);
  }
  return note;
}

function controllerSource(ctx: RouteContext, texts: PodTexts, pod: PodState, podId: string): Source {
  let source = texts.source.get(ctx.index);
  if (!source) {
    source = {
      kind: 'pod',
      id: podId,
      ip: pod.status.podIP,
      pod,
      node: ctx.index.nodesByName.get(pod.spec.nodeName),
    };
    texts.source.set(ctx.index, source);
  }
  return source;
}

type BackendDecision = Extract<Decision, { kind: 'backend' }>;

/** Texts of a backend decision (cached per table, so per state): the Service key, round-robin keys, notes. */
interface DecisionTexts {
  serviceKey: string;
  cursorKeys: Map<string, string>;
  /** `who` -> the route note per endpoint position. */
  notes: Map<string, string[]>;
}

const decisionTexts = new WeakMap<BackendDecision, DecisionTexts>();

function textsOfDecision(decision: BackendDecision): DecisionTexts {
  let texts = decisionTexts.get(decision);
  if (!texts) {
    texts = {
      serviceKey: objectKey(decision.service.manifest.metadata.namespace, decision.serviceName),
      cursorKeys: new Map(),
      notes: new Map(),
    };
    decisionTexts.set(decision, texts);
  }
  return texts;
}

function cursorKey(texts: DecisionTexts, podKey: string, decision: BackendDecision): string {
  let key = texts.cursorKeys.get(podKey);
  if (key === undefined) {
    key = `ingress|${podKey}|${texts.serviceKey}:${decision.servicePort.port}`;
    texts.cursorKeys.set(podKey, key);
  }
  return key;
}

function roundRobinNote(
  texts: DecisionTexts,
  decision: BackendDecision,
  who: string,
  position: number,
): string {
  let notes = texts.notes.get(who);
  if (!notes) {
    notes = [];
    texts.notes.set(who, notes);
  }
  let note = notes[position];
  if (note === undefined) {
    note = `${decision.matchedBy}; ${who} opens a new connection from its pod IP straight to endpoint ${position + 1} of ${decision.backends.length} of ${decision.serviceName} (round robin, bypassing the ClusterIP)`;
    notes[position] = note;
  }
  return note;
}

export function handleControllerRequest(
  ctx: RouteContext,
  flow: Flow,
  pod: PodState,
  runtime: ControllerRuntime,
  port: number,
): Delivery {
  const podId = graphIdOfPod(pod.metadata.namespace, pod.metadata.name);
  const texts = textsOf(pod);
  const controllerEndpoint = {
    pod: texts.key,
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
  ctx.hop(podId, 'deliver', srcAddr(flow), dstAddr(flow), acceptNote(texts, pod, who, port, tls));
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
      decision.service,
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
  // Written out rather than `{ ...flow, … }`: spreading the ~20-field Flow was a large part of this path.
  const inner: Flow = {
    source: controllerSource(ctx, texts, pod, podId),
    method: flow.method,
    scheme: 'http',
    path: flow.path,
    host: flow.host,
    hostHeader: flow.hostHeader,
    headers: [
      ...flow.headers,
      ['X-Forwarded-For', seenClient],
      ['X-Forwarded-Host', host],
      ['X-Forwarded-Port', String(port)],
      ['X-Forwarded-Proto', flow.scheme],
      ['X-Real-Ip', seenClient],
    ],
    clientIp: flow.clientIp,
    clientPort: flow.clientPort,
    srcIp: pod.status.podIP,
    srcPort: upstreamPort,
    dstIp: flow.dstIp,
    dstPort: flow.dstPort,
    node: pod.spec.nodeName,
    srcText: undefined,
    srcTextIp: undefined,
    srcTextPort: undefined,
    dstText: flow.dstText,
    dstTextIp: flow.dstTextIp,
    dstTextPort: flow.dstTextPort,
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
      { service: `${service.manifest.metadata.namespace}/${serviceName}` },
    );
    const node = ctx.index.nodesByName.get(pod.spec.nodeName);
    if (!node || !enterNode(ctx, inner, node, 'where the controller runs')) return { outcome: 'timeout' };
    delivery = proxyClusterIp(ctx, inner, service, servicePort, node);
  } else {
    const dTexts = textsOfDecision(decision);
    const position = ctx.nextRoundRobin('lb', cursorKey(dTexts, texts.key, decision), backends.length);
    const backend = backends[position]!;
    inner.dstIp = backend.ip;
    inner.dstPort = backend.port;
    ctx.hop(
      ingId,
      'route',
      srcAddr(inner),
      backend.key,
      roundRobinNote(dTexts, decision, who, position),
      ruleText,
      {
        service: dTexts.serviceKey,
        pick: backends.length === 1 ? 'only' : 'round-robin',
        chosen: backend.key,
        ...(backend.pod ? { pod: `${backend.pod.metadata.namespace}/${backend.pod.metadata.name}` } : {}),
        of: backends.length,
        index: position + 1,
      },
    );
    delivery = {
      ...deliverToBackend(ctx, inner, backend),
      service: dTexts.serviceKey,
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

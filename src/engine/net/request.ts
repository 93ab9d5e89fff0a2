/**
 * routeRequest: one HTTP request as a NEW connection, hop by hop, the way a real cluster carries it
 * (docs/architecture.md#request-path). Name resolution (resolver.ts), then the destination address
 * decides the path (entry.ts), kube-proxy picks endpoints (kubeProxy.ts, serviceProxy.ts), ingress
 * controllers route by host and path (ingress/), apps answer by image (apps.ts). Never throws: every
 * failure is a Trace outcome. The returned state differs only in rng, affinity, cursors and clients.
 * This is the only routing code: a request it has routed before, from the same source over the same
 * state, replays its recording (routePlan.ts), drawing the same ports, endpoints and cursors.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ClusterState } from '../model/state.ts';
import { explainTrace } from '../explain/explainTrace.ts';
import type { Explanation } from '../explain/types.ts';
import type { GraphId, Hop, Trace } from '../trace.ts';
import { DNS_GRAPH_ID, NO_PORTS } from '../trace.ts';
import { readHops } from '../readHops.ts';
import { copyHop } from './deliver.ts';
import { routeToAddress } from './entry.ts';
import { handleControllerRequest } from './ingress/controller.ts';
import type { Delivery, Flow } from './flow.ts';
import { normalizeHost } from './ingress/pathMatch.ts';
import { routeByPlan } from './routePlan.ts';
import { getNetIndex } from './netIndex.ts';
import type { NetIndex } from './netIndex.ts';
import type { LookupResult } from './resolver.ts';
import { firstAddress, lookupFromSource } from './resolver.ts';
import { dnsDenial, dnsDropNote, policyRuleText } from './policy/enforce.ts';
import { addr, RouteContext } from './routeContext.ts';
import type { Recording } from './routeContext.ts';
import type { Source } from './source.ts';
import { findSourceCached } from './source.ts';
import { parseUrlCached } from './url.ts';

export interface RequestSpec {
  /** `client/<name>` (created on the fly if unknown), `pod/<ns>/<name>`, or `node/<name>`. */
  from: GraphId;
  /** `http://kubia`, `http://10.96.12.7:80/path`, `kubia.example.com/foo`, `https://…` */
  url: string;
  method?: string;
  /** Extra headers; a `Host` header overrides the URL's host for Ingress matching, as curl -H does. */
  headers?: Record<string, string>;
  /** Override the client's source IP (outside clients only). */
  clientIp?: string;
  /** curl --resolve HOST:PORT:ADDR */
  resolve?: { host: string; port: number; address: string }[];
}

export interface RouteResult {
  trace: Trace;
  /** The state after the request: rng advanced, affinity and IPVS cursors updated. */
  state: ClusterState;
}

function failure(
  from: GraphId,
  spec: RequestSpec,
  method: string,
  outcome: Trace['outcome'],
  body: string,
  hops: Hop[] = [],
  clientIp = '',
): Trace {
  return {
    from,
    request: { method, url: spec.url, host: '', clientIp },
    outcome,
    body,
    path: hops,
    ports: NO_PORTS,
  };
}

/** Keyed on the cached Source object, which lives exactly as long as its net index entry. */
const dnsCache = new WeakMap<Source, Map<string, Resolution>>();

interface Resolution {
  lookup: LookupResult;
  /** The first A record's address, if any. */
  address: string | undefined;
  /** The `dns` hop, built once per cached look-up. */
  hop: Hop;
}

function buildDnsHop(source: Source, lookup: LookupResult, name: string): Hop {
  const answer = firstAddress(lookup);
  if (lookup.source === 'hosts' || lookup.source === 'resolve') {
    const where = lookup.source === 'hosts' ? `/etc/hosts on ${source.id}` : 'curl --resolve';
    return {
      at: source.id,
      kind: 'dns',
      src: source.ip,
      dst: answer ?? '',
      note: `${where} says ${name} is ${answer}`,
      facts: answer === undefined ? { name } : { name, answer },
    };
  }
  const server = lookup.server ?? '';
  const walk = lookup.tried.map((t) => `${t.name} (${t.rcode})`).join(', ');
  const cname = lookup.answers.find((r) => r.type === 'CNAME');
  const result = answer
    ? `answer ${answer}${cname ? ` via CNAME ${cname.value}` : ''}`
    : cname
      ? `only a CNAME to ${cname.value}, which nothing here can resolve`
      : 'no answer';
  const who = lookup.serverName
    ? `cluster DNS ${server}`
    : server
      ? `the node's resolver ${server}`
      : 'its resolver';
  const note =
    source.kind === 'client'
      ? `${source.id} is outside the cluster: its /etc/hosts has no entry for ${name} and its own DNS knows no cluster names`
      : lookup.error
        ? `${source.id} asks ${who}, but ${lookup.error}`
        : `${source.id} asks ${who}; search-list walk: ${walk}: ${result}`;
  return {
    at: lookup.serverName ? DNS_GRAPH_ID : source.id,
    kind: 'dns',
    // The query's own source port is not worth a random draw: the hop shows the querier's address only.
    src: source.ip,
    dst: server ? addr(server, 53) : '',
    note,
    facts: answer === undefined ? { name } : { name, answer },
  };
}

/**
 * DNS answers depend only on the state arrays the net index is keyed on, so a pod's or node's
 * look-up (and its hop) is cached with the index; /etc/hosts, --resolve and outside clients are not.
 */
function resolveName(
  ctx: RouteContext,
  source: Source,
  name: string,
  port: number,
  spec: RequestSpec,
): Resolution {
  const options = {
    from: source.id,
    name,
    port,
    useHosts: true,
    ...(spec.resolve ? { resolve: spec.resolve } : {}),
  };
  if (spec.resolve !== undefined || source.kind === 'client') {
    const lookup = lookupFromSource(ctx.state, source, options);
    return { lookup, address: firstAddress(lookup), hop: buildDnsHop(source, lookup, name) };
  }
  // A pod's or node's /etc/hosts is derived from the state too, so the whole answer can be cached.
  let perSource = dnsCache.get(source);
  if (!perSource) {
    perSource = new Map();
    dnsCache.set(source, perSource);
  }
  let hit = perSource.get(name);
  if (!hit) {
    const lookup = lookupFromSource(ctx.state, source, options);
    hit = { lookup, address: firstAddress(lookup), hop: buildDnsHop(source, lookup, name) };
    perSource.set(name, hit);
  }
  return hit;
}

/** Shared, never mutated: most requests carry no extra header. */
const NO_HEADERS: [string, string][] = [];

const sendNotes = new WeakMap<Source, Map<string, string>>();

/** The `send` note, cached per source and request line (the same URL is routed 100,000 times by `load`). */
function sendNote(
  source: Source,
  dialed: string,
  method: string,
  path: string,
  hostHeader: string,
  plainKey: string | undefined,
): string {
  let perSource = sendNotes.get(source);
  if (!perSource) {
    perSource = new Map();
    sendNotes.set(source, perSource);
  }
  // A plain GET of a URL is keyed by the URL text itself (the same string object on every call).
  const key = plainKey ?? `${method} ${dialed}${path} ${hostHeader}`;
  let note = perSource.get(key);
  if (note === undefined) {
    note = `${source.id} opens a TCP connection to ${dialed} and sends ${method} ${path} (Host: ${hostHeader})`;
    if (perSource.size < 1000) perSource.set(key, note);
  }
  return note;
}

function replyNote(flow: Flow, dialedIp: string, dialed: string): string {
  return replyNoteFor(flow.dstIp !== dialedIp || flow.srcIp !== flow.clientIp, dialed);
}

function replyNoteFor(rewritten: boolean, dialed: string): string {
  return rewritten
    ? `the answer travels back; conntrack undoes the NAT, so it arrives from ${dialed}, the address the client dialled`
    : `the answer travels back from ${dialed}`;
}

/** Adds the explanation to a trace that did not end `ok`. */
function withExplanation(
  state: ClusterState,
  result: RouteResult,
  diagnostics: readonly Diagnostic[],
): RouteResult {
  if (result.trace.outcome !== 'ok') {
    const explanation = explainCached(state, result.trace, diagnostics);
    if (explanation) result.trace.explanation = explanation;
  }
  return result;
}

/**
 * Explanations by net index, diagnostics and failing path: `kubeplay load` may route the same failing
 * request 100,000 times, and the explanation depends only on the state arrays the index is keyed on.
 */
const explanations = new WeakMap<NetIndex, WeakMap<readonly Diagnostic[], Map<string, Explanation | null>>>();

function explainCached(
  state: ClusterState,
  trace: Trace,
  diagnostics: readonly Diagnostic[],
): Explanation | undefined {
  const index = getNetIndex(state);
  let perIndex = explanations.get(index);
  if (!perIndex) {
    perIndex = new WeakMap();
    explanations.set(index, perIndex);
  }
  let perPath = perIndex.get(diagnostics);
  if (!perPath) {
    perPath = new Map();
    perIndex.set(diagnostics, perPath);
  }
  const last = readHops(trace).at(-1);
  const key = `${trace.from} ${trace.request.url} ${trace.request.host} ${trace.outcome} ${trace.status ?? ''} ${last?.at ?? ''} ${last?.note ?? ''}`;
  let hit = perPath.get(key);
  if (hit === undefined) {
    hit = explainTrace(state, trace, diagnostics) ?? null;
    if (perPath.size < 1000) perPath.set(key, hit);
  }
  return hit ?? undefined;
}

/**
 * Routes one HTTP request as a new connection. Never throws: every failure is a Trace outcome, with an
 * explanation of the first broken link. `diagnostics` (the simulation's) let it name a Service the API
 * server rejected; the state's own control-plane diagnostics are used when absent.
 */
export function routeRequest(
  state: ClusterState,
  request: RequestSpec,
  diagnostics: readonly Diagnostic[] = state.diagnostics,
): RouteResult {
  return withExplanation(state, routeUnexplained(state, request), diagnostics);
}

function routeUnexplained(state: ClusterState, request: RequestSpec): RouteResult {
  const method = request.method === undefined ? 'GET' : request.method.toUpperCase();
  try {
    return route(state, request, method);
  } catch (error) {
    // A bug must not take the terminal down: report it as an unresolved trace.
    const message = error instanceof Error ? error.message : String(error);
    return {
      trace: failure(request.from, request, method, 'unresolved', `internal error: ${message}\n`),
      state,
    };
  }
}

function finishTrace(
  ctx: RouteContext,
  from: GraphId,
  request: Trace['request'],
  delivery: Delivery,
): RouteResult {
  const trace: Trace = { from, request, outcome: delivery.outcome, path: ctx.hops, ports: NO_PORTS };
  if (delivery.status !== undefined) trace.status = delivery.status;
  if (delivery.body !== undefined) trace.body = delivery.body;
  if (delivery.service !== undefined) trace.service = delivery.service;
  if (delivery.endpoint !== undefined) trace.endpoint = delivery.endpoint;
  if (delivery.failure !== undefined) trace.failure = delivery.failure;
  return { trace, state: ctx.finish() };
}

function route(state: ClusterState, request: RequestSpec, method: string): RouteResult {
  const index = getNetIndex(state);
  return (
    routeByPlan(state, index, request, method, routeInFull) ??
    routeInFull(state, index, request, method, undefined)
  );
}

/** The general path, which the plans record (routePlan.ts): `recording` is set while one does. */
function routeInFull(
  state: ClusterState,
  index: NetIndex,
  request: RequestSpec,
  method: string,
  recording: Recording | undefined,
): RouteResult {
  const found = findSourceCached(state, index, request.from, request.clientIp);
  if (!found.ok)
    return { trace: failure(request.from, request, method, 'unresolved', `${found.error}\n`), state };
  const source = found.source;
  const ctx = new RouteContext(state, index, handleControllerRequest);
  ctx.recording = recording;
  if (source.kind === 'client' && source.isNew) ctx.addClient(source.client);
  const url = parseUrlCached(request.url);
  if (!url) {
    return {
      trace: failure(
        source.id,
        request,
        method,
        'unresolved',
        'curl: (3) URL rejected: Malformed input to a URL function\n',
        [],
        source.ip,
      ),
      state: ctx.finish(),
    };
  }
  let hostOverride: string | undefined;
  const headers: [string, string][] = request.headers ? [] : NO_HEADERS;
  if (request.headers) {
    for (const [k, v] of Object.entries(request.headers)) {
      if (k.toLowerCase() === 'host') hostOverride = v;
      else headers.push([k, v]);
    }
  }
  const hostHeader = hostOverride ?? url.hostHeader;
  // The URL's host is already lowercase and port-free; only a -H Host value needs normalising.
  const host = hostOverride === undefined ? url.host : normalizeHost(hostOverride);
  const traceRequest = { method, url: request.url, host, clientIp: source.ip };

  const sourceNode = source.kind === 'client' ? undefined : source.node;
  if (source.kind === 'pod' && (!source.pod.status.podIP || source.pod.status.phase !== 'Running')) {
    return finishTrace(ctx, source.id, traceRequest, {
      outcome: 'unresolved',
      body: `error: pod ${source.pod.metadata.name} is not running\n`,
    });
  }
  if (sourceNode && !sourceNode.up) {
    ctx.hop(
      source.id,
      'drop',
      source.ip,
      url.host,
      `${sourceNode.name} is down: nothing leaves it, so the request times out`,
    );
    return finishTrace(ctx, source.id, traceRequest, { outcome: 'timeout' });
  }

  let dstIp = url.host;
  if (!url.isIp) {
    const resolution = resolveName(ctx, source, url.host, url.port, request);
    const blocked =
      source.kind === 'pod' && resolution.lookup.source === 'dns'
        ? dnsDenial(state, index, source.pod, resolution.lookup.server)
        : undefined;
    if (blocked) {
      const server = resolution.lookup.server ?? '';
      ctx.hop(
        source.id,
        'drop',
        source.ip,
        addr(server, 53),
        dnsDropNote(blocked, url.host),
        policyRuleText(blocked),
        {
          name: url.host,
          denial: blocked,
        },
      );
      return finishTrace(ctx, source.id, traceRequest, {
        outcome: 'unresolved',
        body: `curl: (6) Could not resolve host: ${url.host}\n`,
      });
    }
    const h = resolution.hop;
    ctx.hops.push(copyHop(h));
    const answer = resolution.address;
    if (!answer)
      return finishTrace(ctx, source.id, traceRequest, {
        outcome: 'unresolved',
        body: `curl: (6) Could not resolve host: ${url.host}\n`,
      });
    dstIp = answer;
  }
  const clientPort = ctx.ephemeralPort();
  const clientAddr = addr(source.ip, clientPort);
  const dialed = addr(dstIp, url.port);
  const flow: Flow = {
    source,
    method,
    scheme: url.scheme,
    path: url.path,
    host,
    hostHeader,
    headers,
    clientIp: source.ip,
    clientPort,
    srcIp: source.ip,
    srcPort: clientPort,
    dstIp,
    dstPort: url.port,
    node: sourceNode?.name,
    // Declared up front so every Flow has one hidden class (the memo fields are filled later).
    srcText: clientAddr,
    srcTextIp: source.ip,
    srcTextPort: clientPort,
    dstText: dialed,
    dstTextIp: dstIp,
    dstTextPort: url.port,
  };
  ctx.hop(
    source.id,
    'send',
    clientAddr,
    dialed,
    sendNote(
      source,
      dialed,
      method,
      url.path,
      hostHeader,
      // --resolve can send the same URL to another address, so only a request without it is keyed by URL.
      request.headers === undefined && request.resolve === undefined && method === 'GET'
        ? request.url
        : undefined,
    ),
  );
  const delivery = routeToAddress(ctx, flow);
  if (delivery.outcome === 'ok' || delivery.status !== undefined || delivery.outcome === 'http-error') {
    ctx.hop(source.id, 'reply', dialed, clientAddr, replyNote(flow, dstIp, dialed));
  }
  return finishTrace(ctx, source.id, traceRequest, delivery);
}

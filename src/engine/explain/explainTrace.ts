/**
 * explainTrace: why a request did not get a 2xx answer, as the first broken link in the chain. Reads
 * the Trace the router made (its hops say where the packet was dropped or refused, and by which rule)
 * and looks the cause up in the state. Pure; never throws (a case it does not know gets the hop's own
 * note). `diagnostics` are the simulation's, so a Service the API server rejected can be named.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ClusterState, ServiceState } from '../model/state.ts';
import type { Hop, Trace } from '../trace.ts';
import { readHops } from '../readHops.ts';
import { parseUrlCached } from '../net/url.ts';
import { getIngressController } from '../net/ingress/controllerRuntime.ts';
import { explainIngressError } from './ingress.ts';
import { explainPolicyDrop } from './networkPolicy.ts';
import { explainNodeDown } from './nodeDown.ts';
import { explainNoEndpoints } from './noEndpoints.ts';
import { explainNotListening } from './notListening.ts';
import { explainNoOutsideHost } from './outside.ts';
import { explainRejectedNodePort } from './rejectedNodePort.ts';
import { explainNoLocalEndpoint } from './trafficPolicy.ts';
import type { Explanation } from './types.ts';
import { explainUnresolvedName } from './unresolvedName.ts';

function findService(state: ClusterState, key: string | undefined): ServiceState | undefined {
  if (!key) return undefined;
  const [ns, name] = key.split('/');
  return state.services.find(
    (s) => s.manifest.metadata.namespace === ns && s.manifest.metadata.name === name,
  );
}

/** `"default/kubia:http has no endpoints" -j REJECT` -> the Service key and port name. */
function ruleService(rule: string | undefined): { key: string; portName?: string } | undefined {
  const m = rule ? /^"([^/"]+\/[^:"\s]+)(?::([^"\s]+))? has no/.exec(rule) : null;
  if (!m?.[1]) return undefined;
  return m[2] ? { key: m[1], portName: m[2] } : { key: m[1] };
}

function portOf(dst: string): number {
  return Number(dst.slice(dst.lastIndexOf(':') + 1));
}

function nodeNameOf(at: string): string | undefined {
  return at.startsWith('node/') ? at.slice('node/'.length) : undefined;
}

function podOf(state: ClusterState, at: string) {
  const [kind, ns, name] = at.split('/');
  if (kind !== 'pod') return undefined;
  return state.pods.find((p) => p.metadata.namespace === ns && p.metadata.name === name);
}

function fromBrokenHop(
  state: ClusterState,
  trace: Trace,
  hop: Hop,
  diagnostics: readonly Diagnostic[],
): Explanation | undefined {
  const node = nodeNameOf(hop.at);
  const down = node !== undefined && state.nodes.some((n) => n.name === node && !n.up);
  if (down && node) return explainNodeDown(state, trace, node);
  if (hop.kind === 'drop' && hop.at.startsWith('lb/') && hop.note.includes('is down')) {
    const first = state.nodes.find((n) => !n.up);
    if (first) return explainNodeDown(state, trace, first.name);
  }
  const ruled = ruleService(hop.rule);
  if (ruled && hop.rule?.includes('has no local endpoints')) {
    const svc = findService(state, ruled.key);
    if (svc && node)
      return explainNoLocalEndpoint(state, svc, node, hop.note.includes('internalTrafficPolicy'));
  }
  if (ruled && hop.rule?.includes('has no endpoints')) {
    const svc = findService(state, ruled.key);
    if (svc) {
      const port = svc.manifest.spec.ports.find((p) => (p.name ?? '') === (ruled.portName ?? ''));
      return explainNoEndpoints(state, svc, port);
    }
  }
  const outside = explainNoOutsideHost(hop);
  if (outside) return outside;
  const pod = podOf(state, hop.at);
  if (pod && hop.kind === 'reject') {
    return explainNotListening(state, pod, portOf(hop.dst), findService(state, trace.service));
  }
  if (node) {
    const url = parseUrlCached(trace.request.url);
    const rejected = explainRejectedNodePort(state, diagnostics, url?.port ?? portOf(hop.dst));
    const range = state.settings.nodePortRange;
    const port = portOf(hop.dst);
    if (
      rejected &&
      (port < range.min ||
        port > range.max ||
        !state.services.some((s) => s.manifest.spec.ports.some((p) => p.nodePort === port)))
    )
      return rejected;
  }
  return undefined;
}

function fromHttpError(state: ClusterState, trace: Trace, hops: readonly Hop[]): Explanation | undefined {
  const at = trace.endpoint?.pod;
  const pod = at ? state.pods.find((p) => `${p.metadata.namespace}/${p.metadata.name}` === at) : undefined;
  const status = trace.status;
  if (pod && status !== undefined && getIngressController(pod)) {
    const url = parseUrlCached(trace.request.url);
    // The controller's own error is a `route` hop without a rule (at the Ingress whose backend is
    // broken); a rule on it means the backend was chosen and reached, so the error is the app's own.
    const ingressHops = hops.filter((h) => h.kind === 'route' && h.at.startsWith('ing/'));
    const routed = ingressHops.some((h) => h.rule !== undefined);
    const ingressAt = ingressHops.find((h) => h.rule === undefined)?.at;
    if (!routed)
      return explainIngressError(state, pod, trace.request.host, url?.path ?? '/', status, ingressAt);
  }
  if (trace.failure) {
    return {
      kind: 'protocol-mismatch',
      summary: `a connection was made but no HTTP answer came back: curl: (${trace.failure.code}) ${trace.failure.message}.`,
      ...(hops.length > 0 ? { detail: hops.at(-1)?.note } : {}),
    };
  }
  if (status !== undefined) {
    const deliver = [...hops].reverse().find((h) => h.kind === 'deliver');
    return {
      kind: 'http-status',
      summary: `the request reached ${at ?? 'the server'}, and the application itself answered ${status}: the network path works; the app did not like the request (method, path or Host).`,
      ...(deliver ? { detail: deliver.note } : {}),
    };
  }
  return undefined;
}

function fallback(trace: Trace, hops: readonly Hop[]): Explanation {
  const broken = hops.find((h) => h.kind === 'drop' || h.kind === 'reject') ?? hops.at(-1);
  const text = broken?.note ?? trace.body?.trim() ?? `the request ended ${trace.outcome}`;
  return { kind: trace.outcome === 'timeout' ? 'unreachable' : trace.outcome, summary: text };
}

export function explainTrace(
  state: ClusterState,
  trace: Trace,
  diagnostics: readonly Diagnostic[] = state.diagnostics,
): Explanation | undefined {
  if (trace.outcome === 'ok') return undefined;
  const hops = readHops(trace);
  try {
    // A NetworkPolicy drop (also of the DNS query, which leaves the name unresolved) names the policy.
    const policyDrop = hops.find((h) => h.kind === 'drop' && h.facts?.denial);
    const policy = policyDrop ? explainPolicyDrop(state, trace, policyDrop) : undefined;
    if (policy) return policy;
    if (trace.outcome === 'unresolved') {
      const dns = hops.find((h) => h.kind === 'dns');
      const url = parseUrlCached(trace.request.url);
      if (dns && url) return explainUnresolvedName(state, trace.from, url.host, url.port);
      return fallback(trace, hops);
    }
    // The first drop or reject is the first broken link (an ingress controller's 502/504 follows one).
    const broken = hops.find((h) => h.kind === 'drop' || h.kind === 'reject');
    const found = broken
      ? fromBrokenHop(state, trace, broken, diagnostics)
      : fromHttpError(state, trace, hops);
    return found ?? fallback(trace, hops);
  } catch {
    return fallback(trace, hops);
  }
}

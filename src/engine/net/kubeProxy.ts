/**
 * kube-proxy's choice of endpoint for one NEW connection to a Service port, on one node
 * (docs/kubernetes-facts.md#kube-proxy, #session-affinity; kubernetes pkg/proxy/iptables/proxier.go, pkg/proxy/ipvs, pkg/proxy/nftables):
 * - iptables: the KUBE-SVC chain holds one rule per endpoint; rule i (0-based) of n jumps with
 *   `--probability 1/(n-i)` (printed `%0.10f`), the last always. Net effect: uniform random.
 * - nftables: one `numgen random mod n` map: one uniform draw.
 * - IPVS: one virtual server per Service port, scheduler `rr`: round robin over the real servers.
 * - sessionAffinity ClientIP: iptables `-m recent` / IPVS persistence, per node, keyed on the client
 *   IP the node sees; it sticks until `timeoutSeconds` of simulation time pass without use.
 * Returns the plan; RouteContext records rng and cursor movement.
 */
import type { ServicePort } from '../model/objects.ts';
import type { ServiceState } from '../model/state.ts';
import {
  endpointChainName,
  nftEndpointChainName,
  nftServiceChainName,
  serviceChainName,
  servicePortName,
} from './chainNames.ts';
import type { HopFacts } from '../trace.ts';
import type { Backend } from './netIndex.ts';
import type { RouteContext } from './routeContext.ts';

export interface EndpointChoice {
  backend: Backend;
  /** 0-based position among the candidates. */
  position: number;
  count: number;
  /** One sentence: why this endpoint. */
  note: string;
  /** `KUBE-SVC-… -> KUBE-SEP-…`, the IPVS virtual server, or the nftables chain. */
  rule: string;
  /** The choice as data (the `dnat` hop's facts). */
  facts: HopFacts;
}

/** `%0.10f` of 1/(n-i), as kube-proxy writes the statistic match. */
const probabilityText = new Map<number, string>();

export function ruleProbability(position: number, count: number): string {
  const remaining = count - position;
  let text = probabilityText.get(remaining);
  if (text === undefined) {
    text = (1 / remaining).toFixed(10);
    probabilityText.set(remaining, text);
  }
  return text;
}

export interface ChooseArgs {
  service: ServiceState;
  port: ServicePort;
  candidates: Backend[];
  /** The node whose kube-proxy rules decide. */
  nodeName: string;
  /** The client IP those rules see (before any SNAT): the affinity key. */
  clientIp: string;
  /** The virtual address the client dialled (`ip:port`), naming the IPVS virtual server. */
  virtualServer: string;
}

const portNames = new WeakMap<ServicePort, string>();

/** `ns/svc:port`, cached per Service port object. */
function svcPortNameOf(service: ServiceState, port: ServicePort): string {
  let name = portNames.get(port);
  if (name === undefined) {
    name = servicePortName(service.manifest.metadata.namespace, service.manifest.metadata.name, port.name);
    portNames.set(port, name);
  }
  return name;
}

const ruleCache = new WeakMap<Backend, string>();
const nftRuleCache = new WeakMap<Backend, string>();

/**
 * The rule that sends a connection to this endpoint: `KUBE-SVC-… -> KUBE-SEP-…` (iptables),
 * `service-… -> endpoint-…` (nftables), or the IPVS real server.
 */
function ruleFor(
  mode: string,
  service: ServiceState,
  svcPortName: string,
  port: ServicePort,
  backend: Backend,
  virtualServer: string,
): string {
  if (mode === 'ipvs') return `IPVS ${virtualServer} rr -> ${backend.key}`;
  const cache = mode === 'nftables' ? nftRuleCache : ruleCache;
  let rule = cache.get(backend);
  if (rule === undefined) {
    if (mode === 'nftables') {
      const { namespace, name } = service.manifest.metadata;
      rule = `${nftServiceChainName(namespace, name, port.protocol, port.name)} -> ${nftEndpointChainName(namespace, name, port.protocol, port.name, backend.key)}`;
    } else {
      rule = `${serviceChainName(svcPortName, port.protocol)} -> ${endpointChainName(svcPortName, port.protocol, backend.key)}`;
    }
    cache.set(backend, rule);
  }
  return rule;
}

export function chooseEndpoint(ctx: RouteContext, args: ChooseArgs): EndpointChoice | undefined {
  const { service, port, candidates, nodeName, clientIp } = args;
  const n = candidates.length;
  if (n === 0) return undefined;
  const spec = service.manifest.spec;
  const svcPortName = svcPortNameOf(service, port);
  const mode = ctx.state.settings.kubeProxyMode;

  if (spec.sessionAffinity === 'ClientIP') {
    const key = `${nodeName}|${svcPortName}|${clientIp}`;
    const timeout = spec.sessionAffinityTimeoutSeconds;
    const entry = ctx.getAffinity(key);
    const clock = ctx.state.clock;
    if (entry && clock - entry.lastUsed <= timeout) {
      let position = -1;
      for (let i = 0; i < n; i++) if (candidates[i]!.key === entry.endpoint) position = i;
      const backend = candidates[position];
      if (backend) {
        ctx.setAffinity(key, { endpoint: backend.key, lastUsed: clock });
        return {
          backend,
          position,
          count: n,
          note: `sessionAffinity ClientIP: kube-proxy on ${nodeName} remembers ${clientIp} and sends it to the same endpoint ${backend.key} again (last used ${clock - entry.lastUsed}s ago, timeout ${timeout}s), and rewrote the destination to it`,
          rule: ruleFor(mode, args.service, svcPortName, port, backend, args.virtualServer),
          facts: choiceFacts(args, mode, 'affinity', position),
        };
      }
    }
    const fresh = pick(ctx, args, mode, n, svcPortName);
    const why = entry
      ? `its affinity expired after ${timeout}s without use or its endpoint left`
      : `${clientIp} has no affinity entry yet`;
    ctx.setAffinity(key, { endpoint: fresh.backend.key, lastUsed: clock });
    fresh.note = `${fresh.note}; sessionAffinity ClientIP pins ${clientIp} to it from now on (${why})`;
    return fresh;
  }
  return pick(ctx, args, mode, n, svcPortName);
}

function pick(
  ctx: RouteContext,
  args: ChooseArgs,
  mode: string,
  n: number,
  svcPortName: string,
): EndpointChoice {
  const { candidates, nodeName, port } = args;
  let position: number;
  if (mode === 'ipvs') {
    position = ctx.nextRoundRobin('ipvs', `${nodeName}|${args.virtualServer}`, n);
    const backend = candidates[position]!;
    return {
      backend,
      position,
      count: n,
      note: `IPVS on ${nodeName} picked real server ${position + 1} of ${n} (${backend.key}) by round robin for virtual server ${args.virtualServer} (Service ${svcPortName}), and rewrote the destination to it`,
      rule: ruleFor(mode, args.service, svcPortName, port, backend, args.virtualServer),
      facts: choiceFacts(args, mode, n === 1 ? 'only' : 'round-robin', position),
    };
  }
  position = ctx.randomPosition(mode, n);
  const backend = candidates[position]!;
  return {
    backend,
    position,
    count: n,
    note: randomChoiceNote(args.service, port, candidates, mode, nodeName, position),
    rule: ruleFor(mode, args.service, svcPortName, port, backend, args.virtualServer),
    facts: randomChoiceFacts(args.service, port, candidates, mode, nodeName, position),
  };
}

/** The chain that chooses among the endpoints: `KUBE-SVC-…`, nftables `service-…`, or the IPVS virtual server. */
function choosingChain(
  mode: string,
  service: ServiceState,
  port: ServicePort,
  virtualServer: string,
): string {
  const { namespace, name } = service.manifest.metadata;
  if (mode === 'ipvs') return `IPVS ${virtualServer}`;
  if (mode === 'nftables') return nftServiceChainName(namespace, name, port.protocol, port.name);
  return serviceChainName(svcPortNameOf(service, port), port.protocol);
}

function choiceFacts(
  args: ChooseArgs,
  mode: string,
  pick: NonNullable<HopFacts['pick']>,
  position: number,
): HopFacts {
  return endpointFacts(
    args.service,
    args.candidates,
    args.nodeName,
    pick,
    position,
    choosingChain(mode, args.service, args.port, args.virtualServer),
  );
}

function endpointFacts(
  service: ServiceState,
  candidates: Backend[],
  nodeName: string,
  pick: NonNullable<HopFacts['pick']>,
  position: number,
  chain: string,
): HopFacts {
  const backend = candidates[position]!;
  const facts: HopFacts = {
    service: `${service.manifest.metadata.namespace}/${service.manifest.metadata.name}`,
    pick,
    chosen: backend.key,
    of: candidates.length,
    index: position + 1,
    chain,
    node: nodeName,
  };
  if (backend.pod) facts.pod = `${backend.pod.metadata.namespace}/${backend.pod.metadata.name}`;
  return facts;
}

/** Facts of a random choice, cached like its note (same key: candidate list, mode, node, position). */
const factsCache = new WeakMap<Backend[], Map<string, HopFacts[]>>();

function randomChoiceFacts(
  service: ServiceState,
  port: ServicePort,
  candidates: Backend[],
  mode: string,
  nodeName: string,
  position: number,
): HopFacts {
  const perNode = cachedList(factsCache, candidates, mode === 'nftables' ? `nft|${nodeName}` : nodeName);
  let facts = perNode[position];
  if (facts === undefined) {
    const n = candidates.length;
    facts = endpointFacts(
      service,
      candidates,
      nodeName,
      n === 1 ? 'only' : 'random',
      position,
      choosingChain(mode, service, port, ''),
    );
    // nftables draws once (numgen), iptables tries rule after rule: only iptables has a per-rule probability.
    if (mode !== 'nftables') facts.probability = 1 / (n - position);
    perNode[position] = facts;
  }
  return facts;
}

function cachedList<T>(cache: WeakMap<Backend[], Map<string, T[]>>, candidates: Backend[], key: string): T[] {
  let perList = cache.get(candidates);
  if (!perList) {
    perList = new Map();
    cache.set(candidates, perList);
  }
  let list = perList.get(key);
  if (!list) {
    list = [];
    perList.set(key, list);
  }
  return list;
}

/**
 * The note of a random choice depends only on (candidate list, mode, node, position): cached, because
 * building it is a good part of the cost of a routed request in `kubeplay load`. It names the Service
 * beside its chain and says why the matching rule has the probability it has.
 */
const noteCache = new WeakMap<Backend[], Map<string, string[]>>();

function randomChoiceNote(
  service: ServiceState,
  port: ServicePort,
  candidates: Backend[],
  mode: string,
  nodeName: string,
  position: number,
): string {
  const notes = cachedList(noteCache, candidates, mode === 'nftables' ? `nft|${nodeName}` : nodeName);
  let note = notes[position];
  if (note === undefined) {
    const n = candidates.length;
    const backend = candidates[position]!;
    const chain = `${choosingChain(mode, service, port, '')} (Service ${svcPortNameOf(service, port)})`;
    if (mode === 'nftables') {
      note = `kube-proxy (nftables) on ${nodeName} picked endpoint ${position + 1} of ${n} (${backend.key}) with numgen random mod ${n}, and rewrote the destination to it: ${chain} draws one number for all ${n} endpoints, so each gets 1/${n}`;
    } else {
      const rule =
        position === n - 1
          ? n === 1
            ? 'its only rule, which always matches'
            : 'the last rule, which always matches'
          : `iptables rule probability ${ruleProbability(position, n)}`;
      note = `kube-proxy on ${nodeName} picked endpoint ${position + 1} of ${n} (${backend.key}) at random (${rule}), and rewrote the destination to it: ${chain} ${iptablesOdds(n)}`;
    }
    notes[position] = note;
  }
  return note;
}

/**
 * Why iptables' probabilities come out uniform: rule i of n matches with 1/(n-i) of what the earlier
 * rules left, so every endpoint gets 1/n (kubernetes pkg/proxy/iptables/proxier.go writes
 * `-m statistic --mode random --probability`). Long lists name the first two rules and the last.
 */
export function iptablesOdds(n: number): string {
  if (n === 1) return 'has one endpoint rule, which always matches';
  const step = (i: number): string =>
    i === 0 ? `endpoint 1 with probability 1/${n}` : `${i + 1} with 1/${n - i} of the rest`;
  const tried = n <= 4 ? Array.from({ length: n - 1 }, (_, i) => step(i)) : [step(0), step(1), '…'];
  return `tries ${tried.join(', then ')}, then ${n} with all that is left (probability 1), so each endpoint gets 1/${n}`;
}

/**
 * The mutable scratchpad of one routed request: the hops so far, the rng cursor, and copy-on-write
 * views of affinity and round-robin cursors. `finish()` folds them into a new ClusterState that shares
 * every untouched array with the old one (so the net index cache stays valid).
 */
import type { AffinityEntry, ClientState, ClusterState } from '../model/state.ts';
import { CursorWrites, cursorHash } from './cursorTable.ts';
import type { GraphId, Hop, HopFacts, HopKind } from '../trace.ts';
import type { PodState } from '../model/state.ts';
import type { Delivery, Flow } from './flow.ts';
import type { ControllerRuntime } from './ingress/controllerRuntime.ts';
import type { NetIndex } from './netIndex.ts';

/**
 * An ingress controller pod answering on one of its ports (ingress/controller.ts). request.ts hands it
 * in, so deliver.ts need not import the controller, which itself proxies and delivers: importing it
 * from deliver.ts made a runtime cycle (deliver -> controller -> serviceProxy -> deliver).
 */
export type IngressHandler = (
  ctx: RouteContext,
  flow: Flow,
  pod: PodState,
  runtime: ControllerRuntime,
  port: number,
) => Delivery;

/**
 * One random or cursor-driven decision of a request, in the order routing made it: what a compiled
 * plan (routePlan.ts) replays. A `port` is a hole in the trace (the client's ephemeral port); a `pick`
 * or `rr` is a branch by the position drawn.
 */
export type PlanStep =
  | { kind: 'port' }
  | { kind: 'pick'; mode: string; n: number; position: number }
  | { kind: 'rr'; which: 'ipvs' | 'lb'; key: string; hash: number; n: number; position: number };

/** What a request routed for recording did with its random numbers and cursors (routePlan.ts). */
export interface Recording {
  steps: PlanStep[];
  /** The ports actually drawn, in order; the trace shows `sentinel + i` in their place. */
  ports: number[];
  /** Numbers that stand for port i in the recorded trace: sentinel + i. */
  sentinel: number;
  /** Set when the request touched something a plan cannot replay (affinity, a new client, a raw draw). */
  unplannable: boolean;
}

/**
 * A request's draws and their effect on the state: the rng cursor, and copy-on-write views of
 * affinity and round-robin cursors. A compiled plan's replay (routePlan.ts) needs only this part;
 * RouteContext adds the hops and the net index the general path works with.
 */
export class RequestDraws {
  /** The rng state (rng.ts mulberry32), advanced in place: see random(). */
  private rngState: number;
  private affinity: Record<string, AffinityEntry>;
  /** Created on the request's first round-robin pick of each kind (most requests make none). */
  private ipvsCursor: CursorWrites | undefined = undefined;
  private lbCursor: CursorWrites | undefined = undefined;
  private affinityCopied = false;
  private newClient: ClientState | undefined = undefined;
  /** Set while this request is recorded into a plan (routePlan.ts); undefined on every other request. */
  recording: Recording | undefined = undefined;

  constructor(readonly state: ClusterState) {
    this.rngState = state.rng;
    this.affinity = state.affinity;
  }

  /**
   * A float in [0, 1): exactly rng.ts drawRandom (mulberry32), without allocating a result object
   * per draw (routeRequest draws several times per request; routeContext.test.ts checks both agree).
   * Routing draws through ephemeralPort and randomPosition, which a plan can replay; a bare draw makes
   * the request unplannable.
   */
  random(): number {
    if (this.recording) this.recording.unplannable = true;
    return this.draw();
  }

  private draw(): number {
    const next = (this.rngState + 0x6d2b79f5) | 0;
    this.rngState = next;
    let t = next;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A client port from Linux's default ephemeral range (net.ipv4.ip_local_port_range 32768-60999). */
  ephemeralPort(): number {
    const port = EPHEMERAL_FIRST + Math.floor(this.draw() * EPHEMERAL_COUNT);
    // The recording's bookkeeping is out of line, so a replay's walk inlines this method whole.
    return this.recording === undefined ? port : this.recordPort(this.recording, port);
  }

  private recordPort(rec: Recording, port: number): number {
    rec.steps.push(PORT_STEP);
    rec.ports.push(port);
    return rec.sentinel + rec.ports.length - 1;
  }

  /**
   * The position kube-proxy's random modes pick among n endpoints: nftables draws once
   * (`numgen random mod n`); iptables tries rule i with probability 1/(n-i), the last always
   * (pkg/proxy/iptables/proxier.go writes `-m statistic --mode random --probability`).
   */
  randomPosition(mode: string, n: number): number {
    const position = mode === 'nftables' ? Math.floor(this.draw() * n) : this.iptablesPosition(n);
    if (this.recording !== undefined) this.recording.steps.push({ kind: 'pick', mode, n, position });
    return position;
  }

  /** The first iptables rule whose `--probability` test passes, drawing once per rule tried. */
  private iptablesPosition(n: number): number {
    const probabilities = iptablesProbabilities(n);
    for (let i = 0; i < probabilities.length; i++) if (this.draw() < probabilities[i]!) return i;
    return n - 1;
  }

  getAffinity(key: string): AffinityEntry | undefined {
    // Affinity depends on the clock and on earlier requests: not something a plan replays.
    if (this.recording) this.recording.unplannable = true;
    return this.affinity[key];
  }

  setAffinity(key: string, entry: AffinityEntry): void {
    if (this.recording) this.recording.unplannable = true;
    if (!this.affinityCopied) {
      this.affinity = { ...this.affinity };
      this.affinityCopied = true;
    }
    this.affinity[key] = entry;
  }

  /**
   * Round robin: returns the position to use now and moves the cursor on. `hash` is the key's
   * cursorHash, which a replayed plan recorded with the key.
   */
  nextRoundRobin(kind: 'ipvs' | 'lb', key: string, n: number, hash = cursorHash(key)): number {
    const cursors =
      kind === 'ipvs'
        ? (this.ipvsCursor ??= new CursorWrites(this.state.ipvsCursor))
        : (this.lbCursor ??= new CursorWrites(this.state.lbCursor));
    const current = cursors.advance(key, hash, n);
    if (this.recording !== undefined)
      this.recording.steps.push({ kind: 'rr', which: kind, key, hash, n, position: current });
    return current;
  }

  addClient(client: ClientState): void {
    if (this.recording) this.recording.unplannable = true;
    this.newClient = client;
  }

  /**
   * The state after this request. Written as one explicit literal with every key, the optional ones
   * too (undefined when the state has none): the spread of a ~20-key object was a fifth of the routing
   * time in `kubeplay load`, and adding the optional keys to the literal afterwards gave each request's
   * state a property store of its own (8% of a replayed Ingress request). The type checker flags any
   * required ClusterState field added later; an optional one must be added here too (a test in
   * request.test.ts checks that every key of a simulated state survives routing).
   */
  finish(): ClusterState {
    const s = this.state;
    return {
      seed: s.seed,
      rng: this.rngState,
      clock: s.clock,
      settings: s.settings,
      nodes: s.nodes,
      namespaces: s.namespaces,
      workloads: s.workloads,
      pods: s.pods,
      services: s.services,
      endpoints: s.endpoints,
      endpointSlices: s.endpointSlices,
      ingresses: s.ingresses,
      ingressClasses: s.ingressClasses,
      clients: this.newClient ? [...s.clients, this.newClient] : s.clients,
      outsideHosts: s.outsideHosts,
      events: s.events,
      affinity: this.affinity,
      ipvsCursor: this.ipvsCursor === undefined ? s.ipvsCursor : this.ipvsCursor.table,
      lbCursor: this.lbCursor === undefined ? s.lbCursor : this.lbCursor.table,
      diagnostics: s.diagnostics,
      ipamLastReserved: s.ipamLastReserved,
      networkPolicies: s.networkPolicies,
      // MetalLB's configuration survives a request, or its controller would find no pool on the next pass
      metallb: s.metallb,
      // So does cloud-provider-kind's presence, or a LoadBalancer Service created after a request stays pending
      cloudProviderKind: s.cloudProviderKind,
    };
  }
}

export class RouteContext extends RequestDraws {
  readonly hops: Hop[] = [];

  constructor(
    state: ClusterState,
    readonly index: NetIndex,
    /** Needed by every request that may reach an ingress controller. */
    readonly serveIngress?: IngressHandler,
  ) {
    super(state);
  }

  hop(
    at: GraphId,
    kind: HopKind,
    src: string,
    dst: string,
    note: string,
    rule?: string,
    facts?: HopFacts,
  ): void {
    const hop: Hop = rule === undefined ? { at, kind, src, dst, note } : { at, kind, src, dst, note, rule };
    if (facts !== undefined) hop.facts = facts;
    this.hops.push(hop);
  }
}

const PORT_STEP: PlanStep = { kind: 'port' };

const EPHEMERAL_FIRST = 32768;
const EPHEMERAL_COUNT = 60999 - 32768 + 1;

/**
 * The `--probability` of each iptables endpoint rule but the last, 1/(n-i) for rule i: kube-proxy writes
 * them once per rule set, and a request only tests them, so they are computed once per n (the same
 * divisions the rules were written with, so the same doubles).
 */
const probabilitiesByCount: number[][] = [];

function iptablesProbabilities(n: number): readonly number[] {
  let probabilities = probabilitiesByCount[n];
  if (probabilities === undefined) {
    probabilities = Array.from({ length: Math.max(0, n - 1) }, (_, i) => 1 / (n - i));
    if (n < 4096) probabilitiesByCount[n] = probabilities;
  }
  return probabilities;
}

export function addr(ip: string, port: number): string {
  return `${ip}:${port}`;
}

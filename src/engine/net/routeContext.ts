/**
 * The mutable scratchpad of one routed request: the hops so far, the rng cursor, and copy-on-write
 * views of affinity and round-robin cursors. `finish()` folds them into a new ClusterState that shares
 * every untouched array with the old one (so the net index cache stays valid).
 */
import type { AffinityEntry, ClientState, ClusterState } from '../model/state.ts';
import type { GraphId, Hop, HopFacts, HopKind } from '../trace.ts';
import type { NetIndex } from './netIndex.ts';

export class RouteContext {
  /** The rng state (sim/rng.ts mulberry32), advanced in place: see random(). */
  private rngState: number;
  readonly hops: Hop[] = [];
  private affinity: Record<string, AffinityEntry>;
  private ipvsCursor: Record<string, number>;
  private lbCursor: Record<string, number>;
  private changed = { affinity: false, ipvs: false, lb: false };
  private newClient: ClientState | undefined;

  constructor(
    readonly state: ClusterState,
    readonly index: NetIndex,
  ) {
    this.rngState = state.rng;
    this.affinity = state.affinity;
    this.ipvsCursor = state.ipvsCursor;
    this.lbCursor = state.lbCursor;
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

  /**
   * A float in [0, 1): exactly sim/rng.ts drawRandom (mulberry32), without allocating a result object
   * per draw (routeRequest draws several times per request; request.test.ts checks both agree).
   */
  random(): number {
    const next = (this.rngState + 0x6d2b79f5) | 0;
    this.rngState = next;
    let t = next;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n), as Rng.index. */
  randomIndex(n: number): number {
    return Math.floor(this.random() * n);
  }

  /** A client port from Linux's default ephemeral range (net.ipv4.ip_local_port_range 32768-60999). */
  ephemeralPort(): number {
    return 32768 + this.randomIndex(60999 - 32768 + 1);
  }

  getAffinity(key: string): AffinityEntry | undefined {
    return this.affinity[key];
  }

  setAffinity(key: string, entry: AffinityEntry): void {
    if (!this.changed.affinity) {
      this.affinity = { ...this.affinity };
      this.changed.affinity = true;
    }
    this.affinity[key] = entry;
  }

  /** Round robin: returns the position to use now and moves the cursor on. */
  nextRoundRobin(kind: 'ipvs' | 'lb', key: string, n: number): number {
    const record = kind === 'ipvs' ? this.ipvsCursor : this.lbCursor;
    const current = (record[key] ?? 0) % Math.max(1, n);
    if (kind === 'ipvs') {
      if (!this.changed.ipvs) {
        this.ipvsCursor = { ...this.ipvsCursor };
        this.changed.ipvs = true;
      }
      this.ipvsCursor[key] = current + 1;
    } else {
      if (!this.changed.lb) {
        this.lbCursor = { ...this.lbCursor };
        this.changed.lb = true;
      }
      this.lbCursor[key] = current + 1;
    }
    return current;
  }

  addClient(client: ClientState): void {
    this.newClient = client;
  }

  /**
   * The state after this request. Written as an explicit literal rather than a spread: the spread of
   * a ~20-key object was a fifth of the routing time in `kubeplay load`. The type checker flags any
   * required ClusterState field added later; an optional one must be added here too (a test in
   * request.test.ts checks that every key of a simulated state survives routing).
   */
  finish(): ClusterState {
    const s = this.state;
    const next: ClusterState = {
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
      ingresses: s.ingresses,
      ingressClasses: s.ingressClasses,
      clients: this.newClient ? [...s.clients, this.newClient] : s.clients,
      outsideHosts: s.outsideHosts,
      events: s.events,
      affinity: this.affinity,
      ipvsCursor: this.ipvsCursor,
      lbCursor: this.lbCursor,
      diagnostics: s.diagnostics,
    };
    if (s.ipamLastReserved !== undefined) next.ipamLastReserved = s.ipamLastReserved;
    if (s.networkPolicies !== undefined) next.networkPolicies = s.networkPolicies;
    // MetalLB's configuration survives a request, or its controller would find no pool on the next pass
    if (s.metallb !== undefined) next.metallb = s.metallb;
    return next;
  }
}

export function addr(ip: string, port: number): string {
  return `${ip}:${port}`;
}

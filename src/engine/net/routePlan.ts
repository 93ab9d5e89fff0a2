/**
 * Compiled request plans: the general routing path (request.ts -> entry.ts -> serviceProxy.ts ->
 * deliver.ts, ingress/) recorded once and replayed. A request's trace depends on the state's arrays
 * (the net index), the settings, the clock, the source, the request, and the decisions it draws: the
 * client's ephemeral port(s), kube-proxy's random endpoint pick, and round-robin cursors (IPVS, the
 * load balancer, an ingress controller's upstream). So a plan is a tree keyed by those decisions: a
 * request draws the same random numbers and cursors the general path would, in the same order, walks
 * the tree by the positions drawn and, at a leaf, renders the recorded trace with its own ports
 * (traceTemplate.ts). A branch never taken yet is recorded then, from the same state, so the general
 * path is the only code that decides anything, for every way in (pod -> Service, node ports, load
 * balancers, Ingress, pod -> pod, outside hosts, and every failure).
 *
 * A leaf is the finished trace of its branch, built once: its hops are frozen and shared, those that
 * show the client's port naming it by its slot in the trace's `ports` (trace.ts, read through
 * readHops.ts), so a replayed request costs a few Map look-ups, the same draws as the general path, and
 * the allocation of a trace and its ports (docs/performance.md#routing).
 *
 * Recording runs the request twice, with two sets of stand-in ports, and keeps the template only if
 * rendering the first with the second's ports gives the second trace exactly: a number in a note or an
 * app's answer that merely looks like a port, or an answer that depends on the port, fails that check
 * and leaves the branch to the general path. Session affinity (clock-dependent), a client created by the
 * request and curl --resolve / --client-ip overrides are routed in full every time.
 */
import type { ClusterState } from '../model/state.ts';
import { printedTrace } from '../readHops.ts';
import type { Trace } from '../trace.ts';
import type { NetIndex } from './netIndex.ts';
import type { PlanStep, Recording } from './routeContext.ts';
import { RequestDraws } from './routeContext.ts';
import type { Holes, TraceTemplate } from './traceTemplate.ts';
import { compileTemplate, sameValue } from './traceTemplate.ts';

export interface PlanRequest {
  from: string;
  url: string;
  headers?: Record<string, string>;
  clientIp?: string;
  resolve?: unknown[];
}

export interface PlannedResult {
  trace: Trace;
  state: ClusterState;
}

/** The general path (request.ts routeInFull), recording into `recording` when it is given. */
export type RouteInFull<R extends PlanRequest> = (
  state: ClusterState,
  index: NetIndex,
  request: R,
  method: string,
  recording: Recording | undefined,
) => PlannedResult;

/** What a node of the tree does (a small integer, so the walk reads one shape of object). */
type Op = 0 | 1 | 2 | 3 | 4;
/** Nothing recorded through here yet. */
const UNRECORDED: Op = 0;
/** The client draws an ephemeral port (a hole in the trace); then `next`. */
const PORT: Op = 1;
/** kube-proxy's random pick among `n` (`mode`); then `children` by the position drawn. */
const PICK: Op = 2;
/** A round-robin cursor (`which`, `key`) over `n`; then `children` by the position. */
const ROUND_ROBIN: Op = 3;
/** The end of a branch: `leaf`. */
const LEAF: Op = 4;

/** A decision point of the tree, or a leaf: the decision (a recorded PlanStep) flattened into it. */
class PlanNode {
  op: Op = UNRECORDED;
  /** The decision as recorded (its position ignored), to check later recordings agree. */
  step: PlanStep | undefined = undefined;
  /** Pick: the proxy mode; RoundRobin: which cursors, the key and its cursorHash. */
  mode = '';
  which: 'ipvs' | 'lb' = 'lb';
  key = '';
  hash = 0;
  n = 0;
  /** After a port. */
  next: PlanNode | undefined = undefined;
  /** After a pick or a round robin, by the position drawn. */
  children: (PlanNode | undefined)[] | undefined = undefined;
  /** At a leaf: the trace to render, or null when this branch is routed in full. */
  leaf: TraceTemplate | null = null;

  /** Records the decision made here. */
  decide(step: PlanStep): void {
    this.step = step;
    if (step.kind === 'port') {
      this.op = PORT;
      return;
    }
    this.n = step.n;
    this.children = [];
    if (step.kind === 'pick') {
      this.op = PICK;
      this.mode = step.mode;
    } else {
      this.op = ROUND_ROBIN;
      this.which = step.which;
      this.key = step.key;
      this.hash = step.hash;
    }
  }
}

/** The plan of one request from one source, valid while these parts of the state stay the same. */
interface PlanRoot {
  settings: ClusterState['settings'];
  clock: number;
  metallb: ClusterState['metallb'];
  /**
   * The outside clients: a client source comes from `state.clients` (its address, its /etc/hosts), and
   * source.ts caches it per net index and clients array, so the plan holds while both stay the same.
   */
  clients: ClusterState['clients'];
  /** Set when a recording touched something a plan cannot replay: every request is routed in full. */
  unplannable: boolean;
  node: PlanNode;
}

/** One URL's plans from one source: a plain GET, and the others by method and headers. */
interface UrlPlans {
  get: PlanRoot | undefined;
  other: Map<string, PlanRoot> | undefined;
}

/** Every plan of one source (over one net index). */
interface SourcePlans {
  byUrl: Map<string, UrlPlans>;
  count: number;
}

/** Stand-in ports of the two recordings: inside the ephemeral range, far apart, as wide as real ones. */
const SENTINEL_A = 47_111;
const SENTINEL_B = 52_939;
/** Plans kept per source and net index before the oldest set is dropped. */
const MAX_PLANS_PER_SOURCE = 1000;

const plans = new WeakMap<NetIndex, Map<string, SourcePlans>>();

const headerKeys = new WeakMap<Record<string, string>, string>();

/** The key of a request that is not a plain GET: its method and headers (the URL is keyed above). */
function otherKey(request: PlanRequest, method: string): string {
  const headers = request.headers;
  if (headers === undefined) return method;
  let text = headerKeys.get(headers);
  if (text === undefined) {
    text = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
    headerKeys.set(headers, text);
  }
  return method === 'GET' ? text : `${method}\n${text}`;
}

/** The plans of the net index used last: consecutive requests nearly always share one. */
let lastIndex: NetIndex | undefined;
let lastPlans: Map<string, SourcePlans> | undefined;

function sourcePlans(index: NetIndex, from: string): SourcePlans {
  let perSource = index === lastIndex ? lastPlans : plans.get(index);
  if (!perSource) {
    perSource = new Map();
    plans.set(index, perSource);
  }
  lastIndex = index;
  lastPlans = perSource;
  let perRequest = perSource.get(from);
  if (!perRequest) {
    perRequest = { byUrl: new Map(), count: 0 };
    perSource.set(from, perRequest);
  }
  return perRequest;
}

function validFor(root: PlanRoot | undefined, state: ClusterState): root is PlanRoot {
  return (
    root !== undefined &&
    root.settings === state.settings &&
    root.clock === state.clock &&
    root.metallb === state.metallb &&
    root.clients === state.clients
  );
}

/**
 * The plan a request object found last, with what it was found by: a caller that routes the same
 * object again (`kubeplay load`, a workload list) skips the look-ups by source and URL, each a hash
 * probe into a table that grows with the clients and URLs seen. Checked field by field, so an object
 * edited between calls finds its plan the long way.
 */
interface Remembered {
  index: NetIndex;
  from: string;
  url: string;
  headers: Record<string, string> | undefined;
  method: string;
  root: PlanRoot;
}

const byRequest = new WeakMap<PlanRequest, Remembered>();

/** The request object routed last and what it found: `kubeplay load` routes one object over and over. */
let lastRequest: PlanRequest | undefined;
let lastKnown: Remembered | undefined;

function rootFor(state: ClusterState, index: NetIndex, request: PlanRequest, method: string): PlanRoot {
  const known = request === lastRequest ? lastKnown : byRequest.get(request);
  if (
    known !== undefined &&
    known.index === index &&
    known.from === request.from &&
    known.url === request.url &&
    known.headers === request.headers &&
    known.method === method &&
    validFor(known.root, state)
  ) {
    lastRequest = request;
    lastKnown = known;
    return known.root;
  }
  const root = rootByKeys(state, index, request, method);
  const { from, url, headers } = request;
  const remembered: Remembered = { index, from, url, headers, method, root };
  byRequest.set(request, remembered);
  lastRequest = request;
  lastKnown = remembered;
  return root;
}

function rootByKeys(state: ClusterState, index: NetIndex, request: PlanRequest, method: string): PlanRoot {
  const perSource = sourcePlans(index, request.from);
  let perUrl = perSource.byUrl.get(request.url);
  const plain = method === 'GET' && request.headers === undefined;
  const key = plain ? '' : otherKey(request, method);
  const hit = perUrl === undefined ? undefined : plain ? perUrl.get : perUrl.other?.get(key);
  if (validFor(hit, state)) return hit;
  const root: PlanRoot = {
    settings: state.settings,
    clock: state.clock,
    metallb: state.metallb,
    clients: state.clients,
    unplannable: false,
    node: new PlanNode(),
  };
  if (perSource.count >= MAX_PLANS_PER_SOURCE) {
    perSource.byUrl.clear();
    perSource.count = 0;
    perUrl = undefined;
  }
  if (perUrl === undefined) {
    perUrl = { get: undefined, other: undefined };
    perSource.byUrl.set(request.url, perUrl);
  }
  if (plain) perUrl.get = root;
  else (perUrl.other ??= new Map()).set(key, root);
  perSource.count++;
  return root;
}

/** The holes of the request being replayed: one array, refilled by every replay. */
const holes: Holes = { ports: [] };

/** Walks the tree with the request's own draws; the leaf reached (its ports in `holes`), or a miss. */
function walk(ctx: RequestDraws, root: PlanNode): TraceTemplate | null | undefined {
  const ports = holes.ports;
  let node: PlanNode | undefined = root;
  let drawn = 0;
  while (node !== undefined) {
    // Slots past `drawn` keep an earlier request's ports; a template reads only the ones it recorded.
    const op = node.op;
    if (op === PORT) {
      ports[drawn++] = ctx.ephemeralPort();
      node = node.next;
    } else if (op === PICK) node = node.children![ctx.randomPosition(node.mode, node.n)];
    else if (op === ROUND_ROBIN)
      node = node.children![ctx.nextRoundRobin(node.which, node.key, node.n, node.hash)];
    else return op === LEAF ? node.leaf : undefined;
  }
  return undefined;
}

function sameDecision(a: PlanStep, b: PlanStep): boolean {
  if (a.kind === 'port' || b.kind === 'port') return a.kind === b.kind;
  if (a.kind === 'pick') return b.kind === 'pick' && a.mode === b.mode && a.n === b.n;
  return b.kind === 'rr' && a.which === b.which && a.key === b.key && a.n === b.n;
}

/** Adds a recorded branch; false if it contradicts the tree (then nothing is trusted). */
function insert(root: PlanNode, steps: readonly PlanStep[], leaf: TraceTemplate | null): boolean {
  let node = root;
  for (const step of steps) {
    if (node.op === LEAF) return false;
    if (node.step === undefined) node.decide(step);
    else if (!sameDecision(node.step, step)) return false;
    node =
      step.kind === 'port'
        ? (node.next ??= new PlanNode())
        : (node.children![step.position] ??= new PlanNode());
  }
  if (node.op !== UNRECORDED) return false;
  node.op = LEAF;
  node.leaf = leaf;
  return true;
}

interface Recorded {
  result: PlannedResult;
  recording: Recording;
}

function record<R extends PlanRequest>(
  state: ClusterState,
  index: NetIndex,
  request: R,
  method: string,
  routeInFull: RouteInFull<R>,
  sentinel: number,
): Recorded {
  const recording: Recording = { steps: [], ports: [], sentinel, unplannable: false };
  return { result: routeInFull(state, index, request, method, recording), recording };
}

function holesOf(ports: readonly number[]): Holes {
  return { ports: [...ports] };
}

/** Records the branch this request takes and returns its result (with the ports actually drawn). */
function recordBranch<R extends PlanRequest>(
  root: PlanRoot,
  state: ClusterState,
  index: NetIndex,
  request: R,
  method: string,
  routeInFull: RouteInFull<R>,
): PlannedResult | undefined {
  const a = record(state, index, request, method, routeInFull, SENTINEL_A);
  if (a.recording.unplannable) {
    root.unplannable = true;
    return undefined;
  }
  const b = record(state, index, request, method, routeInFull, SENTINEL_B);
  const count = a.recording.ports.length;
  const template = compileTemplate(a.result.trace, SENTINEL_A, count);
  const stand = Array.from({ length: count }, (_, i) => SENTINEL_B + i);
  const sound =
    !b.recording.unplannable &&
    b.recording.ports.length === count &&
    // Compared as readers see them: the template's compact path read, the general path's hops.
    sameValue(printedTrace(template.render(holesOf(stand))), printedTrace(b.result.trace));
  if (!insert(root.node, a.recording.steps, sound ? template : null)) {
    root.unplannable = true;
    return undefined;
  }
  if (!sound) return undefined;
  return { trace: template.render(holesOf(a.recording.ports)), state: a.result.state };
}

/**
 * Routes a request by its compiled plan, recording the branch first if no request took it before.
 * Undefined: route it in full (an override, an unplannable request or branch).
 */
export function routeByPlan<R extends PlanRequest>(
  state: ClusterState,
  index: NetIndex,
  request: R,
  method: string,
  routeInFull: RouteInFull<R>,
): PlannedResult | undefined {
  if (request.clientIp !== undefined || request.resolve !== undefined) return undefined;
  const root = rootFor(state, index, request, method);
  if (root.unplannable) return undefined;
  const ctx = new RequestDraws(state);
  const leaf = walk(ctx, root.node);
  if (leaf === null) return undefined;
  if (leaf === undefined) return recordBranch(root, state, index, request, method, routeInFull);
  return { trace: leaf.render(holes), state: ctx.finish() };
}

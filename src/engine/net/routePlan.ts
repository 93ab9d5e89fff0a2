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
 * Recording runs the request twice, with two sets of stand-in ports, and keeps the template only if
 * rendering the first with the second's ports gives the second trace exactly: a number in a note or an
 * app's answer that merely looks like a port, or an answer that depends on the port, fails that check
 * and leaves the branch to the general path. Session affinity (clock-dependent), a client created by the
 * request and curl --resolve / --client-ip overrides are routed in full every time.
 */
import type { ClusterState } from '../model/state.ts';
import type { Trace } from '../trace.ts';
import type { NetIndex } from './netIndex.ts';
import type { PlanStep, Recording } from './routeContext.ts';
import { RouteContext } from './routeContext.ts';
import type { Source } from './source.ts';
import { findSourceCached } from './source.ts';
import type { TraceTemplate } from './traceTemplate.ts';
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

/** Routes the request down the general path, recording into `recording` when it is given. */
export type RouteInFull = (recording: Recording | undefined) => PlannedResult;

/** A decision point of the tree, or a leaf. */
interface PlanNode {
  /** The decision made here (its position field is ignored); undefined until recorded, and at a leaf. */
  step: PlanStep | undefined;
  /** After a `port` step. */
  next: PlanNode | undefined;
  /** After a `pick` or `rr` step, by the position drawn. */
  children: (PlanNode | undefined)[] | undefined;
  /** At a leaf: the trace to render, or null when this branch is routed in full. */
  leaf: TraceTemplate<Trace> | null | undefined;
}

/** The plan of one request from one source, valid while these parts of the state stay the same. */
interface PlanRoot {
  settings: ClusterState['settings'];
  clock: number;
  metallb: ClusterState['metallb'];
  /**
   * An outside client comes from `state.clients` (its address, its /etc/hosts): the plan holds while
   * findSourceCached hands back the same Source object.
   */
  client: Source | undefined;
  /** Set when a recording touched something a plan cannot replay: every request is routed in full. */
  unplannable: boolean;
  node: PlanNode;
}

/** Stand-in ports of the two recordings: inside the ephemeral range, far apart, as wide as real ones. */
const SENTINEL_A = 47_111;
const SENTINEL_B = 52_939;
/** Plans kept per source and net index before the oldest set is dropped. */
const MAX_PLANS_PER_SOURCE = 1000;

const plans = new WeakMap<NetIndex, Map<string, Map<string, PlanRoot>>>();

const headerKeys = new WeakMap<Record<string, string>, string>();

/** The request's identity: a plain GET is keyed by its URL text alone. */
function requestKey(request: PlanRequest, method: string): string {
  const headers = request.headers;
  if (headers === undefined) return method === 'GET' ? request.url : `${method} ${request.url}`;
  let text = headerKeys.get(headers);
  if (text === undefined) {
    text = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
    headerKeys.set(headers, text);
  }
  return `${method} ${request.url}\n${text}`;
}

function newNode(): PlanNode {
  return { step: undefined, next: undefined, children: undefined, leaf: undefined };
}

function clientStamp(state: ClusterState, index: NetIndex, from: string): Source | undefined {
  if (!from.startsWith('client/')) return undefined;
  const found = findSourceCached(state, index, from, undefined);
  return found.ok ? found.source : undefined;
}

function rootFor(state: ClusterState, index: NetIndex, request: PlanRequest, method: string): PlanRoot {
  let perSource = plans.get(index);
  if (!perSource) {
    perSource = new Map();
    plans.set(index, perSource);
  }
  let perRequest = perSource.get(request.from);
  if (!perRequest) {
    perRequest = new Map();
    perSource.set(request.from, perRequest);
  }
  const key = requestKey(request, method);
  const client = clientStamp(state, index, request.from);
  const hit = perRequest.get(key);
  if (
    hit &&
    hit.settings === state.settings &&
    hit.clock === state.clock &&
    hit.metallb === state.metallb &&
    hit.client === client
  )
    return hit;
  const root: PlanRoot = {
    settings: state.settings,
    clock: state.clock,
    metallb: state.metallb,
    client,
    unplannable: false,
    node: newNode(),
  };
  if (perRequest.size >= MAX_PLANS_PER_SOURCE) perRequest.clear();
  perRequest.set(key, root);
  return root;
}

/** Walks the tree with the request's own draws; the leaf reached and the ports drawn, or a miss. */
function walk(ctx: RouteContext, root: PlanNode, ports: number[]): TraceTemplate<Trace> | null | undefined {
  let node: PlanNode | undefined = root;
  while (node) {
    if (node.leaf !== undefined) return node.leaf;
    const step = node.step;
    if (step === undefined) return undefined;
    if (step.kind === 'port') {
      ports.push(ctx.ephemeralPort());
      node = node.next;
    } else {
      const position =
        step.kind === 'pick'
          ? ctx.randomPosition(step.mode, step.n)
          : ctx.nextRoundRobin(step.which, step.key, step.n);
      node = node.children?.[position];
    }
  }
  return undefined;
}

function sameDecision(a: PlanStep, b: PlanStep): boolean {
  if (a.kind === 'port' || b.kind === 'port') return a.kind === b.kind;
  if (a.kind === 'pick') return b.kind === 'pick' && a.mode === b.mode && a.n === b.n;
  return b.kind === 'rr' && a.which === b.which && a.key === b.key && a.n === b.n;
}

/** Adds a recorded branch; false if it contradicts the tree (then nothing is trusted). */
function insert(root: PlanNode, steps: readonly PlanStep[], leaf: TraceTemplate<Trace> | null): boolean {
  let node = root;
  for (const step of steps) {
    if (node.leaf !== undefined) return false;
    if (node.step === undefined) node.step = step;
    else if (!sameDecision(node.step, step)) return false;
    let child: PlanNode | undefined;
    if (step.kind === 'port') {
      child = node.next ??= newNode();
    } else {
      const children = (node.children ??= []);
      child = children[step.position] ??= newNode();
    }
    node = child;
  }
  if (node.step !== undefined) return false;
  node.leaf = leaf;
  return true;
}

function record(routeInFull: RouteInFull, sentinel: number): { result: PlannedResult; recording: Recording } {
  const recording: Recording = { steps: [], ports: [], sentinel, unplannable: false };
  return { result: routeInFull(recording), recording };
}

/** Records the branch this request takes and returns its result (with the ports actually drawn). */
function recordBranch(root: PlanRoot, routeInFull: RouteInFull): PlannedResult | undefined {
  const a = record(routeInFull, SENTINEL_A);
  if (a.recording.unplannable) {
    root.unplannable = true;
    return undefined;
  }
  const b = record(routeInFull, SENTINEL_B);
  const holes = a.recording.ports.length;
  const template = compileTemplate(a.result.trace, SENTINEL_A, holes);
  const stand = Array.from({ length: holes }, (_, i) => SENTINEL_B + i);
  const sound =
    !b.recording.unplannable &&
    b.recording.ports.length === holes &&
    sameValue(template.render(stand), b.result.trace);
  if (!insert(root.node, a.recording.steps, sound ? template : null)) {
    root.unplannable = true;
    return undefined;
  }
  if (!sound) return undefined;
  return { trace: template.render(a.recording.ports), state: a.result.state };
}

/**
 * Routes a request by its compiled plan, recording the branch first if no request took it before.
 * Undefined: route it in full (an override, an unplannable request or branch).
 */
export function routeByPlan(
  state: ClusterState,
  index: NetIndex,
  request: PlanRequest,
  method: string,
  routeInFull: RouteInFull,
): PlannedResult | undefined {
  if (request.clientIp !== undefined || request.resolve !== undefined) return undefined;
  const root = rootFor(state, index, request, method);
  if (root.unplannable) return undefined;
  const ctx = new RouteContext(state, index);
  const ports: number[] = [];
  const leaf = walk(ctx, root.node, ports);
  if (leaf === null) return undefined;
  if (leaf === undefined) return recordBranch(root, routeInFull);
  return { trace: leaf.render(ports), state: ctx.finish() };
}

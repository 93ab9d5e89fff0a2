/**
 * The endpoints and EndpointSlice controllers' last pass, remembered, so that the next pass recomputes
 * only the Services whose inputs changed (docs/performance.md#the-endpoints-passes-remembered).
 *
 * A Service's Endpoints subsets and EndpointSlices are a function of its manifest, the pods it selects
 * (their `metadata`, `spec` and `status`: labels, deletion, containers' ports, hostname, node, phase, IP,
 * readiness) and, for the slices, the zone label of those pods' nodes. The state treats those values as
 * immutable and replaces them when they change (sim/copyState.ts; the Worker's delta relies on the same
 * rule), so the same objects mean the same inputs. Each pass therefore compares the pods with the last
 * pass's by identity (`comparePods`): a pod whose metadata, spec or status is another object, one that
 * came or went, is a change, described by its old and new metadata (namespace and labels). A Service
 * none of whose changes its selector matches, whose manifest is the same object, and whose stored
 * Endpoints (or slices) are still the very objects the last pass left, selects the same pods with the
 * same inputs: the controller would compute the same value and keep the stored one, so the pass keeps
 * it without computing. Anything the comparison cannot describe cheaply (no previous pass, pods
 * reordered, a metadata object shared by two pods, more changes than `MAX_CHANGES`) makes every Service
 * count as changed: the full pass, as before.
 *
 * The last few passes are remembered (`rememberPass`), whatever states they ran on, and a pass starts
 * from the one that shares the most pods with its state (`closestPass`): a build from scratch between
 * two edits of the page's cluster does not make the next edit start over. A pass over an unrelated
 * state (another simulation, a structured clone) simply finds every pod changed. The equivalence is tested by running
 * the same steps with and without the memory (endpointsMemo.test.ts, sim/controllerMemo.test.ts).
 */
import type {
  EndpointSubset,
  ObjectMeta,
  ServiceManifest,
  SliceEndpoint,
  SlicePort,
} from '../model/objects.ts';
import type { ClusterState, EndpointSliceState, PodState } from '../model/state.ts';
import { matchesLabels } from './labels.ts';

/** Past this many changed pods a pass recomputes every Service (matching them all would cost more). */
export const MAX_CHANGES = 64;

/** What a pod contributed to a pass, besides its metadata (the key). */
interface PodInputs {
  at: number;
  spec: PodState['spec'];
  status: PodState['status'];
}

/** A controller-kept slice as a pass left it: its name and the values a later pass must find again. */
export interface KeptSlice {
  key: string;
  endpoints: SliceEndpoint[];
  ports: SlicePort[];
  metadata: ObjectMeta;
  owner: EndpointSliceState['owner'];
}

/** A managed Endpoints' values as a pass left them. */
export interface StoredEndpoints {
  subsets: EndpointSubset[];
  metadata: ObjectMeta;
}

/** What one Service's endpoints were last computed from and what the pass stored. */
export interface ServiceRecord<T> {
  manifest: ServiceManifest;
  stored: T;
}

/** One pass, remembered. */
export interface EndpointsPassRecord {
  pods: Map<ObjectMeta, PodInputs>;
  /** The zone label of each node (slices carry it per endpoint). */
  zones: Map<string, string | undefined>;
  endpoints: Map<string, ServiceRecord<StoredEndpoints>>;
  slices: Map<string, ServiceRecord<KeptSlice[]>>;
}

/** What a controller may reuse in this pass, and where it records what it stored. */
export interface ServiceReuse<T> {
  /** The last pass's records, or undefined when every Service must be computed. */
  previous: Map<string, ServiceRecord<T>> | undefined;
  /** Whether no pod this Service could select came, went or changed since the last pass. */
  podsUnchanged(svc: ServiceManifest): boolean;
  next: Map<string, ServiceRecord<T>>;
}

export interface EndpointsPass {
  endpoints: ServiceReuse<StoredEndpoints>;
  slices: ServiceReuse<KeptSlice[]>;
  record: EndpointsPassRecord | undefined;
}

/**
 * The pods of this pass keyed by their metadata, and the metadata (old and new) of every pod that came,
 * went or changed since `previous`; `changed` is undefined when that cannot be said cheaply, and
 * `pods` when two pods share a metadata object (then nothing can be remembered).
 */
export function comparePods(
  previous: Map<ObjectMeta, PodInputs> | undefined,
  pods: readonly PodState[],
): { pods: Map<ObjectMeta, PodInputs> | undefined; changed: ObjectMeta[] | undefined } {
  const now = new Map<ObjectMeta, PodInputs>();
  let changed: ObjectMeta[] | undefined = previous ? [] : undefined;
  let lastAt = -1;
  let kept = 0;
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i] as PodState;
    const meta = pod.metadata;
    if (now.has(meta)) return { pods: undefined, changed: undefined };
    now.set(meta, { at: i, spec: pod.spec, status: pod.status });
    if (!changed || !previous) continue;
    const before = previous.get(meta);
    if (!before) {
      changed.push(meta);
    } else {
      kept++;
      // The pods a Service selects are listed in state.pods order, and the Endpoints subsets follow
      // the order their port sets first appear in: pods that moved make every Service count as changed.
      if (before.at < lastAt) changed = undefined;
      else {
        lastAt = before.at;
        if (before.spec !== pod.spec || before.status !== pod.status) changed.push(meta);
      }
    }
    if (changed && changed.length > MAX_CHANGES) changed = undefined;
  }
  if (changed && previous && kept < previous.size) {
    for (const meta of previous.keys()) if (!now.has(meta)) changed.push(meta);
    if (changed.length > MAX_CHANGES) changed = undefined;
  }
  return { pods: now, changed };
}

function zonesOf(state: ClusterState, zoneLabel: string): Map<string, string | undefined> {
  return new Map(state.nodes.map((n) => [n.name, n.labels[zoneLabel]]));
}

function sameZones(a: Map<string, string | undefined>, b: Map<string, string | undefined>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, zone] of a) if (!b.has(name) || b.get(name) !== zone) return false;
  return true;
}

const ALWAYS_CHANGED = () => false;

/**
 * Whether a Service's selector matches none of the changed pods' metadata. The changes are listed by
 * each of their labels (`namespace`, key, value), so a Service looks at those sharing its first
 * selector label only, and each Service is answered once per pass (both controllers ask).
 */
function unchangedFor(changed: readonly ObjectMeta[]): (svc: ServiceManifest) => boolean {
  const byLabel = new Map<string, ObjectMeta[]>();
  for (const meta of changed)
    for (const key in meta.labels) {
      const at = `${meta.namespace}\u0000${key}=${meta.labels[key] ?? ''}`;
      const list = byLabel.get(at);
      if (list) list.push(meta);
      else byLabel.set(at, [meta]);
    }
  const answers = new Map<ServiceManifest, boolean>();
  return (svc) => {
    let answer = answers.get(svc);
    if (answer !== undefined) return answer;
    const selector = svc.spec.selector ?? {};
    let first: string | undefined;
    for (const key in selector) {
      first = key;
      break;
    }
    // an empty selector (no controller keeps its endpoints) matches every pod of the namespace
    const candidates =
      first === undefined
        ? changed.filter((m) => m.namespace === svc.metadata.namespace)
        : (byLabel.get(`${svc.metadata.namespace}\u0000${first}=${selector[first] ?? ''}`) ?? []);
    answer = !candidates.some(
      (m) => m.namespace === svc.metadata.namespace && matchesLabels(m.labels, selector),
    );
    answers.set(svc, answer);
    return answer;
  };
}

function reuse<T>(
  previous: Map<string, ServiceRecord<T>> | undefined,
  podsUnchanged: (svc: ServiceManifest) => boolean,
): ServiceReuse<T> {
  return { previous, podsUnchanged, next: new Map() };
}

/** Begins the endpoints controllers' pass over `state`, against the pass remembered last. */
export function beginEndpointsPass(
  last: EndpointsPassRecord | undefined,
  state: ClusterState,
  zoneLabel: string,
): EndpointsPass {
  const { pods, changed } = comparePods(last?.pods, state.pods);
  const zones = zonesOf(state, zoneLabel);
  const podsUnchanged = changed === undefined ? ALWAYS_CHANGED : unchangedFor(changed);
  const usable = changed !== undefined && last !== undefined;
  return {
    endpoints: reuse(usable ? last.endpoints : undefined, podsUnchanged),
    slices: reuse(usable && sameZones(last.zones, zones) ? last.slices : undefined, podsUnchanged),
    record: pods && { pods, zones, endpoints: new Map(), slices: new Map() },
  };
}

/** What the pass stored, to be remembered (undefined: nothing can be). */
export function finishEndpointsPass(pass: EndpointsPass): EndpointsPassRecord | undefined {
  if (!pass.record) return undefined;
  return { ...pass.record, endpoints: pass.endpoints.next, slices: pass.slices.next };
}

/** How many passes are remembered (each holds its pods' inputs: about 1,000 entries at 1,000 pods). */
export const REMEMBERED_PASSES = 4;

/** Pods sampled to find the remembered pass closest to a state. */
const SAMPLES = 8;

/** The remembered pass sharing the most of the sampled pods with `state`, newest first on ties. */
export function closestPass(
  passes: readonly EndpointsPassRecord[],
  state: ClusterState,
): EndpointsPassRecord | undefined {
  const { pods } = state;
  const step = Math.max(1, Math.floor(pods.length / SAMPLES));
  let best: EndpointsPassRecord | undefined;
  let bestHits = 0;
  for (const pass of passes) {
    let hits = 0;
    for (let i = 0; i < pods.length; i += step) if (pass.pods.has((pods[i] as PodState).metadata)) hits++;
    if (hits > bestHits) {
      best = pass;
      bestHits = hits;
    }
  }
  return best;
}

/** `passes` with `pass` first, the oldest beyond REMEMBERED_PASSES (and the one it started from) dropped. */
export function rememberPass(
  passes: readonly EndpointsPassRecord[],
  from: EndpointsPassRecord | undefined,
  pass: EndpointsPassRecord | undefined,
): EndpointsPassRecord[] {
  // the pass it started from describes an older version of the same pods: the new one replaces it
  const others = passes.filter((p) => p !== from);
  return (pass ? [pass, ...others] : others).slice(0, REMEMBERED_PASSES);
}

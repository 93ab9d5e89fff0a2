/**
 * Pods indexed by namespace and by `namespace + label=value`, built once per controller pass so that
 * selector look-ups cost the size of the smallest matching label posting, not the whole pod list
 * (the benchmark's 1,000 pods x 200 Services must stay near-linear).
 */
import type { PodState } from '../model/state.ts';
import { matchesLabels } from './labels.ts';

export interface PodIndex {
  byNamespace: Map<string, PodState[]>;
  /** Pods by namespace, label key and label value (nested maps: the strings are the pods' own, hashed once). */
  byLabel: Map<string, Map<string, Map<string, PodState[]>>>;
}

export function indexPods(pods: PodState[]): PodIndex {
  const byNamespace = new Map<string, PodState[]>();
  const byLabel = new Map<string, Map<string, Map<string, PodState[]>>>();
  for (const pod of pods) {
    const ns = pod.metadata.namespace;
    let list = byNamespace.get(ns);
    let keys = byLabel.get(ns);
    if (!list) byNamespace.set(ns, (list = []));
    if (!keys) byLabel.set(ns, (keys = new Map()));
    list.push(pod);
    const labels = pod.metadata.labels;
    for (const key in labels) {
      const value = labels[key] ?? '';
      let values = keys.get(key);
      if (!values) keys.set(key, (values = new Map()));
      const posting = values.get(value);
      if (posting) posting.push(pod);
      else values.set(value, [pod]);
    }
  }
  return { byNamespace, byLabel };
}

/** Pods of `namespace` whose labels match the map selector. An empty selector matches all of them. */
export function selectPods(index: PodIndex, namespace: string, selector: Record<string, string>): PodState[] {
  let smallest: PodState[] | undefined;
  const keys = index.byLabel.get(namespace);
  for (const key in selector) {
    const posting = keys?.get(key)?.get(selector[key] ?? '');
    if (!posting) return [];
    if (!smallest || posting.length < smallest.length) smallest = posting;
  }
  const candidates = smallest ?? index.byNamespace.get(namespace) ?? [];
  return candidates.filter((p) => matchesLabels(p.metadata.labels, selector));
}

/** A look-up of the pods a map selector matches in a namespace, as `selectPods` answers it. */
export type PodSelect = (namespace: string, selector: Record<string, string>) => PodState[];

/** Look-ups a selector answers by scanning the namespace's pods before it indexes them all. */
const SCANS_BEFORE_INDEX = 8;

/**
 * `selectPods` over `pods`, indexing them by label only once a few look-ups have been answered by
 * scanning their namespace: a controller pass that recomputes only the Services whose pods changed
 * (endpointsMemo.ts) asks for a handful, and an index of 1,000 pods by every label costs more than a
 * few scans. A scan gives the same pods in the same (`pods`) order as the index. `pods` must not
 * change while the look-up is in use.
 */
export function podSelect(pods: PodState[]): PodSelect {
  let index: PodIndex | undefined;
  let byNamespace: Map<string, PodState[]> | undefined;
  let scans = 0;
  // The endpoints and EndpointSlice controllers ask for each Service's selector in turn: the second
  // asks with the same selector object, and gets the first answer (callers only read it).
  const answers = new Map<Record<string, string>, { namespace: string; pods: PodState[] }>();
  return (namespace, selector) => {
    const known = answers.get(selector);
    if (known && known.namespace === namespace) return known.pods;
    const found = select(namespace, selector);
    answers.set(selector, { namespace, pods: found });
    return found;
  };
  function select(namespace: string, selector: Record<string, string>): PodState[] {
    if (!index && scans < SCANS_BEFORE_INDEX) {
      scans++;
      if (!byNamespace) {
        byNamespace = new Map();
        for (const pod of pods) {
          const list = byNamespace.get(pod.metadata.namespace);
          if (list) list.push(pod);
          else byNamespace.set(pod.metadata.namespace, [pod]);
        }
      }
      return (byNamespace.get(namespace) ?? []).filter((p) => matchesLabels(p.metadata.labels, selector));
    }
    index ??= indexPods(pods);
    return selectPods(index, namespace, selector);
  }
}

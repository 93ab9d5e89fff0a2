/**
 * Whether the working copy still is what an entry holds. The cluster is a function of the YAML, the
 * seed and the actions (docs/decisions.md#state-is-a-function), and the layout is the user's own arrangement, so those four
 * count; the selection and the request bar are where the user looks, not what they made. Time passing
 * (`wait` actions: the page clock takes them by itself while pods start or terminate) is not something
 * the user made either: a copy that only waited longer is still the entry, and the summary's action
 * count leaves waits out (src/ui/library/entrySummary.ts).
 */
import type { Action } from '../../engine/index.ts';
import type { SharedScenario } from '../../share/index.ts';

/** The actions that change the cluster, without the time that passed between them. */
export function actionsWithoutWaits(actions: readonly Action[]): Action[] {
  return actions.filter((action) => action.type !== 'wait');
}

export function isSameContent(a: SharedScenario, b: SharedScenario): boolean {
  return (
    a.yaml === b.yaml &&
    a.seed === b.seed &&
    toCanonicalJson(actionsWithoutWaits(a.actions)) === toCanonicalJson(actionsWithoutWaits(b.actions)) &&
    toLayoutKey(a.layout) === toLayoutKey(b.layout)
  );
}

/** The layout in a canonical order (object key order says nothing about the arrangement). */
function toLayoutKey(layout: SharedScenario['layout']): string {
  const entries = Object.entries(layout ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return JSON.stringify(entries.map(([id, p]) => [id, p.x, p.y]));
}

/**
 * JSON with object keys sorted: an action restored from storage (restoreAction) lists its fields in
 * its schema's order, which need not be the order the engine built it in.
 */
function toCanonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : item,
  );
}

/**
 * The screen's layout, remembered per browser: which panels are open and how large they are. The saved
 * value is untrusted on the way back (another version, a hand edit), so it is read field by field.
 * With nothing saved, the layout fits the screen: the graph gets most of it on every size.
 */
import type { KeyValueStorage } from '../../store/persistence.ts';
import { applyLayout } from '../../store/viewActions.ts';
import type { BottomTab, ViewState, ViewStore } from '../../store/viewStore.ts';

export const LAYOUT_STORAGE_KEY = 'kubeplay.layout.v1';

export type Layout = Pick<
  ViewState,
  | 'editorOpen'
  | 'editorWidth'
  | 'detailsOpen'
  | 'detailsWidth'
  | 'lessonsWidth'
  | 'bottomOpen'
  | 'bottomTab'
  | 'bottomHeight'
>;

const LAYOUT_FIELDS: (keyof Layout)[] = [
  'editorOpen',
  'editorWidth',
  'detailsOpen',
  'detailsWidth',
  'lessonsWidth',
  'bottomOpen',
  'bottomTab',
  'bottomHeight',
];
const TABS: BottomTab[] = ['terminal', 'problems', 'traffic'];

/** Limits that keep a saved size usable on any screen (a panel dragged huge on a wide monitor). */
export const SIZE_LIMITS = {
  editorWidth: { min: 260, max: 1000 },
  detailsWidth: { min: 240, max: 600 },
  lessonsWidth: { min: 260, max: 600 },
  bottomHeight: { min: 140, max: 900 },
} as const;

/**
 * What opens first, by screen width: the YAML beside the graph from a small laptop up (1280), the
 * details column only where there is room for it as well (1440); below, the graph alone and the panels
 * one click away. The bottom panel starts closed: the terminal opens tall when it is used.
 */
export function defaultLayout(viewportWidth: number): Layout {
  return {
    editorOpen: viewportWidth >= 1280,
    editorWidth: viewportWidth >= 1600 ? 440 : 380,
    detailsOpen: viewportWidth >= 1440,
    detailsWidth: 300,
    lessonsWidth: 340,
    bottomOpen: false,
    bottomTab: 'terminal',
    bottomHeight: 260,
  };
}

export function restoreLayout(text: string | null, fallback: Layout): Layout {
  if (!text) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fallback;
  }
  if (typeof value !== 'object' || value === null) return fallback;
  const saved = value as Record<string, unknown>;
  const flag = (key: 'editorOpen' | 'detailsOpen' | 'bottomOpen') =>
    typeof saved[key] === 'boolean' ? saved[key] : fallback[key];
  const size = (key: keyof typeof SIZE_LIMITS) => {
    const n = saved[key];
    const { min, max } = SIZE_LIMITS[key];
    return typeof n === 'number' && Number.isFinite(n)
      ? Math.min(max, Math.max(min, Math.round(n)))
      : fallback[key];
  };
  const tab = saved.bottomTab;
  return {
    editorOpen: flag('editorOpen'),
    editorWidth: size('editorWidth'),
    detailsOpen: flag('detailsOpen'),
    detailsWidth: size('detailsWidth'),
    lessonsWidth: size('lessonsWidth'),
    bottomOpen: flag('bottomOpen'),
    bottomTab: TABS.includes(tab as BottomTab) ? (tab as BottomTab) : fallback.bottomTab,
    bottomHeight: size('bottomHeight'),
  };
}

export function layoutOf(state: ViewState): Layout {
  const layout = {} as Record<keyof Layout, unknown>;
  for (const key of LAYOUT_FIELDS) layout[key] = state[key];
  return layout as Layout;
}

/** Reads the saved layout into the view, then saves every later change to it. Returns the unsubscribe. */
export function rememberLayout(
  view: ViewStore,
  storage: KeyValueStorage | null,
  viewportWidth: number,
): () => void {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(LAYOUT_STORAGE_KEY) ?? null;
  } catch {
    saved = null;
  }
  applyLayout(view, restoreLayout(saved, defaultLayout(viewportWidth)));
  return view.subscribe((next, previous) => {
    if (LAYOUT_FIELDS.every((key) => next[key] === previous[key])) return;
    try {
      storage?.setItem(LAYOUT_STORAGE_KEY, JSON.stringify(layoutOf(next)));
    } catch {
      // Storage full or disabled: the layout lasts for this page only.
    }
  });
}

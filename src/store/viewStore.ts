/**
 * The view: what one person is looking at. Ephemeral: never shared, never replayed.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { GraphId, QuickFix } from '../engine/index.ts';
import type { LessonProgress } from '../lessons/index.ts';

export type Theme = 'light' | 'dark';
export type BottomTab = 'terminal' | 'problems' | 'traffic';
/** The panels around the graph that open and close, each on its own. */
export type SidePanel = 'editor' | 'details' | 'lessons';
/** Everything that can be resized by a splitter. */
export type PanelSize = 'editorWidth' | 'detailsWidth' | 'lessonsWidth' | 'bottomHeight';
export type Speed = 0.25 | 0.5 | 1 | 2;
/** How hops are narrated: plain sentences (students) or the engine's chains and rules (engineers). */
export type NarrationLevel = 'plain' | 'details';

export interface ViewState {
  selection: GraphId | null;
  /** Positions the user dragged things to, by graph id; everything else is laid out automatically. */
  positions: Record<GraphId, { x: number; y: number }>;
  theme: Theme;
  /** Width of the YAML side panel in CSS pixels. */
  editorWidth: number;
  editorOpen: boolean;
  /** The details column beside the graph: the focused request's steps and the selected object. */
  detailsOpen: boolean;
  detailsWidth: number;
  /** Width of the lessons side panel in CSS pixels. */
  lessonsWidth: number;
  /** The bottom panel (Terminal | Problems | Traffic) is open, showing `bottomTab`; closed, only its tabs show. */
  bottomOpen: boolean;
  bottomTab: BottomTab;
  /** Height of the open bottom panel in CSS pixels. */
  bottomHeight: number;
  helpOpen: boolean;
  /** Animation speed factor; 1 = one hop every ~0.7 s. */
  speed: Speed;
  paused: boolean;
  /** Step mode: the focused request moves one hop per click. */
  stepMode: boolean;
  /** The hop the focused request sits at in step mode. */
  stepHop: number;
  reducedMotion: boolean;
  /** Show CoreDNS pods and the kube-dns/kubernetes Services (hidden by default: the DNS card stands for them). */
  showSystem: boolean;
  /** Set by the problems list and "Show in YAML"; the editor reveals it (highlighting the line if asked). */
  revealRequest: {
    line: number;
    column: number;
    nonce: number;
    highlight?: boolean;
    /** Highlight the line briefly (a document revealed from the graph). */
    flash?: boolean;
    /** Keep the keyboard where it is (a click on the graph must not send keys to the YAML). */
    keepFocus?: boolean;
  } | null;
  /** Graph objects made by the document the editor's cursor is in (only while the editor has the focus). */
  cursorObjects: GraphId[];
  /** A graph object was asked for its document and none made it (the cluster's own, or a command's). */
  noDocumentFor: GraphId | null;
  /** A quick fix for the editor to apply as one undoable edit ("Why did this request fail?"). */
  quickFixRequest: { fix: QuickFix; nonce: number } | null;
  /** Incremented to ask the graph to fit everything into view. */
  fitNonce: number;
  /** A one-line message for the header (a broken share link, a copied link). */
  notice: string | null;
  /** The request bar's fields, shared with the traffic generator. */
  draft: RequestDraft;
  /** True until the user touches the request bar: the app may then suggest a request that works. */
  draftPristine: boolean;
  /** The lessons panel is shown. */
  lessonsOpen: boolean;
  /** The lesson the student follows and the step they are on (a share link may carry it). */
  lesson: LessonProgress | null;
  /** Steps of that lesson the student completed (not merely skipped), by index. */
  lessonDone: number[];
  /** Graph id patterns the current lesson step lights up (`pod/default/kubia-*`). */
  lessonHighlight: string[];
  /** A lesson file of the teacher's own (opened from disk or a link), offered beside the bundled ones. */
  customLesson: CustomLesson | null;
  /** Presenter mode (projector): graph full width, large type, a caption for the current hop. */
  presenter: boolean;
  /** The hop captions' level (remembered per browser, carried by share links: src/store/narration.ts). */
  narration: NarrationLevel;
  /**
   * The NetworkPolicy whose allowed traffic the graph draws (its edges, the rest dimmed), asked for from
   * its inspector; null when none. Selecting anything else hides it (src/store/allowedTraffic.ts).
   */
  allowedTrafficOf: GraphId | null;
}

/** A lesson file's text and the id it declares (the text is parsed where the lessons are shown). */
export interface CustomLesson {
  id: string;
  source: string;
}

export interface RequestDraft {
  from: GraphId;
  url: string;
  /** Optional Host header, as `curl -H 'Host: …'` sends it (how a laptop reaches an Ingress by name). */
  host: string;
}

export type ViewStore = StoreApi<ViewState>;

export function createViewStore(initial: Partial<ViewState> = {}): ViewStore {
  return createStore<ViewState>()(() => ({
    selection: null,
    positions: {},
    theme: 'light',
    editorWidth: 380,
    editorOpen: true,
    detailsOpen: true,
    detailsWidth: 300,
    lessonsWidth: 340,
    bottomOpen: false,
    bottomTab: 'terminal',
    bottomHeight: 260,
    helpOpen: false,
    speed: 1,
    paused: false,
    stepMode: false,
    stepHop: 0,
    reducedMotion: false,
    showSystem: false,
    notice: null,
    fitNonce: 0,
    revealRequest: null,
    cursorObjects: [],
    noDocumentFor: null,
    quickFixRequest: null,
    draft: { from: 'client/laptop', url: 'http://kubia', host: '' },
    draftPristine: true,
    lessonsOpen: false,
    lesson: null,
    lessonDone: [],
    lessonHighlight: [],
    customLesson: null,
    presenter: false,
    narration: 'plain',
    allowedTrafficOf: null,
    ...initial,
  }));
}

/**
 * Height of the bottom panel that shows at least 20 terminal rows (16 px type, 1.15 line height: xterm
 * draws 21 px rows, 420 px, plus the splitter, the tab strip, the hint line and padding). A terminal in
 * use never opens smaller: a command's output (all of `env`) stays on screen; no taller either, so the
 * graph keeps its share of a laptop screen (e2e/stage.spec.ts measures both).
 */
export const TERMINAL_IN_USE_HEIGHT = 495;

/**
 * Selecting an object shows its details (the column opens if it was closed). Selecting anything but
 * the policy whose allowed traffic is drawn hides that drawing.
 */
export function select(store: ViewStore, id: GraphId | null): void {
  const shown = store.getState().allowedTrafficOf;
  const hide = shown !== null && shown !== id ? { allowedTrafficOf: null } : {};
  store.setState(id === null ? { selection: null, ...hide } : { selection: id, detailsOpen: true, ...hide });
}

const panelFlag = { editor: 'editorOpen', details: 'detailsOpen', lessons: 'lessonsOpen' } as const;

export function togglePanel(store: ViewStore, panel: SidePanel): void {
  const flag = panelFlag[panel];
  store.setState((s) => ({ [flag]: !s[flag] }));
}

/** A lesson is read beside the graph: opening it makes room by closing the YAML (its button brings it back). */
export function toggleLessons(store: ViewStore): void {
  store.setState((s) => (s.lessonsOpen ? { lessonsOpen: false } : { lessonsOpen: true, editorOpen: false }));
}

export function closePanel(store: ViewStore, panel: SidePanel): void {
  store.setState({ [panelFlag[panel]]: false });
}

/** Opens the bottom panel on a tab; the terminal opens tall enough to read a command's output. */
export function showBottomTab(store: ViewStore, tab: BottomTab): void {
  store.setState((s) => ({
    bottomOpen: true,
    bottomTab: tab,
    bottomHeight: tab === 'terminal' ? Math.max(s.bottomHeight, TERMINAL_IN_USE_HEIGHT) : s.bottomHeight,
  }));
}

/** A tab's button: opens the panel on it, or closes the panel when that tab is already shown. */
export function toggleBottomTab(store: ViewStore, tab: BottomTab): void {
  const { bottomOpen, bottomTab } = store.getState();
  if (bottomOpen && bottomTab === tab) store.setState({ bottomOpen: false });
  else showBottomTab(store, tab);
}

export function hideBottom(store: ViewStore): void {
  store.setState({ bottomOpen: false });
}

export function showTerminal(store: ViewStore): void {
  showBottomTab(store, 'terminal');
}

/** Graph only: every panel closed. Pressed again, the YAML comes back. */
export function toggleGraphOnly(store: ViewStore): void {
  const s = store.getState();
  if (isGraphOnly(s)) store.setState({ editorOpen: true });
  else store.setState({ editorOpen: false, detailsOpen: false, lessonsOpen: false, bottomOpen: false });
}

export function isGraphOnly(s: ViewState): boolean {
  return !s.editorOpen && !s.detailsOpen && !s.lessonsOpen && !s.bottomOpen;
}

export function resizePanel(store: ViewStore, size: PanelSize, value: number): void {
  store.setState({ [size]: Math.round(value) });
}

export function setPresenter(store: ViewStore, on: boolean): void {
  store.setState({ presenter: on });
}

export function setReducedMotion(store: ViewStore, reducedMotion: boolean): void {
  store.setState({ reducedMotion });
}

export function openHelp(store: ViewStore): void {
  store.setState({ helpOpen: true });
}

export function dismissNotice(store: ViewStore): void {
  store.setState({ notice: null });
}

export function moveNode(store: ViewStore, id: GraphId, position: { x: number; y: number }): void {
  store.setState((s) => ({ positions: { ...s.positions, [id]: position } }));
}

export function resetLayout(store: ViewStore): void {
  store.setState({ positions: {} });
}

export function toggleTheme(store: ViewStore): void {
  store.setState((s) => ({ theme: s.theme === 'light' ? 'dark' : 'light' }));
}

export function revealLine(store: ViewStore, line: number, column: number, highlight = false): void {
  store.setState((s) => ({
    editorOpen: true,
    revealRequest: {
      line,
      column,
      nonce: (s.revealRequest?.nonce ?? 0) + 1,
      ...(highlight ? { highlight } : {}),
    },
  }));
}

/** A graph object's document: opens the YAML, scrolls to its first line and flashes it, keys stay put. */
export function revealDocument(store: ViewStore, line: number): void {
  store.setState((s) => ({
    editorOpen: true,
    noDocumentFor: null,
    revealRequest: {
      line,
      column: 1,
      nonce: (s.revealRequest?.nonce ?? 0) + 1,
      flash: true,
      keepFocus: true,
    },
  }));
}

/** Says (quietly, in the YAML panel) that no document made this object; null clears it. */
export function sayNoDocument(store: ViewStore, id: GraphId | null): void {
  if (store.getState().noDocumentFor !== id) store.setState({ noDocumentFor: id });
}

export function setCursorObjects(store: ViewStore, ids: GraphId[]): void {
  const now = store.getState().cursorObjects;
  if (now.length === ids.length && now.every((id, i) => id === ids[i])) return;
  store.setState({ cursorObjects: ids });
}

export function requestQuickFix(store: ViewStore, fix: QuickFix): void {
  store.setState((s) => ({
    editorOpen: true,
    quickFixRequest: { fix, nonce: (s.quickFixRequest?.nonce ?? 0) + 1 },
  }));
}

export function setDraft(store: ViewStore, draft: Partial<RequestDraft>): void {
  store.setState((s) => ({ draft: { ...s.draft, ...draft }, draftPristine: false }));
}

export function requestFit(store: ViewStore): void {
  store.setState((s) => ({ fitNonce: s.fitNonce + 1 }));
}

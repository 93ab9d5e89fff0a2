/**
 * The links the share dialog offers, built from what is on screen. Pure: the dialog passes the page's
 * address in, so this runs in unit tests without a DOM.
 */
import { toShareUrl } from '../../share/index.ts';
import type { SharedScenario } from '../../share/index.ts';
import type { ScenarioState } from '../../store/scenarioStore.ts';
import { toSharedLesson } from '../../store/shareLink.ts';
import type { ViewState } from '../../store/viewStore.ts';
import type { EmbedMode } from './embedMode.ts';

export interface ShareOptions {
  /** Dragged graph positions (the codec's `layout`). */
  layout: boolean;
  /** The request bar's from/url (the codec's `view.request`), so the viewer can press Send. */
  request: boolean;
  /** The lesson step in progress (and a lesson file of one's own), so the class opens on it. */
  lesson?: boolean;
  /** The detailed narration level (`view.narration`), when that is what is on screen. */
  narration?: boolean;
}

export interface ShareLinks {
  /** The full playground. */
  link: string;
  /**
   * The read-only variant for slides and iframes: the same fragment behind `?embed`, so "Open in
   * kubeplay" on the embed leads to exactly `link`.
   */
  embedLink: string;
  /** `<iframe …>` to paste into slides or an LMS page. */
  iframe: string;
}

type ShareView = Pick<ViewState, 'positions' | 'selection' | 'draft'> &
  Partial<Pick<ViewState, 'lesson' | 'customLesson' | 'narration'>>;

/** The scenario as a link carries it; the seed and actions always travel (state = f(yaml, seed, actions)). */
export function toSharedScenario(
  scenario: ScenarioState,
  view: ShareView,
  options: ShareOptions,
): SharedScenario {
  const hasLayout = options.layout && Object.keys(view.positions).length > 0;
  const request = options.request && view.draft.url ? { from: view.draft.from, url: view.draft.url } : null;
  const shownView = {
    ...(view.selection ? { selected: view.selection } : {}),
    ...(request ? { request } : {}),
    // Plain is the default a viewer gets anyway: only the detailed level is written (old links stay short).
    ...(options.narration !== false && view.narration === 'details' ? { narration: view.narration } : {}),
  };
  return {
    yaml: scenario.yaml,
    seed: scenario.seed,
    actions: scenario.actions,
    ...(hasLayout ? { layout: view.positions } : {}),
    ...(options.lesson && view.lesson && !view.lesson.finished
      ? { lesson: toSharedLesson(view.lesson, view.customLesson) }
      : {}),
    ...(Object.keys(shownView).length > 0 ? { view: shownView } : {}),
  };
}

/** `base` is the page's address (any query or fragment is replaced). */
export function toShareLinks(
  base: string,
  shared: SharedScenario,
  embed: EmbedMode = { terminal: false, yaml: false },
): ShareLinks {
  const page = stripQueryAndHash(base);
  const link = toShareUrl(page, shared);
  const parts = [embed.terminal && 'terminal', embed.yaml && 'yaml'].filter(Boolean).join(',');
  const embedLink = toShareUrl(`${page}?embed${parts ? `=${parts}` : ''}`, shared);
  return { link, embedLink, iframe: toIframeSnippet(embedLink) };
}

/** 16:9, the shape of a slide; the embed page fits the graph to whatever size it gets. */
export function toIframeSnippet(src: string): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="kubeplay" width="960" height="540" ` +
    `style="border:0" loading="lazy"></iframe>`
  );
}

function stripQueryAndHash(url: string): string {
  const cut = url.search(/[?#]/);
  return cut >= 0 ? url.slice(0, cut) : url;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

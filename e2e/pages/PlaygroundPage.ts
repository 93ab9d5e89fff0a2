/**
 * The playground as a test sees it: the graph, the request bar, the editor and the side panels.
 * Waits are on DOM conditions (data attributes the app sets once per change), never on sleeps.
 */
import { expect } from '@playwright/test';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { saveScreenshot } from './screenshots.ts';

interface TestApi {
  pods(): string[];
  nodes(): { name: string; ip: string; up: boolean; pods: string[] }[];
  hits(): Record<string, number>;
  yaml(): string;
  stale(): boolean;
  held(): boolean;
  diagnostics(): { line: number; severity: string; message: string }[];
  revision(): number;
  ingresses(): { id: string; addresses: string[] }[];
  loadBalancers(): { service: string; ips: string[] }[];
  batchTraces(): TraceLike[];
  focusedTrace(): TraceLike | null;
}

export interface TraceLike {
  outcome: string;
  status?: number;
  endpoint?: { pod?: string; node?: string; ip: string; port: number };
  hops: { at: string; kind: string; src: string; dst: string; note: string }[];
}

declare global {
  interface Window {
    __kubeplay?: TestApi;
  }
}

/** Only a build made with `vite build --mode e2e` has the test API (docs/testing.md, "The test API"). */
const NO_TEST_API =
  'this build has no test API (window.__kubeplay): build it with `npx vite build --mode e2e` (docs/testing.md)';

/** Budget for the first cluster to be drawn after a navigation (see `open`). */
export const FIRST_GRAPH_MS = 60_000;

export class PlaygroundPage {
  readonly graph: Locator;
  readonly traceStatus: Locator;
  readonly editor: Locator;
  readonly problems: Locator;

  constructor(
    readonly page: Page,
    private readonly testInfo: TestInfo,
  ) {
    this.graph = page.locator('.kp-graph');
    this.traceStatus = page.getByTestId('trace-status');
    this.editor = page.getByTestId('editor-panel');
    this.problems = page.getByTestId('problems');
  }

  /**
   * Load the page and wait until the engine has built the first cluster and the graph drew it. The
   * first load parses, simulates and lays out in a Worker: on a busy 2-core machine that can take far
   * longer than the default expect budget, so it gets its own (FIRST_GRAPH_MS).
   */
  async open(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.waitForFirstGraph();
  }

  /** Reload the page and wait for its first graph, as `open` does. */
  /**
   * Chooses a bundled scenario in the header's picker, as a person does, and returns its pods' ids once
   * one whose id starts with `firstPod` (e.g. `pod/default/web-`) is there, so the new cluster is in.
   */
  async chooseScenario(id: string, firstPod: string): Promise<string[]> {
    await this.page.getByTestId('scenario-picker').selectOption(id);
    await expect.poll(async () => (await this.call('pods')).some((p) => p.startsWith(firstPod))).toBe(true);
    return this.call('pods');
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForFirstGraph();
  }

  async waitForFirstGraph(): Promise<void> {
    await expect(this.graph).toHaveAttribute('data-status', 'ready', { timeout: FIRST_GRAPH_MS });
    await expect(this.page.locator('.react-flow__node-pod').first()).toBeVisible({ timeout: FIRST_GRAPH_MS });
  }

  podNode(id: string): Locator {
    return this.page.locator(`.react-flow__node-pod [data-graph-id="${id}"]`);
  }

  /**
   * kubia's pod cards that run: a pod scaled away or deleted stays on the graph as terminating for its
   * grace period (30 s, until the page clock lets it pass), and is not counted here.
   */
  kubiaPods(): Locator {
    return this.page.locator(
      '.react-flow__node-pod [data-graph-id^="pod/default/kubia-"]:not([data-terminating="true"])',
    );
  }

  async call<K extends keyof TestApi>(name: K): Promise<ReturnType<TestApi[K]>> {
    return this.page.evaluate(
      ([n, missing]) => {
        if (window.__kubeplay === undefined) throw new Error(missing);
        return (window.__kubeplay[n] as () => unknown)();
      },
      [name, NO_TEST_API] as const,
    ) as Promise<ReturnType<TestApi[K]>>;
  }

  /** Fill the request bar and send; resolves once the new trace is announced. */
  async send(from: string, url: string, host = ''): Promise<string> {
    const before = await this.traceStatus.getAttribute('data-trace-id');
    await this.page.getByTestId('request-from').selectOption(from);
    await this.page.getByTestId('request-url').fill(url);
    await this.page.getByTestId('request-host').fill(host);
    await this.page.getByTestId('request-send').click();
    return this.newTrace(before);
  }

  /**
   * Wait until a request other than `before` (the id read before sending; null when none was shown yet)
   * is announced, and return its id. The first request of a page has no earlier id, so the wait is for
   * an id to appear at all: `not.toHaveAttribute(name, value)` alone would pass on a missing attribute.
   */
  async newTrace(before: string | null): Promise<string> {
    await expect(this.traceStatus).toHaveAttribute('data-trace-id', /.+/);
    if (before !== null) await expect(this.traceStatus).not.toHaveAttribute('data-trace-id', before);
    return (await this.traceStatus.getAttribute('data-trace-id')) ?? '';
  }

  /** Wait until the focused packet has arrived; returns where (`pod/ns/name`, or an outcome). */
  async arrival(): Promise<string> {
    await expect(this.traceStatus).toHaveAttribute('data-arrived', /.+/, { timeout: 20_000 });
    return (await this.traceStatus.getAttribute('data-arrived')) ?? '';
  }

  /** Opens a tab of the bottom panel (Terminal | Problems | Traffic) as a person does: its button. */
  async showBottomTab(tab: 'terminal' | 'problems' | 'traffic'): Promise<void> {
    const button = this.page.getByTestId(`bottom-tab-${tab}`);
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  /** Opens the problems list from the line over the graph ("2 problems — show"). */
  async showProblems(): Promise<void> {
    const toggle = this.page.getByTestId('problems-line-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(this.problems).toBeVisible();
  }

  /** Opens the details column (the request step by step, the inspector) from the activity bar. */
  async showDetails(): Promise<void> {
    const button = this.page.getByTestId('details-button');
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await expect(this.page.getByTestId('details-panel')).toBeVisible();
  }

  /** The graph pane's share of the viewport: its box's area over the window's. */
  async graphShare(): Promise<number> {
    const box = await this.graph.boundingBox();
    const size = this.page.viewportSize();
    if (!box || !size) return 0;
    return (box.width * box.height) / (size.width * size.height);
  }

  async sendTraffic(count: number): Promise<void> {
    await this.showBottomTab('traffic');
    const form = this.page.locator('.kp-traffic-form');
    await form.getByLabel('Requests').fill(String(count));
    await form.getByLabel('per second').fill('200');
    await this.page.getByTestId('traffic-send').click();
    await expect(this.page.getByTestId('histogram')).toHaveAttribute('data-arrived', String(count), {
      timeout: 30_000,
    });
  }

  async selectGraphNode(id: string): Promise<void> {
    const el = this.page.locator(`[data-graph-id="${id}"]`);
    // A card zoomed out below its level of detail shows a dot and a short name, not its title.
    const title = el.locator('.kp-node-header, .kp-title').first();
    if (await title.isVisible()) await title.click();
    else await el.click();
    await expect(this.page.getByTestId('inspector').getByRole('heading', { level: 2 })).toHaveText(id);
  }

  /** Monaco: put the cursor at the end of the first line containing `text`. */
  async editorLine(text: string): Promise<Locator> {
    const line = this.editor.locator('.view-line', { hasText: text }).first();
    // Monaco is a lazy 4 MB chunk: its first appearance gets the first-load budget.
    await expect(line).toBeVisible({ timeout: FIRST_GRAPH_MS });
    return line;
  }

  /** Monaco: click just right of the end of the first line containing `text`, as a person does. */
  async clickEndOfEditorLine(text: string): Promise<void> {
    // Monaco renders only the lines on screen and reuses their elements out of order: bring the exact
    // line into view with Go to Line first, then click past its end as a person would.
    const yaml = await this.call('yaml');
    const number = yaml.split('\n').indexOf(text) + 1;
    expect(number, `a line reading exactly "${text}"`).toBeGreaterThan(0);
    await this.goToLine(number);
    const line = this.editor.locator('.view-line', {
      has: this.page.locator('span', { hasText: text.trim() }),
    });
    const cursorTop = await this.editor.locator('.cursor').first().boundingBox();
    const boxes = await line.evaluateAll((els) =>
      els.map((el) => {
        const r = (el.firstElementChild ?? el).getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent ?? '' };
      }),
    );
    const exact = boxes.filter((b) => b.text.replace(/\u00a0/g, ' ') === text);
    const box =
      exact.find((b) => cursorTop && Math.abs(b.y - cursorTop.y) < b.height) ?? exact[0] ?? undefined;
    if (!box) throw new Error(`the editor line "${text}" is not on screen`);
    await this.page.mouse.click(box.x + box.width + 24, box.y + box.height / 2);
    await expect(this.editor.locator('.monaco-editor.focused')).toBeVisible();
  }

  /** The 1-based number of the first YAML line that reads `text` after its indentation. */
  async lineNumberOf(text: string): Promise<number> {
    const yaml = await this.call('yaml');
    const number = yaml.split('\n').findIndex((l) => l.trim() === text) + 1;
    expect(number, `a line reading "${text}"`).toBeGreaterThan(0);
    return number;
  }

  /**
   * Puts the editor's cursor at the start of line `line` with Monaco's Go to Line (Ctrl+G), as a person
   * would; Monaco scrolls it into view (it renders only the lines on screen).
   */
  async goToLine(line: number): Promise<void> {
    const first = this.editor.locator('.view-line').first();
    await expect(first).toBeVisible({ timeout: FIRST_GRAPH_MS });
    await first.click();
    await this.page.keyboard.press('Control+G');
    // Type the number only once the Go to Line box is there, or the digits land in the YAML.
    const box = this.page.locator('.quick-input-widget');
    await expect(box).toBeVisible();
    await this.page.keyboard.type(String(line));
    await this.page.keyboard.press('Enter');
    await expect(box).toBeHidden();
    // Monaco gives the focus back to the text after the box has gone; on a busy machine keys pressed
    // in between went to the page and were lost. Type on only once the cursor sits on the line, focused.
    await expect(this.editor.locator('[data-cursor-line]')).toHaveAttribute('data-cursor-line', String(line));
    await expect(this.editor.locator('.monaco-editor.focused')).toBeVisible();
  }

  async replaceInEditor(lineText: string, keys: string[]): Promise<void> {
    const line = await this.editorLine(lineText);
    await line.click();
    await this.page.keyboard.press('End');
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** Saved under screenshots/e2e and attached to the report (see screenshots.ts). */
  async screenshot(name: string): Promise<void> {
    await saveScreenshot(this.page, this.testInfo, name);
  }
}

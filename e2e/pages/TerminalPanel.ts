/**
 * The docked terminal as a test sees it. It types through the keyboard (as a person does) and waits
 * on the data attributes the terminal sets once per finished line (`data-runs`, `data-busy`), never on
 * sleeps. The screen text is read from xterm's rows.
 */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { FIRST_GRAPH_MS } from './PlaygroundPage.ts';
import type { PlaygroundPage } from './PlaygroundPage.ts';

export class TerminalPanel {
  readonly root: Locator;
  readonly screen: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('terminal');
    this.screen = this.root.locator('.xterm');
  }

  /** Opens the Terminal tab of the bottom panel if it is not shown (the terminal opens when used). */
  async show(): Promise<void> {
    const tab = this.page.getByTestId('bottom-tab-terminal');
    if ((await tab.getAttribute('aria-pressed')) !== 'true') await tab.click();
    await expect(this.root).toBeVisible({ timeout: 20_000 });
  }

  /** Shows the terminal, waits for the first prompt, then puts the keyboard focus in it. */
  async ready(): Promise<void> {
    await this.show();
    // The terminal is a lazy chunk: its first prompt gets the first-load budget.
    await expect(this.root).toHaveAttribute('data-busy', 'false', { timeout: FIRST_GRAPH_MS });
    await this.focus();
  }

  /** Shows the Terminal tab (another tab may have been opened since) and clicks into it. */
  async focus(): Promise<void> {
    await this.show();
    await this.screen.click();
    await expect(this.root.locator('textarea')).toBeFocused();
  }

  async runs(): Promise<number> {
    return Number((await this.root.getAttribute('data-runs')) ?? '0');
  }

  /** Types a line, presses Enter, and waits until it has run; returns what it printed. */
  async run(line: string): Promise<string> {
    const before = await this.runs();
    const typed = `${await this.prompt()}${line}`.trimEnd();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
    await expect(this.root).toHaveAttribute('data-runs', String(before + 1), { timeout: FIRST_GRAPH_MS });
    await expect(this.root).toHaveAttribute('data-busy', 'false');
    const lines = await this.lines();
    // Output is everything between the command's line (prompt + command) and the new prompt.
    const start = lines.lastIndexOf(typed);
    return lines.slice(start + 1, -1).join('\n');
  }

  async prompt(): Promise<string> {
    return (await this.root.getAttribute('data-prompt')) ?? '';
  }

  /** The screen's rows as text, trailing blank rows dropped. */
  async lines(): Promise<string[]> {
    const rows = await this.root
      .locator('.xterm-rows > div')
      .evaluateAll((divs) => divs.map((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
    while (rows.length && rows[rows.length - 1] === '') rows.pop();
    return rows;
  }

  /** Clicks a graph object and waits for the inspector to show it. */
  async select(graphId: string): Promise<void> {
    // With the terminal open the graph is small: a pod below its level of detail shows no title.
    const card = this.page.locator(`[data-graph-id="${graphId}"]`).first();
    const title = card.locator('.kp-title').first();
    if (await title.isVisible()) await title.click();
    else await card.click();
    await expect(this.page.locator('#kp-inspector-title')).toHaveText(graphId);
  }

  async text(): Promise<string> {
    return (await this.lines()).join('\n');
  }

  async lastLine(): Promise<string> {
    return (await this.lines()).at(-1) ?? '';
  }
}

/** Opens the playground (PlaygroundPage.open) and its terminal, ready for typing: how most terminal tests begin. */
export async function openWithTerminal(playground: PlaygroundPage, hash = ''): Promise<TerminalPanel> {
  await playground.open(hash);
  const terminal = new TerminalPanel(playground.page);
  await terminal.ready();
  return terminal;
}

/**
 * Typing YAML into the Monaco editor line by line, as a person watching the screen does. Monaco
 * indents each new line itself (deeper after a `key:`, as deep otherwise) and may pop up completions:
 * after every Enter these helpers look at the editor's text and fix what a person would fix.
 */
import { expect } from '@playwright/test';
import type { PlaygroundPage } from './PlaygroundPage.ts';

export const lines = (text: string): string[] => text.split('\n');

/**
 * Sets the indentation of the (blank) line `index` (negative: from the end) to `depth`, adding
 * spaces or backspacing from wherever Monaco put the cursor.
 */
export async function setIndent(playground: PlaygroundPage, index: number, depth: number): Promise<void> {
  for (let tries = 0; tries < 12; tries++) {
    const current = lines(await playground.call('yaml')).at(index) ?? '';
    expect(current.trim(), 'the new line holds only its indentation').toBe('');
    if (current.length === depth) return;
    if (current.length < depth) await playground.page.keyboard.type(' '.repeat(depth - current.length));
    else await playground.page.keyboard.press('Backspace');
  }
  throw new Error(`could not indent line ${index} to ${depth}`);
}

/**
 * Enter after typing a word: a completion popup that is showing is dismissed with Escape first; if
 * it showed up too late and took the Enter (accepting what was typed), Enter is pressed again.
 */
export async function newLine(playground: PlaygroundPage): Promise<void> {
  const { page } = playground;
  const count = async () => lines(await playground.call('yaml')).length;
  const before = await count();
  if (await page.locator('.monaco-editor .suggest-widget.visible').count())
    await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  if ((await count()) === before) await page.keyboard.press('Enter');
  expect(await count()).toBe(before + 1);
}

/** Types `wanted` line by line at the end of the editor, indentation fixed up after each Enter. */
export async function typeLinesAtEnd(playground: PlaygroundPage, wanted: string[]): Promise<void> {
  for (const line of wanted) {
    const body = line.trimStart();
    await setIndent(playground, -1, line.length - body.length);
    await playground.page.keyboard.type(body);
    await newLine(playground);
    expect(lines(await playground.call('yaml')).at(-2)).toBe(line);
  }
  await setIndent(playground, -1, 0);
}

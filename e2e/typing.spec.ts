/**
 * Every key a person types reaches the field that has the focus, on the production build: Space,
 * Tab, Enter, quotes and brackets, undo, comment toggle, find and an IME in the Monaco YAML editor
 * (which types through Chromium's EditContext, not a textarea); the terminal; the request bar; the
 * dialogs. The graph's own keys (pan on Space, the presenter keys) act only when no field has the
 * focus. Before the fix, React Flow cancelled every Space typed in the editor: `name: kubiaXY`.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { lines, newLine, setIndent, typeLinesAtEnd } from './pages/editorTyping.ts';
import { LibraryPanel } from './pages/LibraryPanel.ts';
import { SharePanel } from './pages/SharePanel.ts';
import { openWithTerminal, TerminalPanel } from './pages/TerminalPanel.ts';

// Typing line by line makes many round trips to the page: give a busy machine room.
test.describe.configure({ timeout: 180_000 });

const lastLine = (text: string) => lines(text).at(-1) ?? '';

/** The editor's text after typing `insert` at the end of the first line that reads exactly `line`. */
function afterLine(text: string, line: string, insert: string): string {
  const at = text.indexOf(`\n${line}\n`);
  if (at < 0) throw new Error(`no line "${line}"`);
  const end = at + 1 + line.length;
  return text.slice(0, end) + insert + text.slice(end);
}

async function expectPresenterOff(page: Page): Promise<void> {
  await expect(page.getByTestId('present-button')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('presenter-caption')).toHaveCount(0);
}

/** React Flow's viewport transform: what panning, zooming and fitting change. */
function viewport(page: Page): Promise<string> {
  return page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
}

function scaleOf(transform: string): number {
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
}

const stickyService = [
  '---',
  '# A second way in: one client stays on one pod (sessionAffinity)',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: kubia-sticky',
  'spec:',
  '  sessionAffinity: ClientIP',
  '  selector:',
  '    app: kubia',
  '  ports:',
  '    - port: 80',
  '      targetPort: 8080',
];

for (const size of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('spaces typed after `name: kubia` reach the YAML', async ({ playground, page, consoleErrors }) => {
      await playground.open();
      const before = await playground.call('yaml');
      const revision = await playground.call('revision');
      await playground.clickEndOfEditorLine('  name: kubia');
      await page.keyboard.type(' X Y');
      const expected = afterLine(before, '  name: kubia', ' X Y');
      await expect.poll(() => playground.call('yaml')).toBe(expected);
      // The edit reached the engine: it reconciled the new text.
      await expect.poll(() => playground.call('revision')).toBeGreaterThan(revision);
      await expectPresenterOff(page);
      await playground.screenshot(`typing-name-spaces-${size.width}`);
      expect(consoleErrors).toEqual([]);
    });
  });
}

test.describe('at 1366x768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a Service typed line by line arrives byte for byte and runs', async ({ playground, page }) => {
    await playground.open();
    const before = await playground.call('yaml');
    expect(before.endsWith('\n')).toBe(true);
    await playground.clickEndOfEditorLine('  name: kubia');
    await page.keyboard.press('Control+End');
    await typeLinesAtEnd(playground, stickyService);
    expect(await playground.call('yaml')).toBe(before + stickyService.join('\n') + '\n');

    const service = page.locator('[data-graph-id="svc/default/kubia-sticky"]');
    await expect(service).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => playground.call('stale')).toBe(false);
    await playground.screenshot('typing-sticky-service');
    const terminal = new TerminalPanel(page);
    await terminal.ready();
    const described = await terminal.run('kubectl describe svc kubia-sticky');
    expect(described).toMatch(/^Session Affinity:\s+ClientIP$/m);
    // The selector typed by hand picks the three kubia pods.
    expect(described).toMatch(/^Endpoints:\s+(\d+\.\d+\.\d+\.\d+:8080,){2}\d+\.\d+\.\d+\.\d+:8080$/m);
  });

  test('Tab, Shift-Tab, Enter, quotes and brackets, undo and redo, comment toggle, find', async ({
    playground,
    page,
  }) => {
    await playground.open();
    const original = await playground.call('yaml');
    const rcName = lines(original).indexOf('  name: kubia');
    const rcLine = async (offset = 0) => lines(await playground.call('yaml'))[rcName + offset];
    await playground.clickEndOfEditorLine('  name: kubia');

    // Tab indents from the start of the text, Shift-Tab outdents.
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    expect(await rcLine()).toBe('    name: kubia');
    await page.keyboard.press('Shift+Tab');
    expect(await rcLine()).toBe('  name: kubia');
    // Undo and both redo keys.
    await page.keyboard.press('Control+z');
    expect(await rcLine()).toBe('    name: kubia');
    await page.keyboard.press('Control+Shift+z');
    expect(await rcLine()).toBe('  name: kubia');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    expect(await playground.call('yaml')).toBe(original);
    // Ctrl+/ comments the line out after its indentation, and back.
    await page.keyboard.press('Control+Slash');
    expect(await rcLine()).toBe('  # name: kubia');
    await page.keyboard.press('Control+Slash');
    expect(await playground.call('yaml')).toBe(original);

    // Enter keeps the indentation; quotes and a bracket inside them.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    expect(await rcLine(1)).toBe('  ');
    await page.keyboard.type('annotations:');
    await newLine(playground);
    await setIndent(playground, rcName + 2, 4);
    // Quotes and brackets are typed as they are: the editor inserts no closing one unasked.
    await page.keyboard.type('note: "typed [by hand]"');
    const annotated = afterLine(original, '  name: kubia', '\n  annotations:\n    note: "typed [by hand]"');
    expect(await playground.call('yaml')).toBe(annotated);
    await expect.poll(() => playground.call('stale')).toBe(false);

    // Undo walks all of it back.
    for (let i = 0; i < 30 && (await playground.call('yaml')) !== original; i++) {
      await page.keyboard.press('Control+z');
    }
    expect(await playground.call('yaml')).toBe(original);

    // Ctrl+F opens Monaco's find; its field gets spaces and letters that are presenter keys elsewhere.
    await page.keyboard.press('Control+f');
    const find = playground.editor.getByRole('textbox', { name: 'Find' });
    await expect(find).toBeFocused();
    await page.keyboard.type('name: kubia-nodeport');
    await expect(playground.editor.locator('.find-widget .matchesCount')).toHaveText(/^1 of [1-9]\d*$/);
    await expectPresenterOff(page);
    await page.keyboard.press('Escape');
    await expect(playground.editor.locator('.find-widget.visible')).toHaveCount(0);
    await expect(playground.editor.locator('.monaco-editor.focused')).toBeVisible();
    expect(await playground.call('yaml')).toBe(original);
  });

  test('an IME composes Chinese into a comment', async ({ playground, page }) => {
    await playground.open();
    const before = await playground.call('yaml');
    await playground.clickEndOfEditorLine('  name: kubia');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# ');
    const cdp = await page.context().newCDPSession(page);
    // A pinyin IME: every key goes to the IME (key "Process", keyCode 229), the page sees a composition.
    for (const typed of ['n', 'ni', 'nih', 'niha', 'nihao']) {
      const letter = typed.at(-1)!;
      const key = { key: 'Process', code: `Key${letter.toUpperCase()}`, windowsVirtualKeyCode: 229 };
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
      await cdp.send('Input.imeSetComposition', {
        text: typed,
        selectionStart: typed.length,
        selectionEnd: typed.length,
      });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
    }
    expect(lastLine(await playground.call('yaml'))).toBe('# nihao');
    // Space picks the first candidate; the IME commits it.
    const space = { key: 'Process', code: 'Space', windowsVirtualKeyCode: 229 };
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...space });
    await cdp.send('Input.insertText', { text: '你好' });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...space });
    await expect.poll(() => playground.call('yaml')).toBe(`${before}# 你好`);
    await expectPresenterOff(page);
  });

  test('the terminal, the request bar and the dialogs get every key; presenter keys stay out', async ({
    playground,
    page,
  }) => {
    const terminal = await openWithTerminal(playground);
    expect(await terminal.run('kubectl get svc kubia')).toMatch(/^kubia\s+ClusterIP\s+10\.96\./m);
    expect(await terminal.run('echo pan fit next')).toBe('pan fit next');
    await expectPresenterOff(page);

    // A dialog owns its keys: a name typed in the library's field, and P on the share dialog's buttons.
    const library = new LibraryPanel(page);
    await library.open();
    await library.dialog.getByTestId('library-name').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('pods fan out');
    await expect(library.dialog.getByTestId('library-name')).toHaveValue('pods fan out');
    await page.keyboard.press('Enter');
    await expect(library.entry('pods fan out')).toBeVisible();
    await expectPresenterOff(page);
    await library.close();
    const share = new SharePanel(page);
    await share.open();
    await page.keyboard.press('p');
    await expectPresenterOff(page);
    await page.keyboard.press('Escape');
    await expect(share.dialog).toBeHidden();

    // Type into the URL field: its p must not present, and nothing is sent before Enter. (Present mode
    // hides the request bar, so this is outside it; F and N act only in Present mode.)
    const traceBefore = await playground.traceStatus.getAttribute('data-trace-id');

    const url = page.getByTestId('request-url');
    await url.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(' http://kubia-nodeport/pfn');
    await expect(url).toHaveValue(' http://kubia-nodeport/pfn');
    await expectPresenterOff(page);
    expect(await playground.traceStatus.getAttribute('data-trace-id')).toBe(traceBefore);
    // Enter sends what was typed (trimmed): the packet lands on a kubia pod.
    await page.keyboard.press('Enter');
    await expect.poll(() => playground.traceStatus.getAttribute('data-trace-id')).not.toBe(traceBefore);
    expect(await playground.arrival()).toMatch(/^pod\/default\/kubia-/);

    // The same keys on the page body do act: P presents and F fits, so the checks above could fail.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter-caption')).toBeVisible();
    const box = (await page.locator('.react-flow__pane').boundingBox())!;
    const presentFitted = await viewport(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect.poll(() => viewport(page)).not.toBe(presentFitted);
    const presentZoomed = await viewport(page);
    await page.keyboard.press('f');
    await expect.poll(() => viewport(page)).not.toBe(presentZoomed);
    await page.keyboard.press('Escape');
    await expectPresenterOff(page);
  });

  test('the graph keeps its keys when it has the focus: P presents, Space turns the wheel into a pan', async ({
    playground,
    page,
  }) => {
    await playground.open();
    const original = await playground.call('yaml');
    await playground.clickEndOfEditorLine('  name: kubia');
    const pane = page.locator('.react-flow__pane');
    const box = (await pane.boundingBox())!;
    const middle = { x: box.x + box.width / 2, y: box.y + box.height - 30 };
    // Clicking the graph's empty background takes the focus out of the editor.
    await page.mouse.click(middle.x, middle.y);
    await expect(playground.editor.locator('.monaco-editor.focused')).toHaveCount(0);

    const start = await viewport(page);
    await page.mouse.move(middle.x, middle.y);
    await page.keyboard.down('Space');
    await page.mouse.wheel(0, 200);
    await expect.poll(() => viewport(page)).not.toBe(start);
    await page.keyboard.up('Space');
    const panned = await viewport(page);
    expect(scaleOf(panned)).toBe(scaleOf(start));
    // Without Space the wheel zooms, as before.
    await page.mouse.wheel(0, 200);
    await expect.poll(async () => scaleOf(await viewport(page))).not.toBe(scaleOf(panned));

    await page.keyboard.press('p');
    await expect(page.getByTestId('presenter-caption')).toBeVisible();
    await page.keyboard.press('Escape');
    await expectPresenterOff(page);
    // Neither Space nor P went into the editor.
    expect(await playground.call('yaml')).toBe(original);
  });
});

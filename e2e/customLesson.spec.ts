/**
 * A teacher's own lesson: opened from a file in the lessons panel, followed by typing its command, and
 * shared with its step in the link, so a fresh browser opens the same lesson on the same step. A
 * broken lesson file says where it is broken.
 */
import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { LessonPanel } from './pages/LessonPanel.ts';
import { FIRST_GRAPH_MS } from './pages/PlaygroundPage.ts';
import { SharePanel } from './pages/SharePanel.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

const lessonFile = [
  'id: services-tour',
  'title: { en: "My tour of the Services", zh: "我的 Service 之旅" }',
  'scenario: kubia',
  'steps:',
  '  - text: { en: "List the Services with `kubectl get svc`.", zh: "用 `kubectl get svc` 列出 Service。" }',
  '    highlight: ["svc/default/*"]',
  '    try: kubectl get svc',
  '    done: { command: "^kubectl get (svc|services?)\\\\b" }',
  '  - text: { en: "Now curl the NodePort from your laptop.", zh: "从笔记本 curl 这个 NodePort。" }',
  '    try: curl http://{nodeIP:kind-worker}:30123',
  '    done: { trace: { outcome: ok } }',
  '',
].join('\n');

async function openLessonFile(page: Page, name: string, text: string): Promise<void> {
  await page
    .getByTestId('lesson-file')
    .setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
}

async function freshPage(browser: Browser, origin: string) {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1440, height: 900 } });
  return { context, page: await context.newPage() };
}

test('a lesson file opens, completes by typing, and travels in the share link at its step', async ({
  page,
  playground,
  browser,
  consoleErrors,
  offHostRequests,
}) => {
  await playground.open();
  const lessons = new LessonPanel(page);
  await lessons.open();
  await openLessonFile(page, 'tour.yaml', lessonFile);
  await lessons.expectOnStep(1);
  await expect(lessons.text()).toContainText('List the Services');

  const terminal = new TerminalPanel(page);
  await terminal.ready();
  await terminal.run('kubectl get svc');
  await lessons.expectDone(1);
  await lessons.expectOnStep(2);
  await playground.screenshot('custom-lesson-step-2');

  const share = new SharePanel(page);
  await share.open();
  await expect(page.getByTestId('share-lesson')).toBeChecked();
  const link = await share.link();
  await share.close();

  const fresh = await freshPage(browser, new URL(page.url()).origin);
  await fresh.page.goto(link);
  const theirs = new LessonPanel(fresh.page);
  await expect(theirs.root).toBeVisible({ timeout: FIRST_GRAPH_MS });
  await theirs.expectOnStep(2);
  await expect(theirs.text()).toContainText('Now curl the NodePort');
  await expect(theirs.root).toContainText('My tour of the Services');
  await fresh.context.close();
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});

test('the lesson file is kept across a reload and can be removed', async ({ page, playground }) => {
  await playground.open();
  const lessons = new LessonPanel(page);
  await lessons.open();
  await openLessonFile(page, 'tour.yaml', lessonFile);
  await lessons.expectOnStep(1);
  await playground.reload();
  await lessons.open();
  const own = lessons.root.getByTestId('lesson-services-tour');
  await expect(own).toContainText('your file');
  await lessons.root.getByRole('button', { name: 'Remove my lesson' }).click();
  await expect(own).toHaveCount(0);
  await playground.reload();
  await lessons.open();
  await expect(lessons.root.getByTestId('lesson-services-tour')).toHaveCount(0);
});

test('a broken lesson file says where, and the bundled lessons stay', async ({ page, playground }) => {
  await playground.open();
  const lessons = new LessonPanel(page);
  await lessons.open();
  await openLessonFile(page, 'broken.yaml', lessonFile.replace('scenario: kubia', 'scenario: atlantis'));
  const errors = page.getByTestId('lesson-file-errors');
  await expect(errors).toContainText('broken.yaml cannot be used as a lesson');
  await expect(errors).toContainText(/3:\d+ scenario: /);
  await expect(lessons.root.getByTestId('lesson-services-tour')).toHaveCount(0);
  await expect(lessons.root.getByTestId('lesson-three-ips')).toBeVisible();
  await playground.screenshot('custom-lesson-broken-file');
});

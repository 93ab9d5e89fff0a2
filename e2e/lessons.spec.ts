/**
 * Lessons in the production build: a student follows a bundled lesson by typing its proposed
 * commands in the terminal and sees every step marked done; the page switches to Simplified Chinese
 * (header and lesson text) while kubectl output stays exactly as kubectl prints it.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { LessonPanel } from './pages/LessonPanel.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';

test.beforeEach(async ({ playground }) => {
  await playground.open();
});

test('the cluster-IP ping lesson completes step by step from typed commands', async ({
  page,
  playground,
  consoleErrors,
  offHostRequests,
}) => {
  const lessons = new LessonPanel(page);
  const terminal = new TerminalPanel(page);
  await lessons.open();
  await playground.screenshot('lessons-picker');
  const pickerAxe = await new AxeBuilder({ page }).include('[data-testid="lesson-panel"]').analyze();
  expect(pickerAxe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await lessons.start('ping-cluster-ip');
  await terminal.ready();
  // The step's graph ids light up: the kubia pods for "open a shell inside a pod".
  await expect(page.locator('.react-flow__node.kp-lesson-highlight').first()).toBeVisible();
  await playground.screenshot('lessons-step-1');
  // The panel is readable by assistive tools in both of its states (the picker was checked above).
  const axe = await new AxeBuilder({ page }).include('[data-testid="lesson-panel"]').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // An unrelated command does not complete the step.
  await terminal.run('kubectl get nodes');
  await lessons.expectOnStep(1);

  const total = await lessons.stepCount();
  expect(total).toBe(4);
  for (let step = 1; step <= total; step += 1) {
    const command = await lessons.command();
    await terminal.focus();
    await terminal.run(command);
    await lessons.expectDone(step);
    if (step === 2) await playground.screenshot('lessons-step-3-after-curl');
  }
  await expect(page.getByTestId('lesson-finished')).toBeVisible();
  await expect(page.locator('.react-flow__node.kp-lesson-highlight')).toHaveCount(0);
  await playground.screenshot('lessons-finished');
  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});

test('the Run button runs the proposed command in the terminal and the step completes', async ({ page }) => {
  const lessons = new LessonPanel(page);
  const terminal = new TerminalPanel(page);
  await lessons.open();
  await lessons.start('three-ips');
  await terminal.ready();
  const command = await lessons.command();
  const before = await terminal.runs();
  await lessons.root.getByRole('button', { name: /Run/ }).click();
  await expect(terminal.root).toHaveAttribute('data-runs', String(before + 1), { timeout: 20_000 });
  // It ran in the terminal itself: kubectl's node table is on screen (the long rows scroll the command away).
  expect(command).toBe('kubectl get nodes -o wide');
  expect(await terminal.text()).toMatch(/^kind-worker\s+Ready/m);
  await lessons.expectDone(1);
  await lessons.expectOnStep(2);
});

test('Chinese: header and lesson text switch, kubectl output does not, and the choice is kept', async ({
  page,
  playground,
}) => {
  const lessons = new LessonPanel(page);
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const english = await terminal.run('kubectl get svc');

  await page.getByTestId('language-picker').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('lessons-button')).toContainText('课程');
  await expect(page.getByRole('button', { name: '只看图' })).toBeVisible();
  await expect(page.getByTestId('request-send')).toHaveText('发送 ▶');
  await expect(page.getByRole('region', { name: '终端' }).getByRole('heading')).toHaveText('终端');

  await lessons.open();
  await expect(lessons.root.getByRole('heading', { level: 2 })).toHaveText('课程');
  await lessons.start('ping-cluster-ip');
  await expect(lessons.text()).toContainText('进入一个 kubia Pod 的 shell');
  await expect(page.getByTestId('lesson-progress')).toContainText('第 1 步，共 4 步');

  // kubectl prints what kubectl prints, whatever the page's language.
  await terminal.focus();
  const chinese = await terminal.run('kubectl get svc');
  expect(chinese.split('\n')[0]).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/);
  expect(chinese.split('\n')[0]).toBe(english.split('\n')[0]);
  await playground.screenshot('lessons-zh');

  await playground.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('lessons-button')).toContainText('课程');
});

test('opening a lesson over the student’s own changes asks first; Cancel keeps them', async ({ page }) => {
  const lessons = new LessonPanel(page);
  const terminal = new TerminalPanel(page);
  await terminal.ready();
  await terminal.run('kubectl scale rc kubia --replicas=4');
  await lessons.open();
  await lessons.root.getByTestId('lesson-endpoints').click();
  const ask = lessons.root.getByRole('alertdialog');
  await expect(ask).toContainText('Replace your YAML?');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.locator('[data-graph-id^="pod/default/kubia-"]')).toHaveCount(4);

  await lessons.root.getByTestId('lesson-endpoints').click();
  await lessons.root.getByRole('button', { name: 'Replace and start' }).click();
  await lessons.expectOnStep(1);
  await expect(page.locator('[data-graph-id^="pod/default/kubia-"]')).toHaveCount(3);
});

/**
 * The page's chrome in Simplified Chinese: the language picker switches the share dialog, the graph's
 * stale badge and the problems list; kubectl keeps printing what kubectl prints; switching back gives
 * English again; and a browser whose language is zh-CN opens in Chinese without being asked (a link that
 * cannot be opened says so in Chinese too, with the codec's own reason).
 */
import { test, expect } from './fixtures.ts';
import { FIRST_GRAPH_MS } from './pages/PlaygroundPage.ts';
import { saveScreenshot } from './pages/screenshots.ts';
import { SharePanel } from './pages/SharePanel.ts';
import { openWithTerminal } from './pages/TerminalPanel.ts';

const KUBECTL_SVC_HEADER = /^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE$/;

test('the language picker puts the share dialog and the graph in Chinese; kubectl output stays English', async ({
  playground,
  page,
  context,
  consoleErrors,
  offHostRequests,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const terminal = await openWithTerminal(playground);
  const english = await terminal.run('kubectl get svc');

  await page.getByTestId('language-picker').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // The inspector: its buttons and plain-word fields in Chinese, Kubernetes names and fields as they are.
  const pod = (await playground.call('pods')).find((id) => id.startsWith('pod/default/kubia-'));
  await playground.selectGraphNode(pod ?? 'pod/default/kubia-missing');
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('button', { name: '标记为未就绪' })).toBeVisible();
  await expect(inspector.getByRole('button', { name: '删除 Pod' })).toBeVisible();
  await expect(inspector.getByRole('button', { name: '把名称粘贴到终端' })).toBeVisible();
  await expect(inspector).toContainText('ReplicationController kubia：3 个副本');
  await expect(inspector).toContainText('labels');
  await playground.screenshot('i18n-inspector-zh');

  // The share dialog, named and worded in Chinese.
  await page.getByTestId('share').click();
  const dialog = page.getByRole('dialog', { name: '分享这个场景' });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('share-copied')).toHaveText('链接已复制到剪贴板。');
  await expect(dialog.getByRole('img', { name: '分享链接的二维码' })).toBeVisible();
  await expect(dialog.getByTestId('share-length')).toHaveText(/^（\d[\d,]* 个字符）$/);
  await expect(dialog.getByRole('group', { name: '链接中还包含' })).toContainText('请求栏中的请求');
  await expect(dialog.getByRole('button', { name: '全屏显示二维码' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: '关闭' })).toBeVisible();
  await dialog.getByText('嵌入幻灯片（只读拓扑图）').click();
  await expect(dialog.getByText('嵌入链接', { exact: true })).toBeVisible();
  await expect(dialog).not.toContainText('Copy');
  await playground.screenshot('i18n-share-zh-light');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The same dialog in the dark theme (what a projector in a dim room shows).
  await page.getByRole('button', { name: '切换到深色主题' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('share').click();
  await expect(dialog).toBeVisible();
  await dialog.getByText('嵌入幻灯片（只读拓扑图）').click();
  await playground.screenshot('i18n-share-zh-dark');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Broken YAML: the graph says it is stale, in Chinese; the problems panel too.
  await playground.editorLine('replicas: 3');
  // `bad: x: y` is broken YAML (`bad: [x` is not once Space reaches the editor: Monaco closes the bracket).
  await playground.replaceInEditor('replicas: 3', ['Enter', 'b', 'a', 'd', ':', ' ', 'x', ':', ' ', 'y']);
  await expect(page.getByTestId('graph-stale')).toHaveText('已过期：修正 YAML 后更新');
  await expect(page.getByTestId('stale-banner')).toContainText('YAML 有错误');
  await playground.screenshot('i18n-stale-zh');

  // kubectl prints what kubectl prints, whatever the page's language.
  await terminal.focus();
  const chinese = await terminal.run('kubectl get svc');
  // The same columns as before the switch (their widths follow the data, which the edit above changed).
  expect(english.split('\n')[0]).toMatch(KUBECTL_SVC_HEADER);
  expect(chinese.split('\n')[0]).toMatch(KUBECTL_SVC_HEADER);
  expect(chinese).not.toMatch(/[\u4e00-\u9fff]/);

  // And back to English.
  await page.getByTestId('language-picker').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('graph-stale')).toHaveText('stale: fix the YAML to update');
  const share = new SharePanel(page);
  await share.open();
  await expect(page.getByTestId('share-copied')).toHaveText('Link copied to the clipboard.');
  await share.close();

  expect(consoleErrors).toEqual([]);
  expect(offHostRequests).toEqual([]);
});

test('a browser whose language is zh-CN opens in Chinese, and a broken link is explained in Chinese', async ({
  browser,
  playground,
}) => {
  // The playground fixture's page gives the server's origin; the Chinese browser is a fresh context.
  await playground.open();
  const context = await browser.newContext({
    locale: 'zh-CN',
    baseURL: new URL(playground.page.url()).origin,
    viewport: { width: 1440, height: 900 },
  });
  const errors: string[] = [];
  const offHost: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    const local = ['127.0.0.1', 'localhost'].includes(url.hostname);
    if (!local && !['data:', 'blob:'].includes(url.protocol)) offHost.push(request.url());
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    await page.goto('/');
    await expect(page.locator('.react-flow__node-pod').first()).toBeVisible({ timeout: FIRST_GRAPH_MS });
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('language-picker')).toHaveValue('zh-CN');
    await expect(page.getByTestId('lessons-button')).toContainText('课程');
    await expect(page.getByRole('region', { name: '集群', exact: true })).toBeVisible();
    await expect(page.getByTestId('problems')).toContainText('没有问题。');

    await page.goto('/#z1.garbage');
    const alert = page.getByTestId('link-error');
    await expect(alert).toContainText('无法打开这个链接：', { timeout: FIRST_GRAPH_MS });
    await expect(alert).toContainText('你自己的内容保持原样');
    await expect(alert).not.toContainText('The link could not be opened');
    await saveScreenshot(page, test.info(), 'i18n-link-error-zh');
    await alert.getByRole('button', { name: '关闭' }).click();
    await expect(alert).toBeHidden();
    expect(errors).toEqual([]);
    expect(offHost).toEqual([]);
  } finally {
    await context.close();
  }
});

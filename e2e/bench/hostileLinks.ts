/**
 * Hostile links in the page (`npm run bench:ui`): how soon each is answered and how long the main thread
 * was frozen, from the page's own long-task record (e2e/longTasks.ts).
 * - 1,000,000 replicas and 10,000 pods: over the limit (src/engine/limits.ts MAX_PODS): refused before
 *   anything is allocated, so the limit's message should be up at once and nothing should freeze.
 * - 5,000 pods: at the limit (4,998 replicas + kind's 2 CoreDNS pods, on 50 workers so every pod gets an
 *   IP): simulated in the Worker and drawn; the longest main-thread task is the cost of drawing them.
 * Figures, not assertions (e2e/hostile-link.spec.ts asserts the 1 s budget for the 1,000,000 link).
 */
import { expect } from '@playwright/test';
import type { Browser } from '@playwright/test';
import LZString from 'lz-string';
import { longTasksSince, pageNow, recordLongTasks } from '../longTasks.ts';

function deploymentLink(replicas: number, workers: number): string {
  const nodes = Array.from({ length: workers }, () => '  - role: worker').join('\n');
  const yaml = `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
${nodes}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: luksa/kubia
`;
  return `#lz.${LZString.compressToEncodedURIComponent(JSON.stringify({ yaml }))}`;
}

const LIMIT_WORDS = 'kubeplay simulates at most 5,000 pods';

/** Opens `link` in a fresh page and waits for its answer: the limit message, or every pod drawn. */
async function openAndMeasure(
  browser: Browser,
  base: string,
  link: string,
  ready: 'limit' | 'pods',
): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await recordLongTasks(page);
  await page.goto(base + link);
  if (ready === 'limit') {
    await page.getByTestId('bottom-tab-problems').click({ timeout: 120_000 });
    await expect(page.getByTestId('problems')).toContainText(LIMIT_WORDS, { timeout: 120_000 });
  } else {
    await page.waitForFunction(
      () => document.querySelectorAll('.react-flow__node-pod').length >= 5000,
      undefined,
      { timeout: 300_000, polling: 500 },
    );
  }
  const shownAt = await pageNow(page);
  // A second more, so the tasks that follow the first paint (layout, fit view) are counted too.
  await page.waitForTimeout(1000);
  const tasks = await longTasksSince(page, 0);
  await context.close();
  return `${ready === 'limit' ? 'limit message' : '5,000 pods drawn'} at ${Math.round(shownAt)} ms after navigation; longest main-thread task ${tasks.longest} ms (${tasks.count} over 50 ms, ${tasks.total} ms in all)`;
}

export async function measureHostileLinks(browser: Browser, base: string): Promise<string[]> {
  return [
    `1,000,000-replica link: ${await openAndMeasure(browser, base, deploymentLink(1_000_000, 1), 'limit')}`,
    `10,000-pod link: ${await openAndMeasure(browser, base, deploymentLink(10_000, 50), 'limit')}`,
    `5,000-pod link (at the limit): ${await openAndMeasure(browser, base, deploymentLink(4_998, 50), 'pods')}`,
  ];
}

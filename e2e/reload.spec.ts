/**
 * A reload after live edits shows the pods the student saw (docs/editing.md): scale the
 * ReplicationController up and back down in the YAML, delete a pod in the terminal, reload; the graph
 * and `kubectl get pods -o wide` name the same pods with the same IPs, and the Services keep their
 * ClusterIPs.
 */
import { test, expect } from './fixtures.ts';
import { TerminalPanel } from './pages/TerminalPanel.ts';
import type { PlaygroundPage } from './pages/PlaygroundPage.ts';

/** `kubectl get pods -o wide` without the AGE and RESTARTS columns (the clock moves on). */
function podRows(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /\S/.test(line))
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      return [cols[0], cols[1], cols[2], cols[5], cols[6]].join(' ');
    })
    .sort();
}

/** NAME and CLUSTER-IP of every Service. */
function serviceRows(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /\S/.test(line))
    .map((line) => line.trim().split(/\s+/).slice(0, 3).join(' '))
    .sort();
}

async function graphPods(playground: PlaygroundPage): Promise<string[]> {
  const ids = await playground
    .kubiaPods()
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-graph-id')));
  return ids.map(String).sort();
}

test('a reload after scaling and deleting a pod keeps the pod names, pod IPs and ClusterIPs', async ({
  playground,
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await playground.open();
  await expect(playground.kubiaPods()).toHaveCount(3);
  const firstPods = await graphPods(playground);

  // Up to 5 and back to 3 in the editor: the pods the edit made survive in place of others.
  await playground.replaceInEditor('replicas: 3', ['Backspace', '5']);
  await expect(playground.kubiaPods()).toHaveCount(5);
  await playground.replaceInEditor('replicas: 5', ['Backspace', '3']);
  await expect(playground.kubiaPods()).toHaveCount(3);

  const terminal = new TerminalPanel(page);
  await terminal.ready();
  const victim = (await graphPods(playground))[0]?.replace('pod/default/', '') ?? '';
  await terminal.run(`kubectl delete pod ${victim}`);
  await expect(playground.podNode(`pod/default/${victim}`)).toHaveCount(0);
  await expect(playground.kubiaPods()).toHaveCount(3);
  const before = await graphPods(playground);
  // The edits made a cluster a fresh replay would not: otherwise this test proves nothing.
  expect(before).not.toEqual(firstPods);
  const podsBefore = podRows(await terminal.run('kubectl get pods -o wide'));
  const svcBefore = serviceRows(await terminal.run('kubectl get svc'));
  const graphIpsBefore = await playground.kubiaPods().allInnerTexts();
  await playground.screenshot('reload-before');

  await playground.reload();
  await expect(playground.kubiaPods()).toHaveCount(3);
  expect(await graphPods(playground)).toEqual(before);
  expect((await playground.kubiaPods().allInnerTexts()).sort()).toEqual([...graphIpsBefore].sort());
  await terminal.ready();
  expect(podRows(await terminal.run('kubectl get pods -o wide'))).toEqual(podsBefore);
  expect(serviceRows(await terminal.run('kubectl get svc'))).toEqual(svcBefore);
  await playground.screenshot('reload-after');
});

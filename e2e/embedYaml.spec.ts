/**
 * The embed with the YAML: the share dialog builds `?embed=terminal,yaml`, and that page shows the
 * graph, the terminal and the scenario's YAML to read — with no editor to type into.
 */
import { test, expect } from './fixtures.ts';
import { FIRST_GRAPH_MS } from './pages/PlaygroundPage.ts';
import { SharePanel } from './pages/SharePanel.ts';

test('the share dialog offers an embed with the YAML, which shows it read-only beside the graph', async ({
  page,
  playground,
  consoleErrors,
}) => {
  await playground.open();
  const share = new SharePanel(page);
  await share.open();
  await page.getByText('Embed in slides').click();
  await page.getByTestId('share-embed-yaml').check();
  await page.getByTestId('share-embed-terminal').check();
  const embedLink = await page.getByTestId('share-embed-url').inputValue();
  expect(embedLink).toMatch(/\/\?embed=terminal,yaml#z1\./);
  await expect(page.getByTestId('share-iframe')).toHaveValue(new RegExp('embed=terminal,yaml'));
  await share.close();

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(embedLink);
  const yaml = page.getByTestId('embed-yaml');
  await expect(yaml).toBeVisible({ timeout: FIRST_GRAPH_MS });
  await expect(yaml).toContainText('kind: ReplicationController');
  await expect(yaml).toContainText('targetPort: 8080');
  await expect(page.getByTestId('editor-panel')).toHaveCount(0);
  await expect(yaml.locator('textarea, [contenteditable="true"]')).toHaveCount(0);
  await expect(page.getByTestId('terminal')).toBeVisible();
  await expect(playground.kubiaPods()).toHaveCount(3);
  // Side by side: the YAML does not cover the graph.
  const graphBox = await page.locator('.kp-graph').boundingBox();
  const yamlBox = await yaml.boundingBox();
  expect((graphBox?.x ?? 0) + (graphBox?.width ?? 0)).toBeLessThanOrEqual((yamlBox?.x ?? 0) + 1);
  await playground.screenshot('embed-terminal-yaml');
  expect(consoleErrors).toEqual([]);
});

/**
 * The bundled "LoadBalancer over three workers" scenario, as the load-balancer specs start from it:
 * opened from the picker, its MetalLB-served address on the card, then its MetalLB documents (from the
 * separator before their comment to the end of the file) deleted in the editor with the keyboard.
 */
import type { Locator } from '@playwright/test';
import { expect } from '../fixtures.ts';
import { FIRST_GRAPH_MS } from './PlaygroundPage.ts';
import type { PlaygroundPage } from './PlaygroundPage.ts';

/** Opens the scenario and waits for MetalLB's address on the load balancer's card; returns the card. */
export async function openLoadBalancerScenario(playground: PlaygroundPage): Promise<Locator> {
  const { page } = playground;
  await playground.open();
  await page.getByTestId('scenario-picker').selectOption('loadbalancer');
  const lbCard = page.locator('[data-graph-id="lb/default/kubia-loadbalancer"]');
  await expect(lbCard).toBeVisible({ timeout: FIRST_GRAPH_MS });
  await expect(lbCard).toContainText('172.18.255.');
  return lbCard;
}

/** Selects from the MetalLB documents' separator to the end of the file and deletes it; the cursor stays there. */
export async function deleteMetalLbDocuments(playground: PlaygroundPage): Promise<void> {
  const { page } = playground;
  const separator =
    (await playground.lineNumberOf(
      "# No cloud here, so MetalLB gives LoadBalancer Services their addresses: a pool on kind's docker",
    )) - 1;
  await playground.goToLine(separator);
  await page.keyboard.press('Control+Shift+End');
  await page.keyboard.press('Delete');
}

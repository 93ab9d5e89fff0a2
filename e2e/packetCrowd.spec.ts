/**
 * The packet crowd (src/ui/packets/crowdWorker.ts) draws on a canvas a Worker owns, and draws a frame
 * only when a dot moved (packetCanvas.ts): read back through the page's canvas element, the dots are
 * there while packets fly, and none is left behind once they have landed.
 */
import { test, expect } from './fixtures.ts';

/** How many pixels of the crowd's canvas hold ink now (its latest frame, as the page shows it). */
function inkedPixels(): number {
  const element = document.querySelector<HTMLCanvasElement>('canvas[data-packets="crowd"]');
  if (!element || element.width === 0 || element.height === 0) return -1;
  const copy = new OffscreenCanvas(element.width, element.height);
  const context = copy.getContext('2d')!;
  context.drawImage(element, 0, 0);
  const pixels = context.getImageData(0, 0, element.width, element.height).data;
  let inked = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) inked++;
  return inked;
}

test('a batch of packets is drawn by the crowd while it flies, and leaves no dot behind', async ({
  playground,
  page,
}) => {
  // The project's tests ask for reduced motion (packets land at once); this one watches them fly.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await playground.open();
  const [lb] = await playground.call('loadBalancers');
  await page.getByTestId('request-from').selectOption('client/laptop');
  await page.getByTestId('request-url').fill(`http://${lb?.ips[0]}`);
  await playground.showBottomTab('traffic');
  const form = page.locator('.kp-traffic-form');
  await form.getByLabel('Requests').fill('60');
  await form.getByLabel('per second').fill('20');
  await page.getByTestId('traffic-send').click();
  await expect.poll(() => page.evaluate(inkedPixels), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('histogram')).toHaveAttribute('data-arrived', '60', { timeout: 30_000 });
  await expect.poll(() => page.evaluate(inkedPixels), { timeout: 10_000 }).toBe(0);
});

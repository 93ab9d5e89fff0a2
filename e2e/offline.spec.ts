/**
 * The playground works offline after the first visit: the service worker (vite-plugin-pwa, generated
 * in the production build) precaches every chunk, so with the network cut a reload still shows the
 * kubia cluster, the lazy editor loads, and a request still animates.
 */
import { test, expect } from './fixtures.ts';

test.describe('offline', () => {
  test('after the first visit the page reloads and works with the network off', async ({
    playground,
    page,
    context,
    offHostRequests,
  }) => {
    await playground.open();
    // The first visit installs the worker; clientsClaim makes it control this very page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller) return;
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
    });

    await context.setOffline(true);
    await page.reload();
    await expect(playground.kubiaPods()).toHaveCount(3);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // The lazy editor chunk (Monaco) comes from the cache too.
    await playground.editorLine('kind: ReplicationController');

    const pods = await playground.call('pods');
    await playground.send(pods.find((p) => p.startsWith('pod/default/kubia-'))!, 'http://kubia');
    await expect(page.getByTestId('packet-label')).toBeVisible();
    await playground.screenshot('offline');
    const arrived = await playground.arrival();
    expect(arrived).toMatch(/^pod\/default\/kubia-/);
    await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outcome', 'ok');
    await context.setOffline(false);
    expect(offHostRequests).toEqual([]);
  });
});

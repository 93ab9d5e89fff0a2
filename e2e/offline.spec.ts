/**
 * The playground works offline after the first visit: the service worker (vite-plugin-pwa, generated
 * in the production build) precaches every chunk, so with the network cut a reload still shows the
 * kubia cluster, the lazy editor loads, and a request still animates.
 */
import { test, expect } from './fixtures.ts';

test.describe('offline', () => {
  // The suite blocks service workers (playwright.config.ts); this spec is about the one the app ships.
  test.use({ serviceWorkers: 'allow' });

  test('after the first visit the page reloads and works with the network off', async ({
    playground,
    page,
    context,
    offHostRequests,
  }) => {
    // "A request still animates" offline: ask for motion (the suite runs with reduced motion).
    await page.emulateMedia({ reducedMotion: 'no-preference' });
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
    // From here on, every response the page gets must come from the service worker's cache: none may
    // come from the network. (navigator.onLine is not asserted: whether Chromium reports an emulated
    // offline state there differs between versions; what a user sees is what matters.)
    const fromNetwork: string[] = [];
    page.on('response', (response) => {
      const url = response.url();
      if (!response.fromServiceWorker() && !/^(data|blob):/.test(url)) fromNetwork.push(url);
    });
    await page.reload();
    await playground.waitForFirstGraph();
    await expect(playground.kubiaPods()).toHaveCount(3);
    // The network really is off: an address the worker never cached cannot be fetched.
    const probe = await page.evaluate(async () => {
      try {
        await fetch(`/not-cached-${Date.now()}.txt`, { cache: 'no-store' });
        return 'reached the server';
      } catch {
        return 'failed';
      }
    });
    expect(probe).toBe('failed');
    // The lazy editor chunk (Monaco) comes from the cache too.
    await playground.editorLine('kind: ReplicationController');

    const pods = await playground.call('pods');
    await playground.send(pods.find((p) => p.startsWith('pod/default/kubia-'))!, 'http://kubia');
    await expect(page.getByTestId('packet-label')).toBeVisible();
    await playground.screenshot('offline');
    const arrived = await playground.arrival();
    expect(arrived).toMatch(/^pod\/default\/kubia-/);
    await expect(page.getByTestId('trace-outcome')).toHaveAttribute('data-outcome', 'ok');
    expect(fromNetwork).toEqual([]);
    await context.setOffline(false);
    expect(offHostRequests).toEqual([]);
  });
});

/**
 * Registers the service worker that vite-plugin-pwa generates (vite.config.ts), so the playground
 * works offline after the first visit. Production builds only: in `vite` dev a worker would serve
 * stale modules. Registration waits for `load` so precaching does not compete with the first paint.
 * A failure (private mode, no support, file:// pages) is silent: the page simply stays
 * online-only, which is what it was before.
 */
export function registerOffline(isProduction: boolean): void {
  if (!isProduction || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  const base = import.meta.env.BASE_URL;
  const register = (): void => {
    container.register(`${base}sw.js`, { scope: base }).catch(() => {
      // offline use is a bonus; never an error for the user
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

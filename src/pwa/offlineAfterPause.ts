/**
 * The service worker's first install, in the person's first pause (whenUserPauses.ts). Its own chunk,
 * loaded once the first graph is drawn: nothing of it is needed for that graph, and the first page's
 * JavaScript has a budget (docs/performance.md, "What the first page loads").
 */
import { registerOffline } from './registerOffline.ts';
import { whenUserPauses } from './whenUserPauses.ts';

/** How long nobody touches the page before the install starts. */
export const PRECACHE_AFTER_QUIET_MS = 3000;

export async function registerOfflineAfterPause(isProduction: boolean): Promise<void> {
  if (!isProduction) return;
  await whenUserPauses(PRECACHE_AFTER_QUIET_MS);
  registerOffline(isProduction);
}

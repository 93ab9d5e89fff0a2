/**
 * Replaces what is on screen with a share link's scenario, after the person chose to (LinkChoiceDialog):
 * the app opens the link (app.openLink, the store's steps), and the library stops treating the copy
 * on screen as the entry opened before.
 */
import type { KubeplayApp } from '../../store/kubeplayApp.ts';
import type { OpenedLink } from '../../store/shareLink.ts';
import { forgetOpenEntry } from '../library/forgetOpenEntry.ts';

export function openSharedLink(app: Pick<KubeplayApp, 'openLink'>, link: OpenedLink): void {
  app.openLink(link);
  forgetOpenEntry();
}

/**
 * Replaces what is on screen with a share link's scenario, after the person chose to (LinkChoiceDialog).
 * The same steps the app takes when a link opens at start: the scenario (which the autosave then
 * keeps), its layout, selection and request, and no leftover traffic from the old cluster.
 */
import type { KubeplayApp } from '../../store/kubeplayApp.ts';
import type { OpenedLink } from '../../store/shareLink.ts';
import { viewOfOpenedLink } from '../../store/linkView.ts';
import { clearTraffic } from '../../store/trafficStore.ts';
import { forgetOpenEntry } from '../library/forgetOpenEntry.ts';

export function openSharedLink(app: KubeplayApp, link: OpenedLink): void {
  clearTraffic(app.traffic);
  // The view first, so the graph lays the new cluster out with the link's positions.
  app.view.setState({
    ...viewOfOpenedLink(link),
    stepHop: 0,
  });
  app.scenario.setState({ ...link.scenario });
  forgetOpenEntry();
}

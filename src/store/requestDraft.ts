/**
 * The request bar's first suggestion. Until the user types in it, offer a request that exists in this
 * cluster: from the first pod of the default namespace to the first Service there (both read from the
 * state). After an edit the URL stays (the bar says when it no longer resolves, instead of silently
 * aiming elsewhere); only a sending pod that is gone is replaced.
 */
import type { ClusterState } from '../engine/index.ts';
import type { ViewStore } from './viewStore.ts';

export function suggestFirstRequest(view: ViewStore, state: ClusterState, edit: boolean): void {
  const pod = state.pods.find((p) => p.metadata.namespace === 'default');
  if (edit) {
    const { draft } = view.getState();
    const gone =
      draft.from.startsWith('pod/') &&
      !state.pods.some((p) => `pod/${p.metadata.namespace}/${p.metadata.name}` === draft.from);
    if (gone) {
      view.setState({
        draft: { ...draft, from: pod ? `pod/default/${pod.metadata.name}` : 'client/laptop' },
      });
    }
    return;
  }
  const svc = state.services.find(
    (s) => s.manifest.metadata.namespace === 'default' && s.manifest.metadata.name !== 'kubernetes',
  );
  view.setState({
    draft: {
      from: pod ? `pod/default/${pod.metadata.name}` : 'client/laptop',
      url: svc ? `http://${svc.manifest.metadata.name}` : 'http://kubia',
      host: '',
    },
  });
}

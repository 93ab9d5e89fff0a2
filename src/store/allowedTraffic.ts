/**
 * "Show allowed traffic" on a NetworkPolicy: which policy's allowed edges the graph draws. The edges
 * themselves come from the engine (the inspector's facts for `netpol/<ns>/<name>`, computed in the
 * Worker by getPolicyAllows); the view only remembers which policy was asked for. Showing a policy
 * selects it, so its inspector (with the button that hides the edges again) is the one on screen.
 */
import type { GraphId } from '../engine/index.ts';
import type { ViewStore } from './viewStore.ts';
import { select } from './viewStore.ts';

/** Shows the allowed traffic of `policyId`, or hides it when it is the one already shown. */
export function toggleAllowedTraffic(store: ViewStore, policyId: GraphId): void {
  if (store.getState().allowedTrafficOf === policyId) {
    hideAllowedTraffic(store);
    return;
  }
  select(store, policyId);
  store.setState({ allowedTrafficOf: policyId });
}

export function hideAllowedTraffic(store: ViewStore): void {
  if (store.getState().allowedTrafficOf !== null) store.setState({ allowedTrafficOf: null });
}

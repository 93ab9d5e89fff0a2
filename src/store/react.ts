/**
 * React bindings: the only file of the store that imports React. Components get the app from context
 * and subscribe to slices with selectors that return primitives or ids (useShallow for arrays).
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand';
import type { KubeplayApp } from './kubeplayApp.ts';
import type { ScenarioState } from './scenarioStore.ts';
import type { SimulationState } from './simulationStore.ts';
import type { TrafficState } from './trafficStore.ts';
import type { ViewState } from './viewStore.ts';

export const AppContext = createContext<KubeplayApp | null>(null);

export function useApp(): KubeplayApp {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside <AppContext.Provider>');
  return app;
}

function useSlice<S, T>(pick: (app: KubeplayApp) => StoreApi<S>, selector: (state: S) => T): T {
  return useStore(pick(useApp()), selector);
}

export function useScenario<T>(selector: (state: ScenarioState) => T): T {
  return useSlice((app) => app.scenario, selector);
}
export function useSimulation<T>(selector: (state: SimulationState) => T): T {
  return useSlice((app) => app.simulation, selector);
}
export function useView<T>(selector: (state: ViewState) => T): T {
  return useSlice((app) => app.view, selector);
}
export function useTraffic<T>(selector: (state: TrafficState) => T): T {
  return useSlice((app) => app.traffic, selector);
}
export { useShallow } from 'zustand/react/shallow';

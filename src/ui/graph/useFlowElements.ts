/**
 * The graph's nodes and edges for the current cluster: recomputed only when the cluster or the
 * dragged positions change, with unchanged objects kept so memoised nodes do not re-render.
 */
import { useMemo, useState } from 'react';
import { getIngressControllerPods } from '../../engine/index.ts';
import { useSimulation, useView } from '../../store/react.ts';
import type { FlowElements } from './graphData.ts';
import { reuseUnchanged, toFlowElements } from './toFlowElements.ts';

export function useFlowElements(): FlowElements | null {
  const sim = useSimulation((s) => s.sim);
  const stale = useSimulation((s) => s.stale);
  const positions = useView((s) => s.positions);
  const showSystem = useView((s) => s.showSystem);
  const [keep] = useState(createKeeper);
  return useMemo(() => {
    if (!sim) return null;
    const state = sim.state;
    const next = toFlowElements(
      { state, ingressControllers: getIngressControllerPods(state), stale, hideSystem: !showSystem },
      positions,
    );
    return keep(next);
  }, [sim, stale, positions, showSystem, keep]);
}

/** Remembers the last result so unchanged nodes keep their identity across recomputations. */
function createKeeper(): (next: FlowElements) => FlowElements {
  let previous: FlowElements | null = null;
  return (next) => {
    previous = reuseUnchanged(previous, next);
    return previous;
  };
}

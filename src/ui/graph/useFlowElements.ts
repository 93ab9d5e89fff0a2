/**
 * The graph's nodes and edges for the current cluster: recomputed only when the cluster, the
 * dragged positions or the pane's shape class change, with unchanged objects kept so memoised nodes do not re-render.
 */
import { useMemo, useState } from 'react';
import { useSimulation, useView } from '../../store/react.ts';
import type { FlowElements } from './graphData.ts';
import type { GraphShape } from './layoutMetrics.ts';
import { reuseUnchanged, toFlowElements } from './toFlowElements.ts';

export function useFlowElements(shape: GraphShape): FlowElements | null {
  const sim = useSimulation((s) => s.sim);
  const graph = useSimulation((s) => s.graph);
  const stale = useSimulation((s) => s.stale);
  const positions = useView((s) => s.positions);
  const showSystem = useView((s) => s.showSystem);
  const [keep] = useState(createKeeper);
  return useMemo(() => {
    if (!sim) return null;
    const state = sim.state;
    const next = toFlowElements(
      {
        state,
        ingressControllers: graph.ingressControllers,
        announcers: graph.announcers,
        policies: graph.policies,
        stale,
        hideSystem: !showSystem,
        shape,
      },
      positions,
    );
    return keep(next);
  }, [sim, graph, stale, positions, showSystem, shape, keep]);
}

/** Remembers the last result so unchanged nodes keep their identity across recomputations. */
function createKeeper(): (next: FlowElements) => FlowElements {
  let previous: FlowElements | null = null;
  return (next) => {
    previous = reuseUnchanged(previous, next);
    return previous;
  };
}

/**
 * Store bindings for requestPath.ts: which Service the request in flight consulted (for the Service
 * card, its Endpoints and the bus branch to the chosen pod), and the CSS that draws the path loud and
 * dims (or hides, in "focus on this request") everything the request does not touch. One <style>
 * element changes per request, so no graph node re-renders for it.
 */
import { useMemo } from 'react';
import { useTraffic } from '../../store/react.ts';
import type { TrafficState } from '../../store/trafficStore.ts';
import type { GraphEdge, GraphNode } from './graphData.ts';
import type { Consulted } from './requestPath.ts';
import { getConsulted, getTouchedEdgeIds, getTouchedIds } from './requestPath.ts';

function consultedNow(s: TrafficState): Consulted | null {
  if (!s.focused || s.focusedLanded) return null;
  return getConsulted(s.focused.trace, s.focusedHop);
}

/** True while `id` (a Service or Endpoints) is the rule the request in flight consulted. */
export function useIsConsulted(id: string): boolean {
  return useTraffic((s) => {
    const c = consultedNow(s);
    return c !== null && (c.service === id || c.endpoints === id);
  });
}

/** The pod the consulted rule chose, when `endpointsId` is the one consulted. */
export function useChosenBranch(endpointsId: string): string | null {
  return useTraffic((s) => {
    const c = consultedNow(s);
    return c && c.endpoints === endpointsId ? c.pod : null;
  });
}

const quote = (id: string) => `"${id.replace(/["\\]/g, '\\$&')}"`;

/** CSS for the path of the focused request, or '' when no request is in flight (and none is focused on). */
export function usePathStyle(nodes: GraphNode[], edges: GraphEdge[], focusOnly: boolean): string {
  const trace = useTraffic((s) => s.focused?.trace ?? null);
  const inFlight = useTraffic((s) => s.focused !== null && !s.focusedLanded);
  return useMemo(() => {
    if (!trace || !(inFlight || focusOnly)) return '';
    const touched = getTouchedIds(trace, nodes);
    const touchedEdges = getTouchedEdgeIds(edges, touched);
    const scope = '.kp-graph';
    const nodeList = [...touched].map((id) => `${scope} .react-flow__node[data-id=${quote(id)}]`);
    const edgeList = touchedEdges.map((id) => `${scope} .react-flow__edge[data-id=${quote(id)}]`);
    const quiet = focusOnly ? 'visibility: hidden !important;' : 'opacity: 0.3;';
    return [
      `${scope} .react-flow__node:not(.react-flow__node-cluster) { ${quiet} }`,
      `${scope} .react-flow__edge { ${focusOnly ? 'visibility: hidden !important;' : 'opacity: 0.2;'} }`,
      nodeList.length ? `${nodeList.join(',\n')} { opacity: 1; visibility: visible !important; }` : '',
      edgeList.length ? `${edgeList.join(',\n')} { opacity: 1; visibility: visible !important; }` : '',
    ].join('\n');
  }, [trace, inFlight, focusOnly, nodes, edges]);
}

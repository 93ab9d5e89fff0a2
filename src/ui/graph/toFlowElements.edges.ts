/**
 * The edges that show how objects hang together: a Service owns its Endpoints (one short edge), the
 * Endpoints reach the pods they list as one bus (endpointsBus.ts), an Ingress points at its backend
 * Services and is served by its controller pods. Pure; drawn after every node is placed.
 */
import type { ClusterState, GraphId } from '../../engine/index.ts';
import type { GraphEdge, GraphNode } from './graphData.ts';
import { endpointsBus } from './endpointsBus.ts';
import type { getAbsoluteOrigins } from './flowIdentity.ts';
import { graphEdge } from './toFlowElements.nodes.ts';

export function structuralEdges(
  state: ClusterState,
  nodes: GraphNode[],
  absolute: ReturnType<typeof getAbsoluteOrigins>,
  known: ReadonlySet<string>,
  ingressControllers: Record<GraphId, GraphId[]>,
): GraphEdge[] {
  const edges: GraphEdge[] = [];
  const ingresses = state.ingresses;
  for (const ep of state.endpoints) {
    const epId = `ep/${ep.metadata.namespace}/${ep.metadata.name}`;
    const svcId = `svc/${ep.metadata.namespace}/${ep.metadata.name}`;
    if (known.has(svcId)) edges.push(graphEdge(svcId, epId, 'kp-edge-owns'));
    const bus = endpointsBus(epId, ep.subsets, known, absolute, nodes);
    if (bus) edges.push(bus);
  }
  for (const ing of ingresses) {
    const meta = ing.manifest.metadata;
    const id = `ing/${meta.namespace}/${meta.name}`;
    const backends = new Set<string>();
    const spec = ing.manifest.spec;
    if (spec.defaultBackend?.service) backends.add(spec.defaultBackend.service.name);
    for (const rule of spec.rules)
      for (const p of rule.paths) if (p.backend.service) backends.add(p.backend.service.name);
    for (const name of backends) {
      const target = `svc/${meta.namespace}/${name}`;
      if (known.has(target)) edges.push(graphEdge(id, target, 'kp-edge-backend'));
    }
    for (const controller of ingressControllers[id] ?? []) {
      if (known.has(controller)) edges.push(graphEdge(controller, id, 'kp-edge-controller'));
    }
  }
  return edges;
}

/**
 * The React Flow objects toFlowElements makes: a node (a card, a Kubernetes node group, the cluster
 * frame) with its size, parent and accessible name, and a plain edge. Pure.
 */
import type { PolicySelection } from '../../engine/index.ts';
import type { GraphEdge, GraphNode, GraphNodeData } from './graphData.ts';
import { CARD } from './layoutMetrics.ts';
import { NETPOL_CARD_HEIGHT } from './networkPolicyCells.ts';

/** The graph id of the cluster frame, every in-cluster card's parent. */
export const CLUSTER_ID = 'cluster';

/** What a screen reader says for an object: `pod kubia-qxjsk`, `service kubia`, `node kind-worker`. */
function accessibleName(data: GraphNodeData): string {
  switch (data.kind) {
    case 'dns':
      return 'cluster DNS';
    case 'lb':
      return `load balancer ${data.name}`;
    case 'cluster':
      return `cluster ${data.name}`;
    default:
      return `${data.kind} ${data.name}`;
  }
}

export function graphNode(
  id: string,
  type: GraphNodeData['kind'],
  data: GraphNodeData,
  position: { x: number; y: number },
  size: { width: number; height: number },
  parentId?: string,
): GraphNode {
  return {
    id,
    type,
    data,
    position,
    width: size.width,
    height: size.height,
    style: { width: size.width, height: size.height },
    ...(parentId ? { parentId } : {}),
    // One tab stop for the whole graph: useRovingFocus gives the current object tabindex 0.
    ...(type === 'cluster'
      ? { selectable: false, draggable: false, zIndex: -1 }
      : { domAttributes: { tabIndex: -1 }, ariaRole: 'group', ariaLabel: accessibleName(data) }),
    ...(type === 'node' ? { dragHandle: '.kp-node-header' } : {}),
  } as GraphNode;
}

/**
 * Edges are neither selected, focused nor clicked here, so React Flow's invisible 20 px wide copy of
 * each path, drawn only to catch the pointer (`interactionWidth`), is left out: 1,100 elements fewer
 * in the 1,000-pod scenario (docs/performance.md, "Fewer elements for a paste").
 */
export const NO_POINTER_PATH = { interactionWidth: 0 } as const;

export function graphEdge(source: string, target: string, className: string, label?: string): GraphEdge {
  return {
    id: `e:${source}->${target}`,
    source,
    target,
    className,
    ...(label ? { label } : {}),
    selectable: false,
    focusable: false,
    ...NO_POINTER_PATH,
  };
}

/** A NetworkPolicy card in the band of cells (networkPolicyCells.ts places it). */
export function policyGraphNode(policy: PolicySelection, position: { x: number; y: number }): GraphNode {
  return graphNode(
    policy.id,
    'netpol',
    {
      kind: 'netpol',
      name: policy.name,
      namespace: policy.namespace,
      selects: policy.pods.length,
      policyTypes: policy.policyTypes,
    },
    position,
    { width: CARD.width, height: NETPOL_CARD_HEIGHT },
    CLUSTER_ID,
  );
}

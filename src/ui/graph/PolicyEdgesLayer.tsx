/**
 * "Show allowed traffic" of a NetworkPolicy, drawn over the graph: an arrow for each connection the
 * policy lets through (the engine's getPolicyAllows, fetched through the Worker like the inspector's
 * other facts), labelled with the ports as written, and the rest of the graph dimmed. Its own layer in
 * the React Flow viewport (as the packets' path is), so the graph's nodes and edges are not rebuilt
 * for it. Escape, the inspector's button again, or selecting anything else hides it.
 */
import { useEffect, useMemo } from 'react';
import { ViewportPortal } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { GraphId } from '../../engine/index.ts';
import { hideAllowedTraffic } from '../../store/allowedTraffic.ts';
import { useApp, useView } from '../../store/react.ts';
import { useInspectFacts } from '../inspector/useInspectFacts.ts';
import { isTypingTarget } from '../keyboard/isTypingTarget.ts';
import { getAbsoluteOrigins } from './flowIdentity.ts';
import type { GraphNode } from './graphData.ts';
import type { PlacedPolicyEdge, Rect } from './policyEdgeGeometry.ts';
import { placePolicyEdges } from './policyEdgeGeometry.ts';
import { getPolicyEdgeIds, stubKey, toPolicyEdges } from './policyEdges.ts';
import { isSystemObject } from './systemObjects.ts';
import { DNS_ID } from './toFlowElements.ts';
import './policyEdges.css';
import '../../i18n/laterTexts.ts';

const quote = (id: string) => `"${id.replace(/["\\]/g, '\\$&')}"`;

function cardRects(nodes: readonly GraphNode[]): Map<GraphId, Rect> {
  const origins = getAbsoluteOrigins(nodes as GraphNode[]);
  const rects = new Map<GraphId, Rect>();
  for (const n of nodes) {
    const o = origins.get(n.id);
    const width = n.width ?? n.measured?.width;
    const height = n.height ?? n.measured?.height;
    if (o && width !== undefined && height !== undefined) rects.set(n.id, { ...o, width, height });
  }
  return rects;
}

/** The card drawn for a pod: its own, or the DNS card standing for a hidden CoreDNS pod. */
function cardFinder(rects: ReadonlyMap<GraphId, Rect>): (id: GraphId) => GraphId | null {
  return (id) => {
    if (rects.has(id)) return id;
    const [kind, namespace = '', name = ''] = id.split('/');
    if (kind === 'pod' && isSystemObject(namespace, name, 'pod') && rects.has(DNS_ID)) return DNS_ID;
    return null;
  };
}

/** The CSS that dims every card and edge the drawing does not involve. */
function dimStyle(involved: ReadonlySet<GraphId>): string {
  const scope = '.kp-graph';
  const list = [...involved].map((id) => `${scope} .react-flow__node[data-id=${quote(id)}]`);
  return [
    `${scope} .react-flow__node:not(.react-flow__node-cluster) { opacity: 0.28; }`,
    `${scope} .react-flow__edge { opacity: 0.15; }`,
    list.length ? `${list.join(',\n')} { opacity: 1; }` : '',
  ].join('\n');
}

function EdgeLabel({ edge }: { edge: PlacedPolicyEdge }) {
  const { t } = useTranslation();
  const ports = edge.ports.length ? edge.ports.join(', ') : t('allowedTraffic.allPorts');
  const far = edge.stub
    ? edge.stub.kind === 'any'
      ? t(edge.direction === 'Ingress' ? 'allowedTraffic.anySource' : 'allowedTraffic.anyDestination')
      : edge.stub.block
    : null;
  return (
    <text x={edge.label.x} y={edge.label.y} textAnchor={edge.labelAnchor} dominantBaseline="middle">
      {far !== null && <tspan className="kp-policy-edge-far">{far} </tspan>}
      <tspan>{ports}</tspan>
    </text>
  );
}

function ShownPolicyEdges({ policyId, nodes }: { policyId: GraphId; nodes: readonly GraphNode[] }) {
  const facts = useInspectFacts(policyId);
  const rules = facts?.kind === 'networkpolicy' ? facts.allows : null;
  const selected = useMemo(() => (facts?.kind === 'networkpolicy' ? facts.selected : []), [facts]);
  const set = useMemo(() => (rules ? toPolicyEdges(rules) : null), [rules]);
  const rects = useMemo(() => cardRects(nodes), [nodes]);
  const placed = useMemo(
    () => (set ? placePolicyEdges(set.edges, rects, cardFinder(rects)) : []),
    [set, rects],
  );
  const style = useMemo(
    () => dimStyle(getPolicyEdgeIds(policyId, selected, placed)),
    [placed, policyId, selected],
  );
  if (!set) return null;
  return (
    <>
      <style data-testid="policy-edges-style">{style}</style>
      <ViewportPortal>
        <svg
          className="kp-policy-edges"
          width="1"
          height="1"
          aria-hidden="true"
          data-testid="policy-edges"
          data-policy={policyId}
          data-count={placed.length}
          data-omitted={set.omitted}
        >
          <defs>
            <marker
              id="kp-policy-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth="11"
              markerHeight="11"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="kp-policy-arrowhead" />
            </marker>
          </defs>
          {placed.map((edge) => (
            <g
              key={edge.id}
              className={`kp-policy-edge kp-policy-edge-${edge.direction.toLowerCase()}${edge.stub ? ' kp-policy-edge-stub' : ''}`}
              data-testid="policy-edge"
              data-edge-id={edge.id}
              data-source={edge.from ?? stubKey(edge.stub!)}
              data-target={edge.to ?? stubKey(edge.stub!)}
              data-direction={edge.direction}
              data-ports={edge.ports.join(', ')}
              data-rules={edge.rules.join(' ')}
            >
              <line
                x1={edge.start.x}
                y1={edge.start.y}
                x2={edge.end.x}
                y2={edge.end.y}
                markerEnd="url(#kp-policy-arrow)"
              />
              <EdgeLabel edge={edge} />
            </g>
          ))}
        </svg>
      </ViewportPortal>
    </>
  );
}

/** Hides the drawing on Escape, before any other page key (presenter mode's Escape waits for the next). */
function useEscapeHides(shown: boolean): void {
  const app = useApp();
  useEffect(() => {
    if (!shown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing || isTypingTarget(event))
        return;
      event.preventDefault();
      hideAllowedTraffic(app.view);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [app, shown]);
}

export function PolicyEdgesLayer({ nodes }: { nodes: readonly GraphNode[] }) {
  const policyId = useView((s) => s.allowedTrafficOf);
  useEscapeHides(policyId !== null);
  return policyId ? <ShownPolicyEdges policyId={policyId} nodes={nodes} /> : null;
}

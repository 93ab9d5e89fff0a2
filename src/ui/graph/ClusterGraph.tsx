/**
 * The live cluster graph. Nodes are controlled locally so dragging is smooth; a drag that ends is
 * stored in the view (so the layout keeps it across edits). Packets ride on top in the PacketLayer.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from '@xyflow/react';
import type { FitViewOptions, NodeChange, NodeMouseHandler, OnNodeDrag } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import { useApp, useSimulation, useView } from '../../store/react.ts';
import { useTypingFocus } from '../keyboard/useTypingFocus.ts';
import { moveNode, select } from '../../store/viewStore.ts';
import { PacketCanvasLayer, PacketLayer } from '../packets/PacketLayer.tsx';
import { registerGraphSource } from './export/graphSource.ts';
import type { GraphNode } from './graphData.ts';
import { GraphToolbar } from './GraphToolbar.tsx';
import { nodeTypes } from './nodes/nodeTypes.ts';
import { getAbsoluteCenters } from './toFlowElements.ts';
import { useFlowElements } from './useFlowElements.ts';
import { useLessonHighlight } from './useLessonHighlight.ts';

const proOptions = { hideAttribution: true };
// Room for what floats over the graph: the view toolbar above, the zoom controls on the left.
const fitViewOptions = {
  padding: { top: '46px', left: '52px', right: '14px', bottom: '14px' },
} satisfies FitViewOptions;
/** Below this many graph nodes the whole cluster fits on screen: a minimap would only cover part of it. */
const MINIMAP_FROM_NODES = 60;

function minimapColor(node: GraphNode): string {
  switch (node.data.kind) {
    case 'pod':
      return node.data.ready ? '#3b82f6' : '#f59e0b';
    case 'service':
      return '#8b5cf6';
    case 'node':
      return node.data.up ? '#94a3b8' : '#ef4444';
    case 'cluster':
      return 'transparent';
    default:
      return '#64748b';
  }
}

/** Shown over the graph only while the YAML is broken. */
function StaleBadge() {
  const { t } = useTranslation();
  const stale = useSimulation((s) => s.stale);
  if (!stale) return null;
  return (
    <span className="kp-badge kp-badge-warn kp-stale-badge" data-testid="graph-stale">
      {t('graph.stale')}
    </span>
  );
}

function Graph() {
  const app = useApp();
  const { t } = useTranslation();
  const elements = useFlowElements();
  const theme = useView((s) => s.theme);
  const [nodes, setNodes] = useState<GraphNode[]>(() => elements?.nodes ?? []);
  const [syncedWith, setSyncedWith] = useState(elements);
  // A new cluster replaces the locally dragged copy (React's "adjust state when a prop changes").
  if (elements !== syncedWith) {
    setSyncedWith(elements);
    setNodes(elements?.nodes ?? []);
  }
  const nodesRef = useRef<GraphNode[]>([]);
  const flow = useReactFlow();
  const fittedFor = useRef<number>(0);
  const nodeCount = elements?.nodes.length ?? 0;

  useEffect(() => {
    nodesRef.current = nodes;
  }, [nodes]);
  // Fit when the number of things changes a lot (a new scenario), not on every edit.
  useEffect(() => {
    if (nodeCount > 0 && Math.abs(nodeCount - fittedFor.current) > 0) {
      const first = fittedFor.current === 0;
      fittedFor.current = nodeCount;
      requestAnimationFrame(() => void flow.fitView({ ...fitViewOptions, duration: first ? 0 : 250 }));
    }
  }, [nodeCount, flow]);

  // "Fit" from the header (outside the React Flow provider) arrives as a nonce in the view store.
  const fitNonce = useView((s) => s.fitNonce);
  useEffect(() => {
    if (fitNonce > 0) void flow.fitView({ ...fitViewOptions, duration: 200 });
  }, [fitNonce, flow]);

  // Refit when the pane changes size (editor or terminal shown/hidden, window resized).
  useEffect(() => {
    const pane = document.querySelector('.kp-graph');
    if (!pane) return;
    let timer = 0;
    let first = true;
    const observer = new ResizeObserver(() => {
      if (first) {
        first = false;
        return;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void flow.fitView({ ...fitViewOptions, duration: 150 }), 120);
    });
    observer.observe(pane);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [flow]);

  // The header's Export menu draws what React Flow holds now (src/ui/graph/export).
  useEffect(
    () =>
      registerGraphSource({
        getNodes: () => flow.getNodes() as GraphNode[],
        getEdges: () => flow.getEdges(),
      }),
    [flow],
  );

  const onNodesChange = useCallback((changes: NodeChange<GraphNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
  }, []);
  const onNodeDragStop: OnNodeDrag<GraphNode> = useCallback(
    (_event, node) => moveNode(app.view, node.id, node.position),
    [app],
  );
  const onNodeClick: NodeMouseHandler<GraphNode> = useCallback(
    (_event, node) => {
      if (node.type !== 'cluster') select(app.view, node.id);
    },
    [app],
  );
  const onPaneClick = useCallback(() => select(app.view, null), [app]);
  // Keyboard: a focused node selected with Enter/Space is inspected too. (An empty selection is
  // ignored: rebuilding the nodes clears React Flow's own flags.)
  const onSelectionChange = useCallback(
    ({ nodes: selected }: { nodes: GraphNode[] }) => {
      const first = selected.find((n) => n.type !== 'cluster');
      if (first && app.view.getState().selection !== first.id) select(app.view, first.id);
    },
    [app],
  );
  // React Flow listens for Space (pan) on the whole window and cancels it, and does not see Monaco's
  // EditContext input as a text field: Space never reached the YAML. So the graph hears Space only
  // while no text field has the focus. Shift, Ctrl and Meta stay on: they only change what a
  // pointer gesture on the graph does, and their own keydown has nothing to cancel in a text field.
  // Backspace/Delete would only drop a node from this drawing (the YAML and the cluster keep it),
  // so they delete nothing; the inspector deletes pods.
  const typing = useTypingFocus();
  const panKey = typing ? null : 'Space';
  const getCenters = useCallback(() => getAbsoluteCenters(nodesRef.current), []);
  const edges = useMemo(() => elements?.edges ?? [], [elements]);
  const shownNodes = useLessonHighlight(nodes);

  return (
    <ReactFlow<GraphNode>
      nodes={shownNodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeDragStop={onNodeDragStop}
      onNodeClick={onNodeClick}
      onPaneClick={onPaneClick}
      onSelectionChange={onSelectionChange}
      fitView
      fitViewOptions={fitViewOptions}
      minZoom={0.05}
      maxZoom={2.5}
      colorMode={theme}
      proOptions={proOptions}
      nodesConnectable={false}
      edgesFocusable={false}
      elementsSelectable
      panActivationKeyCode={panKey}
      deleteKeyCode={null}
      aria-label={t('graph.graph')}
    >
      <Background gap={24} />
      {nodes.length >= MINIMAP_FROM_NODES && (
        <MiniMap<GraphNode>
          pannable
          zoomable
          nodeColor={minimapColor}
          ariaLabel={t('graph.minimap')}
          position="top-right"
          style={{ width: 150, height: 100 }}
        />
      )}
      <Controls showInteractive={false} />
      <PacketCanvasLayer />
      <PacketLayer getCenters={getCenters} />
      <Panel position="top-left">
        <GraphToolbar />
      </Panel>
      <Panel position="top-center">
        <StaleBadge />
      </Panel>
    </ReactFlow>
  );
}

export function ClusterGraph() {
  const { t } = useTranslation();
  const status = useSimulation((s) => s.status);
  const engineError = useSimulation((s) => s.engineError);
  const hasSim = useSimulation((s) => s.sim !== null);
  return (
    <section className="kp-graph" aria-label={t('graph.section')} data-status={status}>
      {!hasSim && (
        <div className="kp-graph-empty" role="status">
          {engineError ? t('graph.startFailed', { message: engineError }) : t('graph.building')}
        </div>
      )}
      <ReactFlowProvider>
        <Graph />
      </ReactFlowProvider>
    </section>
  );
}

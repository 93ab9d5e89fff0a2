/**
 * The live cluster graph. Nodes are controlled locally so dragging is smooth; a drag that ends is
 * stored in the view (so the layout keeps it across edits). Packets ride on top in the PacketLayer.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStoreApi,
} from '@xyflow/react';
import type {
  EdgeTypes,
  FitViewOptions,
  NodeChange,
  NodeMouseHandler,
  OnMove,
  OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useTranslation } from 'react-i18next';
import { useApp, useSimulation, useView } from '../../store/react.ts';
import { useTypingFocus } from '../keyboard/useTypingFocus.ts';
import { moveNode, select } from '../../store/viewStore.ts';
import { PacketCanvasLayer, PacketLayer } from '../packets/PacketLayer.tsx';
import { edgeTypes } from './edges/BusEdge.tsx';
import { registerGraphSource } from './export/graphSource.ts';
import { fittedViewport, replacesDrawing } from './fittedViewport.ts';
import type { GraphNode } from './graphData.ts';
import { GraphToolbar } from './GraphToolbar.tsx';
import { CardTextProvider } from './nodes/cardText.ts';
import { LevelOfDetailProvider, useZoomLevelOfDetail } from './nodes/levelOfDetail.ts';
import { nodeTypes } from './nodes/nodeTypes.ts';
import { getAbsoluteCenters } from './toFlowElements.ts';
import { useDrawnInChunks } from './useDrawnInChunks.ts';
import { useFlowElements } from './useFlowElements.ts';
import './graph.css';
import type { GraphShape } from './layoutMetrics.ts';
import { getFitPadding, usePaneShape } from './usePaneShape.ts';
import { useLessonHighlight } from './useLessonHighlight.ts';
import { PolicyEdgesOnDemand } from './PolicyEdgesOnDemand.tsx';
import { usePathStyle } from './useRequestPath.ts';
import { useRovingFocus } from './useRovingFocus.ts';
import { useYamlCursorRing } from './useYamlCursorRing.ts';

const proOptions = { hideAttribution: true };
// Room for what floats over the graph: the view toolbar above (not while presenting), the zoom
// controls on the left.
function fitOptions(presenting: boolean): FitViewOptions {
  const padding = getFitPadding(presenting);
  return {
    padding: {
      top: `${padding.top}px`,
      left: `${padding.left}px`,
      right: `${padding.right}px`,
      bottom: `${padding.bottom}px`,
    },
  };
}
const FIT_OPTIONS = fitOptions(false);
const FIT_OPTIONS_PRESENTING = fitOptions(true);
const customEdgeTypes = edgeTypes as unknown as EdgeTypes;
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2.5;
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

/**
 * React Flow reports the size it measured for each card it (re)draws. Every card already has its size
 * (toFlowElements sets width and height), and React Flow keeps what it measured on its own copy of the
 * node. Applying the report would swap our node for a copy, and the next cluster (which keeps the
 * objects of unchanged cards, flowIdentity.ts) would then hand React Flow objects it no longer knows:
 * it rebuilt, re-rendered and re-measured all 1,500 nodes of the 1,000-pod scenario on every
 * keystroke instead of the two that changed (docs/performance.md, "A keystroke at 1,000 pods").
 */
function isNotMeasurement(change: NodeChange<GraphNode>): boolean {
  return change.type !== 'dimensions';
}

/** Zoomed-out cards (level of detail) grow back to full size on hover: they need the zoom in CSS. */
const publishZoom: OnMove = (event, viewport) => {
  const target = event?.target;
  const pane = target instanceof Element ? target.closest('.kp-graph') : document.querySelector('.kp-graph');
  if (pane instanceof HTMLElement) pane.style.setProperty('--kp-zoom', viewport.zoom.toFixed(3));
};

function Graph({ shape, paneRef }: { shape: GraphShape; paneRef: RefObject<HTMLElement | null> }) {
  const app = useApp();
  const presenting = useView((s) => s.presenter);
  const fitViewOptions = presenting ? FIT_OPTIONS_PRESENTING : FIT_OPTIONS;
  const { t } = useTranslation();
  const elements = useFlowElements(shape);
  const [focusOnly, setFocusOnly] = useState(false);
  const theme = useView((s) => s.theme);
  const [nodes, setNodes] = useState<GraphNode[]>(() => elements?.nodes ?? []);
  const [syncedWith, setSyncedWith] = useState(elements);
  // A new cluster replaces the locally dragged copy (React's "adjust state when a prop changes").
  if (elements !== syncedWith) {
    setSyncedWith(elements);
    setNodes(elements?.nodes ?? []);
  }
  const flow = useReactFlow();
  const fittedFor = useRef<number>(0);
  const nodeCount = elements?.nodes.length ?? 0;
  // A huge cluster is drawn a slice a task (useDrawnInChunks.ts); the view fits it once it is all there.
  const [drawnAll, setDrawnAll] = useState(true);
  // With prefers-reduced-motion the view jumps instead of gliding to its new fit (WCAG 2.3.3,
  // https://www.w3.org/WAI/WCAG21/Understanding/animation-from-interactions.html). Read through a ref
  // so a change of the preference does not itself refit.
  const reducedMotion = useView((s) => s.reducedMotion);
  const reducedMotionRef = useRef(reducedMotion);
  const glide = useCallback((ms: number) => (reducedMotionRef.current ? 0 : ms), []);

  useEffect(() => {
    reducedMotionRef.current = reducedMotion;
  }, [reducedMotion]);
  // Fit when the number of things changes (a new scenario) or the layout changes shape, not on
  // every edit.
  const fittedShape = useRef<GraphShape>(shape);
  useEffect(() => {
    if (!drawnAll) return;
    if (nodeCount > 0 && (nodeCount !== fittedFor.current || shape !== fittedShape.current)) {
      const first = fittedFor.current === 0;
      fittedFor.current = nodeCount;
      fittedShape.current = shape;
      requestAnimationFrame(() => void flow.fitView({ ...fitViewOptions, duration: first ? 0 : glide(250) }));
    }
  }, [nodeCount, shape, flow, fitViewOptions, glide, drawnAll]);

  // A cluster that replaces the drawing (a paste, another scenario, a link) is drawn fitted from its
  // first frame: its fit is known before React Flow draws it (fittedViewport.ts), and drawn at the old
  // zoom first, the 1,000-pod scenario mounted 1,000 full pod cards that the fit then made compact
  // (docs/performance.md, "The paste at 1,000 pods"). This runs in the commit that hands React Flow
  // the new nodes, before its own effect stores them, so they mount at the fitted level of detail;
  // the fit above then finds nothing to do. An edit keeps its glide.
  const flowStore = useStoreApi();
  const drawnIds = useRef<ReadonlySet<string>>(new Set());
  useLayoutEffect(() => {
    const next = elements?.nodes ?? [];
    const replaced = replacesDrawing(drawnIds.current, next);
    drawnIds.current = new Set(next.map((n) => n.id));
    if (!replaced) return;
    const { width, height } = flowStore.getState();
    const padding = getFitPadding(presenting);
    const viewport = fittedViewport(next, { width, height, padding, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM });
    if (!viewport) return;
    void flow.setViewport(viewport); // no duration: applied at once
    fittedFor.current = next.length;
    fittedShape.current = shape;
    // A change of shape or presenter mode alone replaces nothing: the effects around refit for it.
  }, [elements, flow, flowStore, presenting, shape]);

  // "Fit" from the header (outside the React Flow provider) arrives as a nonce in the view store.
  const fitNonce = useView((s) => s.fitNonce);
  useEffect(() => {
    if (fitNonce > 0) void flow.fitView({ ...fitViewOptions, duration: glide(200) });
  }, [fitNonce, flow, fitViewOptions, glide]);

  // Refit when the pane changes size (editor or terminal shown/hidden, window resized, Present's
  // caption growing), once it has settled.
  const refitTimer = useRef(0);
  useEffect(() => {
    const pane = paneRef.current;
    if (!pane) return;
    let first = true;
    const observer = new ResizeObserver(() => {
      if (first) {
        first = false;
        return;
      }
      window.clearTimeout(refitTimer.current);
      refitTimer.current = window.setTimeout(
        () => void flow.fitView({ ...fitViewOptions, duration: glide(150) }),
        120,
      );
    });
    observer.observe(pane);
    return () => {
      observer.disconnect();
      window.clearTimeout(refitTimer.current);
    };
  }, [flow, paneRef, fitViewOptions, glide]);
  // A person who zooms or pans while that refit waits has chosen the view: the refit does not undo it
  // (entering Present and turning the wheel at once snapped back to the fit). React Flow passes an
  // event only for a person's gesture, null for fitView and setViewport.
  const keepPersonsView = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) window.clearTimeout(refitTimer.current);
  }, []);

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
    const kept = changes.filter(isNotMeasurement);
    if (kept.length > 0) setNodes((current) => applyNodeChanges(kept, current));
  }, []);
  const onNodeDragStop: OnNodeDrag<GraphNode> = useCallback(
    (_event, node) => moveNode(app.view, node.id, node.position),
    [app],
  );
  const onNodeClick: NodeMouseHandler<GraphNode> = useCallback(
    (_event, node) => {
      if (node.type === 'cluster') return;
      select(app.view, node.id);
      // The card's document in the YAML too (the keyboard stays on the graph).
      app.revealInYaml(node.id);
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
  // A new function whenever the nodes move (a relayout on entering Present mode or on a resize, a
  // dragged card), so the focused request's drawn path is measured again and follows its cards.
  const getCenters = useCallback(() => getAbsoluteCenters(nodes), [nodes]);
  const edges = useMemo(() => elements?.edges ?? [], [elements]);
  const inspect = useCallback((id: string) => select(app.view, id), [app]);
  const roving = useRovingFocus(useYamlCursorRing(useLessonHighlight(nodes)), inspect);
  const pathStyle = usePathStyle(nodes, edges, focusOnly);
  const drawn = useDrawnInChunks(roving.nodes, edges);
  if (drawn.complete !== drawnAll) setDrawnAll(drawn.complete);
  const levelOfDetail = useZoomLevelOfDetail();

  return (
    <CardTextProvider value={t}>
      <LevelOfDetailProvider value={levelOfDetail}>
        <ReactFlow<GraphNode>
          nodes={drawn.nodes}
          edges={drawn.edges}
          nodeTypes={nodeTypes}
          edgeTypes={customEdgeTypes}
          onKeyDown={roving.onKeyDown}
          onFocus={roving.onFocus}
          onMove={publishZoom}
          onMoveStart={keepPersonsView}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onNodeClick={onNodeClick}
          onPaneClick={onPaneClick}
          onSelectionChange={onSelectionChange}
          fitView
          fitViewOptions={fitViewOptions}
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
          colorMode={theme}
          proOptions={proOptions}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable
          panActivationKeyCode={panKey}
          deleteKeyCode={null}
          aria-label={t('graph.graph')}
        >
          {pathStyle && <style data-testid="graph-path-style">{pathStyle}</style>}
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
          <PolicyEdgesOnDemand nodes={nodes} />
          <Panel position="top-left">
            <GraphToolbar focusOnly={focusOnly} onFocusOnly={setFocusOnly} />
          </Panel>
          <Panel position="top-center">
            <StaleBadge />
          </Panel>
        </ReactFlow>
      </LevelOfDetailProvider>
    </CardTextProvider>
  );
}

export function ClusterGraph() {
  const { t } = useTranslation();
  const status = useSimulation((s) => s.status);
  const engineError = useSimulation((s) => s.engineError);
  const hasSim = useSimulation((s) => s.sim !== null);
  const paneRef = useRef<HTMLElement | null>(null);
  const presenting = useView((s) => s.presenter);
  const shape = usePaneShape(paneRef, presenting);
  return (
    <section
      ref={paneRef}
      className="kp-graph"
      aria-label={t('graph.section')}
      data-status={status}
      data-shape={shape}
    >
      {!hasSim && (
        <div className="kp-graph-empty" role="status">
          {engineError ? t('graph.startFailed', { message: engineError }) : t('graph.building')}
        </div>
      )}
      <ReactFlowProvider>
        <Graph shape={shape} paneRef={paneRef} />
      </ReactFlowProvider>
    </section>
  );
}

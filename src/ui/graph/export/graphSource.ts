/**
 * Where the exporter finds the graph: the live ClusterGraph registers the nodes and edges React Flow
 * holds, so the export (called from the header, outside the React Flow provider) draws exactly what
 * is shown, dragged positions included. Tiny on purpose: the graph imports it on the first screen.
 */
import type { GraphEdge, GraphNode } from '../graphData.ts';

export interface GraphSource {
  getNodes(): GraphNode[];
  getEdges(): GraphEdge[];
}

let current: GraphSource | null = null;

/** Makes `source` the one to export; returns the function that unregisters it (an effect's cleanup). */
export function registerGraphSource(source: GraphSource): () => void {
  current = source;
  return () => {
    if (current === source) current = null;
  };
}

export function getGraphSource(): GraphSource | null {
  return current;
}

/**
 * An edge's colour and dashes from its classes, as app.css styles `.react-flow__edge.kp-edge-*`
 * (later rules win, so a not-ready or down edge keeps its warning colour).
 */
import type { GraphTheme } from './graphTheme.ts';

export interface EdgeStyle {
  stroke: keyof GraphTheme;
  dash: string;
}

export function getEdgeStyle(className: string, animated: boolean): EdgeStyle {
  const classes = new Set(className.split(/\s+/));
  // `.react-flow { --xy-edge-stroke: var(--line-quiet) }`; React Flow dashes animated edges (5).
  let style: EdgeStyle = { stroke: 'lineQuiet', dash: animated ? '5' : '' };
  // An Endpoints edge, the bus among them (graph.css `.kp-bus`).
  if (classes.has('kp-edge-endpoint')) style = { ...style, stroke: 'lineSvc' };
  if (classes.has('kp-edge-notready')) style = { stroke: 'lineWarn', dash: '6 6' };
  if (classes.has('kp-edge-down')) style = { stroke: 'lineBad', dash: '4 8' };
  if (classes.has('kp-edge-controller') || classes.has('kp-edge-backend'))
    style = { ...style, stroke: 'lineIng' };
  // graph.css dots the ingress controller's link to its Ingress.
  if (classes.has('kp-edge-controller')) style = { ...style, dash: '3 5' };
  return style;
}

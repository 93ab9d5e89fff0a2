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
  // `.react-flow { --xy-edge-stroke: var(--muted) }`; React Flow dashes animated edges (5).
  let style: EdgeStyle = { stroke: 'muted', dash: animated ? '5' : '' };
  if (classes.has('kp-edge-endpoint')) style = { ...style, stroke: 'svcBorder' };
  if (classes.has('kp-edge-notready')) style = { stroke: 'warn', dash: '6 6' };
  if (classes.has('kp-edge-down')) style = { stroke: 'bad', dash: '4 8' };
  if (classes.has('kp-edge-controller') || classes.has('kp-edge-backend'))
    style = { ...style, stroke: 'ingBorder' };
  // graph.css dots the ingress controller's link to its Ingress.
  if (classes.has('kp-edge-controller')) style = { ...style, dash: '3 5' };
  return style;
}

/** Short texts the graph and the inspector print, formatted as kubectl prints them. Pure. */
import type { ServiceState } from '../../engine/index.ts';

/** kubectl's PORT(S) column: `80/TCP`, or `80:30123/TCP` when a node port is allocated. */
export function formatServicePorts(svc: ServiceState): string {
  return svc.manifest.spec.ports
    .map((p) => `${p.port}${p.nodePort !== undefined ? `:${p.nodePort}` : ''}/${p.protocol}`)
    .join(',');
}

/**
 * What fits of a PORT(S) list on one line of a Service card (`maxChars` of the card's monospace line):
 * the first ports whole, and how many more there are (the card says `+N more`; the full list shows on
 * hover and focus and in the details panel). A port is never cut in the middle.
 */
export function fitPortList(ports: string, maxChars = SERVICE_PORT_CHARS): { shown: string; more: number } {
  const all = ports === '' ? [] : ports.split(',');
  if (ports.length <= maxChars) return { shown: ports, more: 0 };
  let count = all.length - 1;
  const fits = (n: number) =>
    all.slice(0, n).join(',').length + ` +${all.length - n} more`.length <= maxChars;
  while (count > 1 && !fits(count)) count--;
  return { shown: all.slice(0, Math.max(1, count)).join(','), more: all.length - Math.max(1, count) };
}

/** Monospace characters of one line of a Service card at the graph's line size (layoutMetrics CARD.width). */
export const SERVICE_PORT_CHARS = 25;

export function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

export function serviceNotes(svc: ServiceState): string {
  const spec = svc.manifest.spec;
  const notes: string[] = [];
  if (spec.clusterIP === 'None') notes.push('headless');
  if (spec.sessionAffinity === 'ClientIP') notes.push('affinity: ClientIP');
  if (spec.type !== 'ClusterIP' && spec.externalTrafficPolicy === 'Local')
    notes.push('externalTrafficPolicy: Local');
  if (spec.internalTrafficPolicy === 'Local') notes.push('internalTrafficPolicy: Local');
  if (spec.selector === undefined && spec.type !== 'ExternalName') notes.push('no selector');
  if (spec.externalName) notes.push(`→ ${spec.externalName}`);
  return notes.join(' · ');
}

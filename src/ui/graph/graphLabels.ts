/** Short texts the graph and the inspector print, formatted as kubectl prints them. Pure. */
import type { ServiceState } from '../../engine/index.ts';

/** kubectl's PORT(S) column: `80/TCP`, or `80:30123/TCP` when a node port is allocated. */
export function formatServicePorts(svc: ServiceState): string {
  return svc.manifest.spec.ports
    .map((p) => `${p.port}${p.nodePort !== undefined ? `:${p.nodePort}` : ''}/${p.protocol}`)
    .join(',');
}

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

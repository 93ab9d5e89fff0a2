/** Short texts the graph and the inspector print, formatted as kubectl prints them. Pure. */
import type { ServiceState } from '../../engine/index.ts';

/** kubectl's PORT(S) column: `80/TCP`, or `80:30123/TCP` when a node port is allocated. */
export function formatServicePorts(svc: ServiceState): string {
  return svc.manifest.spec.ports
    .map((p) => `${p.port}${p.nodePort !== undefined ? `:${p.nodePort}` : ''}/${p.protocol}`)
    .join(',');
}

/**
 * What fits of a PORT(S) list on a Service card: up to `lines` lines of `maxChars` monospace
 * characters, whole ports only (a port is never cut), and how many more there are (the card says
 * `+N more`; the full list shows on hover and focus and in the details panel).
 */
export function fitPortList(
  ports: string,
  lines = 1,
  maxChars = SERVICE_PORT_CHARS,
): { lines: string[]; more: number } {
  const all = ports === '' ? [] : ports.split(',');
  const out: string[] = [];
  let next = 0;
  for (let line = 0; line < lines && next < all.length; line++) {
    const last = line === lines - 1;
    let take = 1;
    const fits = (n: number) => {
      const text = all.slice(next, next + n).join(',') + (!last && next + n < all.length ? ',' : '');
      const rest = all.length - next - n;
      return text.length + (last && rest > 0 ? ` +${rest} more`.length : 0) <= maxChars;
    };
    while (next + take < all.length && fits(take + 1)) take++;
    // On the last line, the `+N more` needs its room too: give back ports until it fits.
    while (last && take > 1 && !fits(take)) take--;
    const rest = all.length - next - take;
    out.push(all.slice(next, next + take).join(',') + (rest > 0 && !last ? ',' : ''));
    next += take;
  }
  return { lines: out, more: all.length - next };
}

/** Characters of a Service name that still fit on one line of its card at the laptop size (18 px). */
export const LONG_SERVICE_NAME = 18;

/**
 * Monospace characters of one line of a Service card at the address size presenting (17 px, 10.2 px a
 * character, in layoutMetrics CARD.width less padding); a laptop's 15 px has room to spare.
 */
export const SERVICE_PORT_CHARS = 19;

/**
 * A second line for the ports when the card has room for it: no external address or notes line, and
 * a name short enough to stay on one line at the presenting size.
 */
export function servicePortLines(data: { name: string; externalIP: string; notes: string }): number {
  return data.externalIP === '' && data.notes === '' && data.name.length <= 15 ? 2 : 1;
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

/**
 * Ingress path and host matching (docs/kubernetes-facts.md#ingress-paths, #ingress-hosts; Ingress concept page "Examples" table;
 * ingress-nginx docs "Ingress Path Matching").
 * - Exact: the whole path, case-sensitive.
 * - Prefix: element-wise on `/`, trailing slashes ignored on both sides: `/foo/bar` matches
 *   `/foo/bar/baz` but not `/foo/barbaz`.
 * - ImplementationSpecific: ingress-nginx and Traefik treat it as a plain string prefix (nginx
 *   `location /foo`, Traefik PathPrefix) unless ingress-nginx regex mode is on for the host, where
 *   every path of that host becomes a case-insensitive regex location (`~*`).
 * - Precedence: longest path first; on a tie Exact beats Prefix.
 * - Hosts: exact name first, then `*.domain` (exactly one extra label), then host-less rules.
 */
import type { PathType } from '../../model/objects.ts';

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

export function prefixMatches(rulePath: string, requestPath: string): boolean {
  const rule = segments(rulePath);
  const request = segments(requestPath);
  if (rule.length > request.length) return false;
  for (let i = 0; i < rule.length; i++) if (rule[i] !== request[i]) return false;
  return true;
}

function regexMatches(rulePath: string, requestPath: string): boolean {
  try {
    return new RegExp(`^${rulePath}`, 'i').test(requestPath);
  } catch {
    return false; // nginx would refuse the config; the location never matches
  }
}

export function pathMatches(
  pathType: PathType,
  rulePath: string,
  requestPath: string,
  regexMode = false,
): boolean {
  if (pathType === 'Exact') return rulePath === requestPath;
  if (regexMode) return regexMatches(rulePath, requestPath);
  if (pathType === 'Prefix') return prefixMatches(rulePath, requestPath);
  return requestPath.startsWith(rulePath);
}

/** Sort order of candidate paths: longest first; on equal length Exact before the others. */
export function comparePaths(
  a: { path: string; pathType: PathType },
  b: { path: string; pathType: PathType },
): number {
  if (a.path.length !== b.path.length) return b.path.length - a.path.length;
  return (a.pathType === 'Exact' ? 0 : 1) - (b.pathType === 'Exact' ? 0 : 1);
}

/** Picks the path that wins for a request, or undefined (then the default backend answers). */
export function selectPath<T extends { path: string; pathType: PathType }>(
  paths: T[],
  requestPath: string,
  regexMode = false,
): T | undefined {
  let best: T | undefined;
  for (const p of paths) {
    if (!pathMatches(p.pathType, p.path || '/', requestPath, regexMode)) continue;
    if (!best || comparePaths(p, best) < 0) best = p;
  }
  return best;
}

/** `*.foo.com` covers `bar.foo.com` only: exactly one label, never `foo.com` or `a.b.foo.com`. */
export function wildcardMatches(ruleHost: string, requestHost: string): boolean {
  if (!ruleHost.startsWith('*.')) return false;
  const suffix = ruleHost.slice(1); // `.foo.com`
  if (!requestHost.endsWith(suffix)) return false;
  const label = requestHost.slice(0, requestHost.length - suffix.length);
  return label.length > 0 && !label.includes('.');
}

/** The Host header as hosts are matched: lowercase, port stripped (ports are not part of matching). */
export function normalizeHost(hostHeader: string): string {
  const host = hostHeader.trim().toLowerCase();
  const colon = host.lastIndexOf(':');
  return colon > 0 && !host.includes(']') ? host.slice(0, colon) : host.replace(/\.$/, '');
}

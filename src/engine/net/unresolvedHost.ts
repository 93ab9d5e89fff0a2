/**
 * Whether a URL's host name resolves from a request source, asked of the resolver (/etc/hosts first,
 * then the cluster DNS, as curl's getaddrinfo does). The request bar keeps what the user typed across
 * edits; this tells them when an edit left it pointing at nothing. An IP literal always "resolves"
 * (whether anything answers there is what sending it shows).
 */
import type { ClusterState } from '../model/state.ts';
import { lookupName } from './resolver.ts';

/** The host part of what was typed (`http://kubia:80/x` -> `kubia`), or undefined when there is none. */
function hostOf(url: string): string | undefined {
  const rest = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = /^[^/:?#\s]+/.exec(rest)?.[0];
  return host === undefined || host === '' ? undefined : host.toLowerCase();
}

/** The host name that does not resolve from `from`, or undefined when it does (or cannot be judged). */
export function unresolvedHost(state: ClusterState, from: string, url: string): string | undefined {
  const host = hostOf(url);
  if (host === undefined || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return undefined;
  try {
    const result = lookupName(state, { from, name: host, type: 'A', useHosts: true });
    if (result.error) return undefined; // the source itself is gone: not the URL's fault
    return result.answers.some((r) => r.type === 'A') ? undefined : host;
  } catch {
    return undefined;
  }
}

/**
 * URLs as curl reads them: a scheme is optional (`kubia.example.com/foo` means http), default ports
 * 80/443, `user@` ignored, IPv4 literals recognised. Never throws: a URL curl would reject is `undefined`.
 */
export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path plus query, always starting with `/`. */
  path: string;
  /** Whether the URL named its port (then the Host header carries it). */
  explicitPort: boolean;
  /** Whether the host is an IPv4 literal (no name to resolve). */
  isIp: boolean;
  /** The Host header curl sends for this URL (see defaultHostHeader). */
  hostHeader: string;
}

const URL_RE = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?([^#]*)/;

const parsedCache = new Map<string, ParsedUrl | null>();

/** parseUrl with a bounded cache: `kubeplay load` routes the same URL 100,000 times. */
export function parseUrlCached(text: string): ParsedUrl | undefined {
  let hit = parsedCache.get(text);
  if (hit === undefined) {
    hit = parseUrl(text) ?? null;
    if (parsedCache.size > 1000) parsedCache.clear();
    parsedCache.set(text, hit);
  }
  return hit ?? undefined;
}

export function parseUrl(text: string): ParsedUrl | undefined {
  const match = URL_RE.exec(text.trim());
  if (!match) return undefined;
  const scheme = (match[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const host = (match[2] ?? '').toLowerCase();
  if (!host) return undefined;
  const portText = match[3];
  const port = portText ? Number(portText) : scheme === 'https' ? 443 : 80;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  let path = match[4] ?? '';
  if (!path.startsWith('/')) path = `/${path}`;
  const explicitPort = Boolean(portText);
  return {
    scheme,
    host,
    port,
    path,
    explicitPort,
    isIp: isIPv4(host),
    hostHeader: hostHeaderFor(scheme, host, port),
  };
}

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/**
 * curl's Host header: the host, plus `:port` unless the port is the scheme's default (curl's http.c
 * leaves out 80 for http and 443 for https, even when the URL spells them out).
 */
function hostHeaderFor(scheme: string, host: string, port: number): string {
  const isDefault = (scheme === 'http' && port === 80) || (scheme === 'https' && port === 443);
  return isDefault ? host : `${host}:${port}`;
}

/** The Host header curl sends for a URL. */
export function defaultHostHeader(url: ParsedUrl): string {
  return hostHeaderFor(url.scheme, url.host, url.port);
}

/** The path without its query string, for Ingress matching. */
export function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}

/**
 * Who can open a link made on this page: served from localhost (`npm start`) the link only works on
 * this machine; from a private address (a school network) only on that network. The teacher can set
 * the public address the links and QR codes should use instead, remembered per browser. Pure, apart
 * from the storage passed in.
 */
import type { KeyValueStorage } from '../../store/persistence.ts';

export type LinkReach = 'this-machine' | 'this-network' | 'anywhere';

export const SHARE_BASE_STORAGE_KEY = 'kubeplay.shareBase';

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/**
 * Loopback (127/8, ::1, localhost): this machine. RFC 1918 (10/8, 172.16/12, 192.168/16), link-local
 * (169.254/16, fe80::/10), shared CGNAT space (100.64/10), unique-local IPv6 (fc00::/7), `.local`
 * mDNS names and single-label names: this network. Anything else: anywhere.
 */
export function reachOfHost(hostname: string): LinkReach {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    host === '0.0.0.0' ||
    host === '::'
  )
    return 'this-machine';
  const v4 = ipv4(host) ?? ipv4(host.replace(/^::ffff:/, ''));
  if (v4) {
    const [a = 0, b = 0] = v4;
    if (a === 127) return 'this-machine';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'this-network';
    if ((a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'this-network';
    return 'anywhere';
  }
  if (host.includes(':')) {
    if (/^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host)) return 'this-network';
    return 'anywhere';
  }
  if (host.endsWith('.local') || !host.includes('.')) return 'this-network';
  return 'anywhere';
}

/** The reach of a link to `url` (an unparsable address: this machine, the cautious answer). */
export function reachOfUrl(url: string): LinkReach {
  try {
    return reachOfHost(new URL(url).hostname);
  } catch {
    return 'this-machine';
  }
}

export type BaseParse = { ok: true; base: string } | { ok: false };

/**
 * What the teacher typed as the public address -> the page address links start with: http(s) only,
 * `http://` assumed when no scheme is given, query and fragment dropped, a trailing `/` added to a
 * bare host so the path stays a directory (`https://school.example/kubeplay` -> `…/kubeplay/`).
 */
export function parsePublicBase(typed: string): BaseParse {
  const text = typed.trim();
  if (!text) return { ok: false };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false };
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    !url.hostname ||
    url.username ||
    url.password
  )
    return { ok: false };
  let path = url.pathname;
  // A path naming a page (`…/index.html`) stays; a directory gets its slash.
  if (!path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path)) path += '/';
  return { ok: true, base: `${url.protocol}//${url.host}${path}` };
}

export function readSavedPublicBase(storage: KeyValueStorage | null): string | null {
  try {
    const saved = storage?.getItem(SHARE_BASE_STORAGE_KEY) ?? null;
    if (!saved) return null;
    const parsed = parsePublicBase(saved);
    return parsed.ok ? parsed.base : null;
  } catch {
    return null;
  }
}

/** Saves the public address, or forgets it (`null`: links use the page's own address again). */
export function savePublicBase(storage: KeyValueStorage | null, base: string | null): void {
  try {
    storage?.setItem(SHARE_BASE_STORAGE_KEY, base ?? '');
  } catch {
    // Storage full or disabled: the address lasts while the dialog is open.
  }
}

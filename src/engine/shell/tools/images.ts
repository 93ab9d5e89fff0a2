/**
 * Which programs a container image ships, for the images tutorials exec into. `kubectl exec POD -- curl`
 * fails in busybox (it has wget, not curl), `bash` is missing from Alpine-based images (their shell is
 * busybox ash, prompt `/ # `), and distroless images have no shell at all. Images not listed here are
 * treated as full Debian-like images (the book's luksa/kubia, dnsutils, netshoot): every tool present.
 */
import { imageRepository } from '../../net/apps.ts';

export interface ImageTools {
  /** The login shell: bash (prompt `root@POD:/#`), ash (busybox, prompt `/ # `), or none. */
  shell: 'bash' | 'ash' | 'none';
  /** undefined: every tool the terminal knows. */
  tools?: Set<string>;
}

const BASICS = [
  'env',
  'printenv',
  'hostname',
  'cat',
  'touch',
  'rm',
  'ls',
  'echo',
  'grep',
  'head',
  'tail',
  'wc',
  'sort',
  'tee',
  'pwd',
  'whoami',
  'true',
  'false',
  'exit',
  'clear',
  'cd',
  ':',
];
const BUSYBOX = new Set([...BASICS, 'sh', 'ash', 'wget', 'nslookup', 'ping']);

const KNOWN: { match: RegExp; tools: ImageTools }[] = [
  { match: /^(busybox|alpine)$/, tools: { shell: 'ash', tools: BUSYBOX } },
  { match: /^curlimages\/curl$/, tools: { shell: 'ash', tools: new Set([...BUSYBOX, 'curl']) } },
  { match: /^traefik$/, tools: { shell: 'ash', tools: BUSYBOX } },
  { match: /^traefik\/whoami$/, tools: { shell: 'none', tools: new Set() } },
  { match: /^nginx$/, tools: { shell: 'bash', tools: new Set([...BASICS, 'sh', 'bash', 'curl']) } },
  { match: /(^|\/)(coredns|pause|distroless\/.*)$/, tools: { shell: 'none', tools: new Set() } },
];

export function getImageTools(image: string): ImageTools {
  const repo = imageRepository(image);
  return KNOWN.find((k) => k.match.test(repo))?.tools ?? { shell: 'bash' };
}

export function imageHasTool(image: string, tool: string): boolean {
  const tools = getImageTools(image).tools;
  return tools === undefined || tools.has(tool);
}

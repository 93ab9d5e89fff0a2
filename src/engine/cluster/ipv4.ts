/**
 * IPv4 arithmetic on plain numbers: the allocators (pod IPAM, ClusterIP, LoadBalancer pool) work on
 * offsets inside a CIDR and print dotted quads only at the edge.
 */

export interface Cidr {
  /** The network address as an unsigned 32-bit number. */
  base: number;
  prefix: number;
  /** Number of addresses in the block, network and broadcast included. */
  size: number;
}

export function parseIp(text: string): number | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIp(value: number): string {
  const v = value >>> 0;
  return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

export function parseCidr(text: string): Cidr | undefined {
  const [ipText, prefixText] = text.trim().split('/');
  if (ipText === undefined || prefixText === undefined || !/^\d{1,2}$/.test(prefixText)) return undefined;
  const ip = parseIp(ipText);
  const prefix = Number(prefixText);
  if (ip === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const base = Math.floor(ip / size) * size;
  return { base, prefix, size };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.base)}/${cidr.prefix}`;
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  return ip >= cidr.base && ip < cidr.base + cidr.size;
}

/** The i-th sub-block of a given prefix inside a block: 10.244.0.0/16, 24, 1 -> 10.244.1.0/24. */
export function subCidr(cidr: Cidr, prefix: number, index: number): Cidr {
  const size = 2 ** (32 - prefix);
  return { base: cidr.base + index * size, prefix, size };
}

/** An address range `a.b.c.d-e.f.g.h` or a CIDR, as MetalLB pools are written. */
export function parseRange(text: string): { first: number; last: number } | undefined {
  if (text.includes('-')) {
    const [a, b] = text.split('-');
    const first = a === undefined ? undefined : parseIp(a);
    const last = b === undefined ? undefined : parseIp(b);
    if (first === undefined || last === undefined || last < first) return undefined;
    return { first, last };
  }
  const cidr = parseCidr(text);
  if (!cidr) return undefined;
  return { first: cidr.base, last: cidr.base + cidr.size - 1 };
}

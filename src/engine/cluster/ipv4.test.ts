import { describe, it, expect } from 'vitest';
import { formatCidr, formatIp, parseCidr, parseIp, parseRange, subCidr } from './ipv4.ts';

describe('ipv4', () => {
  it('round-trips dotted quads and rejects junk', () => {
    expect(formatIp(parseIp('10.244.1.2') ?? 0)).toBe('10.244.1.2');
    expect(parseIp('10.244.1')).toBeUndefined();
    expect(parseIp('300.1.1.1')).toBeUndefined();
  });
  it('cuts sub-blocks out of a CIDR', () => {
    const pods = parseCidr('10.244.0.0/16');
    expect(pods && formatCidr(subCidr(pods, 24, 2))).toBe('10.244.2.0/24');
    expect(parseCidr('10.96.7.7/16')?.base).toBe(parseIp('10.96.0.0'));
  });
  it('reads MetalLB ranges', () => {
    const r = parseRange('172.18.255.200-172.18.255.250');
    expect(r && r.last - r.first).toBe(50);
  });
});

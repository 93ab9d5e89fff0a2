import { describe, expect, it } from 'vitest';
import type { ClusterState, NodeState } from '../model/state.ts';
import { allocatePodIp } from './podIpam.ts';

const node: NodeState = {
  name: 'kind-worker',
  role: 'worker',
  labels: {},
  ip: '172.18.0.3',
  podCIDR: '10.244.1.0/29',
  up: true,
  unschedulable: false,
  createdAt: 0,
};

describe('allocatePodIp', () => {
  it('hands out .2 … broadcast-1, then says the range is full until an address is freed', () => {
    const state = {} as ClusterState;
    const used = new Set<string>();
    const ips = Array.from({ length: 5 }, () => allocatePodIp(state, node, used));
    expect(ips).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.1.5', '10.244.1.6']);
    expect(allocatePodIp(state, node, used)).toBeUndefined();
    // Found by `npm run fuzz`: a 3,000-pod link took seconds, every pod past a full node's range
    // trying every address again. Full stays full (answered at once) until a pod gives one back.
    expect(allocatePodIp(state, node, used)).toBeUndefined();
    used.delete('10.244.1.4');
    expect(allocatePodIp(state, node, used)).toBe('10.244.1.4');
    expect(allocatePodIp(state, node, used)).toBeUndefined();
  });
});

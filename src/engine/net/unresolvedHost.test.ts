import { describe, it, expect } from 'vitest';
import { kubiaState } from '../test/kubiaState.ts';
import { unresolvedHost } from './unresolvedHost.ts';

describe('unresolvedHost', () => {
  const state = kubiaState();
  const pod = state.pods.find((p) => p.metadata.namespace === 'default');
  const from = `pod/default/${pod?.metadata.name ?? ''}`;
  it('names the host a pod cannot resolve, and nothing for names and IPs that work', () => {
    expect(unresolvedHost(state, from, 'http://kubia')).toBeUndefined();
    expect(unresolvedHost(state, from, 'http://kubia.default.svc.cluster.local:80/x')).toBeUndefined();
    expect(unresolvedHost(state, from, 'http://10.96.0.99')).toBeUndefined();
    expect(unresolvedHost(state, from, 'http://gone-service/')).toBe('gone-service');
  });
  it('blames no URL when the source itself is unknown or the field is empty', () => {
    expect(unresolvedHost(state, 'pod/default/nope', 'http://gone-service')).toBeUndefined();
    expect(unresolvedHost(state, from, '')).toBeUndefined();
  });
});

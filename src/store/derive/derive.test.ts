import { describe, it, expect } from 'vitest';
import { createKubiaFixture } from '../testing/clusterFixture.ts';
import { findObject } from './findObject.ts';
import { getUrlSuggestions } from './urlSuggestions.ts';

describe('getUrlSuggestions', () => {
  const urls = getUrlSuggestions(createKubiaFixture()).map((s) => s.url);
  it('offers names, FQDNs, cluster IPs, node ports, LB IPs, Ingress hosts and pod IPs', () => {
    expect(urls).toEqual(
      expect.arrayContaining([
        'http://kubia',
        'http://kubia.default.svc.cluster.local',
        'http://10.96.31.193',
        'http://172.18.0.2:30123',
        'http://172.18.0.4:30123',
        'http://172.18.255.200',
        'http://kubia.example.com/',
        'http://10.244.1.2:8080',
      ]),
    );
  });
  it('lists each URL once', () => {
    expect(new Set(urls).size).toBe(urls.length);
  });
});

describe('findObject', () => {
  const state = createKubiaFixture();
  it('finds what a graph id names', () => {
    expect(findObject(state, 'pod/default/kubia-qxjsk')).toMatchObject({ kind: 'pod' });
    expect(findObject(state, 'node/kind-worker')).toMatchObject({ kind: 'node', pods: [{}, {}] });
    const svc = findObject(state, 'svc/default/kubia');
    expect(svc?.kind === 'service' && svc.endpoints?.metadata.name).toBe('kubia');
    expect(findObject(state, 'lb/default/kubia-loadbalancer')).toMatchObject({ kind: 'lb' });
    expect(findObject(state, 'ing/default/kubia')).toMatchObject({ kind: 'ingress' });
    expect(findObject(state, 'client/laptop')).toMatchObject({
      kind: 'client',
      client: { ip: '172.18.0.1' },
    });
  });
  it('returns null for what does not exist', () => {
    expect(findObject(state, 'pod/default/nope')).toBeNull();
    expect(findObject(state, 'weird')).toBeNull();
  });
});

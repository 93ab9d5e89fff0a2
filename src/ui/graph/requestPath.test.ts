import { describe, expect, it } from 'vitest';
import type { Trace } from '../../engine/index.ts';
import { createKubiaFixture } from '../../store/testing/clusterFixture.ts';
import { getConsulted, getTouchedEdgeIds, getTouchedIds } from './requestPath.ts';
import { getFirstFocusable, getNeighbour } from './rovingFocus.ts';
import { toFlowElements } from './toFlowElements.ts';

const { nodes, edges } = toFlowElements({
  state: createKubiaFixture(),
  ingressControllers: {},
  policies: [],
  stale: false,
});

const trace: Trace = {
  from: 'client/laptop',
  request: { method: 'GET', url: 'http://10.96.117.65', host: '10.96.117.65', clientIp: '172.18.0.1' },
  outcome: 'ok',
  service: 'default/kubia',
  endpoint: { pod: 'default/kubia-b6wgn', node: 'kind-worker2', ip: '10.244.2.2', port: 8080 },
  ports: [],
  path: [
    { at: 'client/laptop', kind: 'send', src: 'a', dst: 'b', note: '' },
    { at: 'node/kind-worker', kind: 'dnat', src: 'a', dst: 'c', note: '' },
    { at: 'pod/default/kubia-b6wgn', kind: 'deliver', src: 'a', dst: 'c', note: '' },
  ],
};

describe('the request path', () => {
  it('marks the Service, its Endpoints and the chosen pod as consulted from the DNAT hop on, not before', () => {
    expect(getConsulted(trace, 0)).toBeNull();
    expect(getConsulted(trace, 1)).toEqual({
      service: 'svc/default/kubia',
      endpoints: 'ep/default/kubia',
      pod: 'pod/default/kubia-b6wgn',
    });
    expect(getConsulted({ ...trace, service: undefined }, 2)).toBeNull();
  });

  it('touches the hops, the Service, the chosen pod and the frames around it, and the edges between them', () => {
    const touched = getTouchedIds(trace, nodes);
    for (const id of [
      'client/laptop',
      'node/kind-worker',
      'svc/default/kubia',
      'node/kind-worker2',
      'cluster',
    ])
      expect(touched.has(id)).toBe(true);
    expect(touched.has('svc/default/kubia-nodeport')).toBe(false);
    expect(getTouchedEdgeIds(edges, touched)).toEqual(
      expect.arrayContaining(['e:svc/default/kubia->ep/default/kubia', 'e:ep/default/kubia->pods']),
    );
    expect(getTouchedEdgeIds(edges, touched)).not.toContain('e:ep/default/kubia-nodeport->pods');
  });
});

describe('roving focus', () => {
  it('starts top left and moves to the nearest object in the arrow direction', () => {
    const first = getFirstFocusable(nodes);
    expect(first).toBe('client/laptop');
    const right = getNeighbour(nodes, first!, 'right');
    expect(right).not.toBeNull();
    expect(right!.startsWith('client/')).toBe(false);
    expect(getNeighbour(nodes, right!, 'left')).toBe('client/laptop');
    expect(getNeighbour(nodes, first!, 'left')).toBeNull();
    expect(getNeighbour(nodes, 'svc/default/kubia', 'down')).toBe('ep/default/kubia');
  });
});

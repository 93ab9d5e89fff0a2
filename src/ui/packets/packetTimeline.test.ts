import { describe, it, expect } from 'vitest';
import type { Trace } from '../../engine/index.ts';
import { createPacketTimeline, positionAt, timeOfHop } from './packetTimeline.ts';
import { readHops } from '../../engine/index.ts';

const centers = new Map([
  ['pod/default/client', { x: 0, y: 0 }],
  ['dns', { x: 100, y: 0 }],
  ['node/kind-worker', { x: 0, y: 100 }],
  ['pod/default/kubia-a', { x: 200, y: 100 }],
]);

const trace: Trace = {
  from: 'pod/default/client',
  request: { method: 'GET', url: 'http://kubia', host: 'kubia', clientIp: '10.244.1.5' },
  outcome: 'ok',
  status: 200,
  ports: [],
  path: [
    { at: 'dns', kind: 'dns', src: '10.244.1.5:53000', dst: '10.96.0.10:53', note: 'look up kubia' },
    { at: 'pod/default/client', kind: 'send', src: '10.244.1.5:41000', dst: '10.96.0.20:80', note: 'send' },
    { at: 'node/kind-worker', kind: 'dnat', src: '10.244.1.5:41000', dst: '10.244.2.2:8080', note: 'DNAT' },
    {
      at: 'pod/default/kubia-a',
      kind: 'deliver',
      src: '10.244.1.5:41000',
      dst: '10.244.2.2:8080',
      note: 'deliver',
    },
  ],
};
const timing = { travelMs: 100, dwellMs: 50 };

describe('createPacketTimeline', () => {
  it('visits every located hop in order and walks the reply back', () => {
    const t = createPacketTimeline(trace, centers, timing);
    expect(t.waypoints.map((w) => w.hop)).toEqual([0, 1, 2, 3, -1, -1, -1]);
    expect(t.waypoints.at(-1)).toMatchObject({ x: 100, y: 0 });
    expect(t.waypoints[0]!.label).toBe('DNS? kubia');
    expect(t.waypoints[2]!.label).toBe('10.244.1.5:41000 → 10.244.2.2:8080');
    expect(t.waypoints[4]!.label).toBe('reply 200');
  });

  it('does not invent a reply for a failed request, nor when the engine sends reply hops', () => {
    const refused = createPacketTimeline({ ...trace, outcome: 'refused' }, centers, timing);
    expect(refused.waypoints.every((w) => w.hop >= 0)).toBe(true);
    const withReply = createPacketTimeline(
      { ...trace, path: [...readHops(trace), { ...readHops(trace)[1]!, kind: 'reply' }] },
      centers,
      timing,
    );
    expect(withReply.waypoints.every((w) => w.hop >= 0)).toBe(true);
  });

  it('keeps the packet in place for hops the graph does not draw', () => {
    const t = createPacketTimeline(
      {
        ...trace,
        outcome: 'refused',
        ports: [],
        path: [...readHops(trace), { ...readHops(trace)[3]!, at: 'nowhere', kind: 'reject' }],
      },
      centers,
      timing,
    );
    expect(t.waypoints.at(-1)).toMatchObject({ x: 200, y: 100, hop: 4 });
  });
});

describe('positionAt', () => {
  const t = createPacketTimeline({ ...trace, outcome: 'refused' }, centers, timing);
  it('starts at the first hop, interpolates, and ends at the last', () => {
    expect(positionAt(t, 0)).toMatchObject({ x: 100, y: 0, hop: 0, done: false });
    // leaves dns at 50, reaches the client pod at 150: halfway at 100
    expect(positionAt(t, 100)).toMatchObject({ x: 50, y: 0, hop: 0 });
    expect(positionAt(t, t.duration)).toMatchObject({ x: 200, y: 100, hop: 3, done: true });
    expect(positionAt(t, -5)).toMatchObject({ x: 100, y: 0 });
  });
  it('gives the time of each hop for step mode', () => {
    expect(positionAt(t, timeOfHop(t, 2))).toMatchObject({ x: 0, y: 100, hop: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import type { Trace } from '../../engine/index.ts';
import { createTrafficStore, launchFlights } from '../../store/trafficStore.ts';
import { createArrivalBatches } from './arrivalBatches.ts';
import { CROWD_IN_AIR, LAND_EVERY_MS, LAND_EVERY_MS_IN_CROWD } from './crowdAnimator.ts';

const trace = {
  from: 'pod/default/client',
  request: { method: 'GET', url: 'http://kubia', host: 'kubia', clientIp: '10.244.1.5' },
  outcome: 'ok',
  status: 200,
  hops: [],
} as unknown as Trace;

const flight = (id: string) => ({ id, trace, startAt: 0, focused: false, batch: 1 });

describe('arrival batches', () => {
  it('counts the arrivals waiting in one store update, and only when asked', () => {
    const traffic = createTrafficStore();
    launchFlights(traffic, [flight('a'), flight('b'), flight('c')]);
    let updates = 0;
    traffic.subscribe(() => updates++);
    const batches = createArrivalBatches(traffic, 0);
    batches.add('a');
    batches.add('b');
    expect(traffic.getState().flights).toHaveLength(3);
    batches.land(10);
    expect(updates).toBe(1);
    expect(traffic.getState().flights.map((f) => f.id)).toEqual(['c']);
    // Nothing waits: no update.
    batches.land(20);
    expect(updates).toBe(1);
  });

  it('is due every LAND_EVERY_MS, less often in a crowd, and at once when nothing is in the air', () => {
    const batches = createArrivalBatches(createTrafficStore(), 1000);
    expect(batches.due(1000 + LAND_EVERY_MS - 1, 1)).toBe(false);
    expect(batches.due(1000 + LAND_EVERY_MS, 1)).toBe(true);
    expect(batches.due(1000 + LAND_EVERY_MS_IN_CROWD - 1, CROWD_IN_AIR)).toBe(false);
    expect(batches.due(1000 + LAND_EVERY_MS_IN_CROWD, CROWD_IN_AIR)).toBe(true);
    expect(batches.due(1001, 0)).toBe(true);
    batches.land(1500);
    expect(batches.due(1500 + LAND_EVERY_MS - 1, 1)).toBe(false);
  });

  it('remembers what arrived until the store lets the flight go', () => {
    const batches = createArrivalBatches(createTrafficStore(), 0);
    batches.add('a');
    batches.add('b');
    batches.keepOnly(new Set(['b']));
    expect(batches.has('a')).toBe(false);
    expect(batches.has('b')).toBe(true);
  });
});

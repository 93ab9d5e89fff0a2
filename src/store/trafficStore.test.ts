import { describe, it, expect } from 'vitest';
import type { Trace } from '../engine/index.ts';
import { createTrafficStore, getArrivalKey, landFlights, launchFlights, startBatch } from './trafficStore.ts';
import type { TrafficStore } from './trafficStore.ts';

/** One flight landing on its own frame. */
const landFlight = (store: TrafficStore, flightId: string) => landFlights(store, [flightId]);

const trace = (pod?: string, outcome: Trace['outcome'] = 'ok'): Trace => ({
  from: 'client/laptop',
  request: { method: 'GET', url: 'http://x', host: 'x', clientIp: '1.1.1.1' },
  outcome,
  ports: [],
  path: [],
  ...(pod ? { endpoint: { pod, ip: '10.0.0.1', port: 8080 } } : {}),
});

describe('traffic store', () => {
  it('counts each flight once when it lands, per pod and per batch', () => {
    const store = createTrafficStore();
    startBatch(store, 1, [trace('default/kubia-a'), trace('default/kubia-a'), trace(undefined, 'timeout')]);
    launchFlights(store, [
      { id: 'a', trace: trace('default/kubia-a'), startAt: 0, focused: false, batch: 1 },
      { id: 'b', trace: trace('default/kubia-a'), startAt: 0, focused: false, batch: 1 },
      { id: 'c', trace: trace(undefined, 'timeout'), startAt: 0, focused: false, batch: 1 },
    ]);
    landFlight(store, 'a');
    landFlight(store, 'a');
    landFlight(store, 'b');
    landFlight(store, 'c');
    const s = store.getState();
    expect(s.hits).toEqual({ 'pod/default/kubia-a': 2 });
    expect(s.batch).toMatchObject({ arrived: 3, byTarget: { 'pod/default/kubia-a': 2, timeout: 1 } });
    expect(s.batch?.shown).toEqual(s.batch?.byTarget);
    expect(s.flights).toEqual([]);
  });

  it("gives the histogram a crowd's counts every two seconds, and all of them at the last landing", () => {
    const store = createTrafficStore();
    const pods = Array.from({ length: 30 }, (_, i) => `default/web-${i}`);
    startBatch(
      store,
      1,
      pods.map((p) => trace(p)),
    );
    launchFlights(
      store,
      pods.map((p, i) => ({ id: `f${i}`, trace: trace(p), startAt: 0, focused: false, batch: 1 })),
    );
    const land = (from: number, to: number, at: number) =>
      landFlights(
        store,
        pods.slice(from, to).map((_, i) => `f${from + i}`),
        at,
      );
    land(0, 25, 1000);
    const first = store.getState().batch!;
    expect(Object.keys(first.shown)).toHaveLength(25);
    land(25, 27, 2000);
    expect(store.getState().batch).toMatchObject({ arrived: 27, shown: first.shown });
    land(27, 28, 3000);
    expect(Object.keys(store.getState().batch!.shown)).toHaveLength(28);
    land(28, 30, 3100);
    expect(store.getState().batch!.shown).toEqual(store.getState().batch!.byTarget);
    expect(Object.keys(store.getState().batch!.shown)).toHaveLength(30);
  });

  it('keeps one focused request: the latest', () => {
    const store = createTrafficStore();
    launchFlights(store, [{ id: 'a', trace: trace('default/p'), startAt: 0, focused: true, batch: null }]);
    launchFlights(store, [{ id: 'b', trace: trace('default/q'), startAt: 0, focused: true, batch: null }]);
    expect(store.getState().focused?.id).toBe('b');
    expect(
      store
        .getState()
        .flights.filter((f) => f.focused)
        .map((f) => f.id),
    ).toEqual(['b']);
  });

  it('keys arrivals by pod, address or outcome', () => {
    expect(getArrivalKey(trace('ns/p'))).toBe('pod/ns/p');
    expect(getArrivalKey(trace(undefined, 'refused'))).toBe('refused');
  });
});

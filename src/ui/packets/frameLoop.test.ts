import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Trace } from '../../engine/index.ts';
import { createTrafficStore, launchFlights, startBatch } from '../../store/trafficStore.ts';
import type { Flight } from '../../store/trafficStore.ts';
import { createViewStore } from '../../store/viewStore.ts';
import { LAND_EVERY_MS, startFrameLoop } from './frameLoop.ts';
import type { CrowdSink, PacketElements } from './frameLoop.ts';
import type { CrowdFlight } from './crowdProtocol.ts';

const centers = new Map([
  ['pod/default/client', { x: 0, y: 0 }],
  ['pod/default/kubia-a', { x: 200, y: 0 }],
]);

const trace: Trace = {
  from: 'pod/default/client',
  request: { method: 'GET', url: 'http://kubia', host: 'kubia', clientIp: '10.244.1.5' },
  outcome: 'ok',
  status: 200,
  endpoint: { ip: '10.244.2.2', port: 8080, pod: 'default/kubia-a' },
  ports: [],
  path: [
    { at: 'pod/default/client', kind: 'send', src: '10.244.1.5:41000', dst: '10.244.2.2:8080', note: 'send' },
    {
      at: 'pod/default/kubia-a',
      kind: 'deliver',
      src: '10.244.1.5:41000',
      dst: '10.244.2.2:8080',
      note: 'in',
    },
  ],
} as Trace;

/** A page with a clock and animation frames the test turns by hand. */
function harness() {
  let clock = 0;
  let frames: (() => void)[] = [];
  vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  const draws: number[] = [];
  const document = { querySelectorAll: () => [], querySelector: () => null };
  const elements = {
    canvas: { draw: (dots: readonly unknown[]) => draws.push(dots.length), dispose: () => undefined },
    label: { textContent: '' },
    labelGroup: { setAttribute: () => undefined, style: { display: '' } },
    status: { dataset: {}, textContent: '', ownerDocument: document },
  } as unknown as PacketElements;
  const frame = (ms: number) => {
    clock += ms;
    const due = frames;
    frames = [];
    for (const run of due) run();
  };
  return { elements, draws, frame, now: () => clock };
}

const flight = (id: string, focused = false): Flight => ({ id, trace, startAt: 0, focused, batch: 1 });

afterEach(() => vi.unstubAllGlobals());

describe('startFrameLoop', () => {
  it('counts the arrivals of a batch together, a quarter of a second apart, and all of them', () => {
    const page = harness();
    const traffic = createTrafficStore();
    const view = createViewStore();
    const updates: number[] = [];
    traffic.subscribe((s, p) => {
      if (s.hits !== p.hits) updates.push(page.now());
    });
    const stop = startFrameLoop(traffic, view, page.elements, {
      getCenters: () => centers,
      getViewport: () => ({ x: 0, y: 0, zoom: 1 }),
      describeHop: () => '',
      now: page.now,
    });
    startBatch(traffic, 1, [trace, trace, trace]);
    // Three packets, started 10 ms apart, arrive in three different frames.
    launchFlights(traffic, [flight('a'), { ...flight('b'), startAt: 10 }, { ...flight('c'), startAt: 20 }]);
    for (let i = 0; i < 400 && traffic.getState().flights.length > 0; i++) page.frame(5);
    expect(traffic.getState().hits['pod/default/kubia-a']).toBe(3);
    expect(traffic.getState().batch?.arrived).toBe(3);
    // Fewer store updates than arrivals (one per frame before): the last packet in the air lands
    // at once with those waiting; a batch is otherwise counted every LAND_EVERY_MS.
    expect(updates.length).toBeLessThan(3);
    // An arrived packet is not drawn again while it waits to be counted.
    expect(page.draws.at(-1)).toBe(0);
    stop();
  });

  it('lands the focused request at once', () => {
    const page = harness();
    const traffic = createTrafficStore();
    const view = createViewStore();
    startFrameLoop(traffic, view, page.elements, {
      getCenters: () => centers,
      getViewport: () => ({ x: 0, y: 0, zoom: 1 }),
      describeHop: () => '',
      now: page.now,
    });
    // A slow batch packet keeps the air busy; the focused one lands the frame it arrives.
    launchFlights(traffic, [{ ...flight('slow'), startAt: 100_000 }, flight('focus', true)]);
    let frames = 0;
    while (!traffic.getState().focusedLanded && frames < 400) {
      page.frame(5);
      frames++;
    }
    expect(traffic.getState().focusedLanded).toBe(true);
    expect(traffic.getState().flights.map((f) => f.id)).toEqual(['slow']);
  });

  it('counts a steady stream every LAND_EVERY_MS, not every frame', () => {
    const page = harness();
    const traffic = createTrafficStore();
    const view = createViewStore();
    const updates: number[] = [];
    traffic.subscribe((s, p) => {
      if (s.hits !== p.hits) updates.push(page.now());
    });
    startFrameLoop(traffic, view, page.elements, {
      getCenters: () => centers,
      getViewport: () => ({ x: 0, y: 0, zoom: 1 }),
      describeHop: () => '',
      now: page.now,
    });
    // 100 packets 16 ms apart (one arrival per frame), and one more far behind them.
    const stream = Array.from({ length: 100 }, (_, i) => ({ ...flight(`p${i}`), startAt: i * 16 }));
    launchFlights(traffic, [...stream, { ...flight('last'), startAt: 100_000 }]);
    for (let i = 0; i < 400; i++) page.frame(16);
    expect(traffic.getState().hits['pod/default/kubia-a']).toBe(100);
    expect(updates.length).toBeLessThanOrEqual(Math.ceil((100 * 16) / LAND_EVERY_MS) + 1);
    for (let i = 1; i < updates.length; i++)
      expect(updates[i]! - updates[i - 1]!).toBeGreaterThanOrEqual(LAND_EVERY_MS);
  });

  it('hands every packet but the focused one to the crowd, and counts what it lands', () => {
    const page = harness();
    const traffic = createTrafficStore();
    const view = createViewStore();
    const handed: CrowdFlight[] = [];
    const removed: string[] = [];
    let land: (ids: string[]) => void = () => undefined;
    let lose: () => void = () => undefined;
    const crowd: CrowdSink = {
      add: (flights) => handed.push(...flights),
      remove: (ids) => removed.push(...ids),
      setMotion: () => undefined,
      onLanded: (listener) => (land = listener),
      onLost: (listener) => (lose = listener),
    };
    startFrameLoop(
      traffic,
      view,
      { ...page.elements, crowd },
      {
        getCenters: () => centers,
        getViewport: () => ({ x: 0, y: 0, zoom: 1 }),
        describeHop: () => '',
        now: page.now,
      },
    );
    startBatch(traffic, 1, [trace, trace]);
    launchFlights(traffic, [flight('a'), flight('b')]);
    // Nothing for the page's loop to draw: it does not run.
    page.frame(16);
    expect(page.draws).toEqual([]);
    expect(handed.map((f) => f.id)).toEqual(['a', 'b']);
    land(['a']);
    expect(traffic.getState().hits['pod/default/kubia-a']).toBe(1);
    expect(traffic.getState().flights.map((f) => f.id)).toEqual(['b']);

    // The focused request stays here; once another is sent it is handed over where it is.
    launchFlights(traffic, [flight('focus', true)]);
    expect(handed.map((f) => f.id)).toEqual(['a', 'b']);
    for (let i = 0; i < 20; i++) page.frame(16);
    expect(page.draws.at(-1)).toBe(1);
    launchFlights(traffic, [flight('next', true)]);
    const moved = handed.find((f) => f.id === 'focus');
    expect(moved?.elapsed).toBeGreaterThan(300);

    // The Worker failed: what it had in the air is counted, not lost.
    lose();
    expect(traffic.getState().flights.map((f) => f.id)).toEqual(['next']);
    expect(traffic.getState().batch?.arrived).toBe(3);
    expect(removed).toEqual([]);
  });
});

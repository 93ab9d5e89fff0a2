import { describe, expect, it } from 'vitest';
import { drawRandom } from '../rng.ts';
import type { Hop, HopKind, Trace } from '../trace.ts';
import { compileTemplate } from './traceTemplate.ts';
import { printedTrace, readHops } from '../readHops.ts';

/**
 * A template rendered with some ports must give the trace the general path would have built with
 * them: here a trace is written once as a function of its ports, recorded with stand-in ports
 * (sentinel + i, as routePlan.ts records) and rendered with random real ones, over random layouts:
 * strings showing no port, one port, the same port twice or two ports; ports in the rule, the facts,
 * the body and the endpoint; hops with and without rule and facts.
 */
const SENTINEL = 47_111;

/** A trace's JSON as the CLI prints it (hops read, no compact path). */
const printed = (trace: Trace): string => JSON.stringify(printedTrace(trace));

/** The laptop's first hop: a connection from its port `port` to `dst`. */
function laptopSends(port: number | undefined, dst: string): Hop {
  return { at: 'client/laptop', kind: 'send', src: `172.18.0.1:${port}`, dst, note: 'sends' };
}

/** A GET from the laptop (172.18.0.1) to `url` with these hops, then the trace's other fields in order. */
function laptopTrace(url: string, hops: Hop[], rest: Partial<Trace> = {}): Trace {
  return {
    from: 'client/laptop',
    request: { method: 'GET', url, host: 'x', clientIp: '172.18.0.1' },
    outcome: 'ok',
    path: hops,
    ports: [],
    ...rest,
  };
}
const KINDS: HopKind[] = ['send', 'dnat', 'snat', 'forward', 'deliver', 'reply'];

type Draw = () => number;

function drawer(seed: number): Draw {
  let rng = seed;
  return () => {
    const d = drawRandom(rng);
    rng = d.next;
    return d.value;
  };
}

/** A string that shows none, one or two of the `holes` ports, picked by `draw`. */
function shows(draw: Draw, base: string, holes: number): (ports: readonly number[]) => string {
  const shape = Math.floor(draw() * 5);
  const a = Math.floor(draw() * holes);
  const b = Math.floor(draw() * holes);
  if (shape === 0 || holes === 0) return () => base;
  if (shape === 1) return (p) => `10.244.1.7:${p[a]}`;
  if (shape === 2) return (p) => `${base} from 172.18.0.3:${p[a]}`;
  if (shape === 3) return (p) => `${base} ${p[a]}, then ${p[a]} again`;
  return (p) => `${p[a]} and ${p[b]}: ${base}`;
}

function randomTraceShape(draw: Draw, holes: number): (ports: readonly number[]) => Trace {
  const hopShapes = Array.from({ length: 1 + Math.floor(draw() * 6) }, (_, i) => {
    const at = shows(draw, `node/kind-worker${i}`, holes);
    const src = shows(draw, '10.244.2.2', holes);
    const dst = shows(draw, '10.96.0.10:80', holes);
    const note = shows(draw, `kube-proxy on kind-worker${i} picked endpoint ${i}`, holes);
    const rule = draw() < 0.5 ? shows(draw, `KUBE-SVC-${i}`, holes) : undefined;
    const factsShape = Math.floor(draw() * 3);
    const factsPort = Math.floor(draw() * Math.max(1, holes));
    const kind = KINDS[i % KINDS.length]!;
    return (p: readonly number[]): Hop => {
      const hop: Hop = { at: at(p), kind, src: src(p), dst: dst(p), note: note(p) };
      if (rule) hop.rule = rule(p);
      if (factsShape === 1) hop.facts = { service: 'team-0/app-1', of: 3, index: i };
      if (factsShape === 2 && holes > 0)
        hop.facts = {
          node: `kind-worker${i}`,
          chosen: `172.18.0.1:${p[factsPort]}`,
          index: p[factsPort]!,
        };
      return hop;
    };
  });
  const body = shows(draw, 'Welcome to nginx!', holes);
  const withEndpoint = draw() < 0.7;
  const endpointPort = draw() < 0.3 && holes > 0;
  const failed = draw() < 0.2;
  return (p) => {
    const trace: Trace = {
      from: 'client/laptop',
      request: { method: 'GET', url: 'http://172.18.0.3:30124/', host: '172.18.0.3', clientIp: '172.18.0.1' },
      outcome: failed ? 'http-error' : 'ok',
      path: hopShapes.map((hop) => hop(p)),
      ports: [],
    };
    if (!failed) trace.status = 200;
    trace.body = body(p);
    if (!failed) trace.service = 'team-0/app-1';
    if (withEndpoint)
      trace.endpoint = {
        pod: 'team-0/app-1-x',
        node: 'kind-worker',
        ip: '10.244.3.3',
        port: endpointPort ? p[0]! : 80,
      };
    if (failed) trace.failure = { code: 52, message: 'Empty reply from server' };
    return trace;
  };
}

describe('compileTemplate', () => {
  it('renders every random layout as the trace built with the same ports, JSON for JSON', () => {
    const draw = drawer(13);
    for (let round = 0; round < 300; round++) {
      const holes = Math.floor(draw() * 3);
      const traceOf = randomTraceShape(draw, holes);
      const stand = Array.from({ length: holes }, (_, i) => SENTINEL + i);
      const template = compileTemplate(traceOf(stand), SENTINEL, holes);
      for (let r = 0; r < 5; r++) {
        const ports = Array.from({ length: holes }, () => 32768 + Math.floor(draw() * 28232));
        const rendered = template.render({ ports });
        expect(printed(rendered)).toBe(printed(traceOf(ports)));
      }
    }
  });

  it('writes every port as String(port) would, across digit boundaries (its texts are built from parts)', () => {
    const traceOf = (p: readonly number[]): Trace =>
      laptopTrace(
        'http://x/',
        [
          laptopSends(p[0], '10.96.0.1:80'),
          {
            at: 'node/n',
            kind: 'snat',
            src: '10.244.1.1',
            dst: `${p[1]}`,
            note: `from ${p[0]} and ${p[1]}: ok`,
          },
        ],
        { body: `RemoteAddr: 10.244.1.2:${p[1]}\n` },
      );
    const stand = [SENTINEL, SENTINEL + 1];
    const template = compileTemplate(traceOf(stand), SENTINEL, 2);
    const edges = [
      32768, 40000, 40005, 40010, 40099, 40100, 50909, 60999, 1000, 1009, 9999, 99999, 100000, 65535,
    ];
    for (const a of edges)
      for (const b of [32768, 60999, 40001]) {
        const ports = [a, b];
        expect(printed(template.render({ ports }))).toBe(printed(traceOf(ports)));
      }
  });

  it('shares one frozen path between renders when every hop shows a port (a load balancer or Ingress trace)', () => {
    const traceOf = (p: readonly number[]): Trace =>
      laptopTrace(
        'http://172.18.255.1/',
        [
          laptopSends(p[0], '172.18.255.1:80'),
          {
            at: 'node/kind-worker',
            kind: 'dnat',
            src: `172.18.0.1:${p[0]}`,
            dst: '10.244.1.2:80',
            note: 'picked',
            rule: 'KUBE-SVC-X',
            facts: { node: 'kind-worker' },
          },
          {
            at: 'ing/a/b',
            kind: 'route',
            src: `10.244.1.2:${p[1]}`,
            dst: '10.244.2.2:80',
            note: 'routes',
            rule: 'r',
          },
          {
            at: 'client/laptop',
            kind: 'reply',
            src: '172.18.255.1:80',
            dst: `172.18.0.1:${p[0]}`,
            note: 'back',
          },
        ],
        {
          status: 200,
          body: `RemoteAddr: 10.244.1.2:${p[1]}\n`,
          service: 'a/b',
          endpoint: { pod: 'a/b-1', node: 'kind-worker2', ip: '10.244.2.2', port: 80 },
        },
      );
    const template = compileTemplate(traceOf([SENTINEL, SENTINEL + 1]), SENTINEL, 2);
    const a = template.render({ ports: [40000, 50001] });
    const b = template.render({ ports: [33333, 60999] });
    expect(printed(a)).toBe(printed(traceOf([40000, 50001])));
    expect(printed(b)).toBe(printed(traceOf([33333, 60999])));
    // The hops are the leaf's, built once: a render carries only the ports it drew.
    expect(a.path).toBe(b.path);
    expect(Object.isFrozen(a.path)).toBe(true);
    expect(a.path.every((hop) => 'ported' in hop && Object.isFrozen(hop))).toBe(true);
    expect(a.ports).toEqual([40000, 50001]);
    expect(b.ports).toEqual([33333, 60999]);
    expect(Object.keys(readHops(a))).toEqual(['0', '1', '2', '3']);
    for (let i = 0; i < readHops(a).length; i++) expect(readHops(a)[i]).not.toBe(readHops(b)[i]);
  });

  it('a trace read after later renders shows its own ports, and reads as the same data every way', () => {
    const traceOf = (p: readonly number[]): Trace =>
      laptopTrace(
        'http://x/',
        [
          { at: 'dns', kind: 'dns', src: '10.244.2.2', dst: '10.96.0.10:53', note: 'asks' },
          laptopSends(p[0], '10.96.0.1:80'),
          { at: 'ing/a/b', kind: 'route', src: `10.244.1.2:${p[1]}`, dst: '10.244.2.2:80', note: 'routes' },
        ],
        { status: 200, body: `RemoteAddr: 10.244.1.2:${p[1]}\n` },
      );
    const template = compileTemplate(traceOf([SENTINEL, SENTINEL + 1]), SENTINEL, 2);
    // One holes object refilled for every render, as routePlan.ts's replays do.
    const holes = { ports: [40000, 50001] };
    const first = template.render(holes);
    holes.ports[0] = 33333;
    holes.ports[1] = 60999;
    const second = template.render(holes);
    holes.ports[0] = 45678;
    template.render(holes);
    for (const [trace, ports] of [
      [second, [33333, 60999]],
      [first, [40000, 50001]],
    ] as const) {
      const json = printed(traceOf(ports));
      expect(printed(trace)).toBe(json);
      // The Worker clones the compact trace; the page reads it through readHops.
      expect(printed(structuredClone(trace))).toBe(json);
      expect(printed({ ...trace })).toBe(json);
      expect(Object.keys(trace)).toEqual(['from', 'request', 'outcome', 'path', 'ports', 'status', 'body']);
      expect(Object.keys(printedTrace(trace))).toEqual([
        'from',
        'request',
        'outcome',
        'hops',
        'status',
        'body',
      ]);
      expect(Object.getPrototypeOf(trace)).toBe(Object.prototype);
      const hops = readHops(trace);
      expect(readHops(trace)).toBe(hops);
      hops.forEach((hop, i) => expect(readHops(trace)[i]).toBe(hop));
    }
  });

  it('hands out a fresh trace and ports each time, sharing the frozen path; each trace reads its own hops', () => {
    const hop = (port: number): Hop => laptopSends(port, '172.18.0.3:30124');
    const fixed: Hop = { at: 'dns', kind: 'dns', src: '10.244.2.2', dst: '10.96.0.10:53', note: 'asks' };
    const recorded = laptopTrace('http://x/', [fixed, hop(SENTINEL)]);
    const template = compileTemplate(recorded, SENTINEL, 1);
    const a = template.render({ ports: [40000] });
    const b = template.render({ ports: [50000] });
    expect(a).not.toBe(b);
    expect(a.path).toBe(b.path);
    expect(a.ports).not.toBe(b.ports);
    expect(readHops(a)).not.toBe(readHops(b));
    expect(readHops(a)[0]).toBe(readHops(b)[0]);
    expect(Object.isFrozen(readHops(a)[0])).toBe(true);
    expect(readHops(a)[1]).toEqual(hop(40000));
    expect(readHops(b)[1]).toEqual(hop(50000));
  });
});

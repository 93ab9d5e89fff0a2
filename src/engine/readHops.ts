/**
 * Reading a Trace's hops. A trace stores them compact (trace.ts `path` and `ports`): a replayed request
 * shares the frozen hops of its plan's leaf, and the hops that show the client's (or an ingress
 * controller's upstream connection's) ephemeral port name it by its slot in `ports`. `readHops` gives
 * every reader the hops the general path would have built, field for field and in the same order, once
 * per trace (docs/decisions.md#trace, docs/performance.md#routing).
 */
import type { Hop, PathText, PortedHop, PortedText, Trace } from './trace.ts';

/**
 * The decimal text of a port, from its hundreds and its last two digits: a table of all 28,232
 * ephemeral ports' texts (about 900 KB with its strings) missed the processor's cache on nearly every
 * request; these two (1,000 and 100 short strings) stay in it (docs/performance.md#routing).
 */
const HUNDREDS: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i));
const LAST_TWO: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

export function portText(port: number): string {
  if (port >= 1000 && port < 100_000 && Number.isInteger(port))
    return HUNDREDS[(port / 100) | 0]! + LAST_TWO[port % 100]!;
  return String(port);
}

/** A ported string with the port texts `texts` (port i's text at i). */
export function renderPortedText(s: PortedText, texts: readonly string[]): string {
  const text = s.head + texts[s.slot]!;
  let out = s.tail === '' ? text : text + s.tail;
  const more = s.more;
  if (more === undefined) return out;
  for (let i = 0; i < more.length; i += 2) out += texts[more[i] as number]! + (more[i + 1] as string);
  return out;
}

function textOf(t: PathText, texts: readonly string[]): string {
  return typeof t === 'string' ? t : renderPortedText(t, texts);
}

/** The general path's hop (RouteContext.hop): five fields, then `rule` and `facts` when set. */
function renderHop(p: PortedHop, texts: readonly string[]): Hop {
  const hop: Hop = {
    at: p.at,
    kind: p.kind,
    src: textOf(p.src, texts),
    dst: textOf(p.dst, texts),
    note: textOf(p.note, texts),
  };
  if (p.rule !== undefined) hop.rule = textOf(p.rule, texts);
  if (p.facts !== undefined) hop.facts = p.facts;
  return hop;
}

/**
 * Hops read once per trace, kept on the trace under a module-private symbol as a non-enumerable
 * property: JSON.stringify, Object.keys, a spread, structured clone (postMessage) and deep equality in
 * tests all leave it out, so a trace that was read looks exactly like one that was not. Not a WeakMap:
 * one entry per routed trace cost about 2 us a trace in V8 (its weak table is walked by the garbage
 * collector), ten times the read itself (docs/performance.md#routing).
 */
const READ: unique symbol = Symbol('readHops');

type MemoTrace = Trace & { readonly [READ]?: readonly Hop[] };

function renderPath(path: Trace['path'], ports: Trace['ports']): Hop[] {
  const texts = ports.map(portText);
  const out = new Array<Hop>(path.length);
  for (let i = 0; i < path.length; i++) {
    const hop = path[i]!;
    out[i] = 'ported' in hop ? renderHop(hop, texts) : hop;
  }
  return out;
}

/** The hops of a trace, as the general path builds them (the same array for every read of one trace). */
export function readHops(trace: Trace): readonly Hop[] {
  const ports = trace.ports;
  // No ports: every hop is finished (a PortedHop names a slot of `ports`, so it cannot be on this path).
  if (ports.length === 0) return trace.path as readonly Hop[];
  const read = (trace as MemoTrace)[READ];
  if (read !== undefined) return read;
  const hops = renderPath(trace.path, ports);
  Object.defineProperty(trace, READ, { value: hops });
  return hops;
}

/**
 * A trace as its readers print it (the CLI's JSON, `kubeplay run --json`, the page's test API):
 * today's fields in today's order, `hops` where the path is stored and no `ports`.
 */
export type PrintedTrace = Omit<Trace, 'path' | 'ports'> & { hops: readonly Hop[] };

export function printedTrace(trace: Trace): PrintedTrace {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(trace) as (keyof Trace)[]) {
    if (key === 'path') out.hops = readHops(trace);
    else if (key !== 'ports') out[key] = trace[key];
  }
  return out as PrintedTrace;
}

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

/**
 * The texts of one read: each port's text, then each distinct ported string's (a leaf shares one
 * PortedText per distinct string, and the client's `ip:port` is in four or five hops), so a string is
 * built once per read, as the general path builds it once per request.
 */
class ReadTexts {
  readonly ports: string[];
  /** By PortedText id. */
  private readonly texts: (string | undefined)[] = [];

  constructor(ports: readonly number[]) {
    const texts = new Array<string>(ports.length);
    for (let i = 0; i < ports.length; i++) texts[i] = portText(ports[i]!);
    this.ports = texts;
  }

  of(t: PathText): string {
    if (typeof t === 'string') return t;
    let text = this.texts[t.id];
    if (text === undefined) {
      text = renderPortedText(t, this.ports);
      this.texts[t.id] = text;
    }
    return text;
  }
}

/** The general path's hop (RouteContext.hop): five fields, then `rule` and `facts` when set. */
function renderHop(p: PortedHop, texts: ReadTexts): Hop {
  const at = p.at;
  const kind = p.kind;
  const src = texts.of(p.src);
  const dst = texts.of(p.dst);
  const note = texts.of(p.note);
  const facts = p.facts;
  // One literal per layout, so every hop of a layout has one hidden class, as the general path's do.
  if (p.rule === undefined) {
    if (facts === undefined) return { at, kind, src, dst, note };
    return { at, kind, src, dst, note, facts };
  }
  const rule = texts.of(p.rule);
  if (facts === undefined) return { at, kind, src, dst, note, rule };
  return { at, kind, src, dst, note, rule, facts };
}

function renderPath(path: Trace['path'], ports: Trace['ports']): Hop[] {
  const texts = new ReadTexts(ports);
  const out = new Array<Hop>(path.length);
  for (let i = 0; i < path.length; i++) {
    const hop = path[i]!;
    out[i] = 'ported' in hop ? renderHop(hop, texts) : hop;
  }
  return out;
}

/**
 * The last traces read and their hops, newest first: a reader reads one trace several times in a row
 * (the packet's timeline, its flight, the step panel, the caption), and gets the same list each time.
 * Not kept on the trace: a property added to a routed trace cost 0.4-1.3 us a read (a new hidden class
 * and its property store), and a WeakMap entry about 2 us (V8 walks its weak table at every
 * collection), each more than the read itself (docs/performance.md#routing).
 */
const RECENT = 16;
const recentTraces: (Trace | undefined)[] = new Array<Trace | undefined>(RECENT).fill(undefined);
const recentHops: (readonly Hop[] | undefined)[] = new Array<readonly Hop[] | undefined>(RECENT).fill(
  undefined,
);
let next = 0;

/** The hops of a trace, as the general path builds them (the same list for reads close together). */
export function readHops(trace: Trace): readonly Hop[] {
  const ports = trace.ports;
  // No ports: every hop is finished (a PortedHop names a slot of `ports`, so it cannot be on this path).
  if (ports.length === 0) return trace.path as readonly Hop[];
  for (let i = 0; i < RECENT; i++) if (recentTraces[i] === trace) return recentHops[i]!;
  const hops = renderPath(trace.path, ports);
  recentTraces[next] = trace;
  recentHops[next] = hops;
  next = (next + 1) % RECENT;
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

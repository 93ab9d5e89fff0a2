/**
 * A recorded trace, finished ahead of time except where the client's ephemeral ports go. A request is
 * recorded with stand-in port numbers (routeContext.ts Recording: `sentinel + i` for the i-th port
 * drawn); every string that shows one is split around it and every number equal to one becomes a hole.
 *
 * A leaf's hops are built once, frozen, and shared by every trace the plan returns: a hop that shows
 * no port as recorded, one that does as a PortedHop naming the port by its slot in the trace's `ports`
 * (trace.ts; readers read them through readHops.ts). Rendering a request allocates only the trace
 * object and its `ports` (and an echoing app's body). Nothing downstream writes to a hop (the freeze
 * makes sure of it); request.ts sets `explanation` on the trace object, which is always new.
 */
import { portText, renderPortedText } from '../readHops.ts';
import type { Hop, PathHop, PathText, PortedHop, PortedText, Trace } from '../trace.ts';
import { NO_PORTS } from '../trace.ts';

/** The ports one request drew, in draw order (filled by routePlan.ts). */
export interface Holes {
  ports: number[];
}

/** Builds one value of a trace from the request's holes. */
type Render<T = unknown> = (holes: Holes) => T;

/** A value with no hole is the recorded value itself; one with holes is rendered per request. */
type Compiled<T = unknown> = { constant: true; value: T } | { constant: false; render: Render<T> };

export interface TraceTemplate {
  render: (holes: Holes) => Trace;
}

function holeOf(text: string, sentinel: number, holes: number): number {
  const n = Number(text) - sentinel;
  return n >= 0 && n < holes ? n : -1;
}

function compileString(value: string, sentinel: number, pattern: RegExp, holes: number): Compiled<string> {
  const split = splitShown(value, sentinel, pattern, holes);
  if (split === undefined) return { constant: true, value };
  return { constant: false, render: (h) => renderPortedText(split, portTexts(h)) };
}

/** Any JSON-like value; objects and arrays with no hole are shared (frozen) as they were recorded. */
function compileValue(value: unknown, sentinel: number, pattern: RegExp, holes: number): Compiled {
  if (typeof value === 'string') return compileString(value, sentinel, pattern, holes);
  if (typeof value === 'number') {
    const slot = value - sentinel;
    if (Number.isInteger(slot) && slot >= 0 && slot < holes)
      return { constant: false, render: (h) => h.ports[slot] };
    return { constant: true, value };
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => compileValue(v, sentinel, pattern, holes));
    if (items.every((c) => c.constant)) return { constant: true, value: Object.freeze(value) };
    const renders = items.map(renderOf);
    return { constant: false, render: (h) => renders.map((r) => r(h)) };
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    const items = keys.map((k) => compileValue(record[k], sentinel, pattern, holes));
    if (items.every((c) => c.constant)) return { constant: true, value: Object.freeze(value) };
    const renders = items.map(renderOf);
    return {
      constant: false,
      render: (h) => {
        const out: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) out[keys[i]!] = renders[i]!(h);
        return out;
      },
    };
  }
  return { constant: true, value };
}

function renderOf<T>(c: Compiled<T>): Render<T> {
  if (c.constant) {
    const value = c.value;
    return () => value;
  }
  return c.render;
}

const HOP_KEYS = ['at', 'kind', 'src', 'dst', 'note'];

/** A hop as routing builds it (RouteContext.hop): five string fields, then `rule` and `facts` when set. */
function isPlainHop(hop: Record<string, unknown>): boolean {
  const keys = Object.keys(hop);
  for (let i = 0; i < HOP_KEYS.length; i++) if (keys[i] !== HOP_KEYS[i]) return false;
  let next = HOP_KEYS.length;
  if (keys[next] === 'rule') next++;
  if (keys[next] === 'facts') next++;
  return next === keys.length && keys.every((k) => typeof hop[k] === 'string' || k === 'facts');
}

/**
 * A string that shows ports, split around them: `head`, the text of port `slot`, `tail`, then for a
 * string with more than one port each further slot's text and the text after it. One object per
 * string, read by one function, so a replay touches few objects (docs/performance.md#routing).
 */
function splitShown(
  value: string,
  sentinel: number,
  pattern: RegExp,
  holes: number,
  id = 0,
): PortedText | undefined {
  pattern.lastIndex = 0;
  if (!pattern.test(value)) return undefined;
  const parts: string[] = [];
  const slots: number[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (const match of value.matchAll(pattern)) {
    parts.push(value.slice(last, match.index));
    slots.push(holeOf(match[0], sentinel, holes));
    last = match.index + match[0].length;
  }
  parts.push(value.slice(last));
  const more: (string | number)[] = [];
  for (let i = 1; i < slots.length; i++) more.push(slots[i]!, parts[i + 1]!);
  const split: PortedText = {
    id,
    head: parts[0]!,
    slot: slots[0]!,
    tail: parts[1]!,
    more: more.length ? more : undefined,
  };
  return Object.freeze(split);
}

/** The texts of a request's ports, in draw order: each port's text made once for all its strings. */
function portTexts(h: Holes): string[] {
  const ports = h.ports;
  const texts = new Array<string>(ports.length);
  for (let i = 0; i < ports.length; i++) texts[i] = portText(ports[i]!);
  return texts;
}

/**
 * The distinct strings of one template that show a port, split once: the client's `ip:port` appears in
 * four or five hops of a trace, and they share one PortedText.
 */
class ShownStrings {
  private readonly split = new Map<string, PortedText | null>();
  private count = 0;

  constructor(
    private readonly sentinel: number,
    private readonly pattern: RegExp,
    private readonly holes: number,
  ) {}

  /** The string as a path stores it: itself when it shows no port, else its split. */
  pathText(value: string): PathText {
    let split = this.split.get(value);
    if (split === undefined) {
      split = splitShown(value, this.sentinel, this.pattern, this.holes, this.count) ?? null;
      if (split !== null) this.count++;
      this.split.set(value, split);
    }
    return split ?? value;
  }
}

/**
 * A recorded hop as a path stores it: frozen as recorded when it shows no port, a frozen PortedHop when
 * its `src`, `dst`, `note` or `rule` does, undefined when its graph id or facts do (never seen: such a
 * trace is rendered whole, see compileTemplate).
 */
function compileHop(
  hop: Hop,
  shown: ShownStrings,
  sentinel: number,
  pattern: RegExp,
  holes: number,
): PathHop | undefined {
  if (typeof shown.pathText(hop.at) !== 'string') return undefined;
  if (hop.facts !== undefined && !compileValue(hop.facts, sentinel, pattern, holes).constant)
    return undefined;
  const src = shown.pathText(hop.src);
  const dst = shown.pathText(hop.dst);
  const note = shown.pathText(hop.note);
  const rule = hop.rule === undefined ? undefined : shown.pathText(hop.rule);
  if (
    typeof src === 'string' &&
    typeof dst === 'string' &&
    typeof note === 'string' &&
    typeof rule !== 'object'
  )
    return Object.freeze(hop);
  const facts = hop.facts === undefined ? undefined : Object.freeze(hop.facts);
  const ported: PortedHop = { ported: true, at: hop.at, kind: hop.kind, src, dst, note, rule, facts };
  return Object.freeze(ported);
}

const TRACE_HEAD = ['from', 'request', 'outcome', 'path', 'ports'];
/** The fields request.ts finishTrace sets after the head, in the order it sets them. */
const TRACE_TAIL = ['status', 'body', 'service', 'endpoint', 'failure'] as const;

/** True when the recorded trace has finishTrace's layout: the head, then some of the tail in order. */
function isPlainTrace(keys: readonly string[], recorded: Trace): boolean {
  if (TRACE_HEAD.some((k, i) => keys[i] !== k)) return false;
  let at = TRACE_HEAD.length;
  for (const k of TRACE_TAIL) if (keys[at] === k) at++;
  return (
    at === keys.length &&
    recorded.ports.length === 0 &&
    recorded.path.every((h) => !('ported' in h) && isPlainHop(h as unknown as Record<string, unknown>))
  );
}

/** The recorded trace rendered whole per request, its ports spelt in its hops (the general path's form). */
function wholeTemplate(recorded: Trace, sentinel: number, pattern: RegExp, holes: number): TraceTemplate {
  const compiled = renderOf(compileValue(recorded, sentinel, pattern, holes));
  // A fresh top-level object, so request.ts may set `explanation` on it.
  return { render: (h) => ({ ...(compiled(h) as Trace) }) };
}

/**
 * The template of a recorded trace whose `holes` ports were drawn as sentinel, sentinel + 1, …
 * The recorded trace is taken over (its hop-free parts are frozen and shared), so the caller must not
 * hand it out as well.
 */
export function compileTemplate(recorded: Trace, sentinel: number, holes: number): TraceTemplate {
  const numbers = Array.from({ length: holes }, (_, i) => String(sentinel + i));
  // Never matches when there is no hole (an empty alternation would match everywhere).
  const pattern = new RegExp(holes === 0 ? '(?!)' : numbers.join('|'), 'g');
  const keys = Object.keys(recorded);
  if (!isPlainTrace(keys, recorded)) return wholeTemplate(recorded, sentinel, pattern, holes);
  const shown = new ShownStrings(sentinel, pattern, holes);
  const path: PathHop[] = [];
  for (const hop of recorded.path as readonly Hop[]) {
    const compiled = compileHop(hop, shown, sentinel, pattern, holes);
    if (compiled === undefined) return wholeTemplate(recorded, sentinel, pattern, holes);
    path.push(compiled);
  }
  const tail = (k: (typeof TRACE_TAIL)[number]): Compiled | undefined =>
    k in recorded ? compileValue(recorded[k], sentinel, pattern, holes) : undefined;
  // The body is the one tail string that shows a port (an echoing app's RemoteAddr): rendered per request.
  const body = typeof recorded.body === 'string' ? shown.pathText(recorded.body) : undefined;
  return new CompactTemplate(
    holes,
    recorded.from,
    compileValue(recorded.request, sentinel, pattern, holes) as Compiled<Trace['request']>,
    recorded.outcome,
    Object.freeze(path),
    TRACE_TAIL.map(tail),
    typeof body === 'object' ? body : undefined,
  );
}

/**
 * The template of a trace with finishTrace's layout. Its path is built once and shared by every trace
 * it renders; a render allocates the trace, its `ports` and, for an echoing app, the body that shows a
 * port (docs/performance.md#routing).
 */
class CompactTemplate implements TraceTemplate {
  /** The commonest answer (status, body, Service and endpoint, none showing a port), set as literals. */
  private readonly common: boolean;
  private readonly fixedRequest: Trace['request'] | undefined;
  private readonly status: number | undefined;
  private readonly body: string | undefined;
  private readonly service: string | undefined;
  private readonly endpoint: Trace['endpoint'];

  constructor(
    /** How many ports the request draws. */
    private readonly count: number,
    private readonly from: Trace['from'],
    private readonly request: Compiled<Trace['request']>,
    private readonly outcome: Trace['outcome'],
    private readonly path: readonly PathHop[],
    /** status, body, service, endpoint, failure (TRACE_TAIL): each compiled when recorded. */
    private readonly tail: readonly (Compiled | undefined)[],
    /** The body when it shows a port, else undefined. */
    private readonly portedBody: PortedText | undefined,
  ) {
    const [status, body, service, endpoint, failure] = tail;
    this.fixedRequest = request.constant ? request.value : undefined;
    this.common =
      this.fixedRequest !== undefined &&
      status?.constant === true &&
      (body?.constant === true || portedBody !== undefined) &&
      service?.constant === true &&
      endpoint?.constant === true &&
      failure === undefined;
    this.status = status?.constant ? (status.value as number) : undefined;
    this.body = body?.constant ? (body.value as string) : undefined;
    this.service = service?.constant ? (service.value as string) : undefined;
    this.endpoint = endpoint?.constant ? (endpoint.value as Trace['endpoint']) : undefined;
  }

  /** A copy of the request's ports (`h` is refilled by the next replay). */
  private portsOf(h: Holes): readonly number[] {
    const p = h.ports;
    const count = this.count;
    if (count === 1) return [p[0]!];
    if (count === 2) return [p[0]!, p[1]!];
    return count === 0 ? NO_PORTS : p.slice(0, count);
  }

  private bodyOf(h: Holes): string {
    const ported = this.portedBody;
    if (ported === undefined) return this.body!;
    // An echoing app's body shows one port (its RemoteAddr): no texts array for that one.
    if (ported.more === undefined) return ported.head + portText(h.ports[ported.slot]!) + ported.tail;
    return renderPortedText(ported, portTexts(h));
  }

  render(h: Holes): Trace {
    const from = this.from;
    const outcome = this.outcome;
    const path = this.path;
    const ports = this.portsOf(h);
    if (this.common) {
      return {
        from,
        request: this.fixedRequest!,
        outcome,
        path,
        ports,
        status: this.status!,
        body: this.bodyOf(h),
        service: this.service!,
        endpoint: this.endpoint!,
      };
    }
    const request = this.request.constant ? this.request.value : this.request.render(h);
    const trace: Trace = { from, request, outcome, path, ports };
    // The tail fields, set in finishTrace's order so the trace has the general path's layout and JSON.
    const [status, body, service, endpoint, failure] = this.tail;
    if (status !== undefined) trace.status = valueOf(status, h) as number;
    if (body !== undefined)
      trace.body = this.portedBody === undefined ? (valueOf(body, h) as string) : this.bodyOf(h);
    if (service !== undefined) trace.service = valueOf(service, h) as string;
    if (endpoint !== undefined) trace.endpoint = valueOf(endpoint, h) as Trace['endpoint'];
    if (failure !== undefined) trace.failure = valueOf(failure, h) as Trace['failure'];
    return trace;
  }
}

function valueOf(c: Compiled, h: Holes): unknown {
  return c.constant ? c.value : c.render(h);
}

/** Structural equality of two JSON-like values (own enumerable keys; undefined-valued keys count). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i]) return false;
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * A recorded trace, finished ahead of time except where the client's ephemeral ports go. A request is
 * recorded with stand-in port numbers (routeContext.ts Recording: `sentinel + i` for the i-th port
 * drawn); every string that shows one is split around it and every number equal to one becomes a hole.
 *
 * Most of a trace never shows a port (the DNS hop, the DNAT to the endpoint's address, the pod's
 * answer...): those hops and values are built once, frozen, and shared by every trace the plan
 * returns, as the general path shares its cached facts. Rendering a request allocates only the trace
 * object, its hop list and the few hops that show a port. Nothing downstream writes to a hop (the
 * freeze makes sure of it); request.ts sets `explanation` on the trace object, which is always new.
 */
import type { Hop, HopFacts, Trace } from '../trace.ts';

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
  return { constant: false, render: (h) => renderShown(split, portTexts(h)) };
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
interface ShownText {
  head: string;
  slot: number;
  tail: string;
  /** Further holes: slot, then the text after it, alternating; undefined for the usual single hole. */
  more: (string | number)[] | undefined;
}

function splitShown(value: string, sentinel: number, pattern: RegExp, holes: number): ShownText | undefined {
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
  return { head: parts[0]!, slot: slots[0]!, tail: parts[1]!, more: more.length ? more : undefined };
}

/**
 * The decimal text of a port, from its hundreds and its last two digits: a port drawn at random read
 * from a table of all 28,232 ephemeral ports' texts missed the processor's cache on every request (the
 * table and its strings are about 900 KB), and that miss was a third of a replay. These two tables
 * (1,000 and 100 short strings) stay in cache; the five characters are copied into one flat string
 * (V8 copies results under 13 characters rather than linking them), once per port and request.
 */
const HUNDREDS: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i));
const LAST_TWO: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

function portText(port: number): string {
  if (port >= 1000 && port < 100_000 && Number.isInteger(port))
    return HUNDREDS[(port / 100) | 0]! + LAST_TWO[port % 100]!;
  return String(port);
}

/** The texts of a request's ports, in draw order: each port's text made once for all its strings. */
function portTexts(h: Holes): string[] {
  const ports = h.ports;
  const texts = new Array<string>(ports.length);
  for (let i = 0; i < ports.length; i++) texts[i] = portText(ports[i]!);
  return texts;
}

/** A shown string with the port texts `texts` (port i's text at i). */
function renderShown(s: ShownText, texts: readonly string[]): string {
  const text = s.head + texts[s.slot]!;
  const more = s.more;
  if (more === undefined) return s.tail === '' ? text : text + s.tail;
  let out = s.tail === '' ? text : text + s.tail;
  for (let i = 0; i < more.length; i += 2) out += texts[more[i] as number]! + (more[i + 1] as string);
  return out;
}

/**
 * The distinct strings of one template that show a port, rendered once per request: the client's
 * `ip:port` appears in four or five hops of a trace, and they share the one string the general path
 * would have built as many times.
 */
class ShownStrings {
  private readonly slots = new Map<string, number>();
  readonly list: ShownText[] = [];

  constructor(
    private readonly sentinel: number,
    private readonly pattern: RegExp,
    private readonly holes: number,
  ) {}

  /**
   * Where a render finds the text of a string that shows a port (after the `holes` ports' own texts,
   * see PlainTemplate.render), or -1 for one that shows none.
   */
  textIndex(value: string): number {
    let slot = this.slots.get(value);
    if (slot === undefined) {
      const split = splitShown(value, this.sentinel, this.pattern, this.holes);
      if (split === undefined) return -1;
      slot = this.list.length;
      this.list.push(split);
      this.slots.set(value, slot);
    }
    return this.holes + slot;
  }
}

/**
 * A hop that shows a port: its recorded fields, and for each string field the index of its text in a
 * render's texts (-1: as recorded). One flat object per hop, rendered by `renderHop` as an object literal of the
 * general path's own shape (five fields, then `rule`, then `facts`), so consumers see one layout.
 */
class HopPattern {
  constructor(
    readonly index: number,
    readonly at: string,
    readonly atSlot: number,
    readonly kind: Hop['kind'],
    readonly src: string,
    readonly srcSlot: number,
    readonly dst: string,
    readonly dstSlot: number,
    readonly note: string,
    readonly noteSlot: number,
    readonly rule: string | undefined,
    readonly ruleSlot: number,
    /** Facts that show no port, as recorded (frozen); undefined when absent or rendered. */
    readonly facts: HopFacts | undefined,
    readonly factsRender: Render<HopFacts> | undefined,
  ) {}
}

function renderHop(p: HopPattern, h: Holes, texts: readonly string[]): Hop {
  const at = p.atSlot < 0 ? p.at : texts[p.atSlot]!;
  const src = p.srcSlot < 0 ? p.src : texts[p.srcSlot]!;
  const dst = p.dstSlot < 0 ? p.dst : texts[p.dstSlot]!;
  const note = p.noteSlot < 0 ? p.note : texts[p.noteSlot]!;
  const facts = p.factsRender === undefined ? p.facts : p.factsRender(h);
  if (p.rule === undefined) {
    if (facts === undefined) return { at, kind: p.kind, src, dst, note };
    return { at, kind: p.kind, src, dst, note, facts };
  }
  const rule = p.ruleSlot < 0 ? p.rule : texts[p.ruleSlot]!;
  if (facts === undefined) return { at, kind: p.kind, src, dst, note, rule };
  return { at, kind: p.kind, src, dst, note, rule, facts };
}

/** A hop compiled: the frozen recorded hop when it shows no port, else its pattern. */
function compileHop(
  hop: Hop,
  index: number,
  shown: ShownStrings,
  sentinel: number,
  pattern: RegExp,
  holes: number,
): Hop | HopPattern {
  const atSlot = shown.textIndex(hop.at);
  const srcSlot = shown.textIndex(hop.src);
  const dstSlot = shown.textIndex(hop.dst);
  const noteSlot = shown.textIndex(hop.note);
  const ruleSlot = hop.rule === undefined ? -1 : shown.textIndex(hop.rule);
  const facts = hop.facts === undefined ? undefined : compileValue(hop.facts, sentinel, pattern, holes);
  const constant =
    atSlot < 0 &&
    srcSlot < 0 &&
    dstSlot < 0 &&
    noteSlot < 0 &&
    ruleSlot < 0 &&
    (facts === undefined || facts.constant);
  if (constant) return Object.freeze(hop);
  return new HopPattern(
    index,
    hop.at,
    atSlot,
    hop.kind,
    hop.src,
    srcSlot,
    hop.dst,
    dstSlot,
    hop.note,
    noteSlot,
    hop.rule,
    ruleSlot,
    facts?.constant ? (facts.value as HopFacts) : undefined,
    facts === undefined || facts.constant ? undefined : (facts.render as Render<HopFacts>),
  );
}

const TRACE_HEAD = ['from', 'request', 'outcome', 'hops'];
/** The fields request.ts finishTrace sets after the head, in the order it sets them. */
const TRACE_TAIL = ['status', 'body', 'service', 'endpoint', 'failure'] as const;

/** True when the recorded trace has finishTrace's layout: the head, then some of the tail in order. */
function isPlainTrace(keys: readonly string[], recorded: Trace): boolean {
  if (TRACE_HEAD.some((k, i) => keys[i] !== k)) return false;
  let at = TRACE_HEAD.length;
  for (const k of TRACE_TAIL) if (keys[at] === k) at++;
  return (
    at === keys.length && recorded.hops.every((h) => isPlainHop(h as unknown as Record<string, unknown>))
  );
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
  if (!isPlainTrace(keys, recorded)) {
    const compiled = renderOf(compileValue(recorded, sentinel, pattern, holes));
    return {
      // A fresh top-level object, so request.ts may set `explanation` on it.
      render: (h) => ({ ...(compiled(h) as Trace) }),
    };
  }
  const shown = new ShownStrings(sentinel, pattern, holes);
  const fixedHops: Hop[] = [];
  const holed: HopPattern[] = [];
  recorded.hops.forEach((hop, i) => {
    const c = compileHop(hop, i, shown, sentinel, pattern, holes);
    if (c instanceof HopPattern) {
      holed.push(c);
      fixedHops.push(undefined as unknown as Hop);
    } else fixedHops.push(c);
  });
  const tail = (k: (typeof TRACE_TAIL)[number]): Compiled | undefined =>
    k in recorded ? compileValue(recorded[k], sentinel, pattern, holes) : undefined;
  // The body is the one tail string that shows a port (an echoing app's RemoteAddr): a shown slot.
  const bodySlot = typeof recorded.body === 'string' ? shown.textIndex(recorded.body) : -1;
  return new PlainTemplate(
    holes,
    recorded.from,
    compileValue(recorded.request, sentinel, pattern, holes) as Compiled<Trace['request']>,
    recorded.outcome,
    fixedHops,
    holed,
    shown.list,
    TRACE_TAIL.map(tail),
    bodySlot,
  );
}

/**
 * The template of a trace with finishTrace's layout. Rendering fills the shown strings once, copies
 * the hop list with its port-free hops in place and renders the others from their patterns: no
 * closure per hop or per string, so a replay reads a few compact objects.
 */
class PlainTemplate implements TraceTemplate {
  /** The commonest answer (status, body, Service and endpoint, none showing a port), set as literals. */
  private readonly common: boolean;
  /** Every hop shows a port, so a render builds the hop list without copying the fixed one. */
  private readonly allHoled: boolean;
  private readonly fixedRequest: Trace['request'] | undefined;
  private readonly status: number | undefined;
  private readonly body: string | undefined;
  private readonly service: string | undefined;
  private readonly endpoint: Trace['endpoint'];

  constructor(
    /** The ports the request draws: their texts open a render's texts. */
    private readonly ports: number,
    private readonly from: Trace['from'],
    private readonly request: Compiled<Trace['request']>,
    private readonly outcome: Trace['outcome'],
    private readonly fixedHops: readonly Hop[],
    private readonly holed: readonly HopPattern[],
    private readonly shown: readonly ShownText[],
    /** status, body, service, endpoint, failure (TRACE_TAIL): each compiled when recorded. */
    private readonly tail: readonly (Compiled | undefined)[],
    /** Where a render finds the body's text when it shows a port, else -1. */
    private readonly bodySlot: number,
  ) {
    const [status, body, service, endpoint, failure] = tail;
    this.allHoled = holed.length === fixedHops.length;
    this.fixedRequest = request.constant ? request.value : undefined;
    this.common =
      this.fixedRequest !== undefined &&
      status?.constant === true &&
      (body?.constant === true || bodySlot >= 0) &&
      service?.constant === true &&
      endpoint?.constant === true &&
      failure === undefined;
    this.status = status?.constant ? (status.value as number) : undefined;
    this.body = body?.constant ? (body.value as string) : undefined;
    this.service = service?.constant ? (service.value as string) : undefined;
    this.endpoint = endpoint?.constant ? (endpoint.value as Trace['endpoint']) : undefined;
  }

  render(h: Holes): Trace {
    const shown = this.shown;
    const count = this.ports;
    // This request's texts, in one young array (a module-level one took every new string through the
    // old generation's write barrier): each port's text, then each shown string's.
    const texts = new Array<string>(count + shown.length);
    for (let i = 0; i < count; i++) texts[i] = portText(h.ports[i]!);
    for (let i = 0; i < shown.length; i++) texts[count + i] = renderShown(shown[i]!, texts);
    const holed = this.holed;
    let hops: Hop[];
    if (this.allHoled) {
      // Every hop shows a port (a load balancer's or an Ingress's trace): no fixed hop to copy.
      hops = new Array<Hop>(holed.length);
      for (let i = 0; i < holed.length; i++) hops[i] = renderHop(holed[i]!, h, texts);
    } else {
      hops = this.fixedHops.slice();
      for (let i = 0; i < holed.length; i++) {
        const p = holed[i]!;
        hops[p.index] = renderHop(p, h, texts);
      }
    }
    const from = this.from;
    const outcome = this.outcome;
    if (this.common) {
      return {
        from,
        request: this.fixedRequest!,
        outcome,
        hops,
        status: this.status!,
        body: this.bodySlot < 0 ? this.body! : texts[this.bodySlot]!,
        service: this.service!,
        endpoint: this.endpoint!,
      };
    }
    const request = this.request.constant ? this.request.value : this.request.render(h);
    const trace: Trace = { from, request, outcome, hops };
    // The tail fields, set in finishTrace's order so the trace has the general path's layout and JSON.
    const [status, body, service, endpoint, failure] = this.tail;
    if (status !== undefined) trace.status = valueOf(status, h) as number;
    if (body !== undefined)
      trace.body = this.bodySlot < 0 ? (valueOf(body, h) as string) : texts[this.bodySlot]!;
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

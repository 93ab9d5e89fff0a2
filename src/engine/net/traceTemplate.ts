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

/** The ports one request drew, in draw order, and their decimal texts (filled by routePlan.ts). */
export interface Holes {
  ports: number[];
  texts: string[];
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
  pattern.lastIndex = 0;
  if (!pattern.test(value)) return { constant: true, value };
  const parts: string[] = [];
  const slots: number[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (const match of value.matchAll(pattern)) {
    parts.push(value.slice(last, match.index));
    slots.push(holeOf(match[0], sentinel, holes));
    last = match.index + match[0].length;
  }
  const tail = value.slice(last);
  if (slots.length === 1) {
    const head = parts[0] ?? '';
    const slot = slots[0] ?? 0;
    return { constant: false, render: (h) => head + h.texts[slot] + tail };
  }
  return {
    constant: false,
    render: (h) => {
      let text = '';
      for (let i = 0; i < slots.length; i++) text += (parts[i] ?? '') + h.texts[slots[i] ?? 0];
      return text + tail;
    },
  };
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
 * The distinct strings of one template that show a port, rendered once per request: the client's
 * `ip:port` appears in four or five hops of a trace, and they share the one string the general path
 * would have built as many times.
 */
class ShownStrings {
  private readonly slots = new Map<string, number>();
  private readonly renders: Render<string>[] = [];
  /** This request's texts, by slot (filled by `fill`, read by the hop renders that follow it). */
  readonly texts: string[] = [];

  constructor(
    private readonly sentinel: number,
    private readonly pattern: RegExp,
    private readonly holes: number,
  ) {}

  field(value: string): Field {
    const c = compileString(value, this.sentinel, this.pattern, this.holes);
    if (c.constant) return { text: c.value, slot: -1 };
    let slot = this.slots.get(value);
    if (slot === undefined) {
      slot = this.renders.length;
      this.renders.push(c.render);
      this.slots.set(value, slot);
    }
    return { text: '', slot };
  }

  get empty(): boolean {
    return this.renders.length === 0;
  }

  fill(h: Holes): void {
    for (let i = 0; i < this.renders.length; i++) this.texts[i] = this.renders[i]!(h);
  }
}

/** A string field of a hop: its recorded text when it shows no port, else its ShownStrings slot. */
interface Field {
  text: string;
  slot: number;
}

/**
 * A hop that shows a port, rendered as an object literal of the general path's own shape (five
 * fields, then `rule`, then `facts`), so the stores stay monomorphic and consumers see one layout.
 */
function compileHop(
  hop: Hop,
  shown: ShownStrings,
  sentinel: number,
  pattern: RegExp,
  holes: number,
): Compiled<Hop> {
  const [at, src, dst, note, rule] = [hop.at, hop.src, hop.dst, hop.note, hop.rule ?? ''].map((v) =>
    shown.field(v),
  ) as [Field, Field, Field, Field, Field];
  const factsCompiled =
    hop.facts === undefined ? undefined : compileValue(hop.facts, sentinel, pattern, holes);
  const constant =
    [at, src, dst, note, rule].every((f) => f.slot < 0) &&
    (factsCompiled === undefined || factsCompiled.constant);
  if (constant) return { constant: true, value: Object.freeze(hop) };
  const kind = hop.kind;
  const texts = shown.texts;
  const text = (f: Field): string => (f.slot < 0 ? f.text : texts[f.slot]!);
  const facts = factsCompiled === undefined ? undefined : (renderOf(factsCompiled) as Render<HopFacts>);
  const withRule = hop.rule !== undefined;
  if (!withRule && facts === undefined)
    return {
      constant: false,
      render: () => ({ at: text(at), kind, src: text(src), dst: text(dst), note: text(note) }),
    };
  if (facts === undefined)
    return {
      constant: false,
      render: () => ({
        at: text(at),
        kind,
        src: text(src),
        dst: text(dst),
        note: text(note),
        rule: text(rule),
      }),
    };
  if (!withRule)
    return {
      constant: false,
      render: (h): Hop => ({
        at: text(at),
        kind,
        src: text(src),
        dst: text(dst),
        note: text(note),
        facts: facts(h),
      }),
    };
  return {
    constant: false,
    render: (h): Hop => ({
      at: text(at),
      kind,
      src: text(src),
      dst: text(dst),
      note: text(note),
      rule: text(rule),
      facts: facts(h),
    }),
  };
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
  const from = recorded.from;
  const request = compileValue(recorded.request, sentinel, pattern, holes);
  const outcome = recorded.outcome;
  const shown = new ShownStrings(sentinel, pattern, holes);
  const compiledHops = recorded.hops.map((hop) => compileHop(hop, shown, sentinel, pattern, holes));
  /** The hop list with every port-free hop in place; the others are filled per request. */
  const fixedHops: Hop[] = compiledHops.map((c) => (c.constant ? c.value : (undefined as unknown as Hop)));
  const holedAt: number[] = [];
  const holedRender: Render<Hop>[] = [];
  compiledHops.forEach((c, i) => {
    if (!c.constant) {
      holedAt.push(i);
      holedRender.push(c.render);
    }
  });
  const tail = (k: (typeof TRACE_TAIL)[number]): Compiled | undefined =>
    k in recorded ? compileValue(recorded[k], sentinel, pattern, holes) : undefined;
  const rest = { status: tail('status'), body: tail('body'), service: tail('service') };
  const late = { endpoint: tail('endpoint'), failure: tail('failure') };
  const fixedRequest = request.constant ? (request.value as Trace['request']) : undefined;
  const requestOf = renderOf(request) as Render<Trace['request']>;
  const everyTailFixed = [...Object.values(rest), ...Object.values(late)].every(
    (c) => c === undefined || c.constant,
  );
  const value = (c: Compiled, h: Holes): unknown => (c.constant ? c.value : c.render(h));
  /** The tail fields, set in finishTrace's order so the trace has the general path's layout and JSON. */
  const setTail = (trace: Trace, h: Holes): void => {
    if (rest.status !== undefined) trace.status = value(rest.status, h) as number;
    if (rest.body !== undefined) trace.body = value(rest.body, h) as string;
    if (rest.service !== undefined) trace.service = value(rest.service, h) as string;
    if (late.endpoint !== undefined) trace.endpoint = value(late.endpoint, h) as Trace['endpoint'];
    if (late.failure !== undefined) trace.failure = value(late.failure, h) as Trace['failure'];
  };
  const fixed = (k: 'status' | 'body' | 'service' | 'endpoint' | 'failure'): unknown => {
    const c = k in rest ? rest[k as keyof typeof rest] : late[k as keyof typeof late];
    return c !== undefined && c.constant ? c.value : undefined;
  };
  // The commonest answer (status, body, Service and endpoint, none showing a port) as one literal.
  if (
    everyTailFixed &&
    fixedRequest !== undefined &&
    rest.status !== undefined &&
    rest.body !== undefined &&
    rest.service !== undefined &&
    late.endpoint !== undefined &&
    late.failure === undefined
  ) {
    const status = fixed('status') as number;
    const body = fixed('body') as string;
    const service = fixed('service') as string;
    const endpoint = fixed('endpoint') as Trace['endpoint'];
    return {
      render: (h) => {
        shown.fill(h);
        const hops = fixedHops.slice();
        for (let i = 0; i < holedAt.length; i++) hops[holedAt[i]!] = holedRender[i]!(h);
        return { from, request: fixedRequest, outcome, hops, status, body, service, endpoint };
      },
    };
  }
  return {
    render: (h) => {
      shown.fill(h);
      const hops = fixedHops.slice();
      for (let i = 0; i < holedAt.length; i++) hops[holedAt[i]!] = holedRender[i]!(h);
      const trace: Trace = { from, request: fixedRequest ?? requestOf(h), outcome, hops };
      setTail(trace, h);
      return trace;
    },
  };
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

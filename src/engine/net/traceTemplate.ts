/**
 * A recorded trace with holes where the client's ephemeral ports go. A request is recorded with
 * stand-in port numbers (routeContext.ts Recording: `sentinel + i` for the i-th port drawn); every
 * string that shows one is split around it and every number equal to one becomes a hole. Rendering
 * fills the holes with the ports a later request drew and builds fresh objects, sharing only the
 * hole-free `facts` of a hop, as the general path shares its cached facts.
 */
import type { Hop, HopFacts, Trace } from '../trace.ts';

/** Builds one value of a trace from the ports drawn, in draw order. */
type Render = (ports: readonly number[]) => unknown;

interface Compiled {
  render: Render;
  /** No hole anywhere inside: the recorded value itself may stand in (for `facts` only). */
  constant: boolean;
}

export interface TraceTemplate<T> {
  render: (ports: readonly number[]) => T;
}

function holeOf(text: string, sentinel: number, holes: number): number {
  const n = Number(text) - sentinel;
  return n >= 0 && n < holes ? n : -1;
}

function compileString(value: string, sentinel: number, pattern: RegExp, holes: number): Compiled {
  pattern.lastIndex = 0;
  if (!pattern.test(value)) return { render: () => value, constant: true };
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
    const [head = ''] = parts;
    const [slot = 0] = slots;
    return { render: (ports) => head + String(ports[slot]) + tail, constant: false };
  }
  return {
    render: (ports) => {
      let text = '';
      for (let i = 0; i < slots.length; i++) text += (parts[i] ?? '') + String(ports[slots[i] ?? 0]);
      return text + tail;
    },
    constant: false,
  };
}

function compileValue(
  value: unknown,
  sentinel: number,
  pattern: RegExp,
  holes: number,
  shareConstant: boolean,
): Compiled {
  if (typeof value === 'string') return compileString(value, sentinel, pattern, holes);
  if (typeof value === 'number') {
    const slot = value - sentinel;
    if (Number.isInteger(slot) && slot >= 0 && slot < holes)
      return { render: (ports) => ports[slot], constant: false };
    return { render: () => value, constant: true };
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => compileValue(v, sentinel, pattern, holes, false));
    const renders = items.map((c) => c.render);
    return {
      render: (ports) => renders.map((r) => r(ports)),
      constant: items.every((c) => c.constant),
    };
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const items = keys.map((k) =>
      compileValue((value as Record<string, unknown>)[k], sentinel, pattern, holes, k === 'facts'),
    );
    const constant = items.every((c) => c.constant);
    if (constant && shareConstant) return { render: () => value, constant };
    const renders = items.map((c) => c.render);
    return {
      render: (ports) => {
        const out: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) out[keys[i]!] = renders[i]!(ports);
        return out;
      },
      constant,
    };
  }
  return { render: () => value, constant: true };
}

const HOP_KEYS = ['at', 'kind', 'src', 'dst', 'note'];

/** A hop as routing builds it (RouteContext.hop): five fields, then `rule` and `facts` when set. */
function isPlainHop(hop: Record<string, unknown>): boolean {
  const keys = Object.keys(hop);
  for (let i = 0; i < HOP_KEYS.length; i++) if (keys[i] !== HOP_KEYS[i]) return false;
  let next = HOP_KEYS.length;
  if (keys[next] === 'rule') next++;
  if (keys[next] === 'facts') next++;
  return next === keys.length && keys.every((k) => typeof hop[k] === 'string' || k === 'facts');
}

type Text = (ports: readonly number[]) => string;

/**
 * A hop is rendered as an object literal of one shape per (rule, facts) combination, so the
 * renderer's property stores stay monomorphic: the generic renderer is far slower on the hot path.
 */
function compileHop(hop: Hop, sentinel: number, pattern: RegExp, holes: number): Render {
  const text = (v: string): Text => compileString(v, sentinel, pattern, holes).render as Text;
  const at = text(hop.at);
  const kind = hop.kind;
  const src = text(hop.src);
  const dst = text(hop.dst);
  const note = text(hop.note);
  const rule = hop.rule === undefined ? undefined : text(hop.rule);
  const facts =
    hop.facts === undefined ? undefined : compileValue(hop.facts, sentinel, pattern, holes, true).render;
  if (rule === undefined && facts === undefined)
    return (p) => ({ at: at(p), kind, src: src(p), dst: dst(p), note: note(p) });
  if (facts === undefined)
    return (p) => ({ at: at(p), kind, src: src(p), dst: dst(p), note: note(p), rule: rule!(p) });
  if (rule === undefined)
    return (p): Hop => ({
      at: at(p),
      kind,
      src: src(p),
      dst: dst(p),
      note: note(p),
      facts: facts(p) as HopFacts,
    });
  return (p): Hop => ({
    at: at(p),
    kind,
    src: src(p),
    dst: dst(p),
    note: note(p),
    rule: rule(p),
    facts: facts(p) as HopFacts,
  });
}

const TRACE_HEAD = ['from', 'request', 'outcome', 'hops'];

/**
 * The template of a recorded trace whose `holes` ports were drawn as sentinel, sentinel + 1, …
 * The trace's own fields after `from, request, outcome, hops` (status, body, service, endpoint,
 * failure) are rendered generically in their recorded order; a trace of another layout entirely.
 */
export function compileTemplate(recorded: Trace, sentinel: number, holes: number): TraceTemplate<Trace> {
  const numbers = Array.from({ length: holes }, (_, i) => String(sentinel + i));
  // Never matches when there is no hole (an empty alternation would match everywhere).
  const pattern = new RegExp(holes === 0 ? '(?!)' : numbers.join('|'), 'g');
  const keys = Object.keys(recorded);
  const fields = recorded as unknown as Record<string, unknown>;
  const plainHops = recorded.hops.every((h) => isPlainHop(h as unknown as Record<string, unknown>));
  if (!plainHops || TRACE_HEAD.some((k, i) => keys[i] !== k)) {
    const compiled = compileValue(recorded, sentinel, pattern, holes, false);
    return { render: (ports) => compiled.render(ports) as Trace };
  }
  const from = recorded.from;
  const { method, url, host, clientIp } = recorded.request;
  const outcome = recorded.outcome;
  const hops = recorded.hops.map((h) => compileHop(h, sentinel, pattern, holes));
  const restKeys = keys.slice(TRACE_HEAD.length);
  const rest = restKeys.map((k) => compileValue(fields[k], sentinel, pattern, holes, false).render);
  return {
    render: (ports) => {
      const hopList: Hop[] = [];
      for (let i = 0; i < hops.length; i++) hopList.push(hops[i]!(ports) as Hop);
      const trace: Trace = { from, request: { method, url, host, clientIp }, outcome, hops: hopList };
      const out = trace as unknown as Record<string, unknown>;
      for (let i = 0; i < restKeys.length; i++) out[restKeys[i]!] = rest[i]!(ports);
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

/**
 * A recorded trace with holes where the client's ephemeral ports go. A request is recorded with
 * stand-in port numbers (routeContext.ts Recording: `sentinel + i` for the i-th port drawn); every
 * string that shows one is split around it and every number equal to one becomes a hole. Rendering
 * fills the holes with the ports a later request drew and builds fresh objects, sharing only the
 * hole-free `facts` of a hop, as the general path shares its cached facts.
 */

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

/** The template of `recorded`, whose `holes` ports were drawn as sentinel, sentinel + 1, … */
export function compileTemplate<T>(recorded: T, sentinel: number, holes: number): TraceTemplate<T> {
  const numbers = Array.from({ length: holes }, (_, i) => String(sentinel + i));
  // Never matches when there is no hole (an empty alternation would match everywhere).
  const pattern = new RegExp(holes === 0 ? '(?!)' : numbers.join('|'), 'g');
  const compiled = compileValue(recorded, sentinel, pattern, holes, false);
  return { render: (ports) => compiled.render(ports) as T };
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

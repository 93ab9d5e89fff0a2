/**
 * The z1 payload before compression (LINKS.md has the full syntax):
 *
 *   <yaml><apply yaml 1>…<apply yaml n>[\0<meta JSON>]
 *
 * YAML texts go first and raw, so the deflate dictionary (which is YAML) matches them; the
 * meta JSON, after the LAST NUL, holds only non-default fields under one-letter keys:
 *   s: seed · a: actions as tuples (ACTION_SPECS order; an apply tuple holds its text's length) ·
 *   l: layout {id: [x, y]} · L: lesson [id, step] · v: view {c: [x, y, zoom], s: selected,
 *   r: [from, url], e: 1, n: 1 (narration: 1 details, 0 plain)}
 * JSON.stringify escapes control characters, so the meta never holds a raw NUL, and YAML texts may.
 * The meta is written when any field is non-default or a text contains NUL (so the split is exact).
 */
import type { Action } from '../engine/index.ts';
import { fromShortKind, getActionSpec, getActionSpecByCode, toShortKind } from './actionSchema.ts';
import type { ObjectKindName } from '../engine/index.ts';
import { MAX_ACTIONS } from './limits.ts';
import { findUnsafeKey } from './restoreValue.ts';
import { DEFAULT_SEED } from './types.ts';
import type { ShareError, SharedScenario } from './types.ts';

const SEPARATOR = '\0';

/** Lone surrogates cannot be written in UTF-8; replace them as TextEncoder would, before measuring. */
export function toWellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function toTuple(action: Action, texts: string[]): unknown[] {
  const spec = getActionSpec(action.type);
  if (!spec) return [];
  const record = action as unknown as Record<string, unknown>;
  const tuple: unknown[] = [spec.code];
  for (const field of spec.fields) {
    const value = record[field.name];
    if (field.type === 'text') {
      const text = toWellFormed(String(value));
      texts.push(text);
      tuple.push(text.length);
    } else if (field.type === 'kind' || field.type === 'workloadKind') {
      tuple.push(toShortKind(value as ObjectKindName));
    } else if (field.type === 'bool') {
      tuple.push(value ? 1 : 0);
    } else {
      tuple.push(value);
    }
  }
  // Optional fields come last: leave off the absent ones; then `namespace`, when it is last, if it is
  // the common default.
  while (tuple.length > 1 && tuple[tuple.length - 1] === undefined) tuple.pop();
  const last = spec.fields[tuple.length - 2];
  if (last?.type === 'namespace' && tuple[tuple.length - 1] === 'default') tuple.pop();
  return tuple;
}

export function toPayloadV1(scenario: SharedScenario): string {
  const texts = [toWellFormed(scenario.yaml)];
  const meta: Record<string, unknown> = {};
  if (scenario.seed !== DEFAULT_SEED) meta.s = scenario.seed;
  if (scenario.actions.length > 0) meta.a = scenario.actions.map((action) => toTuple(action, texts));
  if (scenario.layout && Object.keys(scenario.layout).length > 0) {
    const layout: Record<string, [number, number]> = {};
    for (const [id, point] of Object.entries(scenario.layout)) layout[id] = [point.x, point.y];
    meta.l = layout;
  }
  if (scenario.lesson) {
    const { id, step, source } = scenario.lesson;
    // A lesson of one's own travels as text after the applied YAML (its length in `L`), like them.
    if (source !== undefined) texts.push(toWellFormed(source));
    meta.L = source !== undefined ? [id, step, texts[texts.length - 1]?.length ?? 0] : [id, step];
  }
  const view = scenario.view;
  if (view) {
    const v: Record<string, unknown> = {};
    if (view.camera) v.c = [view.camera.x, view.camera.y, view.camera.zoom];
    if (view.selected !== undefined) v.s = view.selected;
    if (view.request) v.r = [view.request.from, view.request.url];
    if (view.embed !== undefined) v.e = view.embed ? 1 : 0;
    if (view.narration !== undefined) v.n = view.narration === 'details' ? 1 : 0;
    if (Object.keys(v).length > 0) meta.v = v;
  }
  const body = texts.join('');
  const needsMeta = Object.keys(meta).length > 0 || body.includes(SEPARATOR);
  return needsMeta ? body + SEPARATOR + JSON.stringify(meta) : body;
}

type Parsed = { ok: true; candidate: unknown } | { ok: false; error: ShareError };

const invalid = (message: string, path?: string): Parsed => ({
  ok: false,
  error: { code: 'invalid', message, ...(path ? { path } : {}) },
});

/** Names a bad code without serialising it (a hostile value may be nested a million levels deep). */
const describeCode = (code: unknown): string =>
  typeof code === 'string'
    ? JSON.stringify(code.slice(0, 20))
    : typeof code === 'number'
      ? String(code)
      : Array.isArray(code)
        ? '(a list)'
        : `(${typeof code})`;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One tuple back to an action object; an apply's `yaml` holds its text's length until cut out. */
function fromTuple(tuple: unknown, path: string): { ok: true; action: Record<string, unknown> } | Parsed {
  if (!Array.isArray(tuple)) return invalid(`${path}: expected a list`, path);
  const spec = getActionSpecByCode(tuple[0]);
  if (!spec) return invalid(`${path}: unknown action code ${describeCode(tuple[0])}`, path);
  if (tuple.length > spec.fields.length + 1) return invalid(`${path}: too many fields`, path);
  const action: Record<string, unknown> = { type: spec.type };
  spec.fields.forEach((field, j) => {
    const value: unknown = tuple[j + 1];
    if (field.type === 'kind' || field.type === 'workloadKind') action[field.name] = fromShortKind(value);
    else if (field.type === 'bool') action[field.name] = value === 1 ? true : value === 0 ? false : value;
    else if (field.type === 'namespace') action[field.name] = value === undefined ? 'default' : value;
    else if (field.type !== 'optionalCount' || value !== undefined) action[field.name] = value;
  });
  return { ok: true, action };
}

const isLength = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * The tuples back to actions, and the body split into the scenario's YAML and each apply's YAML
 * (they follow the scenario's YAML in action order, so they are cut from the end).
 */
function fromActionsWire(tuples: unknown, body: string): Parsed {
  if (!Array.isArray(tuples)) return invalid('actions: expected a list', 'actions');
  if (tuples.length > MAX_ACTIONS)
    return invalid(`actions: expected at most ${MAX_ACTIONS} items`, 'actions');
  const actions: Array<Record<string, unknown>> = [];
  const textFields: Array<string | undefined> = [];
  let textsLength = 0;
  for (let i = 0; i < tuples.length; i++) {
    const parsed = fromTuple(tuples[i], `actions[${i}]`);
    if (!('action' in parsed)) return parsed;
    const textField = getActionSpec(parsed.action.type)?.fields.find((field) => field.type === 'text')?.name;
    if (textField !== undefined) {
      const length = parsed.action[textField];
      const path = `actions[${i}].${textField}`;
      if (!isLength(length)) return invalid(`${path}: expected the length of its YAML in the link`, path);
      textsLength += length;
    }
    actions.push(parsed.action);
    textFields.push(textField);
  }
  if (textsLength > body.length) return invalid('actions: the applied YAML is longer than the link holds');
  let offset = body.length - textsLength;
  const yaml = body.slice(0, offset);
  actions.forEach((action, i) => {
    const field = textFields[i];
    if (field === undefined) return;
    const length = action[field] as number;
    action[field] = body.slice(offset, offset + length);
    offset += length;
  });
  return { ok: true, candidate: { yaml, actions } };
}

function fromViewWire(v: Record<string, unknown>): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  if (v.c !== undefined) {
    view.camera = Array.isArray(v.c) && v.c.length === 3 ? { x: v.c[0], y: v.c[1], zoom: v.c[2] } : v.c;
  }
  if (v.s !== undefined) view.selected = v.s;
  if (v.r !== undefined)
    view.request = Array.isArray(v.r) && v.r.length === 2 ? { from: v.r[0], url: v.r[1] } : v.r;
  if (v.e !== undefined) view.embed = v.e === 1 ? true : v.e === 0 ? false : v.e;
  if (v.n !== undefined) view.narration = v.n === 1 ? 'details' : v.n === 0 ? 'plain' : v.n;
  return view;
}

/**
 * Undoes toPayloadV1 into the plain SharedScenario shape. It only rearranges: every value is then
 * checked by restoreScenario.
 */
export function fromPayloadV1(payload: string): Parsed {
  const split = payload.lastIndexOf(SEPARATOR);
  const body = split < 0 ? payload : payload.slice(0, split);
  let meta: unknown = {};
  if (split >= 0) {
    try {
      meta = JSON.parse(payload.slice(split + 1));
    } catch {
      return { ok: false, error: { code: 'corrupt', message: 'the link data is not valid JSON' } };
    }
  }
  if (!isObject(meta)) return invalid('the link data must be an object');
  // Refuse `__proto__`-style keys anywhere before any key is copied (JSON.parse keeps them as own keys).
  const unsafe = findUnsafeKey(meta, 'meta');
  if (unsafe) return { ok: false, error: unsafe };

  let lessonSource: string | undefined;
  let texts = body;
  if (Array.isArray(meta.L) && meta.L.length === 3) {
    const length: unknown = meta.L[2];
    if (!isLength(length) || length > body.length)
      return invalid('lesson: expected the length of its text in the link', 'lesson.source');
    lessonSource = body.slice(body.length - length);
    texts = body.slice(0, body.length - length);
  }
  let candidate: Record<string, unknown> = { yaml: texts };
  if (meta.a !== undefined) {
    const parsed = fromActionsWire(meta.a, texts);
    if (!parsed.ok) return parsed;
    candidate = parsed.candidate as Record<string, unknown>;
  }
  if (meta.s !== undefined) candidate.seed = meta.s;
  if (meta.l !== undefined) {
    if (!isObject(meta.l)) return invalid('layout: expected an object', 'layout');
    const layout: Record<string, unknown> = {};
    for (const [id, point] of Object.entries(meta.l)) {
      layout[id] = Array.isArray(point) && point.length === 2 ? { x: point[0], y: point[1] } : point;
    }
    candidate.layout = layout;
  }
  if (meta.L !== undefined) {
    if (!Array.isArray(meta.L) || (meta.L.length !== 2 && meta.L.length !== 3))
      return invalid('lesson: expected [id, step] or [id, step, length]', 'lesson');
    candidate.lesson = {
      id: meta.L[0],
      step: meta.L[1],
      ...(lessonSource !== undefined ? { source: lessonSource } : {}),
    };
  }
  if (meta.v !== undefined) {
    if (!isObject(meta.v)) return invalid('view: expected an object', 'view');
    candidate.view = fromViewWire(meta.v);
  }
  return { ok: true, candidate };
}

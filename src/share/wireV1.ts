/**
 * The z1 payload before compression (LINKS.md has the full syntax):
 *
 *   <yaml><apply yaml 1>…<apply yaml n>[\0<meta JSON>]
 *
 * YAML texts go first and raw, so the deflate dictionary (which is YAML) matches them; the
 * meta JSON, after the LAST NUL, holds only non-default fields under one-letter keys:
 *   s: seed · a: actions as tuples (ACTION_SPECS order; an apply tuple holds its text's length) ·
 *   l: layout {id: [x, y]} · L: lesson [id, step] · v: view {c: [x, y, zoom], s: selected,
 *   r: [from, url], e: 1}
 * JSON.stringify escapes control characters, so the meta never holds a raw NUL, and YAML texts may.
 * The meta is written when any field is non-default or a text contains NUL (so the split is exact).
 */
import type { Action } from '../engine/index.ts';
import { fromShortKind, getActionSpec, getActionSpecByCode, toShortKind } from './actionSchema.ts';
import type { ObjectKindName } from '../engine/index.ts';
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
  // `namespace` is last in every spec that has one: leave off the common default.
  const last = spec.fields[spec.fields.length - 1];
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
  if (scenario.lesson) meta.L = [scenario.lesson.id, scenario.lesson.step];
  const view = scenario.view;
  if (view) {
    const v: Record<string, unknown> = {};
    if (view.camera) v.c = [view.camera.x, view.camera.y, view.camera.zoom];
    if (view.selected !== undefined) v.s = view.selected;
    if (view.request) v.r = [view.request.from, view.request.url];
    if (view.embed !== undefined) v.e = view.embed ? 1 : 0;
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

  const candidate: Record<string, unknown> = {};
  if (meta.s !== undefined) candidate.seed = meta.s;

  // Actions: tuples back to objects; apply texts are cut from the end of the body, in order.
  if (meta.a !== undefined) {
    if (!Array.isArray(meta.a)) return invalid('actions: expected a list', 'actions');
    const actions: unknown[] = [];
    let applyLength = 0;
    for (let i = 0; i < meta.a.length; i++) {
      const tuple: unknown = meta.a[i];
      const path = `actions[${i}]`;
      if (!Array.isArray(tuple)) return invalid(`${path}: expected a list`, path);
      const spec = getActionSpecByCode(tuple[0]);
      if (!spec) return invalid(`${path}: unknown action code ${describeCode(tuple[0])}`, path);
      if (tuple.length > spec.fields.length + 1) return invalid(`${path}: too many fields`, path);
      const action: Record<string, unknown> = { type: spec.type };
      spec.fields.forEach((field, j) => {
        const value: unknown = tuple[j + 1];
        if (field.type === 'text') {
          if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return;
          applyLength += value;
          action[field.name] = value; // its length for now; replaced by the text below
        } else if (field.type === 'kind' || field.type === 'workloadKind') {
          action[field.name] = fromShortKind(value);
        } else if (field.type === 'bool') {
          action[field.name] = value === 1 ? true : value === 0 ? false : value;
        } else if (field.type === 'namespace') {
          action[field.name] = value === undefined ? 'default' : value;
        } else {
          action[field.name] = value;
        }
      });
      actions.push(action);
    }
    if (applyLength > body.length) return invalid('actions: the applied YAML is longer than the link holds');
    // Cut the apply texts off the body: they follow the scenario's YAML, in action order.
    let offset = body.length - applyLength;
    candidate.yaml = body.slice(0, offset);
    for (const action of actions as Record<string, unknown>[]) {
      const spec = getActionSpec(action.type);
      const textField = spec?.fields.find((field) => field.type === 'text');
      if (!textField || typeof action[textField.name] !== 'number') continue;
      const length = action[textField.name] as number;
      action[textField.name] = body.slice(offset, offset + length);
      offset += length;
    }
    candidate.actions = actions;
  } else {
    candidate.yaml = body;
  }

  if (meta.l !== undefined) {
    if (!isObject(meta.l)) return invalid('layout: expected an object', 'layout');
    const layout: Record<string, unknown> = {};
    for (const [id, point] of Object.entries(meta.l)) {
      layout[id] = Array.isArray(point) && point.length === 2 ? { x: point[0], y: point[1] } : point;
    }
    candidate.layout = layout;
  }
  if (meta.L !== undefined) {
    if (!Array.isArray(meta.L) || meta.L.length !== 2)
      return invalid('lesson: expected [id, step]', 'lesson');
    candidate.lesson = { id: meta.L[0], step: meta.L[1] };
  }
  if (meta.v !== undefined) {
    if (!isObject(meta.v)) return invalid('view: expected an object', 'view');
    const v = meta.v;
    const view: Record<string, unknown> = {};
    if (v.c !== undefined) {
      view.camera = Array.isArray(v.c) && v.c.length === 3 ? { x: v.c[0], y: v.c[1], zoom: v.c[2] } : v.c;
    }
    if (v.s !== undefined) view.selected = v.s;
    if (v.r !== undefined) {
      view.request = Array.isArray(v.r) && v.r.length === 2 ? { from: v.r[0], url: v.r[1] } : v.r;
    }
    if (v.e !== undefined) view.embed = v.e === 1 ? true : v.e === 0 ? false : v.e;
    candidate.view = view;
  }
  return { ok: true, candidate };
}

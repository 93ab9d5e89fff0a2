/**
 * Lesson file (YAML, or JSON, which is YAML too) -> Lesson, or errors located at line and column like
 * editor markers. Never throws: a teacher's typo is an error in the list, not an exception.
 */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { findCollectionKey } from '../engine/parse/collectionKey.ts';
import { COLLECTION_KEY_MESSAGE } from '../engine/parse/readYaml.ts';
import {
  compileLinearRegex,
  findBlockNestingBeyond,
  findFlowNestingBeyond,
  MAX_DEPTH,
} from '../engine/index.ts';
import type {
  ActionCheck,
  DoneCheck,
  Lesson,
  LessonError,
  LessonScenario,
  LessonStep,
  LocalizedText,
  ParseLessonResult,
  StateCheck,
  TraceCheck,
} from './types.ts';

/** Longer patterns are not what a lesson needs, and cost more to vet. */
const MAX_PATTERN_CHARS = 500;

type Path = (string | number)[];
type Json = unknown;

const OUTCOMES = ['ok', 'refused', 'timeout', 'unresolved', 'http-error'];
const ACTION_TYPES = [
  'apply',
  'delete',
  'scale',
  'node',
  'podReady',
  'podFile',
  'hosts',
  'client',
  'label',
  'annotate',
  'serviceStatus',
  'wait',
];
const DONE_KEYS = ['command', 'output', 'exitCode', 'trace', 'action', 'state'];
const TRACE_KEYS = ['from', 'service', 'outcome', 'endpointPod', 'endpointNode', 'notThrough'];

/** Fields each state predicate accepts, with their types; the first listed are required. */
const STATE_FIELDS: Record<
  string,
  { required: string[]; fields: Record<string, 'string' | 'number' | 'boolean'> }
> = {
  service: {
    required: ['name'],
    fields: {
      name: 'string',
      namespace: 'string',
      exists: 'boolean',
      type: 'string',
      sessionAffinity: 'string',
    },
  },
  pods: {
    required: ['selector'],
    fields: { selector: 'string', namespace: 'string', count: 'number', min: 'number', ready: 'number' },
  },
  endpoints: {
    required: ['name'],
    fields: { name: 'string', namespace: 'string', ready: 'number', notReady: 'number', min: 'number' },
  },
  hosts: { required: ['hostname'], fields: { hostname: 'string', client: 'string', ip: 'string' } },
  node: { required: ['name', 'up'], fields: { name: 'string', up: 'boolean' } },
  podEnv: {
    required: ['selector', 'name'],
    fields: { selector: 'string', name: 'string', namespace: 'string', present: 'boolean' },
  },
  ingress: { required: ['name'], fields: { name: 'string', namespace: 'string', hasAddress: 'boolean' } },
  networkPolicy: { required: ['name'], fields: { name: 'string', namespace: 'string', exists: 'boolean' } },
};

function pathText(path: Path): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${key}` : key),
    '',
  );
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects errors, each placed at the YAML node of its path (or the nearest parent that exists). */
class Checker {
  errors: LessonError[] = [];
  constructor(
    private doc: Document,
    private lines: LineCounter,
  ) {}

  /** The offset of the key (not the value) of the last path element, for "unknown field" errors. */
  private keyOffset(path: Path): number | undefined {
    const parent: unknown = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const last = path[path.length - 1];
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
    return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  }

  error(path: Path, message: string, atKey = false): void {
    let offset = (atKey ? this.keyOffset(path) : undefined) ?? 0;
    for (let n = path.length; n >= 0 && offset === 0; n--) {
      const node: unknown = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) {
        offset = range[0];
        break;
      }
    }
    const pos = this.lines.linePos(offset);
    this.errors.push({ line: pos.line, column: pos.col, path: pathText(path), message });
  }

  string(value: Json, path: Path, required = true): string | undefined {
    if (value === undefined && !required) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.error(path, value === undefined ? 'Required value' : 'must be a non-empty string');
    return undefined;
  }

  regex(value: Json, path: Path): string | undefined {
    const source = this.string(value, path);
    if (source === undefined) return undefined;
    // A lesson may come from a link: patterns are matched with RE2 (checkStep.ts), in linear time, so
    // none can freeze the page; RE2 refuses backreferences and lookaround, said here at load time.
    if (source.length > MAX_PATTERN_CHARS) {
      this.error(path, `regular expression longer than ${MAX_PATTERN_CHARS} characters`);
      return undefined;
    }
    const compiled = compileLinearRegex(source, { multiline: true });
    if (!compiled.ok) {
      this.error(path, `invalid regular expression: ${compiled.error}`);
      return undefined;
    }
    return source;
  }

  unknownKeys(value: Record<string, Json>, allowed: string[], path: Path): void {
    for (const key of Object.keys(value))
      if (!allowed.includes(key))
        this.error([...path, key], `unknown field "${key}" (allowed: ${allowed.join(', ')})`, true);
  }

  text(value: Json, path: Path): LocalizedText | undefined {
    if (!isRecord(value)) {
      this.error(path, value === undefined ? 'Required value' : 'must have an "en" and a "zh" text');
      return undefined;
    }
    this.unknownKeys(value, ['en', 'zh'], path);
    const en = this.string(value['en'], [...path, 'en']);
    const zh = this.string(value['zh'], [...path, 'zh']);
    return en !== undefined && zh !== undefined ? { en, zh } : undefined;
  }
}

function checkScenario(
  c: Checker,
  value: Json,
  known: readonly string[] | undefined,
): LessonScenario | undefined {
  if (typeof value === 'string' && value.trim() !== '') {
    if (known && !known.includes(value)) {
      c.error(['scenario'], `unknown scenario "${value}" (bundled: ${known.join(', ')})`);
      return undefined;
    }
    return { id: value };
  }
  if (isRecord(value)) {
    c.unknownKeys(value, ['yaml'], ['scenario']);
    const yaml = c.string(value['yaml'], ['scenario', 'yaml']);
    return yaml === undefined ? undefined : { yaml };
  }
  c.error(['scenario'], 'must be a bundled scenario id or {yaml: "..."}');
  return undefined;
}

function checkFiles(c: Checker, value: Json): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    c.error(['files'], 'must map file names to their text');
    return undefined;
  }
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(value)) {
    if (typeof text === 'string') files[name] = text;
    else c.error(['files', name], 'must be the text of the file');
  }
  return files;
}

function checkTrace(c: Checker, value: Json, path: Path): TraceCheck | undefined {
  if (!isRecord(value)) {
    c.error(path, 'must be an object of trace fields');
    return undefined;
  }
  c.unknownKeys(value, TRACE_KEYS, path);
  const check: TraceCheck = {};
  for (const key of TRACE_KEYS) {
    if (value[key] === undefined) continue;
    const s = c.string(value[key], [...path, key]);
    if (s === undefined) continue;
    if (key === 'outcome') {
      if (OUTCOMES.includes(s)) check.outcome = s as TraceCheck['outcome'];
      else c.error([...path, key], `Unsupported value: "${s}": supported values: ${OUTCOMES.join(', ')}`);
    } else {
      check[key as Exclude<keyof TraceCheck, 'outcome'>] = s;
    }
  }
  return check;
}

function checkAction(c: Checker, value: Json, path: Path): ActionCheck | undefined {
  if (!isRecord(value)) {
    c.error(path, 'must be an object with an action "type"');
    return undefined;
  }
  const type = c.string(value['type'], [...path, 'type']);
  if (type === undefined) return undefined;
  if (!ACTION_TYPES.includes(type)) {
    c.error([...path, 'type'], `Unsupported value: "${type}": supported values: ${ACTION_TYPES.join(', ')}`);
    return undefined;
  }
  const check: ActionCheck = { type: type as ActionCheck['type'] };
  for (const [key, field] of Object.entries(value)) {
    if (key === 'type') continue;
    const ok =
      ['string', 'number', 'boolean'].includes(typeof field) ||
      (Array.isArray(field) && field.every((x) => typeof x === 'string'));
    if (ok) check[key] = field as ActionCheck[string];
    else c.error([...path, key], 'must be a string, number, boolean or list of strings');
  }
  return check;
}

function checkStatePredicate(c: Checker, value: Json, path: Path): StateCheck | undefined {
  const keys = isRecord(value) ? Object.keys(value) : [];
  const kind = keys[0];
  const spec = kind === undefined ? undefined : STATE_FIELDS[kind];
  if (!isRecord(value) || keys.length !== 1 || kind === undefined || spec === undefined) {
    c.error(path, `must have exactly one of: ${Object.keys(STATE_FIELDS).join(', ')}`);
    return undefined;
  }
  const body = value[kind];
  const at = [...path, kind];
  if (!isRecord(body)) {
    c.error(at, 'must be an object');
    return undefined;
  }
  c.unknownKeys(body, Object.keys(spec.fields), at);
  let valid = true;
  for (const [field, type] of Object.entries(spec.fields)) {
    const v = body[field];
    if (v === undefined) {
      if (spec.required.includes(field)) {
        c.error([...at, field], 'Required value');
        valid = false;
      }
    } else if (typeof v !== type || (type === 'number' && !(Number.isInteger(v) && (v as number) >= 0))) {
      c.error([...at, field], type === 'number' ? 'must be a whole number, 0 or more' : `must be a ${type}`);
      valid = false;
    }
  }
  return valid ? ({ [kind]: body } as StateCheck) : undefined;
}

function checkDone(c: Checker, value: Json, path: Path): DoneCheck | undefined {
  if (!isRecord(value) || !DONE_KEYS.some((k) => value[k] !== undefined)) {
    c.error(path, `must give at least one of: ${DONE_KEYS.join(', ')}`);
    return undefined;
  }
  c.unknownKeys(value, DONE_KEYS, path);
  const done: DoneCheck = {};
  const command =
    value['command'] === undefined ? undefined : c.regex(value['command'], [...path, 'command']);
  if (command !== undefined) done.command = command;
  const output = value['output'] === undefined ? undefined : c.regex(value['output'], [...path, 'output']);
  if (output !== undefined) done.output = output;
  if (value['exitCode'] !== undefined) {
    if (Number.isInteger(value['exitCode'])) done.exitCode = value['exitCode'] as number;
    else c.error([...path, 'exitCode'], 'must be a whole number');
  }
  if (value['trace'] !== undefined) {
    const trace = checkTrace(c, value['trace'], [...path, 'trace']);
    if (trace) done.trace = trace;
  }
  if (value['action'] !== undefined) {
    const action = checkAction(c, value['action'], [...path, 'action']);
    if (action) done.action = action;
  }
  if (value['state'] !== undefined) {
    // one predicate or a list of them
    const list = Array.isArray(value['state']) ? value['state'] : [value['state']];
    const state: StateCheck[] = [];
    list.forEach((item: Json, i) => {
      const p = checkStatePredicate(
        c,
        item,
        Array.isArray(value['state']) ? [...path, 'state', i] : [...path, 'state'],
      );
      if (p) state.push(p);
    });
    done.state = state;
  }
  return done;
}

function checkHighlight(c: Checker, value: Json, path: Path): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) {
    c.error(path, 'must be a list of graph ids');
    return [];
  }
  const ids: string[] = [];
  list.forEach((id: Json, i) => {
    // graph ids as in src/engine/trace.ts: kind/name or kind/ns/name, or the bare `dns`
    if (typeof id === 'string' && /^(dns|(node|pod|svc|ing|lb|client|ep|netpol)\/\S+)$/.test(id))
      ids.push(id);
    else
      c.error(
        typeof value === 'string' ? path : [...path, i],
        'must be a graph id like node/kind-worker, pod/default/kubia-*, svc/default/kubia, ing/default/kubia, lb/default/NAME, netpol/default/NAME, client/laptop or dns',
      );
  });
  return ids;
}

function checkStep(c: Checker, value: Json, index: number): LessonStep | undefined {
  const path: Path = ['steps', index];
  if (!isRecord(value)) {
    c.error(path, 'must be an object with text and done');
    return undefined;
  }
  c.unknownKeys(value, ['text', 'highlight', 'try', 'done'], path);
  const text = c.text(value['text'], [...path, 'text']);
  const highlight = checkHighlight(c, value['highlight'], [...path, 'highlight']);
  const tryCommand = c.string(value['try'], [...path, 'try'], false);
  const done = checkDone(c, value['done'], [...path, 'done']);
  if (!text || !done) return undefined;
  return { text, highlight, ...(tryCommand !== undefined ? { try: tryCommand } : {}), done };
}

function checkLesson(c: Checker, value: Json, options: ParseLessonOptions): Lesson | undefined {
  if (!isRecord(value)) {
    c.error([], 'a lesson must be an object with id, title, scenario and steps');
    return undefined;
  }
  c.unknownKeys(value, ['id', 'title', 'scenario', 'seed', 'files', 'steps'], []);
  const id = c.string(value['id'], ['id']);
  if (id !== undefined && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(id))
    c.error(['id'], 'must be lowercase letters, digits and "-" (it appears in links)');
  const title = c.text(value['title'], ['title']);
  const scenario = checkScenario(c, value['scenario'], options.scenarioIds);
  const seed = value['seed'];
  if (seed !== undefined && !Number.isInteger(seed)) c.error(['seed'], 'must be a whole number');
  const files = checkFiles(c, value['files']);
  const rawSteps = value['steps'];
  if (!Array.isArray(rawSteps) || rawSteps.length === 0) {
    c.error(['steps'], 'must be a non-empty list of steps');
    return undefined;
  }
  const steps = rawSteps.map((s: Json, i) => checkStep(c, s, i));
  if (id === undefined || !title || !scenario || c.errors.length > 0) return undefined;
  return {
    id,
    title,
    scenario,
    ...(typeof seed === 'number' ? { seed } : {}),
    ...(files ? { files } : {}),
    steps: steps.filter((s): s is LessonStep => s !== undefined),
  };
}

export interface ParseLessonOptions {
  /** Scenario ids that exist (SCENARIOS in src/scenarios/index.ts); when given, others are errors. */
  scenarioIds?: readonly string[];
}

/** Lesson file text -> the lesson, or the errors that keep it from loading (never throws). */
export function parseLesson(text: string, options: ParseLessonOptions = {}): ParseLessonResult {
  try {
    const lines = new LineCounter();
    // A lesson may come from a link: nesting the yaml library would recurse through (~900 levels throw
    // `Maximum call stack size exceeded`) is refused first, as the scenario's YAML is (readYaml.ts).
    const flow = findFlowNestingBeyond(text, MAX_DEPTH);
    const tooDeep = flow >= 0 ? flow : findBlockNestingBeyond(text, 2 * MAX_DEPTH);
    if (tooDeep >= 0) {
      const before = text.slice(0, tooDeep);
      const line = before.split('\n').length;
      const column = tooDeep - before.lastIndexOf('\n');
      return {
        errors: [
          {
            line,
            column,
            path: '',
            message: `nesting deeper than ${MAX_DEPTH} levels; kubeplay does not read this lesson`,
          },
        ],
      };
    }
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      return {
        errors: doc.errors.map((e) => {
          const pos = lines.linePos(e.pos[0]);
          return {
            line: pos.line,
            column: pos.col,
            path: '',
            message: e.message.split('\n')[0] ?? e.message,
          };
        }),
      };
    }
    // toJS() would stringify a list or mapping key (with a console warning): refuse it where it is.
    const collectionKey = findCollectionKey(doc);
    if (collectionKey) {
      const pos = lines.linePos(collectionKey.key.range?.[0] ?? 0);
      return {
        errors: [
          { line: pos.line, column: pos.col, path: collectionKey.path, message: COLLECTION_KEY_MESSAGE },
        ],
      };
    }
    const c = new Checker(doc, lines);
    const lesson = checkLesson(c, doc.toJS({ maxAliasCount: 100 }) as Json, options);
    return lesson && c.errors.length === 0 ? { lesson, errors: [] } : { errors: c.errors };
  } catch (e) {
    return {
      errors: [{ line: 1, column: 1, path: '', message: e instanceof Error ? e.message : String(e) }],
    };
  }
}

/**
 * What the fuzzer exercises, bundled into one file (dist-cli/fuzz-target.mjs, by scripts/fuzz/build.mjs)
 * the way the CLI is bundled, so each worker thread loads plain JavaScript once and then runs thousands
 * of inputs in-process. Each entry point does what the page does with that kind of input, minus the DOM:
 * - YAML: build the simulation from the text (the CLI's `check`), or revise a bundled scenario's
 *   simulation with the text (a keystroke in the editor, src/worker/engineHost.ts);
 * - a link: decode the fragment, then simulate what it carries and parse its lesson
 *   (src/store/shareLink.ts, src/store/linkView.ts);
 * - terminal lines: run them in turn on a bundled scenario's simulation, as the terminal does.
 * Each returns a Verdict; anything that escapes (a throw) is a crash, counted by the worker.
 */
import {
  createShellSession,
  createSimulation,
  reviseSimulation,
  runCommand,
} from '../../src/engine/index.ts';
import type { Action, Diagnostic, ShellSession, Simulation } from '../../src/engine/index.ts';
import { parseLesson } from '../../src/lessons/index.ts';
import { decodeScenario } from '../../src/share/index.ts';
import { encodeAs } from '../../src/share/testing/encodeLz.ts';

export type Outcome = 'accepted' | 'refused' | 'unclear';

export interface Verdict {
  outcome: Outcome;
  /** For `unclear`: the message that is not clear enough, as the user would see it. */
  detail?: string;
}

/** The editor's file name (src/store): diagnostics name it. */
const FILE = 'manifest.yaml';

/**
 * The bundled scenarios' texts (src/scenarios/*.yaml, read by the caller: the app's own import of them
 * is Vite's `?raw`, which Node does not read), in a fixed order so an input index names the same one.
 */
export let SCENARIOS: readonly string[] = [];

export function loadScenarios(texts: readonly string[]): void {
  SCENARIOS = texts;
  built.clear();
}

/** Text a user never sees from a well-behaved program: JavaScript's own error wording. */
const RAW_JS =
  /\b(TypeError|ReferenceError|RangeError|SyntaxError|InternalError)\b|Maximum call stack|\[object Object\]/;
/** Words that leak from JavaScript when a value is missing; fine only when the input itself has them. */
const LEAKED_VALUES = /\b(undefined|NaN)\b/;

function rawJsText(message: string, input: string): boolean {
  if (RAW_JS.test(message)) return true;
  const leaked = LEAKED_VALUES.exec(message)?.[1];
  return leaked !== undefined && !input.includes(leaked) && !input.toLowerCase().includes('.nan');
}

/** A diagnostic the user can act on: it points at a line and column, and says something in words. */
function unclearDiagnostic(d: Diagnostic, input: string): string | null {
  const shown = `${d.file}:${d.line}:${d.column} ${d.severity} ${d.path}: ${d.message}`;
  if (!Number.isInteger(d.line) || !Number.isInteger(d.column) || d.line < 1 || d.column < 1)
    return `no location: ${shown}`;
  if (d.message.trim().length < 3) return `no message: ${shown}`;
  if (typeof d.code !== 'string' || d.code === '') return `no code: ${shown}`;
  if (rawJsText(d.message, input) || rawJsText(d.path, input)) return `raw JavaScript text: ${shown}`;
  return null;
}

function judgeSimulation(sim: Simulation, input: string): Verdict {
  for (const d of sim.diagnostics) {
    const unclear = unclearDiagnostic(d, input);
    if (unclear) return { outcome: 'unclear', detail: unclear };
  }
  for (const r of sim.rejected ?? []) {
    if (!(r.line >= 1) || r.message.trim() === '' || rawJsText(r.message, input))
      return { outcome: 'unclear', detail: `rejected change: ${r.file}:${r.line} ${r.message}` };
  }
  return { outcome: sim.diagnostics.some((d) => d.severity === 'error') ? 'refused' : 'accepted' };
}

/** `kubeplay check`: the text as a whole new scenario. */
export function checkYaml(text: string): Verdict {
  return judgeSimulation(createSimulation({ files: [{ file: FILE, text }] }), text);
}

const built = new Map<number, Simulation>();

/** The bundled scenario's simulation, built once per worker: an edit and a terminal line start from it. */
function scenarioSimulation(index: number): Simulation {
  const i = index % SCENARIOS.length;
  let sim = built.get(i);
  if (!sim) {
    sim = createSimulation({ files: [{ file: FILE, text: SCENARIOS[i] ?? '' }] });
    built.set(i, sim);
  }
  return sim;
}

/** A keystroke in the editor: the scenario, revised with the new text (what the page runs per edit). */
export function editYaml(scenario: number, text: string): Verdict {
  const sim = reviseSimulation(scenarioSimulation(scenario), { files: [{ file: FILE, text }] });
  return judgeSimulation(sim, text);
}

export function makeLink(yaml: string, seed: number, actions: Action[], format: 'z1' | 'lz'): string {
  return encodeAs({ yaml, seed, actions }, format);
}

const SHARE_ERROR_CODES = new Set([
  'empty',
  'too-long',
  'unknown-version',
  'corrupt',
  'truncated',
  'too-large',
  'invalid',
  'unsafe-key',
]);

/** Opening `#fragment`: decode, then simulate what the link carries and load its lesson. */
export function openLink(fragment: string): Verdict {
  const result = decodeScenario(fragment);
  if (!result.ok) {
    const { code, message, path } = result.error;
    const shown = `${code}: ${message}`;
    if (!SHARE_ERROR_CODES.has(code) || message.trim().length < 3)
      return { outcome: 'unclear', detail: shown };
    if (rawJsText(message, '')) return { outcome: 'unclear', detail: `raw JavaScript text: ${shown}` };
    // A field that is wrong must be named, so the teacher can fix the link they made.
    if ((code === 'invalid' || code === 'unsafe-key') && !path && !/^[\w$.[\]"-]+: /.test(message))
      return { outcome: 'unclear', detail: `no field: ${shown}` };
    return { outcome: 'refused' };
  }
  const { yaml, seed, actions, lesson } = result.scenario;
  const verdict = judgeSimulation(
    createSimulation({ files: [{ file: FILE, text: yaml }], seed, actions }),
    yaml,
  );
  if (verdict.outcome === 'unclear' || lesson?.source === undefined) return verdict;
  for (const e of parseLesson(lesson.source).errors) {
    if (!(e.line >= 1) || e.message.trim() === '' || rawJsText(e.message, lesson.source))
      return { outcome: 'unclear', detail: `lesson: ${e.line}:${e.column} ${e.path}: ${e.message}` };
  }
  return verdict;
}

/** Lines typed in turn into the terminal of a bundled scenario; the last line's exit code decides. */
export function runLines(scenario: number, lines: readonly string[]): Verdict {
  let sim = scenarioSimulation(scenario);
  let session = createShellSession();
  let exitCode = 0;
  for (const line of lines) {
    const result = runCommand(sim, session, line);
    if (rawJsText(result.output, line))
      return { outcome: 'unclear', detail: `raw JavaScript text: $ ${line}\n${result.output.slice(0, 400)}` };
    if (
      result.exitCode !== 0 &&
      result.output.trim() === '' &&
      !wroteToFile(session, result.session) &&
      !silentFailure(line)
    )
      return { outcome: 'unclear', detail: `failed (exit ${result.exitCode}) without a word: $ ${line}` };
    ({ sim, session, exitCode } = result);
  }
  return { outcome: exitCode === 0 ? 'accepted' : 'refused' };
}

/**
 * Whether the line's words went to a file (`cmd >&out` sends bash's own error there too): the
 * terminal then stays silent in bash as well, and the message is in the file.
 */
function wroteToFile(before: ShellSession, after: ShellSession): boolean {
  return Object.entries(after.files).some(([path, text]) => text !== '' && before.files[path] !== text);
}

/**
 * Lines that fail without output in a real shell too: `false`, `grep` that matches nothing, `test`,
 * a chain whose last part was skipped, `exit N`.
 */
function silentFailure(line: string): boolean {
  // The shell removes a backslash before a character: `gre\p` is grep, which fails silently on no match.
  return /\b(false|grep|test|exit|\[)\b|&&|\|\||\|/.test(line.replace(/\\(.)/g, '$1'));
}

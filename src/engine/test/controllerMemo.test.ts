/**
 * The endpoints controllers recompute only the Services whose inputs changed since their last pass
 * (cluster/endpointsMemo.ts, docs/performance.md#the-endpoints-passes-remembered). That shortcut must
 * never show: every bundled scenario and a generated one, edited at random (ports, labels, replicas,
 * documents deleted, renamed or broken, waits for pods to turn ready or finish terminating), must give
 * the very state and diagnostics the full passes give. The full passes are forced by handing each step
 * a structured clone of the previous simulation: a clone shares no object with the passes remembered,
 * so every pod counts as changed (the Worker's clones do the same).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, reviseSimulation } from '../index.ts';
import type { Action, Simulation } from '../index.ts';
import { generateScenario } from '../../bench/generateScenario.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';

const FILE = 'manifest.yaml';
const TEXTS: Record<string, string> = {
  ...SCENARIO_TEXTS,
  generated: generateScenario({ nodes: 6, apps: 12, ingresses: 3, namespaces: 3 }),
};

type Edit =
  | { op: 'port'; doc: number; port: number }
  | { op: 'label'; doc: number }
  | { op: 'replicas'; doc: number; replicas: number }
  | { op: 'delete'; doc: number }
  | { op: 'rename'; doc: number }
  | { op: 'break'; doc: number }
  | { op: 'wait'; seconds: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('port' as const), doc: fc.nat(), port: fc.integer({ min: 80, max: 9090 }) }),
  fc.record({ op: fc.constant('label' as const), doc: fc.nat() }),
  fc.record({ op: fc.constant('replicas' as const), doc: fc.nat(), replicas: fc.nat({ max: 6 }) }),
  fc.record({ op: fc.constant('delete' as const), doc: fc.nat() }),
  fc.record({ op: fc.constant('rename' as const), doc: fc.nat() }),
  fc.record({ op: fc.constant('break' as const), doc: fc.nat() }),
  fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 40 }) }),
);

function editText(text: string, e: Edit & { doc: number }): string {
  const docs = text.split(/^---$/m);
  const i = e.doc % docs.length;
  const doc = docs[i] ?? '';
  const changed = (() => {
    switch (e.op) {
      case 'port':
        return doc.replace(/(\b(?:containerP|p)ort: )\d+/, `$1${e.port}`);
      case 'label':
        return doc.replace(/(\bapp: )(\S+)/, '$1$2-b');
      case 'replicas':
        return doc.replace(/(\breplicas: )\d+/, `$1${e.replicas}`);
      case 'delete':
        return '\n';
      case 'rename':
        return doc.replace(/^(metadata:\n(?: {2}.*\n)*? {2}name: )(\S+)/m, '$1$2-renamed');
      case 'break':
        // a validation error (a list where a string belongs), not a syntax error
        return doc.replace(/^metadata:\n/m, 'metadata:\n  uid: [1, 2]\n');
      default:
        return doc;
    }
  })();
  return docs.map((d, k) => (k === i ? changed : d)).join('---');
}

/** The simulations after each edit, each revised from the one before (or from its clone). */
function chain(text: string, edits: Edit[], cloned: boolean): Simulation[] {
  let sim = createSimulation({ files: [{ file: FILE, text }], seed: 1 });
  let current = text;
  let actions: Action[] = [];
  const out: Simulation[] = [];
  for (const e of edits) {
    if (e.op === 'wait') actions = [...actions, { type: 'wait', seconds: e.seconds }];
    else current = editText(current, e);
    const previous = cloned ? structuredClone(sim) : sim;
    sim = reviseSimulation(previous, { files: [{ file: FILE, text: current }], seed: 1, actions });
    out.push(sim);
  }
  return out;
}

const view = (sim: Simulation) => JSON.stringify([sim.state, sim.diagnostics, sim.rejected]);

describe('the endpoints controllers, remembering their last pass', () => {
  for (const [id, text] of Object.entries(TEXTS)) {
    it(`give the state the full passes give: ${id}, edited at random`, () => {
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
          const remembered = chain(text, edits, false).map(view);
          const full = chain(text, edits, true).map(view);
          expect(remembered).toEqual(full);
        }),
        { numRuns: id === 'generated' ? 6 : 12 },
      );
    });
  }
});

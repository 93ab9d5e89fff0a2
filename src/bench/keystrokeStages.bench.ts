/**
 * Where a keystroke's time goes at 1,000 pods, stage by stage, outside the browser (`npx tsx
 * src/bench/keystrokeStages.bench.ts`): the input posted to the Worker (structured clone), the edit
 * (reviseSimulation with the parse cache), the delta sent back (encode, clone, decode), the graph
 * elements (toFlowElements + reuseUnchanged) and the autosave text. Medians; figures only. With
 * BENCH_CLOCK=cpu each stage is timed in CPU time, which a machine shared with other jobs does not inflate.
 */
import { serialize, deserialize } from 'node:v8';
import {
  createParseCache,
  createSimulation,
  getIngressControllerPods,
  getPolicySelections,
  reviseSimulation,
} from '../engine/index.ts';
import type { Simulation } from '../engine/index.ts';
import { decodeDelta, encodeDelta, lastDeltaVisits } from '../worker/structuralDelta.ts';
import { reuseUnchanged, toFlowElements } from '../ui/graph/toFlowElements.ts';
import type { FlowElements } from '../ui/graph/graphData.ts';
import { appName, generateScenario } from './generateScenario.ts';
import { fmt, median, now } from './measure.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const text = generateScenario();
const replicasAt = text.indexOf('  replicas:', text.indexOf(`  name: ${appName(0)}\n`));
const replicasEnd = text.indexOf('\n', replicasAt);
const withReplicas = (n: number) => `${text.slice(0, replicasAt)}  replicas: ${n}${text.slice(replicasEnd)}`;

const parseCache = createParseCache();
let sim: Simulation = createSimulation({ files: [{ file: 'm.yaml', text }], seed: 1 }, { parseCache });
let page: Simulation = sim;
let flow: FlowElements | null = null;
const toFlow = (s: Simulation) =>
  toFlowElements({
    state: s.state,
    ingressControllers: getIngressControllerPods(s.state),
    policies: getPolicySelections(s.state),
    stale: false,
    hideSystem: true,
    shape: 'wide',
  });
flow = reuseUnchanged(null, toFlow(page));

const stages: Record<string, number[]> = {};
const time = <T>(label: string, fn: () => T): T => {
  const start = now();
  const value = fn();
  (stages[label] ??= []).push(now() - start);
  return value;
};
for (let i = 0; i < RUNS + 1; i++) {
  const input = { files: [{ file: 'm.yaml', text: withReplicas(4 + (i % 2)) }], seed: 1, actions: [] };
  const posted = time('input clone (main -> Worker)', () => deserialize(serialize(input)) as typeof input);
  const next = time('reviseSimulation', () => reviseSimulation(sim, posted, { parseCache }));
  const delta = time('encodeDelta', () => encodeDelta(next, sim));
  const bytes = serialize(delta).length;
  (stages['delta visits'] ??= []).push(lastDeltaVisits());
  const cloned = time('delta clone (Worker -> main)', () => deserialize(serialize(delta)) as typeof delta);
  const decoded = time('decodeDelta', () => decodeDelta(cloned, page) as Simulation);
  const elements = time('toFlowElements', () => toFlow(decoded));
  flow = time('reuseUnchanged', () => reuseUnchanged(flow, elements));
  time('autosave text (JSON of the scenario)', () =>
    JSON.stringify({ yaml: input.files[0]!.text, seed: 1, actions: [] }),
  );
  (stages['delta bytes (KB)'] ??= []).push(bytes / 1024);
  sim = next;
  page = decoded;
}
for (const [label, values] of Object.entries(stages))
  console.log(`${label.padEnd(44)} ${fmt(median(values.slice(1)))}`);

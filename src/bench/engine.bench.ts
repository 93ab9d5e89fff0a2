/**
 * `npm run bench`: the engine on a 50-node, 1,000-pod, 200-Service, 50-Ingress scenario.
 * Prints plain figures and ratios against baselines (targets in brackets); never asserts times.
 *   1. parse + reconcile (createSimulation) vs the bare `yaml` parseAllDocuments of the same text  [<= 1.5x]
 *      and a keystroke's worth of it: one document edited, applied with the Worker's parse cache
 *   2. routed requests per second vs a loop of as many Map look-ups and random draws            [<= 20x]
 *   3. `kubeplay load` of 100,000 requests over the scenario                                   [< 1 s]
 * Profile a slow step with: node --cpu-prof --import tsx src/bench/engine.bench.ts
 */
import { parseAllDocuments } from 'yaml';
import { createParseCache, createSimulation, reviseSimulation, routeRequest } from '../engine/index.ts';
import type { ClusterState, RequestSpec } from '../engine/index.ts';
import { drawRandom } from '../engine/sim/rng.ts';
import { main } from '../cli/kubeplay.ts';
import { createMemoryIo } from '../cli/testing/memoryIo.ts';
import {
  BENCH_SIZE,
  appName,
  generateNetworkPolicies,
  generateScenario,
  namespaceOf,
} from './generateScenario.ts';
import { fmt, timeMedianAsync, timePaired } from './measure.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROUTED = Number(process.env.BENCH_ROUTED ?? 20_000);
const LOAD = Number(process.env.BENCH_LOAD ?? 100_000);

const text = generateScenario();
const files = [{ file: 'bench.yaml', text }];
const line = (label: string, value: string) => console.log(`${label.padEnd(50)} ${value}`);
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

console.log(
  `kubeplay engine bench: ${BENCH_SIZE.nodes} nodes, ${BENCH_SIZE.apps} apps (1,000 pods), ` +
    `${BENCH_SIZE.apps} Services, ${BENCH_SIZE.ingresses} Ingresses; ${(text.length / 1024).toFixed(0)} KiB of YAML; ` +
    `median of ${RUNS} runs after a warm-up; ratios are medians of back-to-back pairs`,
);

// 1. parse + reconcile
const parse = timePaired(
  () => parseAllDocuments(text),
  () => createSimulation({ files, seed: 1 }),
  RUNS,
);
const sim = createSimulation({ files, seed: 1 });
const errors = sim.diagnostics.filter((d) => d.severity === 'error');
line('yaml parseAllDocuments', `${fmt(parse.baseMs)} ms`);
line('createSimulation (parse + reconcile)', `${fmt(parse.subjectMs)} ms`);
line('  ratio [target <= 1.5x]', `${fmt(parse.ratio, 2)}x  ${verdict(parse.ratio <= 1.5)}`);
line(
  '  objects',
  `${sim.state.pods.length} pods, ${sim.state.services.length} services, ${errors.length} errors`,
);
for (const d of errors.slice(0, 3))
  console.log(`    ${d.file}:${d.line}:${d.column} ${d.path}: ${d.message}`);

// A keystroke: app-0's replicas typed to another number, applied to the running cluster as the Worker
// does (reviseSimulation with its parse cache, which has read the text before), vs a fresh build.
const replicasAt = text.indexOf('  replicas:', text.indexOf(`  name: ${appName(0)}\n`));
const replicasEnd = text.indexOf('\n', replicasAt);
const withReplicas = (n: number) => `${text.slice(0, replicasAt)}  replicas: ${n}${text.slice(replicasEnd)}`;
const parseCache = createParseCache();
let typed = createSimulation({ files, seed: 1 }, { parseCache });
let keystrokes = 0;
const keystroke = timePaired(
  () => createSimulation({ files, seed: 1 }),
  () => {
    keystrokes += 1;
    const edited = [{ file: 'bench.yaml', text: withReplicas(4 + (keystrokes % 2)) }];
    typed = reviseSimulation(typed, { files: edited, seed: 1 }, { parseCache });
  },
  RUNS,
);
line('one-document edit (reviseSimulation, parse cache)', `${fmt(keystroke.subjectMs)} ms`);
line('  ratio to createSimulation', `${fmt(keystroke.ratio, 2)}x (${typed.state.pods.length} pods)`);

// 2. routed requests per second: from a pod to another namespace's Service by DNS name.
const client = sim.state.pods.find((p) => p.metadata.namespace === 'team-0');
const target = 7;
const request: RequestSpec = {
  from: client ? `pod/team-0/${client.metadata.name}` : 'client/laptop',
  url: `http://${appName(target)}.${namespaceOf(target, BENCH_SIZE)}/`,
};
function routeMany(req: RequestSpec, n: number): ClusterState {
  let state = sim.state;
  for (let i = 0; i < n; i++) state = routeRequest(state, req).state;
  return state;
}
const lookup = new Map(
  sim.state.services.map((s) => [`${s.manifest.metadata.namespace}/${s.manifest.metadata.name}`, s]),
);
const keys = [...lookup.keys()];
/** Runs BASELINE_REPEAT times longer than asked (a 0.5 ms loop is all noise on a shared machine); callers divide. */
const BASELINE_REPEAT = 20;
function baseline(n: number): number {
  let rng = 1;
  let hits = 0;
  for (let i = 0; i < n * BASELINE_REPEAT; i++) {
    const d = drawRandom(rng);
    rng = d.next;
    if (lookup.get(keys[Math.floor(d.value * keys.length)] ?? '')) hits++;
  }
  return hits;
}
const routing = timePaired(
  () => baseline(ROUTED),
  () => routeMany(request, ROUTED),
  RUNS,
);
const baseMs = routing.baseMs / BASELINE_REPEAT;
const routeMs = routing.subjectMs;
const sample = routeRequest(sim.state, request).trace;
console.log(`routing: ${request.from} -> ${request.url}`);
line(`route ${fmt(ROUTED, 0)} requests`, `${fmt(routeMs)} ms (${fmt((routeMs * 1000) / ROUTED, 2)} us each)`);
line('  routed requests per second', fmt((ROUTED / routeMs) * 1000, 0));
line(
  '  baseline: Map look-up + random draw per second',
  `${fmt((ROUTED / baseMs) * 1000, 0)} (${fmt((baseMs * 1e6) / ROUTED, 0)} ns each)`,
);
const routeRatio = routing.ratio * BASELINE_REPEAT;
line('  ratio [target <= 20x]', `${fmt(routeRatio, 1)}x  ${verdict(routeRatio <= 20)}`);
line(
  '  sample outcome',
  `${sample.outcome} via ${sample.service ?? '-'} to ${sample.endpoint?.pod ?? '-'}, ${sample.hops.length} hops`,
);

// The same request with 50 NetworkPolicies: the target app is isolated and allowed by one, so every
// request is checked against the policies compiled per pod (net/policy/policyTable.ts).
const POLICIES = 50;
const policySim = createSimulation({
  files: [{ file: 'bench.yaml', text: `${text}---\n${generateNetworkPolicies(POLICIES)}` }],
  seed: 1,
});
const policyRouting = timePaired(
  () => baseline(ROUTED),
  () => {
    let state = policySim.state;
    for (let i = 0; i < ROUTED; i++) state = routeRequest(state, request).state;
    return state;
  },
  RUNS,
);
const policyRatio = policyRouting.ratio * BASELINE_REPEAT;
const policySample = routeRequest(policySim.state, request).trace;
line(
  `  with ${POLICIES} NetworkPolicies: ratio [target <= 20x]`,
  `${fmt(policyRatio, 1)}x  ${verdict(policyRatio <= 20)} (${fmt((policyRouting.subjectMs * 1000) / ROUTED, 2)} us each, ${policySample.outcome}, ${policySim.state.networkPolicies?.length ?? 0} policies)`,
);

// The other ways in, for the owners of each path (same baseline).
const worker = sim.state.nodes.find((n) => n.role === 'worker');
const nodePortSvc = sim.state.services.find((s) => s.manifest.spec.type === 'NodePort');
const controllerLb = sim.state.services.find((s) => s.manifest.metadata.name === 'ingress-nginx-controller');
const others: [string, RequestSpec][] = [
  [
    'laptop -> node IP:nodePort',
    { from: 'client/laptop', url: `http://${worker?.ip}:${nodePortSvc?.manifest.spec.ports[0]?.nodePort}/` },
  ],
  [
    'laptop -> ingress LB, Host shop-3.example.com',
    {
      from: 'client/laptop',
      url: `http://${controllerLb?.status.loadBalancer.ingress[0]?.ip}/part-1/x`,
      headers: { Host: 'shop-3.example.com' },
    },
  ],
];
for (const [label, req] of others) {
  const paired = timePaired(
    () => baseline(ROUTED),
    () => routeMany(req, ROUTED),
    RUNS,
  );
  const t = routeRequest(sim.state, req).trace;
  line(
    `  ${label}`,
    `${fmt((paired.subjectMs * 1000) / ROUTED, 2)} us each, ${fmt(paired.ratio * BASELINE_REPEAT, 1)}x baseline (${t.outcome}, ${t.hops.length} hops)`,
  );
}

// 3. kubeplay load over the same scenario, through the CLI's main() (reading the text from memory).
let loadSeconds = 0;
const loadArgs = [
  'load',
  'bench.yaml',
  '--from',
  request.from,
  '--url',
  request.url,
  '--requests',
  String(LOAD),
];
const wallMs = await timeMedianAsync(
  async () => {
    const io = createMemoryIo({ files: { 'bench.yaml': text } });
    const code = await main(loadArgs, io);
    if (code !== 0) console.log(`  kubeplay load exited ${code}: ${io.err().slice(0, 300)}`);
    else loadSeconds = (JSON.parse(io.out()) as { seconds: number }).seconds;
  },
  Math.min(RUNS, 3),
);
line(
  `kubeplay load --requests ${fmt(LOAD, 0)}: routing`,
  `${fmt(loadSeconds, 3)} s  [target < 1 s]  ${verdict(loadSeconds < 1)}`,
);
line('  whole command (read, simulate, route, print)', `${fmt(wallMs / 1000, 3)} s`);

/**
 * `npm run bench`: the engine on a 50-node, 1,000-pod, 200-Service, 50-Ingress scenario.
 * Prints plain figures and ratios against baselines (targets in brackets); never asserts times.
 *   1. parse + reconcile (createSimulation) vs the bare `yaml` parseAllDocuments of the same text  [<= 1.5x]
 *      and a keystroke's worth of it: one document edited, applied with the Worker's parse cache
 *   2. routed requests vs a loop of as many Map look-ups and random draws: a mixed workload (every
 *      way in, random clients) as the headline, then each way in alone (load balancers by MetalLB,
 *      and one by a cloud, in front of the nodes)                                                [<= 10x]
 *      and pod -> Service under 50 NetworkPolicies (compiled per pod)                            [<= 10x]
 *      each beside "route + read hops": the same requests with every hop of every trace read, what a
 *      reader (the page's packets, curl -v, the CLI's JSON) pays on top of routing
 *   3. `kubeplay load` of 100,000 requests over the scenario                                   [< 1 s]
 * Profile a slow step with: node --cpu-prof --import tsx src/bench/engine.bench.ts
 */
import { parseAllDocuments } from 'yaml';
import {
  createParseCache,
  createSimulation,
  readHops,
  reviseSimulation,
  routeRequest,
} from '../engine/index.ts';
import type { ClusterState, RequestSpec } from '../engine/index.ts';
import type { PodState, ServiceState } from '../engine/model/state.ts';
import { drawRandom } from '../engine/rng.ts';
import { main } from '../cli/kubeplay.ts';
import { createMemoryIo } from '../cli/testing/memoryIo.ts';
import { playCloudController } from '../engine/net/testing/cloudController.ts';
import {
  BENCH_SIZE,
  appName,
  generateNetworkPolicies,
  generateScenario,
  namespaceOf,
} from './generateScenario.ts';
import { fmt, timeMedianAsync, timePaired } from './measure.ts';

// Nine runs of 100,000 requests: with five of 20,000 (a few milliseconds each) one figure moved by a
// tenth between runs of one build on a quiet machine (docs/performance.md, "One shape for the state a
// request returns"); the whole bench still takes under a minute.
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const ROUTED = Number(process.env.BENCH_ROUTED ?? 100_000);
const LOAD = Number(process.env.BENCH_LOAD ?? 100_000);
/** `BENCH_ONLY=routing` times the routing figures alone (section 2), for profiling the replay. */
const ROUTING_ONLY = process.env.BENCH_ONLY === 'routing';
/** `BENCH_ONLY=reconcile` times section 1 alone (the build and the one-document edit). */
const RECONCILE_ONLY = process.env.BENCH_ONLY === 'reconcile';

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
const sim = createSimulation({ files, seed: 1 });
if (!ROUTING_ONLY) timeReconcile();
if (RECONCILE_ONLY) process.exit(0);

function timeReconcile(): void {
  const parse = timePaired(
    () => parseAllDocuments(text),
    () => createSimulation({ files, seed: 1 }),
    RUNS,
  );
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
  const withReplicas = (n: number) =>
    `${text.slice(0, replicasAt)}  replicas: ${n}${text.slice(replicasEnd)}`;
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
}

// 2. routed requests per second against a loop of Map look-ups and random draws, for every way in.
// A MetalLB pool gives the LoadBalancer Services (and the ingress controller's) their addresses.
const METALLB = `---
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: bench-pool
  namespace: metallb-system
spec:
  addresses:
    - 172.18.255.1-172.18.255.250
---
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata:
  name: bench
  namespace: metallb-system
`;
const netSim = createSimulation({ files: [{ file: 'bench.yaml', text: `${text}${METALLB}` }], seed: 1 });
// The outside clients exist before timing starts, as they do once a user has sent one request.
const net = ['client/laptop', 'client/visitor'].reduce(
  (state, from) => routeRequest(state, { from, url: 'http://127.0.0.1/' }).state,
  netSim.state,
);
const podId = (p: PodState) => `pod/${p.metadata.namespace}/${p.metadata.name}`;
const lbIp = (s: ServiceState | undefined) => s?.status.loadBalancer.ingress[0]?.ip ?? 'pending';
const client = net.pods.find((p) => p.metadata.namespace === 'team-0');
const target = 7;
const request: RequestSpec = {
  from: client ? podId(client) : 'client/laptop',
  url: `http://${appName(target)}.${namespaceOf(target, BENCH_SIZE)}/`,
};
const workers = net.nodes.filter((n) => n.role === 'worker');
const nodePortSvcs = net.services.filter((s) => s.manifest.spec.type === 'NodePort');
const controllerLb = net.services.find((s) => s.manifest.metadata.name === 'ingress-nginx-controller');
const lbSvcs = net.services.filter((s) => s.manifest.spec.type === 'LoadBalancer' && s !== controllerLb);
const containerPort = (p: PodState) => p.spec.containers[0]?.ports?.[0]?.containerPort ?? 80;
const servingPod = net.pods.find((p) => p.metadata.namespace === 'team-3');
const entries: [string, RequestSpec][] = [
  ['pod -> Service by name', request],
  [
    'laptop -> node IP:nodePort',
    {
      from: 'client/laptop',
      url: `http://${workers[0]?.ip}:${nodePortSvcs[0]?.manifest.spec.ports[0]?.nodePort}/`,
    },
  ],
  ['laptop -> LoadBalancer IP', { from: 'client/laptop', url: `http://${lbIp(lbSvcs[0])}/` }],
  [
    'laptop -> Ingress (LB, Host shop-3.example.com)',
    {
      from: 'client/laptop',
      url: `http://${lbIp(controllerLb)}/part-1/x`,
      headers: { Host: 'shop-3.example.com' },
    },
  ],
  [
    'pod -> pod IP',
    {
      from: request.from,
      url: servingPod ? `http://${servingPod.status.podIP}:${containerPort(servingPod)}/` : request.url,
    },
  ],
];

/**
 * The mixed workload: every way in, from random clients (pods of every namespace and two laptops) to
 * random targets, drawn once with the simulation's own rng so every run routes the same list.
 */
function mixedWorkload(count: number): RequestSpec[] {
  let rng = 7;
  const pick = <T>(list: readonly T[]): T => {
    const d = drawRandom(rng);
    rng = d.next;
    return list[Math.floor(d.value * list.length)]!;
  };
  const laptops = ['client/laptop', 'client/visitor'];
  const apps = Array.from({ length: BENCH_SIZE.apps }, (_, i) => i);
  const out: RequestSpec[] = [];
  for (let i = 0; i < count; i++) {
    const pod = pick(net.pods);
    switch (i % 5) {
      case 0: {
        const app = pick(apps);
        out.push({ from: podId(pod), url: `http://${appName(app)}.${namespaceOf(app, BENCH_SIZE)}/` });
        break;
      }
      case 1: {
        const svc = pick(nodePortSvcs);
        out.push({
          from: pick(laptops),
          url: `http://${pick(workers).ip}:${svc.manifest.spec.ports[0]?.nodePort}/`,
        });
        break;
      }
      case 2:
        out.push({ from: pick(laptops), url: `http://${lbIp(pick(lbSvcs))}/` });
        break;
      case 3: {
        const ing = Math.floor(pick(apps) / 4);
        out.push({
          from: pick(laptops),
          url: `http://${lbIp(controllerLb)}/${pick(['', 'part-1/', 'part-2/a', 'part-3/b'])}`,
          headers: { Host: `shop-${ing}.example.com` },
        });
        break;
      }
      default: {
        const other = pick(net.pods);
        out.push({ from: podId(pod), url: `http://${other.status.podIP}:${containerPort(other)}/` });
      }
    }
  }
  return out;
}
const mixed = mixedWorkload(2_000);

function routeMany(start: ClusterState, reqs: readonly RequestSpec[], n: number): ClusterState {
  let state = start;
  for (let i = 0; i < n; i++) state = routeRequest(state, reqs[i % reqs.length]!).state;
  return state;
}
/** routeMany, reading every hop of every trace as a reader does (each hop's fields, so none is skipped). */
function routeManyReadingHops(start: ClusterState, reqs: readonly RequestSpec[], n: number): number {
  let state = start;
  let read = 0;
  for (let i = 0; i < n; i++) {
    const { trace, state: next } = routeRequest(state, reqs[i % reqs.length]!);
    for (const hop of readHops(trace)) read += hop.src.length + hop.dst.length + hop.note.length;
    state = next;
  }
  return read;
}
const lookup = new Map(
  net.services.map((s) => [`${s.manifest.metadata.namespace}/${s.manifest.metadata.name}`, s]),
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
/** Times `reqs` routed round-robin from `start` against the baseline; prints and returns the ratio. */
function measureRouting(
  label: string,
  start: ClusterState,
  reqs: readonly RequestSpec[],
  target: number,
): number {
  const paired = timePaired(
    () => baseline(ROUTED),
    () => routeMany(start, reqs, ROUTED),
    RUNS,
  );
  const ratio = paired.ratio * BASELINE_REPEAT;
  const reading = timePaired(
    () => baseline(ROUTED),
    () => routeManyReadingHops(start, reqs, ROUTED),
    RUNS,
  );
  const readRatio = reading.ratio * BASELINE_REPEAT;
  const outcomes = new Map<string, number>();
  for (const r of reqs.slice(0, 200)) {
    const t = routeRequest(start, r).trace;
    outcomes.set(t.outcome, (outcomes.get(t.outcome) ?? 0) + 1);
  }
  const seen = [...outcomes].map(([o, n]) => (reqs.length === 1 ? o : `${n} ${o}`)).join(', ');
  const sample = routeRequest(start, reqs[0]!).trace;
  line(
    `  ${label} [<= ${target}x]`,
    `${fmt(ratio, 1)}x  ${verdict(ratio <= target)} (${fmt((paired.subjectMs * 1000) / ROUTED, 2)} us each; ${seen}${reqs.length === 1 ? `, ${readHops(sample).length} hops` : ''})`,
  );
  line(
    '    route + read hops',
    `${fmt(readRatio, 1)}x (${fmt((reading.subjectMs * 1000) / ROUTED, 2)} us each)`,
  );
  return paired.baseMs / BASELINE_REPEAT;
}

console.log(
  `routing ${fmt(ROUTED, 0)} requests per figure, as a ratio to the baseline (a Map look-up + random draw):`,
);
const baseMs = measureRouting(
  `mixed: every way in, ${mixed.length} requests from random clients`,
  net,
  mixed,
  10,
);
line(
  '  baseline: Map look-up + random draw per second',
  `${fmt((ROUTED / baseMs) * 1000, 0)} (${fmt((baseMs * 1e6) / ROUTED, 0)} ns each)`,
);
for (const [label, req] of entries) measureRouting(label, net, [req], 10);

// MetalLB (above) sends every connection to the one node answering for the address. A cloud's load
// balancer stands in front of the nodes and takes them in turn: the same LoadBalancer Services with
// their status written as a cloud controller does, no MetalLB.
const cloudSim = playCloudController(createSimulation({ files, seed: 1 }), 1);
const cloud = routeRequest(cloudSim.state, { from: 'client/laptop', url: 'http://127.0.0.1/' }).state;
const cloudLb = cloud.services.find((s) => s.manifest.metadata.name === lbSvcs[0]?.manifest.metadata.name);
measureRouting(
  `laptop -> cloud LB in front of ${workers.length} nodes`,
  cloud,
  [{ from: 'client/laptop', url: `http://${lbIp(cloudLb)}/` }],
  10,
);

// The same request with 50 NetworkPolicies: the target app is isolated and allowed by one, so every
// request is checked against the policies compiled per pod (net/policy/policyTable.ts).
const POLICIES = 50;
const policySim = createSimulation({
  files: [{ file: 'bench.yaml', text: `${text}---\n${generateNetworkPolicies(POLICIES)}` }],
  seed: 1,
});
measureRouting(
  `pod -> Service with ${POLICIES} NetworkPolicies (${policySim.state.networkPolicies?.length ?? 0} loaded)`,
  policySim.state,
  [request],
  10,
);

if (!ROUTING_ONLY) await timeLoad();

async function timeLoad(): Promise<void> {
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
}

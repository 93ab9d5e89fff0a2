// One fuzz worker thread: loads the bundled target once, then runs the inputs the main thread names by
// index and answers with their class and time. A hang is the main thread's to catch (it terminates this
// thread); a throw is caught here and reported as a crash.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { makeInput, runInput, describeInput } from './inputs.mjs';

const target = await import(workerData.targetUrl);
target.loadScenarios(workerData.scenarios);
// Build each bundled scenario's simulation before the first timed input, so none pays for it.
for (let i = 0; i < target.SCENARIOS.length; i++) target.runLines(i, ['true']);
parentPort.postMessage({ type: 'ready' });

parentPort.on('message', ({ index }) => {
  const input = makeInput(workerData.seed, index, target);
  // The watchdog times the run, not the making of the input (compressing a big hand-made link).
  parentPort.postMessage({ type: 'running' });
  const started = performance.now();
  // The process's CPU time: when this is the only thread at work (the suspects' second run), it is this
  // input's, whatever else the machine is doing.
  const cpuBefore = process.cpuUsage();
  let outcome;
  let detail;
  try {
    ({ outcome, detail } = runInput(input, target));
  } catch (error) {
    outcome = 'crash';
    detail =
      error instanceof Error
        ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n')
        : String(error);
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  parentPort.postMessage({
    type: 'done',
    index,
    family: input.family,
    kind: input.kind,
    outcome,
    ms,
    cpuMs,
    ...(outcome === 'crash' || outcome === 'unclear' ? { detail, input: describeInput(input) } : {}),
  });
});

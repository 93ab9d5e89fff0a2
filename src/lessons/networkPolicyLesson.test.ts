/**
 * What the NetworkPolicy lesson tells the student holds in the engine: the default deny times the
 * client out and the explanation names the policy; the classic mistake (the Service port, 80, in the
 * allow rule) is caught by its own explanation; the container port (8080) lets the client back in.
 */
import { describe, expect, it } from 'vitest';
import { createShellSession, createSimulation, runCommand } from '../engine/index.ts';
import type { Simulation, Trace } from '../engine/index.ts';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { bundledLessons } from './content/index.ts';
import { lessonSimulationInput } from './lessonSimulation.ts';

const lesson = bundledLessons().find((l) => l.id === 'network-policy');
const files = lesson?.files ?? {};
const allow = files['allow-frontend.yaml'] ?? '';

function start() {
  if (!lesson) throw new Error('no network-policy lesson');
  const input = lessonSimulationInput(lesson, SCENARIO_TEXTS);
  let sim: Simulation = createSimulation(input ?? { files: [] });
  let session = createShellSession({
    files: { ...files, 'allow-service-port.yaml': allow.replace('port: 8080', 'port: 80') },
  });
  return (line: string): Trace | undefined => {
    const result = runCommand(sim, session, line);
    sim = result.sim;
    session = result.session;
    return result.traces.at(-1);
  };
}

const CURL = 'kubectl exec client -- curl -s --max-time 5 http://kubia';

describe('the NetworkPolicy lesson', () => {
  it('offers the two policy files', () => {
    expect(allow).toContain('port: 8080');
    expect(files['deny-kubia-ingress.yaml']).toContain('- Ingress');
  });

  it('default deny names the policy; port 80 gets the Service-port explanation; 8080 answers', () => {
    const run = start();
    expect(run(CURL)?.outcome).toBe('ok');
    run('kubectl apply -f deny-kubia-ingress.yaml');
    const denied = run(CURL);
    expect(denied?.outcome).toBe('timeout');
    expect(denied?.explanation?.kind).toBe('netpol-denied');
    expect(denied?.explanation?.summary).toContain('NetworkPolicy default/deny-kubia-ingress');
    expect(denied?.explanation?.blame?.object).toBe('netpol/default/deny-kubia-ingress');

    run('kubectl apply -f allow-service-port.yaml');
    const servicePort = run(CURL);
    expect(servicePort?.outcome).toBe('timeout');
    expect(servicePort?.explanation?.kind).toBe('netpol-service-port');

    run('kubectl apply -f allow-frontend.yaml');
    const allowed = run(CURL);
    expect(allowed?.outcome).toBe('ok');
    expect(allowed?.status).toBe(200);
  });
});

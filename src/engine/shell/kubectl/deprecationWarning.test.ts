/**
 * The v1 Endpoints deprecation warning (deprecationWarning.ts): printed first, as kubectl prints the
 * API server's warning before the table, on every verb that reads or writes Endpoints, once per
 * invocation, on stderr (so `2>/dev/null` drops it), and never for EndpointSlices or other kinds.
 */
import { describe, expect, it } from 'vitest';
import { createShellSession, createSimulation, runCommand } from '../../index.ts';
import { SCENARIO_TEXTS } from '../../../scenarios/scenarioTexts.ts';
import { ENDPOINTS_DEPRECATION_WARNING } from './deprecationWarning.ts';

const kubia = createSimulation({ files: [{ file: 'm.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }], seed: 1 });
const run = (line: string) => runCommand(kubia, createShellSession(), line);
const WARNING = ENDPOINTS_DEPRECATION_WARNING;

describe('the v1 Endpoints deprecation warning', () => {
  it('comes before the table of kubectl get endpoints, in the wording of Kubernetes v1.33', () => {
    const { output, exitCode } = run('kubectl get endpoints kubia');
    expect(exitCode).toBe(0);
    expect(output.split('\n').slice(0, 2)).toEqual([
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
      expect.stringMatching(/^NAME\s+ENDPOINTS\s+AGE$/),
    ]);
  });

  it('is printed once for every spelling of the resource, and for a NotFound too', () => {
    for (const line of [
      'kubectl get ep',
      'kubectl get ep,svc',
      'kubectl get svc/kubia endpoints/kubia',
      'kubectl describe endpoints kubia',
      'kubectl get endpoints.v1 kubia -o name',
      'kubectl label ep kubia team=a',
    ]) {
      const { output } = run(line);
      expect(output.startsWith(WARNING), line).toBe(true);
      expect(output.split(WARNING).length - 1, line).toBe(1);
    }
    expect(run('kubectl get endpoints nope').output).toBe(
      `${WARNING}Error from server (NotFound): endpoints "nope" not found\n`,
    );
  });

  it('goes to stderr: redirected away, or piped past grep', () => {
    expect(run('kubectl get endpoints 2>/dev/null').output).not.toContain('Warning');
    expect(run('kubectl get endpoints kubia --no-headers | wc -l').output).toBe(`${WARNING}1\n`);
  });

  it('comes with kubectl apply of a v1 Endpoints object, and not of a Service', () => {
    const endpoints =
      'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Endpoints\nmetadata:\n  name: external\nsubsets:\n- addresses:\n  - ip: 192.168.1.50\n  ports:\n  - port: 5432\nEOF';
    expect(run(endpoints).output).toBe(`${WARNING}endpoints/external created\n`);
    const service =
      'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Service\nmetadata:\n  name: external\nspec:\n  ports:\n  - port: 5432\nEOF';
    expect(run(service).output).toBe('service/external created\n');
  });

  it('is not sent for EndpointSlices, other kinds, or a command kubectl refuses before asking', () => {
    for (const line of [
      'kubectl get endpointslices',
      'kubectl get svc',
      'kubectl describe svc kubia',
      'kubectl get all',
      'kubectl get endpoints --bogus',
      'kubectl explain endpoints',
    ])
      expect(run(line).output, line).not.toContain('Warning');
  });
});

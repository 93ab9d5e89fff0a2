/**
 * `kubectl get ipaddresspools|l2advertisements -n metallb-system`: MetalLB's CRDs print the columns their
 * kubebuilder printcolumn markers declare (api/v1beta1 in https://github.com/metallb/metallb), then AGE.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index.ts';
import { SCENARIO_TEXTS } from '../../../scenarios/scenarioTexts.ts';
import { runScriptWithState } from '../runScript.ts';
import { createShellSession } from '../session.ts';

const lb = () =>
  createSimulation({ files: [{ file: 'lb.yaml', text: SCENARIO_TEXTS['loadbalancer'] ?? '' }], seed: 1 });

describe('MetalLB objects in kubectl get', () => {
  it('lists the pool and the L2 advertisement with their printer columns', () => {
    const r = runScriptWithState(
      lb(),
      [
        'kubectl get ipaddresspools -n metallb-system',
        'kubectl get l2advertisements -n metallb-system',
        'kubectl get ipaddresspools',
        'kubectl get ipaddresspool kind-pool -n metallb-system -o jsonpath={.spec.addresses[0]}',
      ],
      createShellSession({}),
    );
    const lines = (i: number) => (r.steps[i]?.output ?? '').trimEnd().split('\n');
    expect(lines(0)[0]).toMatch(/^NAME +AUTO ASSIGN +AVOID BUGGY IPS +ADDRESSES +AGE$/);
    expect(lines(0)[1]).toMatch(/^kind-pool +true +false +\["172\.18\.255\.200-172\.18\.255\.250"\] +\S+$/);
    expect(lines(1)[0]).toMatch(/^NAME +IPADDRESSPOOLS +IPADDRESSPOOL SELECTORS +INTERFACES +AGE$/);
    expect(lines(1)[1]).toMatch(/^kind-l2 +/);
    expect(r.steps[2]?.output).toBe('No resources found in default namespace.\n');
    expect(r.steps[3]?.output).toBe('172.18.255.200-172.18.255.250');
  });
});

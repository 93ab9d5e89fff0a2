/**
 * `kubectl label|annotate|delete` reach every kind the API server stores: what kubectl may do to an
 * object of a type comes from its kind module (`relabel`, `remove`), so a kind cannot be served by
 * `get` yet "not found" to `delete`, or "labeled" while its labels stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index.ts';
import { SCENARIO_TEXTS } from '../../../scenarios/scenarioTexts.ts';
import { runScript } from '../runScript.ts';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny}
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

function run(text: string, commands: string[]): string[] {
  const sim = createSimulation({ files: [{ file: 'a.yaml', text }], seed: 1 });
  return runScript(sim, commands).map((step) => step.output);
}

describe('kubectl label, annotate and delete on every stored kind', () => {
  it('labels and annotates a NetworkPolicy', () => {
    const out = run(POLICY, [
      'kubectl label netpol deny team=blue',
      'kubectl annotate networkpolicy deny note=why',
      'kubectl get netpol deny -o jsonpath={.metadata.labels.team},{.metadata.annotations.note}',
    ]);
    expect(out).toEqual([
      'networkpolicy.networking.k8s.io/deny labeled\n',
      'networkpolicy.networking.k8s.io/deny annotated\n',
      'blue,why',
    ]);
  });

  it("labels, annotates and deletes MetalLB's IPAddressPool and L2Advertisement", () => {
    const out = run(SCENARIO_TEXTS['loadbalancer'] ?? '', [
      'kubectl label ipaddresspool kind-pool -n metallb-system tier=lab',
      'kubectl annotate l2advertisement kind-l2 -n metallb-system note=why',
      'kubectl get ipaddresspools -n metallb-system -o jsonpath={.items[0].metadata.labels.tier}',
      'kubectl get l2advertisements -n metallb-system -o jsonpath={.items[0].metadata.annotations.note}',
      'kubectl delete ipaddresspool kind-pool -n metallb-system',
      'kubectl delete l2advertisement kind-l2 -n metallb-system',
      'kubectl get ipaddresspools,l2advertisements -n metallb-system',
    ]);
    expect(out).toEqual([
      'ipaddresspool.metallb.io/kind-pool labeled\n',
      'l2advertisement.metallb.io/kind-l2 annotated\n',
      'lab',
      'why',
      'ipaddresspool.metallb.io "kind-pool" deleted\n',
      'l2advertisement.metallb.io "kind-l2" deleted\n',
      'No resources found in metallb-system namespace.\n',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/testing/simTesting.ts';
import { getPolicySelections } from './policySelections.ts';

const PODS = `apiVersion: v1
kind: Pod
metadata: {name: web-1, labels: {app: web}}
spec:
  containers: [{name: c, image: luksa/kubia}]
---
apiVersion: v1
kind: Pod
metadata: {name: web-2, labels: {app: web}}
spec:
  containers: [{name: c, image: luksa/kubia}]
---
apiVersion: v1
kind: Pod
metadata: {name: client, labels: {role: frontend}}
spec:
  containers: [{name: c, image: curlimages/curl}]
`;

describe('getPolicySelections', () => {
  it('is empty without policies', () => {
    expect(getPolicySelections(simulate(PODS).state)).toEqual([]);
  });

  it('lists the pods each policy selects, with its defaulted policyTypes and graph id', () => {
    const sim = simulate(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-web}
spec:
  podSelector: {matchLabels: {app: web}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: all-egress}
spec:
  podSelector: {}
  egress: [{}]
`);
    const selections = getPolicySelections(sim.state);
    expect(selections.map((s) => [s.id, s.policyTypes, [...s.pods].sort()])).toEqual([
      ['netpol/default/deny-web', ['Ingress'], ['pod/default/web-1', 'pod/default/web-2']],
      [
        'netpol/default/all-egress',
        ['Ingress', 'Egress'],
        ['pod/default/client', 'pod/default/web-1', 'pod/default/web-2'],
      ],
    ]);
  });
});

/**
 * `kubectl get networkpolicy` (columns of the API server's table convertor: NAME POD-SELECTOR AGE) and
 * `kubectl describe networkpolicy` as kubectl's describeNetworkPolicySpec writes it
 * (https://github.com/kubernetes/kubectl/blob/master/pkg/describe/describe.go).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/testing/simTesting.ts';
import { runScript } from '../runScript.ts';

const YAML = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-allow}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {team: blue}}
      podSelector: {matchLabels: {app: client}}
    - ipBlock: {cidr: 172.18.0.0/16, except: [172.18.0.1/32]}
    ports: [{port: 8080}, {protocol: UDP, port: 9000, endPort: 9010}]
  - {}
`;

function run(...commands: string[]): string[] {
  return runScript(simulate(YAML), commands).map((s) => s.output);
}

describe('kubectl and NetworkPolicy', () => {
  it('get netpol lists NAME POD-SELECTOR AGE', () => {
    const [out] = run('kubectl get netpol');
    expect(out).toMatch(/^NAME +POD-SELECTOR +AGE\ndefault-deny +<none> +\d+s\nweb-allow +app=web +\d+s\n$/);
    const [full] = run('kubectl get networkpolicies.networking.k8s.io web-allow --no-headers');
    expect(full).toMatch(/^web-allow +app=web +\d+s\n$/);
  });

  it('describe networkpolicy prints each rule and the directions it does not affect', () => {
    const [page] = run('kubectl describe networkpolicy web-allow');
    expect(page?.replace(/Created on: .*/, 'Created on: <time>')).toBe(
      [
        'Name:         web-allow',
        'Namespace:    default',
        'Created on: <time>',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     app=web',
        '  Allowing ingress traffic:',
        '    To Port: 8080/TCP',
        '    To Port Range: 9000-9010/UDP',
        '    From:',
        '      NamespaceSelector: team=blue',
        '      PodSelector: app=client',
        '    From:',
        '      IPBlock:',
        '        CIDR: 172.18.0.0/16',
        '        Except: 172.18.0.1/32',
        '    ----------',
        '    To Port: <any> (traffic allowed to all ports)',
        '    From: <any> (traffic not restricted by source)',
        '  Not affecting egress traffic',
        '  Policy Types: Ingress',
        '',
      ].join('\n'),
    );
    expect(page).toMatch(/Created on: {3}2026-01-01 09:\d\d:\d\d \+0000 UTC\n/);
  });

  it('describe a default-deny policy: both directions isolated, no rule', () => {
    const [page] = run('kubectl describe netpol default-deny');
    expect(page).toContain(
      [
        'Spec:',
        '  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)',
        '  Allowing ingress traffic:',
        '    <none> (Selected pods are isolated for ingress connectivity)',
        '  Allowing egress traffic:',
        '    <none> (Selected pods are isolated for egress connectivity)',
        '  Policy Types: Ingress, Egress',
      ].join('\n'),
    );
  });

  it('-o yaml returns the defaulted object; delete removes it', () => {
    const [yaml] = run('kubectl get netpol web-allow -o yaml');
    expect(yaml).toContain('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n');
    expect(yaml).toContain('policyTypes:\n  - Ingress\n');
    expect(yaml).toContain('    - port: 8080\n      protocol: TCP\n');
    const [, after] = run('kubectl delete netpol web-allow', 'kubectl get netpol --no-headers');
    expect(after).toMatch(/^default-deny +<none> +\d+s\n$/);
  });
});

/**
 * The allowed edges of a selected NetworkPolicy (https://kubernetes.io/docs/concepts/services-networking/network-policies/):
 * each rule's peers and ports, checked against what the packets themselves get.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/testing/simTesting.ts';
import { routeRequest } from '../request.ts';
import { getPolicyAllows } from './policyAllows.ts';

const PODS = `apiVersion: v1
kind: Namespace
metadata: {name: other, labels: {team: blue}}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers: [{name: c, image: luksa/kubia, ports: [{name: http, containerPort: 8080}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: client, labels: {role: frontend}}
spec:
  containers: [{name: c, image: curlimages/curl}]
---
apiVersion: v1
kind: Pod
metadata: {name: stranger, labels: {role: other}}
spec:
  containers: [{name: c, image: curlimages/curl}]
---
apiVersion: v1
kind: Pod
metadata: {name: tool, namespace: other, labels: {role: frontend}}
spec:
  containers: [{name: c, image: curlimages/curl}]
`;

const policy = (name: string, spec: string) =>
  `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}}\nspec:\n${spec}\n`;

describe('getPolicyAllows', () => {
  it('lists each rule with the peers the data plane lets in, and the ports', () => {
    const sim = simulate(
      PODS +
        policy(
          'web-in',
          `  podSelector: {matchLabels: {app: web}}
  ingress:
  - from: [{podSelector: {matchLabels: {role: frontend}}}, {ipBlock: {cidr: 192.168.0.0/16, except: [192.168.1.0/24]}}]
    ports: [{port: http}]
  - from: [{namespaceSelector: {matchLabels: {team: blue}}}]`,
        ),
    );
    const allows = getPolicyAllows(sim.state, 'netpol/default/web-in');
    expect(allows).toEqual([
      {
        direction: 'Ingress',
        rule: 'spec.ingress[0]',
        pods: ['pod/default/web'],
        peers: ['pod/default/client'],
        blocks: ['192.168.0.0/16 except 192.168.1.0/24'],
        ports: ['TCP http'],
      },
      {
        direction: 'Ingress',
        rule: 'spec.ingress[1]',
        pods: ['pod/default/web'],
        peers: ['pod/other/tool'],
        blocks: [],
        ports: [],
      },
    ]);
    // the edges agree with the packets: the listed peers get through, a pod no rule names does not
    const web = sim.state.pods.find((p) => p.metadata.name === 'web')!;
    const curl = (from: string) =>
      routeRequest(sim.state, { from, url: `http://${web.status.podIP}:8080` }).trace.outcome;
    expect(curl('pod/default/client')).toBe('ok');
    expect(curl('pod/other/tool')).toBe('ok');
    expect(curl('pod/default/stranger')).toBe('timeout');
  });

  it('a rule without peers allows any; a default deny has no rule, so no edge', () => {
    const sim = simulate(
      PODS +
        policy('deny', '  podSelector: {}\n  policyTypes: [Ingress, Egress]') +
        policy(
          'dns-out',
          '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n  - ports: [{protocol: UDP, port: 53}]',
        ),
    );
    expect(getPolicyAllows(sim.state, 'netpol/default/deny')).toEqual([]);
    const [dns] = getPolicyAllows(sim.state, 'netpol/default/dns-out');
    expect(dns).toMatchObject({ direction: 'Egress', peers: 'any', ports: ['UDP 53'] });
    expect([...(dns?.pods ?? [])].sort()).toEqual([
      'pod/default/client',
      'pod/default/stranger',
      'pod/default/web',
    ]);
    expect(getPolicyAllows(sim.state, 'netpol/default/nothing')).toEqual([]);
  });

  it('an ipBlock that holds pod IPs lets those pods in too (the check is on the address)', () => {
    const sim = simulate(
      PODS +
        policy(
          'by-block',
          '  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - from: [{ipBlock: {cidr: 10.244.0.0/16}}]',
        ),
    );
    const [rule] = getPolicyAllows(sim.state, 'netpol/default/by-block');
    expect(rule?.peers).toContain('pod/default/stranger');
    const web = sim.state.pods.find((p) => p.metadata.name === 'web')!;
    expect(
      routeRequest(sim.state, { from: 'pod/default/stranger', url: `http://${web.status.podIP}:8080` }).trace
        .outcome,
    ).toBe('ok');
  });
});

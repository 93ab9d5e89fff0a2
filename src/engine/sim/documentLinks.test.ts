/** Document <-> graph object links on the kubia scenario (documentLinks.ts). */
import { describe, expect, it } from 'vitest';
import { scenarioText } from '../test/helpers.ts';
import { createSimulation } from './simulation.ts';
import { documentAtLine, documentOfGraphId, linkDocuments } from './documentLinks.ts';
import { reviseSimulation } from './editSimulation.ts';
import { sameCluster } from './sameCluster.ts';

const FILE = 'manifest.yaml';
const KUBIA = scenarioText('kubia');
const lines = KUBIA.split('\n');
const lineOf = (text: string, from = 0) => lines.findIndex((l, i) => i >= from && l === text) + 1;

function build(text: string) {
  return createSimulation({ files: [{ file: FILE, text }], seed: 1 });
}

describe('linkDocuments', () => {
  const sim = build(KUBIA);
  const links = linkDocuments(sim.state, { file: FILE, text: KUBIA });

  it('reveals a Service card at its document, its Endpoints and load balancer too', () => {
    const svc = documentOfGraphId(links, 'svc/default/kubia');
    const kind = lineOf('kind: Service');
    expect(svc?.identity).toEqual({ kind: 'Service', namespace: 'default', name: 'kubia' });
    expect(svc?.line).toBe(kind - 1); // apiVersion: v1, the document's first field
    expect(documentOfGraphId(links, 'ep/default/kubia')).toBe(svc);
    expect(documentOfGraphId(links, 'lb/default/kubia-loadbalancer')?.identity?.name).toBe(
      'kubia-loadbalancer',
    );
  });

  it("reveals a pod at its controller's document; the cluster's own objects have none", () => {
    const pod = sim.state.pods.find((p) => p.ownerRef?.name === 'kubia');
    const rc = documentOfGraphId(links, `pod/default/${pod?.metadata.name}`);
    expect(rc?.identity?.kind).toBe('ReplicationController');
    const traefik = sim.state.pods.find((p) => p.metadata.name.startsWith('traefik-ingress-controller'));
    expect(documentOfGraphId(links, `pod/kube-system/${traefik?.metadata.name}`)?.identity?.kind).toBe(
      'Deployment',
    );
    const coredns = sim.state.pods.find((p) => p.metadata.name.startsWith('coredns'));
    expect(coredns).toBeDefined();
    expect(documentOfGraphId(links, `pod/kube-system/${coredns?.metadata.name}`)).toBeUndefined();
    expect(documentOfGraphId(links, 'svc/default/kubernetes')).toBeUndefined();
    expect(documentOfGraphId(links, 'node/kind-worker')?.identity?.kind).toBe('Cluster');
  });

  it('finds the document under the cursor, its comments included, and what it made', () => {
    const rcComment = lineOf(
      '# Three pods labelled app=kubia. The app answers every request with "You\'ve hit <pod name>".',
    );
    const atComment = documentAtLine(links, rcComment);
    expect(atComment?.identity?.kind).toBe('ReplicationController');
    expect(atComment?.graphIds).toHaveLength(3);
    expect(atComment?.graphIds.every((id) => id.startsWith('pod/default/kubia-'))).toBe(true);
    expect(documentAtLine(links, lineOf('---'))).toBeUndefined();
    const selector = lineOf('    app: kubia', lineOf('kind: Service'));
    expect(documentAtLine(links, selector)?.graphIds).toEqual(['svc/default/kubia', 'ep/default/kubia']);
  });
});

describe('linkDocuments and rejected edits use the ids the graph draws', () => {
  const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

  it('reveals a NetworkPolicy card and an outside host at their documents', () => {
    const policy = build(POLICY);
    expect(linkDocuments(policy.state, { file: FILE, text: POLICY })[0]?.graphIds).toEqual([
      'netpol/default/deny',
    ]);
    const outside = scenarioText('outside');
    const links = linkDocuments(build(outside).state, { file: FILE, text: outside });
    expect(documentOfGraphId(links, 'outside/legacy-1')?.identity).toEqual({
      kind: 'OutsideHost',
      namespace: '',
      name: 'legacy-1',
    });
  });

  it("marks a refused NetworkPolicy edit on the policy's card", () => {
    const broken = POLICY.replace('[Ingress]', '[Sideways]');
    const after = reviseSimulation(build(POLICY), { files: [{ file: FILE, text: broken }], seed: 1 });
    expect(after.rejected?.map((r) => r.id)).toEqual(['netpol/default/deny']);
  });
});

describe('sameCluster', () => {
  const before = build(KUBIA);
  it('is true after an edit of a comment, false after one that changes an object', () => {
    const comment = reviseSimulation(before, {
      files: [{ file: FILE, text: KUBIA.replace('# Try:', '# Now try:') }],
      seed: 1,
      actions: [],
    });
    expect(sameCluster(before, comment)).toBe(true);
    const scaled = reviseSimulation(before, {
      files: [{ file: FILE, text: KUBIA.replace('replicas: 3', 'replicas: 4') }],
      seed: 1,
      actions: [],
    });
    expect(sameCluster(before, scaled)).toBe(false);
  });
});

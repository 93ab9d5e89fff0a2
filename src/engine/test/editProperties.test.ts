/**
 * Allocations belong to their object (docs/editing.md): one random edit of one document of a bundled
 * scenario (change a port, break a field, delete the document, rename the object) leaves every other
 * object's ClusterIP, node ports, LoadBalancer address, pod names, pod IPs and pod nodes identical.
 * A broken field leaves even the edited object as it was (the API server refuses the update). On the
 * kubia scenario the edit may follow terminal actions (scale, delete a pod): their results stay too.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, reviseSimulation } from '../index.ts';
import type { Action, Simulation } from '../index.ts';
import { scenarioText } from './helpers.ts';
import { allocationsOf, othersIn } from './allocationLedger.ts';

const FILE = 'manifest.yaml';
const SCENARIOS = ['kubia', 'clusterip', 'nodeport', 'loadbalancer', 'ingress', 'dns', 'readiness'];
/**
 * Topology and namespaces take what they hold with them (kind rebuilds; a namespace's contents go), and
 * so does a MetalLB pool: the addresses it handed out go when no pool allows them any more
 * (serviceRegistry.test.ts covers that).
 */
const SKIPPED_KINDS = new Set(['Cluster', 'Node', 'Namespace', 'IPAddressPool']);

type Mutation = 'port' | 'break' | 'delete' | 'rename';

interface Doc {
  text: string;
  kind: string;
  name: string;
}

function splitDocuments(text: string): Doc[] {
  return text.split(/^---$/m).map((part) => ({
    text: part,
    kind: /^kind: (\S+)/m.exec(part)?.[1] ?? '',
    name: /^metadata:\n(?: {2}.*\n)*? {2}name: (\S+)/m.exec(part)?.[1] ?? '',
  }));
}

function mutate(doc: Doc, mutation: Mutation, port: number): string {
  switch (mutation) {
    case 'port':
      return doc.text.replace(/(\bport: )\d+/, `$1${port}`);
    case 'break':
      // A validation error (a string where a map belongs), not a syntax error.
      return doc.text.replace(/^metadata:\n/m, 'metadata:\n  uid: [1, 2]\n');
    case 'delete':
      return '\n';
    case 'rename':
      return doc.text.replace(/^(metadata:\n(?: {2}.*\n)*? {2}name: )(\S+)/m, '$1$2-renamed');
  }
}

const built = new Map<string, Simulation>();
function buildScenario(id: string): Simulation {
  let sim = built.get(id);
  if (!sim)
    built.set(id, (sim = createSimulation({ files: [{ file: FILE, text: scenarioText(id) }], seed: 1 })));
  return sim;
}

/** `kubectl scale rc kubia --replicas=4`, then `kubectl delete pod` of the first kubia pod. */
function kubiaActions(sim: Simulation): Action[] {
  const pod = sim.state.pods.find((p) => p.ownerRef?.name === 'kubia');
  return [
    { type: 'scale', kind: 'ReplicationController', namespace: 'default', name: 'kubia', replicas: 4 },
    { type: 'delete', kind: 'Pod', namespace: 'default', name: pod?.metadata.name ?? '' },
  ];
}

/** The edited object's own entries: the object, and for a controller the pods it (or its ReplicaSets) own. */
function ownedBy(doc: Doc, key: string): boolean {
  const [kind = '', , name = ''] = key.split('/');
  if (name === doc.name && kind === doc.kind) return true;
  if (doc.kind === 'Deployment') return kind === 'ReplicaSet' && name.startsWith(`${doc.name}-`);
  return false;
}

describe('edits of one document', () => {
  it("never move another object's allocations", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIOS),
        fc.nat(),
        fc.constantFrom<Mutation>('port', 'break', 'delete', 'rename'),
        fc.integer({ min: 1, max: 65535 }),
        fc.boolean(),
        (id, pick, mutation, port, withActions) => {
          const text = scenarioText(id);
          const docs = splitDocuments(text);
          const candidates = docs
            .map((doc, i) => ({ doc, i }))
            .filter(({ doc }) => doc.kind !== '' && doc.name !== '' && !SKIPPED_KINDS.has(doc.kind));
          const chosen = candidates[pick % candidates.length];
          if (!chosen) return;
          const edited = docs
            .map((d, i) => (i === chosen.i ? mutate(d, mutation, port) : d.text))
            .join('---');
          const built = buildScenario(id);
          // On kubia, what the terminal did first (scale, delete a pod) must survive the edit too.
          const actions = withActions && id === 'kubia' ? kubiaActions(built) : [];
          const before = reviseSimulation(built, { files: [{ file: FILE, text }], seed: 1, actions });
          const after = reviseSimulation(before, { files: [{ file: FILE, text: edited }], seed: 1, actions });
          if (actions.length > 0) {
            // four active pods; the deleted one is still Terminating (cluster/termination.ts)
            const active = before.state.pods.filter((p) => p.metadata.deletionTimestamp === undefined);
            expect(active.filter((p) => p.ownerRef?.name === 'kubia')).toHaveLength(4);
          }
          expect(after.stale).toBe(false);
          const was = allocationsOf(before);
          const now = allocationsOf(after);
          const others = othersIn(was, now, (key) => ownedBy(chosen.doc, key));
          expect(others.now, `${id}: ${mutation} ${chosen.doc.kind}/${chosen.doc.name}`).toEqual(others.was);
          if (mutation === 'break') {
            expect(now).toEqual(was);
            expect(after.rejected?.length).toBeGreaterThan(0);
          }
          if (mutation === 'delete' || mutation === 'rename') {
            const gone = [...now.keys()].filter(
              (key) => key === `${chosen.doc.kind}/default/${chosen.doc.name}`,
            );
            expect(gone).toEqual([]);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

import { describe, it, expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { SCENARIOS } from '../../scenarios/index.ts';
import type { Action } from '../model/actions.ts';
import { createSimulation } from '../sim/simulation.ts';
import type { Simulation } from '../sim/simulation.ts';
import { scenarioText, simulateScenario } from '../test/helpers.ts';
import { exportScenario } from './exportScenario.ts';

function exported(yaml: string, actions: Action[] = []) {
  const result = exportScenario({ yaml, actions, baseName: 'demo' });
  if (!result.ok) throw new Error(result.message);
  return result;
}

function kindsOf(text: string): string[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as { kind?: string } | null)
    .flatMap((o) => (o?.kind ? [o.kind] : []));
}

/** What a user sees of a cluster: the Services with their IPs and ports, and the pods' names and IPs. */
function clusterView(sim: Simulation): string[] {
  return [
    ...sim.state.services.map(
      (s) =>
        `svc ${s.manifest.metadata.namespace}/${s.manifest.metadata.name} ${s.manifest.spec.type} ${s.manifest.spec.clusterIP} ${JSON.stringify(s.manifest.spec.ports)}`,
    ),
    ...sim.state.pods.map(
      (p) => `pod ${p.metadata.namespace}/${p.metadata.name} ${p.status.podIP} ${p.spec.nodeName}`,
    ),
    ...sim.state.nodes.map((n) => `node ${n.name} ${n.ip} ${n.role}`),
  ].sort();
}

const POD = (name: string, labels = 'app: web') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels: {${labels}}\nspec:\n  containers: [{name: c, image: nginx}]\n`;

describe('exportScenario: files a real cluster takes', () => {
  it.each(SCENARIOS.map((s) => s.id))('%s: kind config + manifests rebuild the same cluster', (id) => {
    const files = exported(scenarioText(id));
    expect(kindsOf(files.manifests)).not.toContain('Cluster');
    expect(kindsOf(files.kindConfig)).toEqual(['Cluster']);
    const rebuilt = createSimulation({
      files: [
        { file: 'demo-kind.yaml', text: files.kindConfig },
        { file: 'demo.yaml', text: files.manifests },
      ],
    });
    expect(rebuilt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(clusterView(rebuilt)).toEqual(clusterView(simulateScenario(id)));
  });

  it('leaves kubeplay OutsideHost documents out and names them in the header (docs/outside-hosts.md)', () => {
    const files = exported(scenarioText('outside'));
    expect(kindsOf(files.manifests)).not.toContain('OutsideHost');
    expect(kindsOf(files.manifests)).toContain('Endpoints');
    expect(files.manifests).toContain('#   legacy-1 11.11.11.11\n');
  });

  it("carries NetworkPolicies, written or applied in the terminal, and keeps kind's default CNI that enforces them", () => {
    // kindnet enforces NetworkPolicy since kind v0.24 (https://github.com/kubernetes-sigs/kind/releases/tag/v0.24.0):
    // the kind config must not disable the default CNI, or the exported policies would do nothing
    const deny = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n`;
    const allow = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: allow-web}\nspec:\n  podSelector: {matchLabels: {app: web}}\n  ingress: [{ports: [{port: 80}]}]\n`;
    const yaml = `${POD('web')}---\n${deny}`;
    const files = exported(yaml, [{ type: 'apply', yaml: allow }]);
    expect(kindsOf(files.manifests).filter((k) => k === 'NetworkPolicy')).toHaveLength(2);
    expect(files.kindConfig).not.toMatch(/disableDefaultCNI/);
    const rebuilt = createSimulation({
      files: [
        { file: 'demo-kind.yaml', text: files.kindConfig },
        { file: 'demo.yaml', text: files.manifests },
      ],
    });
    expect((rebuilt.state.networkPolicies ?? []).map((p) => p.manifest.metadata.name).sort()).toEqual([
      'allow-web',
      'deny',
    ]);
  });

  it('keeps the comments and formatting the user wrote', () => {
    const yaml = `# my notes\n${POD('a')}---\n# second\n${POD('b')}`;
    const files = exported(yaml);
    expect(files.manifests).toContain('# my notes\napiVersion: v1');
    expect(files.manifests).toContain('# second\napiVersion: v1');
    expect(files.manifests).toContain('labels: {app: web}');
  });

  it('starts with the two commands, naming both files', () => {
    const files = exported(POD('a'));
    expect(files.manifestsFile).toBe('demo.yaml');
    expect(files.kindConfigFile).toBe('demo-kind.yaml');
    expect(files.manifests).toMatch(
      /^# .*\n(?:# .*\n)*# {3}kind create cluster --config demo-kind\.yaml\n# {3}kubectl apply -f demo\.yaml\n/,
    );
  });

  it('says where the YAML is broken instead of exporting it', () => {
    const result = exportScenario({ yaml: 'kind: Pod\n  metadata: [\n', actions: [], baseName: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/line \d+/);
  });
});

describe('exportScenario: the action log folded into the manifests', () => {
  const rc = `apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: kubia\nspec:\n  replicas: 3 # three\n  selector: {app: kubia}\n  template:\n    metadata: {labels: {app: kubia}}\n    spec: {containers: [{name: c, image: luksa/kubia}]}\n`;

  it('scale sets spec.replicas and keeps the comment beside it', () => {
    const files = exported(rc, [
      { type: 'scale', kind: 'ReplicationController', namespace: 'default', name: 'kubia', replicas: 5 },
    ]);
    expect(files.manifests).toContain('replicas: 5 # three');
  });

  it('kubectl apply/expose add objects; applying an existing one replaces it', () => {
    const svc = (port: number) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: ${port}}]\n`;
    const files = exported(`${POD('a')}---\n${svc(80)}`, [{ type: 'apply', yaml: svc(8080) }]);
    const objects = parseAllDocuments(files.manifests).map((d) => d.toJS() as Record<string, unknown> | null);
    const services = objects.filter((o) => o?.kind === 'Service');
    expect(services).toHaveLength(1);
    expect(JSON.stringify(services[0])).toContain('8080');
  });

  it('delete removes the object, also from inside a List, and only in its namespace', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - ${POD('a').replace(/\n/g, '\n    ')}\n  - ${POD('b').replace(/\n/g, '\n    ')}\n`;
    const other = POD('a').replace('name: a', 'name: a\n  namespace: team');
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n';
    const files = exported(`${namespace}---\n${list}---\n${other}`, [
      { type: 'delete', kind: 'Pod', namespace: 'default', name: 'a' },
    ]);
    const rebuilt = createSimulation({ files: [{ file: 'demo.yaml', text: files.manifests }] });
    const pods = rebuilt.state.pods.filter((p) => p.metadata.namespace !== 'kube-system');
    expect(pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort()).toEqual([
      'default/b',
      'team/a',
    ]);
  });

  it('label and annotate edit metadata; removing a key drops it', () => {
    const files = exported(POD('a', 'app: web, tier: front'), [
      { type: 'label', kind: 'Pod', namespace: 'default', name: 'a', set: { env: 'prod' }, remove: ['tier'] },
      {
        type: 'annotate',
        kind: 'Pod',
        namespace: 'default',
        name: 'a',
        set: { 'example.com/owner': 'me' },
        remove: [],
      },
    ]);
    const pod = parseAllDocuments(files.manifests)[0]?.toJS() as { metadata: Record<string, unknown> };
    expect(pod.metadata['labels']).toEqual({ app: 'web', env: 'prod' });
    expect(pod.metadata['annotations']).toEqual({ 'example.com/owner': 'me' });
  });

  it('lists what has no manifest: a node stopped, an /etc/hosts line, a readiness file, a controller pod deleted', () => {
    const files = exported(rc, [
      { type: 'node', name: 'kind-worker', up: false },
      { type: 'node', name: 'kind-worker2', up: false },
      { type: 'node', name: 'kind-worker2', up: true },
      { type: 'hosts', client: 'laptop', ip: '172.18.0.3', hostnames: ['kubia.example.com'] },
      { type: 'podFile', namespace: 'default', name: 'kubia-x1', path: '/var/ready', present: true },
      { type: 'delete', kind: 'Pod', namespace: 'default', name: 'kubia-x2' },
    ]);
    const header = files.manifests.slice(0, files.manifests.indexOf('---'));
    expect(header).toContain('docker stop kind-worker ');
    expect(header).not.toContain('docker stop kind-worker2');
    expect(header).toContain('echo "172.18.0.3 kubia.example.com" | sudo tee -a /etc/hosts');
    expect(header).toContain('kubectl exec kubia-x1 -- touch /var/ready');
    expect(header).toContain('kubectl delete pod kubia-x2');
    expect(header.split('\n').every((line) => line === '' || line.startsWith('#'))).toBe(true);
  });
});

describe('exportScenario: hostile names in the action log', () => {
  it('a line break in a name cannot leave the header comment and become a manifest', () => {
    const files = exported(POD('a'), [
      { type: 'hosts', client: 'laptop', ip: '1.2.3.4', hostnames: ['x\napiVersion: v1\nkind: Namespace'] },
      { type: 'delete', kind: 'Pod', namespace: 'default', name: 'ghost\r\nkind: Secret' },
    ]);
    const header = files.manifests.slice(0, files.manifests.indexOf('---'));
    expect(header.split('\n').every((line) => line === '' || line.startsWith('#'))).toBe(true);
    expect(kindsOf(files.manifests)).toEqual(['Pod']);
  });
});

describe('exportScenario: the kind config', () => {
  it("spells out kubeplay's default topology (kind alone would make a single node)", () => {
    const files = exported(POD('a'));
    const rebuilt = createSimulation({ files: [{ file: 'k.yaml', text: files.kindConfig }] });
    expect(rebuilt.state.nodes.map((n) => `${n.name} ${n.role}`)).toEqual([
      'kind-control-plane control-plane',
      'kind-worker worker',
      'kind-worker2 worker',
    ]);
  });

  it('turns v1 Node manifests into kind nodes with their roles and own labels, out of the manifests', () => {
    const node = (name: string, labels: string) =>
      `apiVersion: v1\nkind: Node\nmetadata:\n  name: ${name}\n  labels: {${labels}}\n`;
    const files = exported(
      `${node('cp', '"node-role.kubernetes.io/control-plane": ""')}---\n${node('w1', 'disk: ssd, "kubernetes.io/os": linux')}---\n${POD('a')}`,
    );
    expect(kindsOf(files.manifests)).toEqual(['Pod']);
    const config = parseAllDocuments(files.kindConfig)[0]?.toJS() as { nodes: unknown[] };
    expect(config.nodes).toEqual([{ role: 'control-plane' }, { role: 'worker', labels: { disk: 'ssd' } }]);
  });
});

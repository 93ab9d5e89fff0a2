import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';

const deployment = (name: string, replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n`;

describe('playground limits (src/engine/limits.ts)', () => {
  it('a 1,000,000-replica Deployment is refused at spec.replicas without creating its pods; the rest of the cluster works', () => {
    const sim = createSimulation({
      files: [
        { file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' },
        { file: 'big.yaml', text: deployment('big', 1000000) },
      ],
    });
    const errors = sim.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.path}: ${d.message}`)).toEqual([
      'big.yaml:6:13 spec.replicas: Invalid value: 1000000: kubeplay simulates at most 5,000 pods in all (a limit of this playground, not of Kubernetes)',
    ]);
    expect(sim.state.pods.some((p) => p.metadata.labels['app'] === 'kubia')).toBe(true);
    expect(sim.state.workloads.some((w) => w.manifest.metadata.name === 'big')).toBe(false);
  });

  it("the 10,000-pod link's scenario (50 kind workers) is refused at spec.replicas at once", () => {
    const workers = Array.from({ length: 50 }, () => '- role: worker').join('\n');
    const sim = createSimulation({
      files: [
        {
          file: 'link.yaml',
          text: `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n${workers}\n---\n${deployment('web', 10000)}`,
        },
      ],
    });
    expect(
      sim.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message}`),
    ).toEqual([
      'spec.replicas: Invalid value: 10000: kubeplay simulates at most 5,000 pods in all (a limit of this playground, not of Kubernetes)',
    ]);
    expect(sim.state.pods.some((p) => p.metadata.labels['app'] === 'web')).toBe(false);
  });

  it('counts the pods of the whole cluster: two Deployments of 3,000 cannot both run', () => {
    const sim = createSimulation({
      files: [{ file: 'two.yaml', text: `${deployment('a', 3000)}---\n${deployment('b', 3000)}` }],
    });
    expect(sim.state.pods.filter((p) => p.metadata.labels['app'] === 'a')).toHaveLength(3000);
    const errors = sim.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'spec.replicas', code: 'limit-pods' });
  });

  it('500+ labels and annotations, and 100+ kind nodes, are one message each', () => {
    const labels = Array.from({ length: 5000 }, (_, i) => `    l${i}: v`).join('\n');
    const pod = createSimulation({
      files: [
        {
          file: 'p.yaml',
          text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n${labels}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`,
        },
      ],
    });
    expect(
      pod.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message}`),
    ).toEqual([
      'metadata.labels: Too many: 5000: kubeplay keeps at most 500 labels and annotations per object (a limit of this playground, not of Kubernetes)',
    ]);
    const workers = Array.from({ length: 1000 }, () => '- role: worker').join('\n');
    const kind = createSimulation({
      files: [
        {
          file: 'kind.yaml',
          text: `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n${workers}\n`,
        },
      ],
    });
    expect(
      kind.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message}`),
    ).toEqual([
      'nodes: Too many: 1001: kubeplay simulates at most 100 nodes (a limit of this playground, not of Kubernetes)',
    ]);
  });

  it('50,000 labels and 100,000 kind workers are refused in one located message before the YAML is parsed', () => {
    // Parsing 100,000 `- role: worker` lines took the yaml library 4 s of CPU, past the page's Worker
    // watchdog, before the node limit could answer; the raw text is measured first (MAX_DOCUMENT_LINES).
    const labels = Array.from({ length: 50000 }, (_, i) => `    l${i}: v`).join('\n');
    const workers = Array.from({ length: 100000 }, () => '- role: worker').join('\n');
    const texts = [
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n${labels}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`,
      `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n${workers}\n`,
      // The same list written in flow style, on one line.
      `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes: [${Array.from({ length: 100000 }, () => '{role: worker}').join(', ')}]\n`,
    ];
    // The line-and-column of the limit itself shows the raw text answered (the parser would have
    // reported where the YAML says it, not at line 20,001); how fast is for `npm run fuzz` and the
    // benches to measure, not for a test on a shared machine.
    const found = texts.map((text) => {
      const sim = createSimulation({ files: [{ file: 'big.yaml', text }] });
      return { errors: sim.diagnostics.filter((d) => d.severity === 'error') };
    });
    const limit =
      'this document has more than 20,000 lines or list items; kubeplay reads at most 20,000 per document (a limit of this playground, not of Kubernetes)';
    expect(found.map((f) => f.errors.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`))).toEqual([
      [`20001:5 limit-document-lines: ${limit}`],
      [`20001:1 limit-document-lines: ${limit}`],
      [`3:${'nodes: ['.length + 20001 * '{role: worker}, '.length} limit-document-lines: ${limit}`],
    ]);
  });

  it('Services past 1,000 are refused one by one, the first 1,000 work', () => {
    const services = Array.from(
      { length: 1002 },
      (_, i) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  ports:\n  - port: 80\n`,
    ).join('---\n');
    const sim = createSimulation({ files: [{ file: 's.yaml', text: services }] });
    const refused = sim.diagnostics.filter((d) => d.code === 'limit-services');
    // The system Services (kubernetes, kube-dns) count among the 1,000.
    expect(sim.state.services).toHaveLength(1000);
    expect(refused).toHaveLength(1002 + 2 - 1000);
    expect(refused[0]?.message).toBe(
      'Forbidden: kubeplay simulates at most 1,000 Services (a limit of this playground, not of Kubernetes)',
    );
  });
});

/**
 * The workload controllers create their pods with createPodFromOwnParts, which takes the metadata and
 * spec made for the pod instead of copying them (docs/performance.md#reconcile-at-1000-pods). It must
 * give exactly what createPod gives: the same pod (fields in the same order), the same events, rng
 * draws, IPs and indexes. Compared on every bundled scenario and generated ones, for each workload's
 * template as newPodFromTemplate builds it, unscheduled, pinned to a node and bound by nodeName.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import type { PodState, WorkloadState } from '../model/state.ts';
import { generateScenario } from '../../bench/generateScenario.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { closeControlPlane, getNamespacePods, openControlPlane } from './controlPlane.ts';
import type { ControlPlane } from './controlPlane.ts';
import { createPod, createPodFromOwnParts } from './podLifecycle.ts';
import type { NewPod } from './podLifecycle.ts';

const TEXTS: Record<string, string> = {
  ...SCENARIO_TEXTS,
  generated: generateScenario({ nodes: 6, apps: 12, ingresses: 3, namespaces: 3 }),
  'generated-60': generateScenario({ nodes: 7, apps: 60, ingresses: 9, namespaces: 3 }),
};

/** What newPodFromTemplate hands over: objects made for this pod alone. */
function inputFor(
  w: WorkloadState,
  n: number,
  placement: 'scheduler' | 'daemon' | 'nodeName',
  node: string,
): NewPod {
  const template = w.manifest.template;
  return {
    metadata: {
      name: `${w.manifest.metadata.name}-own${n}`,
      namespace: w.manifest.metadata.namespace,
      labels: { ...template.labels },
      annotations: { ...template.annotations },
    },
    spec: {
      ...template.spec,
      containers: template.spec.containers,
      nodeSelector: template.spec.nodeSelector,
      ...(placement === 'nodeName' ? { nodeName: node } : {}),
    },
    ownerRef: { kind: w.manifest.kind, name: w.manifest.metadata.name },
    ...(placement === 'daemon' ? { daemonNode: node } : {}),
  };
}

function afterCreating(
  state: ControlPlane['state'],
  inputs: NewPod[],
  create: (cp: ControlPlane, input: NewPod) => PodState,
): string {
  const cp = openControlPlane(structuredClone(state));
  // the namespace index is built first, as in a controller pass, so the new pods join it
  for (const input of inputs) getNamespacePods(cp, input.metadata.namespace);
  for (const input of inputs) create(cp, structuredClone(input));
  return JSON.stringify(closeControlPlane(cp));
}

describe('createPodFromOwnParts', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`gives what createPod gives: ${name}`, () => {
      const { state } = createSimulation({ files: [{ file: 'm.yaml', text }], seed: 3 });
      const node = state.nodes[state.nodes.length - 1]?.name ?? 'kind-worker';
      const inputs = state.workloads.flatMap((w, i) => [
        inputFor(w, i, 'scheduler', node),
        inputFor(w, i + 1000, 'daemon', node),
        inputFor(w, i + 2000, 'nodeName', node),
      ]);
      expect(inputs.length).toBeGreaterThan(0);
      const general = afterCreating(state, inputs, createPod);
      expect(afterCreating(state, inputs, createPodFromOwnParts)).toBe(general);
      expect(general).not.toBe(JSON.stringify(state));
    });
  }

  it('keeps the objects it is given, where createPod copies them', () => {
    const { state } = createSimulation({ files: [{ file: 'm.yaml', text: TEXTS['generated'] ?? '' }] });
    const w = state.workloads[0] as WorkloadState;
    const input = inputFor(w, 1, 'scheduler', '');
    const own = createPodFromOwnParts(openControlPlane(structuredClone(state)), input);
    expect(own.metadata).toBe(input.metadata);
    expect(own.spec).toBe(input.spec);
    const copy = createPod(openControlPlane(structuredClone(state)), input);
    expect(copy.spec).not.toBe(input.spec);
  });
});

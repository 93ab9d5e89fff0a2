import { describe, expect, it } from 'vitest';
import { applyAction } from '../../sim/simulation.ts';
import { simulateScenario } from '../../test/helpers.ts';
import { getIngressController } from './controllerRuntime.ts';

describe('getIngressController', () => {
  it('answers for a pod copied by an edit that left the controller alone, from the same runtime', () => {
    const sim = simulateScenario('ingress');
    const controllerPod = sim.state.pods.find((p) => getIngressController(p) !== undefined);
    expect(controllerPod).toBeDefined();
    const before = getIngressController(controllerPod!);
    // An edit elsewhere: every pod becomes a new object (sim/copyState.ts), its containers do not.
    const target = sim.state.workloads.find(
      (w) => w.manifest.metadata.namespace !== controllerPod!.metadata.namespace && !w.ownerRef,
    )?.manifest;
    expect(target).toBeDefined();
    const after = applyAction(sim, {
      type: 'scale',
      kind: target!.kind as 'Deployment',
      namespace: target!.metadata.namespace,
      name: target!.metadata.name,
      replicas: 2,
    });
    const copied = after.state.pods.find((p) => p.metadata.name === controllerPod!.metadata.name);
    expect(copied).toBeDefined();
    expect(copied).not.toBe(controllerPod);
    expect(getIngressController(copied!)).toBe(before);
    expect(before?.info.kind).toBe('ingress-nginx');
  });

  it('finds no controller in an application pod', () => {
    const sim = simulateScenario('ingress');
    const app = sim.state.pods.find((p) => p.metadata.namespace === 'default');
    expect(app).toBeDefined();
    expect(getIngressController(app!)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/simulation.ts';
import { kindClusterYaml } from '../test/kindCluster.ts';
import { kubiaRcYaml } from '../test/kubiaManifests.ts';
import { webDeploymentYaml } from '../test/webApp.ts';
import { checkLimitsEarly, EARLY_CHECK_MAX_CHARS } from './earlyLimitCheck.ts';

const FILE = 'manifest.yaml';

/** What the whole engine says about the same text: the early check must say the same, word for word. */
function engineLimitErrors(text: string) {
  const { diagnostics } = createSimulation({ files: [{ file: FILE, text }], seed: 1 });
  return diagnostics.filter((d) => d.code === 'limit-pods');
}

describe('checkLimitsEarly', () => {
  it("refuses a 1,000,000-replica Deployment with the engine's own message, line and column", () => {
    const text = `${kindClusterYaml(1)}---\n${webDeploymentYaml(1_000_000, false)}`;
    const early = checkLimitsEarly([{ file: FILE, text }]);
    expect(early).toHaveLength(1);
    expect(early[0]).toMatchObject({ path: 'spec.replicas', severity: 'error' });
    expect(early[0]?.message).toContain('kubeplay simulates at most 5,000 pods in all');
    expect(early).toEqual(engineLimitErrors(text));
  });

  it('refuses a ReplicationController over the limit the same way', () => {
    const text = kubiaRcYaml(10_000);
    expect(checkLimitsEarly([{ file: FILE, text }])).toEqual(engineLimitErrors(text));
    expect(engineLimitErrors(text)).toHaveLength(1);
  });

  it('finds nothing in a scenario within the limits', () => {
    expect(checkLimitsEarly([{ file: FILE, text: webDeploymentYaml(5_000) }])).toEqual([]);
    expect(checkLimitsEarly([{ file: FILE, text: kubiaRcYaml(3) }])).toEqual([]);
  });

  it('leaves what only the whole cluster shows to the engine: two workloads under the limit each', () => {
    const one = webDeploymentYaml(3_000, false);
    const text = `${one}---\n${one.replace('name: web', 'name: web2')}`;
    expect(checkLimitsEarly([{ file: FILE, text }])).toEqual([]);
  });

  it('does not read a text too big to read on the main thread at once; the engine still refuses it', () => {
    const padding = `# ${'x'.repeat(78)}\n`.repeat(Math.ceil(EARLY_CHECK_MAX_CHARS / 80));
    const text = `${padding}${webDeploymentYaml(1_000_000, false)}`;
    expect(checkLimitsEarly([{ file: FILE, text }])).toEqual([]);
    expect(engineLimitErrors(text)).toHaveLength(1);
  });

  it('never throws on text that is not a manifest', () => {
    for (const text of [
      '',
      '[',
      'kind: Deployment\nspec: 3',
      '- 1\n- 2',
      'kind: Deployment\nspec:\n  replicas: "9e9"',
    ]) {
      expect(checkLimitsEarly([{ file: FILE, text }])).toEqual([]);
    }
  });
});

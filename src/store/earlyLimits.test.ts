/**
 * A link over the playground's limits is answered before the engine: the engine's early check lists its
 * message at once and the problems list opens on it; the engine's answer then says the same. Typing the
 * same text opens nothing by itself (the list is for a link that shows an empty cluster).
 */
import { describe, expect, it } from 'vitest';
import { kubiaRcYaml } from '../engine/test/kubiaManifests.ts';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { createInThreadEngine } from '../worker/inThread.ts';
import { loadEarlyLimitCheck } from './earlyLimits.ts';
import { createKubeplayApp } from './kubeplayApp.ts';
import type { OpenedLink } from './shareLink.ts';

const POD_LIMIT = 'kubeplay simulates at most 5,000 pods in all';

function linkTo(yaml: string): OpenedLink {
  return {
    scenario: { scenarioId: 'custom', yaml, seed: 1, actions: [] },
    positions: {},
    selection: null,
    draft: null,
  };
}

function makeApp(link: OpenedLink | null) {
  return createKubeplayApp({
    engine: createInThreadEngine(),
    scenarios: Object.entries(SCENARIO_TEXTS).map(([id, yaml]) => ({ id, title: id, yaml })),
    storage: null,
    now: () => 1000,
    debounceMs: 5,
    link,
  });
}

const listOpen = (app: ReturnType<typeof makeApp>) => {
  const { bottomOpen, bottomTab } = app.view.getState();
  return bottomOpen && bottomTab === 'problems';
};

describe('a link over the playground limits', () => {
  it("lists the engine's message before the engine answers, with the list open, then the engine agrees", async () => {
    const check = await loadEarlyLimitCheck();
    const app = makeApp(linkTo(kubiaRcYaml(1_000_000)));
    expect(app.adoptEarlyLimitCheck(check)).toBe(true);
    const early = app.simulation.getState();
    expect(early.status).toBe('starting');
    expect(early.diagnostics.map((d) => `${d.line}:${d.column} ${d.path}: ${d.message}`)).toEqual([
      expect.stringContaining(`spec.replicas: Invalid value: 1000000: ${POD_LIMIT}`),
    ]);
    expect(listOpen(app)).toBe(true);
    await app.flush();
    expect(app.simulation.getState().status).toBe('ready');
    expect(app.simulation.getState().diagnostics).toContainEqual(early.diagnostics[0]);
    app.dispose();
  });

  it("opens the list on the engine's answer when the early check came too late", async () => {
    const app = makeApp(linkTo(kubiaRcYaml(1_000_000)));
    await app.flush();
    expect(app.adoptEarlyLimitCheck(await loadEarlyLimitCheck())).toBe(false);
    expect(listOpen(app)).toBe(true);
    expect(app.simulation.getState().diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringContaining(POD_LIMIT),
    );
    app.dispose();
  });

  it('answers a link opened later (over my own work) the same way, at once', async () => {
    const app = makeApp(null);
    await app.flush();
    expect(app.adoptEarlyLimitCheck(await loadEarlyLimitCheck())).toBe(false);
    app.openLink(linkTo(kubiaRcYaml(10_000)));
    expect(app.simulation.getState().diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining(POD_LIMIT),
    ]);
    expect(listOpen(app)).toBe(true);
    app.dispose();
  });

  it('leaves a link within the limits, and typing over them, as they were', async () => {
    const check = await loadEarlyLimitCheck();
    const app = makeApp(linkTo(kubiaRcYaml(3)));
    expect(app.adoptEarlyLimitCheck(check)).toBe(false);
    expect(app.simulation.getState().diagnostics).toEqual([]);
    await app.flush();
    app.editYaml(kubiaRcYaml(1_000_000));
    await app.flush();
    expect(app.simulation.getState().diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringContaining(POD_LIMIT),
    );
    expect(listOpen(app)).toBe(false);
    app.dispose();
  });
});

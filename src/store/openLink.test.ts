/**
 * app.openLink: a link opened after start (the person chose it over their work) leaves the app as a
 * page opened with that link would be: its scenario, its view, and no traffic from the old cluster.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { createInThreadEngine } from '../worker/inThread.ts';
import { createKubeplayApp } from './kubeplayApp.ts';
import type { OpenedLink } from './shareLink.ts';
import { setStepHop } from './viewActions.ts';

const link: OpenedLink = {
  scenario: { scenarioId: 'custom', yaml: SCENARIO_TEXTS['clusterip'] ?? '', seed: 7, actions: [] },
  positions: { 'node/kind-worker': { x: 10, y: 20 } },
  selection: 'svc/default/kubia',
  draft: { from: 'client/laptop', url: 'http://kubia' },
};

function makeApp(opened: OpenedLink | null) {
  return createKubeplayApp({
    engine: createInThreadEngine(),
    scenarios: Object.entries(SCENARIO_TEXTS).map(([id, yaml]) => ({ id, title: id, yaml })),
    storage: null,
    now: () => 1000,
    debounceMs: 5,
    link: opened,
  });
}

describe('app.openLink', () => {
  it('ends where a page opened with the link starts', async () => {
    const started = makeApp(link);
    await started.flush();
    const app = makeApp(null);
    await app.flush();
    await app.sendRequest({ from: 'client/laptop', url: 'http://kubia' });
    setStepHop(app.view, 3);
    expect(app.traffic.getState().flights.length).toBeGreaterThan(0);

    app.openLink(link);
    await app.flush();

    expect(app.scenario.getState()).toEqual(started.scenario.getState());
    const pick = (s: ReturnType<typeof app.view.getState>) => ({
      positions: s.positions,
      selection: s.selection,
      draft: s.draft,
      stepHop: s.stepHop,
    });
    expect(pick(app.view.getState())).toEqual(pick(started.view.getState()));
    expect(app.traffic.getState().flights).toEqual([]);
    expect(app.simulation.getState().sim?.state.pods.map((p) => p.metadata.name)).toEqual(
      started.simulation.getState().sim?.state.pods.map((p) => p.metadata.name),
    );
    started.dispose();
    app.dispose();
  });
});

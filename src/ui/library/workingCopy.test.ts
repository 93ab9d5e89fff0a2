import { describe, it, expect } from 'vitest';
import { applyAction, createSimulation } from '../../engine/index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import type { SharedScenario } from '../../share/index.ts';
import type { LibraryEntry } from '../../store/library/libraryEntry.ts';
import { toOpenedLink } from './openLibraryEntry.ts';
import {
  canReplaceWithoutAsking,
  getWorkingCopyStatus,
  toDefaultName,
  toClusterCounts,
  toLibraryContent,
} from './workingCopy.ts';

const bundled = [{ id: 'kubia', title: 'Kubia', yaml: 'kind: ReplicationController\n' }];
const pristine: SharedScenario = { yaml: 'kind: ReplicationController\n', seed: 1, actions: [] };
const scaled: SharedScenario = {
  ...pristine,
  actions: [
    {
      type: 'scale' as const,
      kind: 'ReplicationController',
      namespace: 'default',
      name: 'kubia',
      replicas: 5,
    },
  ],
};

function entry(id: string, scenario = scaled): LibraryEntry {
  return { id, name: `entry ${id}`, savedAt: 1, scenarioId: 'kubia', scenario };
}

describe('the working copy and the library', () => {
  it('replaces a bundled example as it ships, or work kept in an entry, without asking', () => {
    expect(canReplaceWithoutAsking(pristine, 'kubia', [], bundled)).toBe(true);
    expect(canReplaceWithoutAsking(scaled, 'kubia', [entry('a')], bundled)).toBe(true);
  });

  it('asks before replacing work that is in no entry: an action, a new seed, a dragged node, an edit', () => {
    expect(canReplaceWithoutAsking(scaled, 'kubia', [entry('a', pristine)], bundled)).toBe(false);
    expect(canReplaceWithoutAsking({ ...pristine, seed: 2 }, 'kubia', [], bundled)).toBe(false);
    expect(
      canReplaceWithoutAsking({ ...pristine, layout: { 'node/a': { x: 1, y: 1 } } }, 'kubia', [], bundled),
    ).toBe(false);
    expect(canReplaceWithoutAsking({ ...pristine, yaml: 'kind: Pod\n' }, 'kubia', [], bundled)).toBe(false);
    expect(canReplaceWithoutAsking(pristine, 'custom', [], bundled)).toBe(false);
  });

  it('says whether the working copy is still the open entry', () => {
    expect(getWorkingCopyStatus(scaled, null, false)).toEqual({ kind: 'none' });
    expect(getWorkingCopyStatus(scaled, entry('a'), false).kind).toBe('same');
    expect(getWorkingCopyStatus({ ...scaled, seed: 2 }, entry('a'), false).kind).toBe('changed');
    // A bundled example picked afresh from the menu is not the open entry's work any more.
    expect(getWorkingCopyStatus(pristine, entry('a'), true).kind).toBe('none');
    expect(getWorkingCopyStatus(pristine, entry('a', pristine), true).kind).toBe('same');
  });

  it('offers the example’s title as the name, else the open entry’s, else the default', () => {
    expect(toDefaultName('kubia', bundled, entry('a'), 'My scenario')).toBe('Kubia');
    expect(toDefaultName('custom', bundled, entry('a'), 'My scenario')).toBe('entry a');
    expect(toDefaultName('custom', bundled, null, 'My scenario')).toBe('My scenario');
  });

  it('stores what a share link carries and opens it back the same', () => {
    const view = {
      positions: { 'node/kind-worker': { x: 5, y: 6 } },
      selection: 'pod/default/kubia-a',
      draft: { from: 'client/laptop', url: 'http://kubia', host: '' },
    };
    const content = toLibraryContent({ scenarioId: 'kubia', ...scaled }, view, null);
    expect(content).toEqual({
      scenarioId: 'kubia',
      scenario: {
        ...scaled,
        layout: view.positions,
        view: { selected: 'pod/default/kubia-a', request: { from: 'client/laptop', url: 'http://kubia' } },
      },
    });
    expect(toOpenedLink({ ...content, id: 'x', name: 'x', savedAt: 1 })).toEqual({
      scenario: { scenarioId: 'kubia', ...scaled },
      positions: view.positions,
      selection: 'pod/default/kubia-a',
      draft: { from: 'client/laptop', url: 'http://kubia' },
    });
  });
});

const createKubiaSimulation = () =>
  createSimulation({ files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }], seed: 1 });

describe('the counts an entry shows', () => {
  it('leave out pods on their way out (Terminating for their grace period)', () => {
    const sim = createKubiaSimulation();
    const victim = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')!;
    const before = toClusterCounts(sim.state).pods;
    const deleted = applyAction(sim, {
      type: 'delete',
      kind: 'Pod',
      namespace: 'default',
      name: victim.metadata.name,
    });
    // the deleted pod terminates while its replacement starts: the scenario still has as many pods
    expect(deleted.state.pods.some((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    expect(toClusterCounts(deleted.state).pods).toBe(before);
  });
});

/**
 * Between the graph and the editor's YAML: the document under the editor's cursor rings what it made,
 * a graph object's document is revealed in the editor, a blamed field or a quick fix goes to its line.
 * Only the editor's own file (MANIFEST_FILE) has lines to go to.
 */
import type { GraphId, QuickFix, YamlLocation } from '../engine/index.ts';
import type { ScenarioStore } from './scenarioStore.ts';
import type { SimulationStore } from './simulationStore.ts';
import { requestQuickFix, revealDocument, revealLine, sayNoDocument, setCursorObjects } from './viewStore.ts';
import type { ViewStore } from './viewStore.ts';
import { createLinkCache } from './yamlLinks.ts';

export interface AppYamlLinks {
  /** Rings what the document under the cursor made in the cluster now on screen. */
  ringCursorDocument(): Promise<void>;
  showInYaml(location: YamlLocation): void;
  revealInYaml(id: GraphId): void;
  moveEditorCursor(line: number | null): void;
  applyQuickFix(fix: QuickFix): void;
}

export function createAppYamlLinks(
  manifestFile: string,
  stores: { scenario: ScenarioStore; simulation: SimulationStore; view: ViewStore },
): AppYamlLinks {
  const { scenario, simulation, view } = stores;
  const links = createLinkCache(manifestFile);
  let cursorLine: number | null = null;

  async function ringCursorDocument(): Promise<void> {
    const sim = simulation.getState().sim;
    const line = cursorLine;
    if (line === null || !sim) return setCursorObjects(view, []);
    const doc = await links.atLine(sim.state, scenario.getState().yaml, line);
    // The cursor may have moved (or left) while the links loaded: only the latest position rings.
    if (cursorLine === line && simulation.getState().sim === sim) setCursorObjects(view, doc?.graphIds ?? []);
  }

  return {
    ringCursorDocument,
    showInYaml(location) {
      if (location.file === manifestFile) revealLine(view, location.line, location.column, true);
    },
    revealInYaml(id) {
      const sim = simulation.getState().sim;
      // Presenting, the YAML stays hidden: a click on a card only selects it.
      if (!sim || view.getState().presenter) return;
      void links.ofGraphId(sim.state, scenario.getState().yaml, id).then((doc) => {
        if (doc) revealDocument(view, doc.line);
        else sayNoDocument(view, id);
      });
    },
    moveEditorCursor(line) {
      cursorLine = line;
      if (line !== null) sayNoDocument(view, null);
      void ringCursorDocument();
    },
    applyQuickFix(fix) {
      if (fix.file === manifestFile) requestQuickFix(view, fix);
    },
  };
}

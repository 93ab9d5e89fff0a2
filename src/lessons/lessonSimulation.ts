/**
 * What the app (or a test) needs to open a lesson: the simulation input and the laptop's files.
 * Scenario texts come in as an argument (the app has them from src/scenarios/scenarioTexts.ts, Node
 * code reads the files), so this stays pure.
 */
import type { SimulationInput, SourceFile } from '../engine/index.ts';
import type { Lesson } from './types.ts';

/** The simulation input of a lesson, or undefined when its scenario id is not among `scenarioTexts`. */
export function lessonSimulationInput(
  lesson: Lesson,
  scenarioTexts: Readonly<Record<string, string>>,
): SimulationInput | undefined {
  let file: SourceFile;
  if ('id' in lesson.scenario) {
    const text = scenarioTexts[lesson.scenario.id];
    if (text === undefined) return undefined;
    file = { file: `${lesson.scenario.id}.yaml`, text };
  } else {
    file = { file: `${lesson.id}.yaml`, text: lesson.scenario.yaml };
  }
  return { files: [file], seed: lesson.seed ?? 1 };
}

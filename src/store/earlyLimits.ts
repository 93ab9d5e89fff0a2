/**
 * A share link over the playground's limits (1,000,000 replicas) is answered as soon as it is decoded:
 * the engine's early check (src/engine/limitCheck.ts) runs on the page's main thread, before the engine's
 * Worker has loaded, and its located message goes into the problems at once. The engine's own answer
 * replaces them a moment later with the same message (docs/performance.md, "Hostile links").
 */
import type { Diagnostic } from '../engine/index.ts';
import type { SimulationStore } from './simulationStore.ts';
import { showEarlyDiagnostics } from './simulationStore.ts';

/** The engine's early limit check, as the app calls it (engine/parse/earlyLimitCheck.ts). */
export type EarlyLimitCheck = (files: { file: string; text: string }[]) => Diagnostic[];

/** Loads the check: its own chunk (the YAML reader), fetched only when the page opens a link. */
export async function loadEarlyLimitCheck(): Promise<EarlyLimitCheck> {
  return (await import('../engine/limitCheck.ts')).checkLimitsEarly;
}

/** Lists the limits `text` breaks before the engine answers; true when it breaks one. */
export function listLimitsEarly(
  check: EarlyLimitCheck,
  file: string,
  text: string,
  simulation: SimulationStore,
): boolean {
  const found = check([{ file, text }]);
  if (found.length === 0) return false;
  showEarlyDiagnostics(simulation, found);
  return true;
}

/**
 * The most serious severity among the YAML's problems, so every count of them (the line over the
 * graph, the editor's tab, the activity bar, the Problems tab) takes its colour: red only when
 * something is refused. A bundled lesson's intended hint (NodePort's `externalTrafficPolicy: Local`
 * note, an `info`) must not read as an error on the projector.
 */
import type { Severity } from '../../engine/index.ts';
import { useSimulation } from '../../store/react.ts';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function worstSeverity(diagnostics: readonly { severity: Severity }[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const { severity } of diagnostics)
    if (worst === undefined || RANK[severity] > RANK[worst]) worst = severity;
  return worst;
}

/** The worst severity of the current problems (undefined while there are none). */
export function useWorstSeverity(): Severity | undefined {
  return useSimulation((s) => worstSeverity(s.diagnostics));
}

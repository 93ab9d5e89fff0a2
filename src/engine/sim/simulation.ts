import type { Action } from '../model/actions.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Manifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import type { SourceFile } from '../parse/parseManifests.ts';

export interface SimulationInput {
  files: SourceFile[];
  seed?: number;
  actions?: Action[];
}

/** The whole simulation: the cluster state plus everything the user should be told about the input. */
export interface Simulation {
  state: ClusterState;
  /** Parse diagnostics plus control-plane ones (allocation failures, teacher hints), in file order. */
  diagnostics: Diagnostic[];
  /** The parsed manifests the state was built from (documents first, then what actions applied). */
  manifests: Manifest[];
  /** The actions replayed so far, in order. */
  actions: Action[];
}

/** State = f(files, seed, actions). Never throws. */
export function createSimulation(input: SimulationInput): Simulation {
  void input;
  throw new Error('createSimulation: not implemented yet');
}

/** One more action; returns the new simulation (the old one is untouched). */
export function applyAction(sim: Simulation, action: Action): Simulation {
  void sim;
  void action;
  throw new Error('applyAction: not implemented yet');
}

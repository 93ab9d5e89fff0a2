/**
 * The course's cluster (src/scenarios/kubia.yaml: kind with one control plane and two workers, RC kubia
 * with 3 pods, Services kubia, kubia-nodeport and kubia-loadbalancer, Traefik and its Ingress) as the
 * engine builds it, 27 minutes after it was created, so ages print in minutes as on a cluster in use.
 * Built from the real scenario rather than by hand, so printers are tested on the objects the app shows.
 */
import type { ClusterState } from '../model/state.ts';
import { createSimulation } from '../sim/simulation.ts';
import { scenarioText } from './helpers.ts';

export function kubiaState(): ClusterState {
  return createSimulation({
    files: [{ file: 'kubia.yaml', text: scenarioText('kubia') }],
    seed: 1,
    actions: [{ type: 'wait', seconds: 27 * 60 }],
  }).state;
}

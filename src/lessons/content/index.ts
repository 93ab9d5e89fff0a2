/**
 * The bundled lessons, in course order. Vite's `?raw` inlines each file (as src/scenarios/scenarioTexts.ts
 * does for scenarios); parse them with parseLesson.
 */
import { parseLesson } from '../parseLesson.ts';
import type { Lesson } from '../types.ts';
import threeIps from './01-three-ips.yaml?raw';
import createService from './02-create-service.yaml?raw';
import whereRequestsGo from './03-where-requests-go.yaml?raw';
import discovery from './04-discovery.yaml?raw';
import pingClusterIp from './05-ping-cluster-ip.yaml?raw';
import endpoints from './06-endpoints.yaml?raw';
import nodeport from './07-nodeport.yaml?raw';
import loadbalancer from './08-loadbalancer.yaml?raw';
import ingress from './09-ingress.yaml?raw';
import networkPolicy from './10-network-policy.yaml?raw';

/** Lesson file texts in the order a course teaches them. */
export const LESSON_TEXTS: readonly string[] = [
  threeIps,
  createService,
  whereRequestsGo,
  discovery,
  pingClusterIp,
  endpoints,
  nodeport,
  loadbalancer,
  ingress,
  networkPolicy,
];

let parsed: Lesson[] | undefined;

/** The bundled lessons, parsed (once). A file with errors is left out; the walkthrough test keeps them clean. */
export function bundledLessons(): Lesson[] {
  parsed ??= LESSON_TEXTS.map((text) => parseLesson(text).lesson).filter((l): l is Lesson => l !== undefined);
  return parsed;
}

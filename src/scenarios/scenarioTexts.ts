/**
 * The scenario YAML texts for the app (Vite's `?raw` inlines each file as a string at build time).
 * Node code must not import this file: it reads `src/scenarios/<file>` from disk instead (see index.ts).
 */
import clusterip from './clusterip.yaml?raw';
import dns from './dns.yaml?raw';
import ingress from './ingress.yaml?raw';
import ingressV1beta1 from './ingress-v1beta1.yaml?raw';
import kubia from './kubia.yaml?raw';
import loadbalancer from './loadbalancer.yaml?raw';
import nodeport from './nodeport.yaml?raw';
import outside from './outside.yaml?raw';
import readiness from './readiness.yaml?raw';

/** Scenario id -> YAML text; the ids are those of SCENARIOS in index.ts. */
export const SCENARIO_TEXTS: Readonly<Record<string, string>> = {
  kubia,
  clusterip,
  nodeport,
  loadbalancer,
  ingress,
  dns,
  readiness,
  outside,
  'ingress-v1beta1': ingressV1beta1,
};

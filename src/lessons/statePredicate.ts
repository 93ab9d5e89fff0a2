/**
 * The small predicate language of `done.state`: questions a teacher asks of the cluster ("does the
 * Service exist?", "how many ready endpoints?", "is the hosts line there?"). Names and values may hold
 * resolveCommand placeholders (`ip: "{ingressAddress:kubia}"`).
 */
import type { Simulation } from '../engine/index.ts';
import { findEndpoints, findIngress, findNode, findService } from '../engine/index.ts';
import { resolveCommand } from './resolveCommand.ts';
import { selectPods } from './selector.ts';
import type { StateCheck } from './types.ts';

function countMatches(n: number, expect: { count?: number; min?: number }): boolean {
  return (expect.count === undefined || n === expect.count) && (expect.min === undefined || n >= expect.min);
}

function uniqueIps(addresses: { ip: string }[]): number {
  return new Set(addresses.map((a) => a.ip)).size;
}

export function checkState(check: StateCheck, sim: Simulation): boolean {
  const state = sim.state;
  const r = (text: string) => resolveCommand(text, sim);
  if ('service' in check) {
    const c = check.service;
    const svc = findService(state, c.namespace ?? 'default', r(c.name));
    if (c.exists === false) return svc === undefined;
    return (
      svc !== undefined &&
      (c.type === undefined || svc.manifest.spec.type === c.type) &&
      (c.sessionAffinity === undefined || svc.manifest.spec.sessionAffinity === c.sessionAffinity)
    );
  }
  if ('pods' in check) {
    const c = check.pods;
    const pods = selectPods(state, r(c.selector), c.namespace);
    const ready = pods.filter((p) => p.status.ready).length;
    return countMatches(pods.length, c) && (c.ready === undefined || ready === c.ready);
  }
  if ('endpoints' in check) {
    const c = check.endpoints;
    const ep = findEndpoints(state, c.namespace ?? 'default', r(c.name));
    if (!ep) return false;
    const ready = uniqueIps(ep.subsets.flatMap((s) => s.addresses));
    const notReady = uniqueIps(ep.subsets.flatMap((s) => s.notReadyAddresses));
    return (
      (c.ready === undefined || ready === c.ready) &&
      (c.notReady === undefined || notReady === c.notReady) &&
      (c.min === undefined || ready >= c.min)
    );
  }
  if ('hosts' in check) {
    const c = check.hosts;
    const client = state.clients.find((cl) => cl.name === (c.client ?? 'laptop'));
    const hostname = r(c.hostname);
    const ip = c.ip === undefined ? undefined : r(c.ip);
    return (client?.hosts ?? []).some(
      (h) => h.hostnames.includes(hostname) && (ip === undefined || h.ip === ip),
    );
  }
  if ('node' in check) {
    return findNode(state, r(check.node.name))?.up === check.node.up;
  }
  if ('podEnv' in check) {
    const c = check.podEnv;
    const name = r(c.name);
    const pods = selectPods(state, r(c.selector), c.namespace);
    const has = pods.some((p) => p.serviceEnv.some((v) => v.name === name));
    return c.present === false ? pods.every((p) => !p.serviceEnv.some((v) => v.name === name)) : has;
  }
  if ('networkPolicy' in check) {
    const c = check.networkPolicy;
    const name = r(c.name);
    const namespace = c.namespace ?? 'default';
    const found = (state.networkPolicies ?? []).some(
      (p) => p.manifest.metadata.name === name && p.manifest.metadata.namespace === namespace,
    );
    return found === (c.exists ?? true);
  }
  const c = check.ingress;
  const ing = findIngress(state, c.namespace ?? 'default', r(c.name));
  if (!ing) return false;
  return c.hasAddress === undefined || ing.status.loadBalancer.ingress.length > 0 === c.hasAddress;
}

/**
 * Services for the world outside the cluster (docs/outside-hosts.md), over the bundled `outside`
 * scenario. Kubernetes behaviour checked:
 * - a Service without a selector gets no managed Endpoints; kube-proxy balances to the addresses of the
 *   Endpoints written by hand (https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors);
 * - an ExternalName Service is a CNAME in the cluster DNS, with no proxying
 *   (https://kubernetes.io/docs/concepts/services-networking/service/#externalname);
 * - traffic leaving the cluster is masqueraded to the node IP
 *   (https://kubernetes.io/docs/tasks/administer-cluster/ip-masq-agent/,
 *   https://github.com/kubernetes-sigs/kind/tree/main/images/kindnetd).
 */
import { describe, expect, it } from 'vitest';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import type { ClusterState } from '../model/state.ts';
import { reviseSimulation } from '../sim/editSimulation.ts';
import { applyAction, createSimulation } from '../sim/simulation.ts';
import type { Trace } from '../trace.ts';
import { routeRequest } from './request.ts';
import { pingHost } from './ping.ts';
import { lookupName } from './resolver.ts';
import { readHops } from '../readHops.ts';

const sim = createSimulation({
  files: [{ file: 'outside.yaml', text: SCENARIO_TEXTS['outside'] ?? '' }],
  seed: 1,
});
const from = 'pod/default/client';

function many(state: ClusterState, url: string, n: number): Trace[] {
  const out: Trace[] = [];
  let s = state;
  for (let i = 0; i < n; i++) {
    const r = routeRequest(s, { from, url });
    out.push(r.trace);
    s = r.state;
  }
  return out;
}

describe('outside hosts', () => {
  it('the scenario loads without errors and declares three outside hosts', () => {
    expect(sim.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(sim.state.outsideHosts?.map((h) => h.address)).toEqual([
      '11.11.11.11',
      '22.22.22.22',
      '33.44.55.66',
    ]);
  });

  it('a selectorless Service load-balances to both hand-written outside endpoints', () => {
    const traces = many(sim.state, 'http://external-service', 30);
    expect(traces.every((t) => t.outcome === 'ok')).toBe(true);
    expect(new Set(traces.map((t) => t.endpoint?.ip))).toEqual(new Set(['11.11.11.11', '22.22.22.22']));
    expect(traces[0]?.body).toMatch(/answers: hello from outside the cluster/);
  });

  it('the packet is DNATed by kube-proxy, masqueraded to the node IP, and leaves for the outside host', () => {
    const { trace } = routeRequest(sim.state, { from, url: 'http://external-service' });
    const client = sim.state.pods.find((p) => p.metadata.name === 'client')!;
    const node = sim.state.nodes.find((n) => n.name === client.spec.nodeName)!;
    const kinds = readHops(trace).map((h) => h.kind);
    expect(kinds).toEqual(['dns', 'send', 'dnat', 'snat', 'route', 'deliver', 'reply']);
    const snat = readHops(trace)[3]!;
    expect(snat.at).toBe(`node/${node.name}`);
    expect(snat.src.startsWith(`${node.ip}:`)).toBe(true);
    const deliver = readHops(trace)[5]!;
    expect(deliver.at).toMatch(/^outside\/legacy-[12]$/);
    expect(deliver.src.startsWith(`${node.ip}:`)).toBe(true);
    expect(trace.endpoint?.pod).toBeUndefined();
  });

  it('ExternalName: DNS answers a CNAME, the client resolves the outside name and connects to it', () => {
    const lookup = lookupName(sim.state, { from, name: 'api-service' });
    expect(lookup.answers.map((r) => [r.type, r.value])).toEqual([
      ['CNAME', 'api.somecompany.com'],
      ['A', '33.44.55.66'],
    ]);
    const { trace } = routeRequest(sim.state, { from, url: 'http://api-service' });
    expect(trace.outcome).toBe('ok');
    expect(readHops(trace)[0]?.note).toMatch(/via CNAME api\.somecompany\.com/);
    expect(readHops(trace).some((h) => h.kind === 'dnat')).toBe(false);
    expect(readHops(trace).find((h) => h.kind === 'deliver')?.at).toBe('outside/somecompany-api');
    expect(trace.body).toMatch(/api\.somecompany\.com answers/);
  });

  it('an undeclared outside address times out, leaving through the masquerade, with an explanation', () => {
    const { trace } = routeRequest(sim.state, { from, url: 'http://44.44.44.44' });
    expect(trace.outcome).toBe('timeout');
    expect(readHops(trace).map((h) => h.kind)).toEqual(['send', 'snat', 'drop']);
    expect(trace.explanation?.kind).toBe('outside-undeclared');
    expect(trace.explanation?.summary).toMatch(/44\.44\.44\.44/);
  });

  it('an undeclared internet name does not resolve', () => {
    expect(routeRequest(sim.state, { from, url: 'http://www.example.com' }).trace.outcome).toBe('unresolved');
  });

  it('a port the outside host does not serve is refused', () => {
    const { trace } = routeRequest(sim.state, { from, url: 'http://11.11.11.11:8080' });
    expect(trace.outcome).toBe('refused');
    expect(readHops(trace).at(-1)?.at).toBe('outside/legacy-1');
  });

  it('an outside host inside a cluster network is refused with a located message', () => {
    const text = `apiVersion: kubeplay.dev/v1alpha1\nkind: OutsideHost\nmetadata:\n  name: bad\nspec:\n  address: 10.96.5.5\n`;
    const bad = createSimulation({ files: [{ file: 'x.yaml', text }], seed: 1 });
    const error = bad.diagnostics.find((d) => d.code === 'outside-address-in-cluster');
    expect(error).toMatchObject({ line: 6, path: 'spec.address' });
    expect(error?.message).toMatch(/inside the Service network 10\.96\.0\.0\/16/);
    expect(bad.state.outsideHosts ?? []).toEqual([]);
  });

  it('a malformed address is a located validation error', () => {
    const text = `apiVersion: kubeplay.dev/v1alpha1\nkind: OutsideHost\nmetadata:\n  name: bad\nspec:\n  address: 11.11.11\n  ports:\n    - port: 0\n`;
    const bad = createSimulation({ files: [{ file: 'x.yaml', text }], seed: 1 });
    const codes = bad.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line]);
    expect(codes).toEqual([
      ['outside-address-invalid', 6],
      ['outside-port-invalid', 8],
    ]);
  });

  it('editing an outside host in the editor rebuilds the world with the new answer', () => {
    const text = SCENARIO_TEXTS['outside'] ?? '';
    const edited = text.replace('hello from outside the cluster', 'hello again');
    const next = reviseSimulation(sim, {
      files: [{ file: 'outside.yaml', text: edited }],
      seed: 1,
      actions: [],
    });
    const { trace } = routeRequest(next.state, { from, url: 'http://11.11.11.11' });
    expect(trace.body).toMatch(/hello again/);
  });

  it('kubectl apply of an OutsideHost adds a server the pods can reach', () => {
    const yaml = `apiVersion: kubeplay.dev/v1alpha1\nkind: OutsideHost\nmetadata:\n  name: late\nspec:\n  address: 44.44.44.44\n`;
    const next = applyAction(sim, { type: 'apply', yaml });
    const { trace } = routeRequest(next.state, { from, url: 'http://44.44.44.44' });
    expect(trace.outcome).toBe('ok');
    expect(trace.body).toBe("You've hit late (44.44.44.44:80), outside the cluster\n");
  });

  it('ping reaches a declared outside host by name and loses every packet to an undeclared address', () => {
    expect(pingHost(sim.state, { from, host: 'api.somecompany.com', count: 2 })).toMatchObject({
      ip: '33.44.55.66',
      received: 2,
    });
    expect(pingHost(sim.state, { from, host: '44.44.44.44', count: 2 })).toMatchObject({ received: 0 });
  });
});

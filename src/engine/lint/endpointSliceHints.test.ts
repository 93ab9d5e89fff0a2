/**
 * Hints on hand-written EndpointSlices: kube-proxy finds a Service's slices by the
 * kubernetes.io/service-name label (https://kubernetes.io/docs/concepts/services-networking/endpoint-slices/#ownership).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/simulation.ts';
import { getHints } from './hints.ts';

function hints(yaml: string) {
  const sim = createSimulation({ files: [{ file: 'm.yaml', text: yaml }], seed: 1 });
  return getHints(sim.state).map((d) => [d.code, `${d.line}:${d.column}`]);
}

const SVC = 'apiVersion: v1\nkind: Service\nmetadata: {name: external}\nspec:\n  ports: [{port: 80}]\n---\n';
const SLICE = (labels: string, type = 'IPv4', address = '11.11.11.11') =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: external-1\n${labels}addressType: ${type}\nendpoints: [{addresses: ["${address}"]}]\n`;

describe('EndpointSlice hints', () => {
  it('a slice labelled for an existing Service has none', () => {
    expect(hints(SVC + SLICE('  labels: {kubernetes.io/service-name: external}\n'))).toEqual([]);
  });

  it('no kubernetes.io/service-name label: no Service uses it', () => {
    expect(hints(SVC + SLICE(''))).toEqual([['hint-endpointslice-no-label', '10:3']]);
  });

  it('the label names no Service in the namespace', () => {
    expect(hints(SVC + SLICE('  labels: {kubernetes.io/service-name: externl}\n'))).toEqual([
      ['hint-endpointslice-no-service', '11:40'],
    ]);
  });

  it('an IPv6 slice is kept but carries no traffic here', () => {
    expect(
      hints(SVC + SLICE('  labels: {kubernetes.io/service-name: external}\n', 'IPv6', 'fd00::1')),
    ).toEqual([['hint-endpointslice-address-type', '12:14']]);
  });
});

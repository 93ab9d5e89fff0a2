import { describe, expect, it } from 'vitest';
import { createShellSession, createSimulation, runCommand } from '../engine/index.ts';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { highlightedIds, matchesPattern } from './pattern.ts';
import { resolveCommand, unresolvedPlaceholders } from './resolveCommand.ts';

const sim = createSimulation({
  files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }],
  seed: 5,
});
const kubiaPods = sim.state.pods
  .filter((p) => p.metadata.labels['app'] === 'kubia')
  .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
const svc = (name: string) => sim.state.services.find((s) => s.manifest.metadata.name === name);

describe('resolveCommand', () => {
  it('fills in pod names, IPs and ports from the simulation', () => {
    const first = kubiaPods[0];
    expect(resolveCommand('kubectl exec {pod:app=kubia} -- curl -s http://{clusterIP:kubia}', sim)).toBe(
      `kubectl exec ${first?.metadata.name ?? '?'} -- curl -s http://${svc('kubia')?.manifest.spec.clusterIP ?? '?'}`,
    );
    expect(resolveCommand('ping {podIP:app=kubia}', sim)).toBe(`ping ${first?.status.podIP ?? '?'}`);
    expect(resolveCommand('{pod:app=kubia#2} {podIP:app=kubia#3}', sim)).toBe(
      `${kubiaPods[1]?.metadata.name ?? '?'} ${kubiaPods[2]?.status.podIP ?? '?'}`,
    );
    expect(unresolvedPlaceholders('{pod:app=kubia#4} {pod:app=kubia#0} {pod:app=kubia#x}', sim)).toHaveLength(
      3,
    );
    expect(resolveCommand('curl {nodeIP:kind-worker}:{nodePort:kubia-nodeport}', sim)).toMatch(
      /^curl 172\.18\.0\.\d+:30123$/,
    );
    expect(resolveCommand('{lbIP:default/kubia-loadbalancer}', sim)).toBe(
      svc('kubia-loadbalancer')?.status.loadBalancer.ingress[0]?.ip,
    );
    expect(resolveCommand('{ingressAddress:kubia}', sim)).toMatch(/^172\.18\.0\.\d+$/);
    expect(resolveCommand('{pod:kube-system/k8s-app=traefik-ingress-lb}', sim)).toMatch(
      /^traefik-ingress-controller-/,
    );
  });

  it('leaves what it cannot resolve as written, and says which', () => {
    const text = 'curl {clusterIP:nope} {pod:app=none} {unknown:x} {nodeIP:kind-worker}';
    expect(resolveCommand(text, sim)).toMatch(
      /^curl \{clusterIP:nope\} \{pod:app=none\} \{unknown:x\} 172\.18\.0\.\d+$/,
    );
    expect(unresolvedPlaceholders(text, sim)).toEqual(['{clusterIP:nope}', '{pod:app=none}']);
  });

  it('prefers a ready pod, and names the newest one after a replacement', () => {
    const first = kubiaPods[0]?.metadata.name ?? '';
    const unready = runCommand(sim, createShellSession(), `kubeplay pod unready ${first}`).sim;
    expect(resolveCommand('{pod:app=kubia}', unready)).toBe(kubiaPods[1]?.metadata.name);
    expect(resolveCommand('{pod:app=kubia#3}', unready)).toBe(first); // the unready one comes last
    const replaced = runCommand(sim, createShellSession(), `kubectl delete pod ${first}`).sim;
    const newest = resolveCommand('{newestPod:app=kubia}', replaced);
    expect(kubiaPods.map((p) => p.metadata.name)).not.toContain(newest);
    expect(replaced.state.pods.some((p) => p.metadata.name === newest)).toBe(true);
  });
});

describe('patterns', () => {
  it('treat * as any run of characters and everything else literally', () => {
    expect(matchesPattern('pod/default/kubia-*', 'pod/default/kubia-x1z')).toBe(true);
    expect(matchesPattern('pod/default/kubia-*', 'pod/kube-system/kubia-x1z')).toBe(false);
    expect(matchesPattern('node/kind-worker', 'node/kind-worker2')).toBe(false);
    expect(matchesPattern('a.b', 'axb')).toBe(false);
    expect(
      highlightedIds(
        ['node/*', 'svc/default/kubia'],
        ['node/a', 'svc/default/kubia', 'svc/default/kubia-nodeport'],
      ),
    ).toEqual(['node/a', 'svc/default/kubia']);
  });

  it('agree with the obvious regular expression on many cases', () => {
    const toRegExp = (pattern: string) =>
      new RegExp(
        `^${pattern
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      );
    const patterns = ['*', '', 'a*', '*a', 'a*b', '*a*', 'a**b', 'ab*ba', '*-*-*', 'pod/*/kubia-*'];
    const values = [
      '',
      'a',
      'b',
      'ab',
      'aab',
      'abba',
      'abab',
      'ba',
      'x-y-z',
      'pod/default/kubia-1',
      'pod/kubia-',
    ];
    for (const pattern of patterns)
      for (const value of values)
        expect(matchesPattern(pattern, value), `${pattern} ~ ${value}`).toBe(toRegExp(pattern).test(value));
  });

  it('answer a near miss of a many-star pattern at once (a lesson may come from a link)', () => {
    const pattern = `${'*a'.repeat(40)}*x`;
    const value = 'a'.repeat(200);
    expect(matchesPattern(pattern, value)).toBe(false);
  });
});

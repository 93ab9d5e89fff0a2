import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { completeCommand } from './completeCommand.ts';
import { createShellSession } from './session.ts';

const sim = createSimulation({
  files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }],
  seed: 1,
});
const session = createShellSession({ files: { 'kubia-svc.yaml': '' } });
const complete = (line: string) => completeCommand(sim, session, line).candidates;

describe('completeCommand', () => {
  it('completes commands, kubectl verbs and flags', () => {
    expect(complete('kub')).toEqual(['kubectl', 'kubeplay']);
    expect(complete('kubectl ge')).toEqual(['get']);
    expect(complete('kubectl get --show')).toEqual(['--show-kind', '--show-labels']);
    expect(complete('kubectl get pods -o ')).toEqual([
      'custom-columns=',
      'json',
      'jsonpath=',
      'name',
      'wide',
      'yaml',
    ]);
  });

  it('completes resource types, names and kind/name', () => {
    expect(complete('kubectl get sv')).toEqual(['svc']);
    expect(complete('kubectl get se')).toEqual(['services']);
    expect(complete('kubectl get svc,ep')).toEqual(['svc,ep']);
    expect(complete('kubectl describe svc kubia-n')).toEqual(['kubia-nodeport']);
    expect(complete('kubectl get svc/kubia-l')).toEqual(['svc/kubia-loadbalancer']);
    expect(complete('kubectl -n kube-system get svc kube')).toEqual(['kube-dns']);
    expect(complete('kubectl get pods -n kube-s')).toEqual(['kube-system']);
  });

  it('completes pods for exec, files for -f, nodes for kubeplay', () => {
    const pods = sim.state.pods
      .filter((p) => p.metadata.namespace === 'default')
      .map((p) => p.metadata.name)
      .sort();
    expect(complete('kubectl exec ')).toEqual(pods);
    expect(complete('kubectl apply -f ku')).toEqual(['kubia-svc.yaml']);
    expect(complete('kubeplay node down kind-w')).toEqual(['kind-worker', 'kind-worker2']);
  });

  it('returns the span to replace', () => {
    expect(completeCommand(sim, session, 'kubectl ge', 10)).toEqual({ from: 8, to: 10, candidates: ['get'] });
  });
});

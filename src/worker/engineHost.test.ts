import { describe, expect, it } from 'vitest';
import { createShellSession, createSimulation } from '../engine/index.ts';
import { SCENARIO_TEXTS } from '../scenarios/scenarioTexts.ts';
import { createEngineHost } from './engineHost.ts';

const kubia = SCENARIO_TEXTS['kubia'] ?? '';

function readyHost() {
  const host = createEngineHost();
  host.simulate(1, { files: [{ file: 'manifest.yaml', text: kubia }], seed: 1, actions: [] });
  return host;
}

describe('engine host: terminal lines', () => {
  it('says the cluster is not ready before the first simulation', () => {
    const reply = createEngineHost().runCommand('kubectl get svc', createShellSession());
    expect(reply.exitCode).toBe(1);
    expect(reply.actions).toEqual([]);
  });

  it('runs kubectl against the latest simulation', () => {
    const reply = readyHost().runCommand('kubectl get svc', createShellSession());
    expect(reply.exitCode).toBe(0);
    expect(reply.output).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE/);
    expect(reply.output).toMatch(/\nkubia\s+ClusterIP\s+10\.96\./);
  });

  it('returns the trace of a curl made inside a pod, ending at the pod that answered', () => {
    const host = readyHost();
    const pods = host.runCommand('kubectl get pods -o name', createShellSession()).output;
    const pod = /pod\/(kubia-\w+)/.exec(pods)?.[1] ?? '';
    const reply = host.runCommand(`kubectl exec ${pod} -- curl -s http://kubia`, createShellSession());
    expect(reply.traces).toHaveLength(1);
    const answered = /You've hit (kubia-\w+)/.exec(reply.output)?.[1];
    expect(reply.traces[0]?.endpoint?.pod).toBe(`default/${answered}`);
  });

  it('keeps the state a line changed for the next line, and reports the action', () => {
    const host = readyHost();
    const first = host.runCommand('kubectl scale rc kubia --replicas=4', createShellSession());
    expect(first.actions).toHaveLength(1);
    const pods = host.runCommand('kubectl get pods -l app=kubia -o name', createShellSession());
    expect(pods.output.trim().split('\n')).toHaveLength(4);
  });

  it('moves the session into a pod and back', () => {
    const host = readyHost();
    const pod = /pod\/(kubia-\w+)/.exec(
      host.runCommand('kubectl get pods -o name', createShellSession()).output,
    )?.[1];
    const inside = host.runCommand(`kubectl exec ${pod} -it -- bash`, createShellSession()).session;
    expect(inside.location).toMatchObject({ kind: 'pod', pod });
    expect(host.runCommand('exit', inside).session.location).toEqual({ kind: 'client', client: 'laptop' });
  });

  it('completes against the latest simulation', () => {
    const host = readyHost();
    expect(createEngineHost().complete('kub', 3, createShellSession())).toBeNull();
    expect(host.complete('kubectl get s', 13, createShellSession())?.candidates).toContain('svc');
  });
});

describe('engine host: a new terminal', () => {
  it('starts a laptop session with its prompt, even before the cluster is ready', () => {
    const reply = createEngineHost().runCommand('', null);
    expect(reply.prompt).toBe('student@laptop:~$ ');
    expect(reply.session.location).toEqual({ kind: 'client', client: 'laptop' });
    expect(reply.output).toBe('');
  });

  it('gives the pod prompt after exec -it bash', () => {
    const host = readyHost();
    const pod = /pod\/(kubia-\w+)/.exec(host.runCommand('kubectl get pods -o name', null).output)?.[1];
    expect(host.runCommand(`kubectl exec -it ${pod} -- bash`, null).prompt).toBe(`root@${pod}:/# `);
  });
});

describe('engine host: a line that changes the cluster after requests', () => {
  it('prints what the replay of (yaml, seed, actions) holds, not a state the requests advanced', () => {
    const input = { files: [{ file: 'manifest.yaml', text: kubia }], seed: 1, actions: [] };
    const host = createEngineHost();
    host.simulate(1, input);
    const pod = /pod\/(kubia-\w+)/.exec(host.runCommand('kubectl get pods -o name', null).output)?.[1];
    for (let i = 0; i < 3; i++) host.runCommand(`kubectl exec ${pod} -- curl -s http://kubia`, null);
    const reply = host.runCommand(
      'kubectl scale rc kubia --replicas=5 && kubectl get pods -l app=kubia -o name',
      null,
    );
    const replay = createSimulation({ ...input, actions: reply.actions });
    const replayed = replay.state.pods
      .filter((p) => p.metadata.name.startsWith('kubia-'))
      .map((p) => `pod/${p.metadata.name}`)
      .sort();
    const printed = reply.output.trim().split('\n').slice(1).sort();
    expect(printed).toEqual(replayed);
  });
});

describe('engine host: a paste read ahead', () => {
  it('builds the same cluster from a text read ahead as from one it had not seen', () => {
    const input = { files: [{ file: 'manifest.yaml', text: kubia }], seed: 1, actions: [] };
    const ahead = createEngineHost();
    ahead.readAhead(input.files);
    const read = ahead.simulate(1, input);
    const plain = createEngineHost().simulate(1, input);
    expect(read.error).toBeNull();
    expect(read.sim).toStrictEqual(plain.sim);
  });

  it('ignores a text that does not parse: the simulate reports it as always', () => {
    const input = {
      files: [{ file: 'manifest.yaml', text: `${kubia}\n---\nkind: [\n` }],
      seed: 1,
      actions: [],
    };
    const ahead = createEngineHost();
    expect(() => ahead.readAhead(input.files)).not.toThrow();
    expect(ahead.simulate(1, input).sim).toStrictEqual(createEngineHost().simulate(1, input).sim);
  });
});

describe('engine host: what the graph draws', () => {
  const input = (text: string) => ({ files: [{ file: 'manifest.yaml', text }], seed: 1, actions: [] });
  const denyKubia = `${kubia}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-kubia\nspec:\n  podSelector:\n    matchLabels:\n      app: kubia\n`;

  it('sends each NetworkPolicy with the pods it selects, as the enforcement selects them', () => {
    const reply = createEngineHost().simulate(1, input(denyKubia));
    const kubiaPods = (reply.sim?.state.pods ?? [])
      .filter((p) => p.metadata.labels?.['app'] === 'kubia')
      .map((p) => `pod/default/${p.metadata.name}`);
    expect(kubiaPods.length).toBeGreaterThan(0);
    expect(reply.graph?.policies).toEqual([
      {
        id: 'netpol/default/deny-kubia',
        namespace: 'default',
        name: 'deny-kubia',
        policyTypes: ['Ingress'],
        pods: expect.arrayContaining(kubiaPods) as unknown,
      },
    ]);
    expect(reply.graph?.policies[0]?.pods).toHaveLength(kubiaPods.length);
  });

  it('sends the ingress controller pods that serve each Ingress', () => {
    const reply = createEngineHost().simulate(1, input(SCENARIO_TEXTS['ingress'] ?? ''));
    const served = Object.entries(reply.graph?.ingressControllers ?? {});
    expect(served.length).toBeGreaterThan(0);
    for (const [ingress, pods] of served) {
      expect(ingress).toMatch(/^ing\//);
      expect(pods.length).toBeGreaterThan(0);
      for (const pod of pods)
        expect(reply.sim?.state.pods.map((p) => `pod/${p.metadata.namespace}/${p.metadata.name}`)).toContain(
          pod,
        );
    }
  });

  it('keeps the facts of the cluster on screen when a syntax error keeps that cluster', () => {
    const host = createEngineHost();
    const good = host.simulate(1, input(denyKubia));
    const broken = host.simulate(2, input(`${denyKubia}\n  oops: [`), { edit: true });
    expect(broken.sim?.stale).toBe(true);
    expect(broken.graph).toEqual(good.graph);
  });
});

describe('engine host: the time the page clock needs', () => {
  it('says nothing is due in a settled cluster, and when a deleted pod’s grace period ends', () => {
    const host = readyHost();
    const settled = host.simulate(2, {
      files: [{ file: 'manifest.yaml', text: kubia }],
      seed: 1,
      actions: [],
    });
    expect(settled.time).toEqual({ clock: settled.sim?.state.clock, nextChange: null });
    const pod =
      settled.sim?.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')?.metadata.name ?? '';
    const deleting = host.simulate(
      3,
      {
        files: [{ file: 'manifest.yaml', text: kubia }],
        seed: 1,
        actions: [{ type: 'delete', kind: 'Pod', namespace: 'default', name: pod }],
      },
      { edit: true },
    );
    const clock = deleting.sim?.state.clock ?? Number.NaN;
    expect(deleting.time?.clock).toBe(clock);
    // The replacement's containers start within seconds; the deleted pod's 30 s grace period is later.
    expect(deleting.time?.nextChange).toBeGreaterThan(clock);
    expect(deleting.time?.nextChange).toBeLessThanOrEqual(clock + 30);
  });
});

/**
 * Graceful pod deletion (cluster/termination.ts), checked through the terminal as a student sees it.
 * Sources: pod termination (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination),
 * Endpoints drop terminating pods (endpointsliceutil.ShouldPodBeInEndpoints(pod, publishNotReadyAddresses)),
 * EndpointSlices keep them with terminating: true (KEP-1672), kube-proxy uses serving terminating
 * endpoints only when no ready one remains (KEP-1669), `get pods` STATUS Terminating (printers.go printPod).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/simulation.ts';
import type { Simulation } from '../sim/simulation.ts';
import { runScriptWithState } from '../shell/runScript.ts';
import { routeRequest } from '../net/request.ts';
import { kubiaBehindServiceYaml } from '../test/kubiaManifests.ts';

const RC = kubiaBehindServiceYaml;

function simulate(yaml: string): Simulation {
  return createSimulation({ files: [{ file: 'm.yaml', text: yaml }], seed: 1 });
}

function kubiaPods(sim: Simulation) {
  return sim.state.pods.filter((p) => p.metadata.labels['app'] === 'kubia');
}

function run(sim: Simulation, commands: string[]) {
  return runScriptWithState(sim, commands);
}

describe('a deleted pod terminates for its grace period', () => {
  it('kubectl delete pod: Terminating in get pods, a replacement at once, gone after 30 s', () => {
    const sim = simulate(RC(2));
    const victim = kubiaPods(sim)[0]!.metadata.name;
    const { sim: after, steps } = run(sim, [`kubectl delete pod ${victim} --wait=false`, 'kubectl get pods']);
    expect(steps[0]?.output).toBe(`pod "${victim}" deleted\n`);
    const rows = steps[1]!.output.split('\n').filter((l) => l.startsWith('kubia-'));
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.startsWith(victim))).toMatch(/ Terminating /);
    expect(rows.filter((r) => / Running /.test(r))).toHaveLength(2);
    const pod = after.state.pods.find((p) => p.metadata.name === victim)!;
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(30);

    const later = run(after, ['kubeplay wait 29', 'kubectl get pods --no-headers']);
    expect(later.steps[1]?.output).toContain(victim);
    const gone = run(later.sim, ['kubeplay wait 1', 'kubectl get pods --no-headers']);
    expect(gone.steps[1]?.output).not.toContain(victim);
    expect(kubiaPods(gone.sim)).toHaveLength(2);
  });

  it('spec.terminationGracePeriodSeconds sets the period; describe pod says so', () => {
    const sim = simulate(RC(1, '      terminationGracePeriodSeconds: 5\n'));
    const victim = kubiaPods(sim)[0]!.metadata.name;
    const { sim: after, steps } = run(sim, [
      `kubectl delete pod ${victim} --wait=false`,
      `kubectl describe pod ${victim}`,
    ]);
    expect(steps[1]?.output).toMatch(/Status:\s+Terminating \(lasts <invalid>\)\n/);
    expect(steps[1]?.output).toMatch(/Termination Grace Period:\s+5s\n/);
    const gone = run(after, ['kubeplay wait 5']);
    expect(gone.sim.state.pods.some((p) => p.metadata.name === victim)).toBe(false);
  });

  it('the Endpoints object drops a terminating pod; its EndpointSlice keeps it as terminating', () => {
    const sim = simulate(RC(2));
    const [victim, other] = kubiaPods(sim).map((p) => p.metadata);
    const { steps } = run(sim, [
      `kubectl delete pod ${victim!.name} --wait=false`,
      'kubectl get endpoints kubia -o yaml',
      'kubectl get endpointslices -o yaml',
    ]);
    const victimIp = sim.state.pods.find((p) => p.metadata.name === victim!.name)!.status.podIP;
    expect(steps[1]?.output).not.toContain(victimIp);
    const slice = steps[2]!.output;
    const entry = slice.slice(slice.indexOf(`- ${victimIp}`));
    expect(entry).toMatch(/conditions:\n\s+ready: false\n\s+serving: true\n\s+terminating: true/);
    expect(other).toBeDefined();
  });

  it('kube-proxy: ready endpoints only while one remains; then the terminating one (KEP-1669)', () => {
    const sim = simulate(RC(1));
    const victim = kubiaPods(sim)[0]!;
    // scaled to 0, the only pod terminates and no replacement comes
    const { sim: after } = run(sim, ['kubectl scale rc kubia --replicas=0']);
    expect(
      after.state.pods.find((p) => p.metadata.name === victim.metadata.name)?.metadata.deletionTimestamp,
    ).toBeDefined();
    const { trace } = routeRequest(after.state, { from: 'pod/default/client', url: 'http://kubia/' });
    expect(trace.outcome).toBe('ok');
    expect(trace.endpoint?.pod).toBe(`default/${victim.metadata.name}`);

    const { sim: two } = run(simulate(RC(2)), []);
    const first = kubiaPods(two)[0]!.metadata.name;
    const { sim: oneLeft } = run(two, [`kubectl delete pod ${first} --wait=false`]);
    for (let i = 0; i < 12; i++) {
      const { trace: t } = routeRequest(oneLeft.state, { from: 'pod/default/client', url: 'http://kubia/' });
      expect(t.endpoint?.pod).not.toBe(`default/${first}`);
    }
  });

  it('kubectl delete pod waits (--wait=true is the default) until the pod is gone', () => {
    const sim = simulate(RC(2));
    const victim = kubiaPods(sim)[0]!.metadata.name;
    const { sim: after, steps } = run(sim, [`kubectl delete pod ${victim}`, 'kubectl get pods --no-headers']);
    expect(steps[0]?.output).toBe(`pod "${victim}" deleted\n`);
    expect(after.actions.slice(-1)).toEqual([{ type: 'wait', seconds: 30 }]);
    expect(steps[1]?.output).not.toContain(victim);
    expect(kubiaPods(after)).toHaveLength(2);
  });

  it('after the grace period the Service has no endpoint and kube-proxy rejects', () => {
    const { sim } = run(simulate(RC(1)), ['kubectl scale rc kubia --replicas=0', 'kubeplay wait 30']);
    const { trace } = routeRequest(sim.state, { from: 'pod/default/client', url: 'http://kubia/' });
    expect(trace.outcome).toBe('refused');
  });
});

describe('kubectl delete --grace-period, --now and --force (kubectl delete.go Complete and Validate)', () => {
  const victimOf = (sim: Simulation) => kubiaPods(sim)[0]!.metadata.name;
  const present = (sim: Simulation, name: string) => sim.state.pods.some((p) => p.metadata.name === name);

  it('--grace-period=N: the pod terminates for N seconds; without --wait=false the command waits them', () => {
    const sim = simulate(RC(2));
    const victim = victimOf(sim);
    const { sim: after, steps } = run(sim, [`kubectl delete pod ${victim} --grace-period=5 --wait=false`]);
    expect(steps[0]?.output).toBe(`pod "${victim}" deleted\n`);
    expect(after.actions.slice(-1)).toEqual([
      { type: 'delete', kind: 'Pod', namespace: 'default', name: victim, gracePeriodSeconds: 5 },
    ]);
    expect(
      after.state.pods.find((p) => p.metadata.name === victim)?.metadata.deletionGracePeriodSeconds,
    ).toBe(5);
    expect(present(run(after, ['kubeplay wait 4']).sim, victim)).toBe(true);
    expect(present(run(after, ['kubeplay wait 5']).sim, victim)).toBe(false);

    const waited = run(simulate(RC(2)), [`kubectl delete pod ${victim} --grace-period=5`]).sim;
    expect(waited.actions.slice(-1)).toEqual([{ type: 'wait', seconds: 5 }]);
    expect(present(waited, victim)).toBe(false);
  });

  it('--now is a grace period of 1 s, and so is --grace-period=0 without --force', () => {
    for (const flags of ['--now', '--grace-period=0']) {
      const sim = simulate(RC(2));
      const victim = victimOf(sim);
      const { sim: after, steps } = run(sim, [`kubectl delete pod ${victim} ${flags} --wait=false`]);
      expect(steps[0]?.output, flags).toBe(`pod "${victim}" deleted\n`);
      expect(
        after.state.pods.find((p) => p.metadata.name === victim)?.metadata.deletionGracePeriodSeconds,
      ).toBe(1);
    }
  });

  it('--force (or --force --grace-period=0) removes the pod at once, with kubectl’s warning and "force deleted"', () => {
    for (const flags of ['--force', '--force --grace-period=0', '--grace-period=0 --force']) {
      const sim = simulate(RC(2));
      const victim = victimOf(sim);
      const { sim: after, steps } = run(sim, [`kubectl delete pod ${victim} ${flags}`]);
      expect(steps[0]?.output, flags).toBe(
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' +
          `pod "${victim}" force deleted\n`,
      );
      expect(steps[0]?.exitCode).toBe(0);
      expect(present(after, victim), flags).toBe(false);
      // gone at once: no wait, and its replacement is already there
      expect(after.actions.slice(-1)).toEqual([
        { type: 'delete', kind: 'Pod', namespace: 'default', name: victim, gracePeriodSeconds: 0 },
      ]);
      expect(kubiaPods(after)).toHaveLength(2);
    }
  });

  it('a terminating pod deleted again with a shorter grace period goes sooner; --force removes it', () => {
    const sim = simulate(RC(2));
    const victim = victimOf(sim);
    const { sim: terminating } = run(sim, [`kubectl delete pod ${victim} --wait=false`, 'kubeplay wait 10']);
    expect(present(terminating, victim)).toBe(true);
    // 5 s counted from the first deletion has passed already
    expect(
      present(run(terminating, [`kubectl delete pod ${victim} --grace-period=5 --wait=false`]).sim, victim),
    ).toBe(false);
    // a longer one changes nothing
    const longer = run(terminating, [`kubectl delete pod ${victim} --grace-period=100 --wait=false`]).sim;
    expect(
      longer.state.pods.find((p) => p.metadata.name === victim)?.metadata.deletionGracePeriodSeconds,
    ).toBe(30);
    expect(present(run(terminating, [`kubectl delete pod ${victim} --force`]).sim, victim)).toBe(false);
  });

  it('refuses the combinations kubectl refuses, with its messages', () => {
    const sim = simulate(RC(1));
    const victim = victimOf(sim);
    const { steps } = run(sim, [
      `kubectl delete pod ${victim} --now --grace-period=3`,
      `kubectl delete pod ${victim} --force --grace-period=5`,
      `kubectl delete pod ${victim} --grace-period=soon`,
    ]);
    expect(steps.map((s) => [s.output, s.exitCode])).toEqual([
      ['error: --now and --grace-period cannot be specified together\n', 1],
      ['error: --force and --grace-period greater than 0 cannot be specified together\n', 1],
      [
        'error: invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax\n',
        1,
      ],
    ]);
    expect(
      present(
        run(
          sim,
          steps.map(() => 'true'),
        ).sim,
        victim,
      ),
    ).toBe(true);
  });

  it('a controller deleted with --grace-period=0 --force says so; its pods keep their own period', () => {
    const { sim, steps } = run(simulate(RC(1)), ['kubectl delete rc kubia --force --wait=false']);
    expect(steps[0]?.output).toMatch(/replicationcontroller "kubia" force deleted\n$/);
    expect(kubiaPods(sim).every((p) => p.metadata.deletionGracePeriodSeconds === 30)).toBe(true);
  });
});

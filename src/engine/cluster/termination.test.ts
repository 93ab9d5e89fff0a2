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

const RC = (replicas: number, grace = '') => `apiVersion: v1
kind: ReplicationController
metadata: {name: kubia}
spec:
  replicas: ${replicas}
  template:
    metadata:
      labels: {app: kubia}
    spec:
${grace}      containers:
      - name: kubia
        image: luksa/kubia
        ports: [{containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: kubia}
spec:
  selector: {app: kubia}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: busybox}]
`;

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

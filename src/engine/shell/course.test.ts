/**
 * The course's sequence (Kubernetes in Action ch. 5, as the course notes run it) typed into the
 * terminal, end to end over the real simulation: create the Service, see it, curl it from a pod and
 * land on different pods, pin with sessionAffinity, discover it through env vars (only in pods created
 * after it) and DNS, fail to ping it, describe it, and reach the Ingress from the laptop once
 * /etc/hosts names it.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import type { Simulation } from '../index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { runCommand } from './runCommand.ts';
import type { CommandResult } from './runCommand.ts';
import type { ShellSession } from './session.ts';
import { createShellSession, getPrompt } from './session.ts';
import { KUBIA_SVC, KUBIA_SVC_AFFINITY } from '../parse/test/fixtures.ts';
import { kindClusterYaml } from '../test/kindCluster.ts';
import { kubiaRcYaml } from '../test/kubiaManifests.ts';

/** The book's kubia-rc.yaml on a kind cluster of two workers, as the course starts. */
const CLUSTER_AND_RC = `${kindClusterYaml(2)}---\n${kubiaRcYaml()}`;

/** A terminal: keeps the simulation and session between commands, as the app does. */
class Terminal {
  constructor(
    public sim: Simulation,
    public session: ShellSession,
  ) {}
  run(line: string): CommandResult {
    const r = runCommand(this.sim, this.session, line);
    this.sim = r.sim;
    this.session = r.session;
    return r;
  }
}

function kubiaPods(sim: Simulation): string[] {
  return sim.state.pods
    .filter((p) => p.metadata.labels['app'] === 'kubia')
    .map((p) => p.metadata.name)
    .sort();
}

describe('the course, typed into the terminal', () => {
  const t = new Terminal(
    createSimulation({ files: [{ file: 'kubia-rc.yaml', text: CLUSTER_AND_RC }], seed: 7 }),
    createShellSession({
      files: { 'kubia-svc.yaml': KUBIA_SVC, 'kubia-svc-client-ip-session-affinity.yaml': KUBIA_SVC_AFFINITY },
    }),
  );
  const firstPods = kubiaPods(t.sim);
  const pod = firstPods[0] ?? '';
  let clusterIp = '';

  it('starts on the laptop with three kubia pods running', () => {
    expect(getPrompt(t.session)).toBe('student@laptop:~$ ');
    expect(firstPods).toHaveLength(3);
    const out = t.run('kubectl get pods').output.split('\n');
    expect(out[0]).toBe('NAME          READY   STATUS    RESTARTS   AGE');
    for (const name of firstPods)
      expect(out.some((l) => l.startsWith(`${name}   1/1     Running   0 `))).toBe(true);
  });

  it('creates the Service and lists it with its cluster IP', () => {
    const created = t.run('kubectl create -f kubia-svc.yaml');
    expect(created.output).toBe('service/kubia created\n');
    expect(created.actions).toEqual([{ type: 'apply', yaml: KUBIA_SVC }]);
    expect(t.run('kubectl create -f kubia-svc.yaml').output).toBe(
      'Error from server (AlreadyExists): error when creating "kubia-svc.yaml": services "kubia" already exists\n',
    );
    const svc = t.run('kubectl get svc').output.split('\n');
    expect(svc[0]).toMatch(/^NAME {9}TYPE {8}CLUSTER-IP +EXTERNAL-IP {3}PORT\(S\) {3}AGE$/);
    const row = svc.find((l) => l.startsWith('kubia '));
    expect(row).toMatch(/^kubia {8}ClusterIP {3}10\.96\.\d+\.\d+ +<none> {8}80\/TCP {4}\d+s$/);
    clusterIp = row?.split(/ +/)[2] ?? '';
    expect(
      t.sim.state.services.find((s) => s.manifest.metadata.name === 'kubia')?.manifest.spec.clusterIP,
    ).toBe(clusterIp);
  });

  it('curls the cluster IP from a pod, landing on different pods, each trace ending where the answer came from', () => {
    const hit = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const r = t.run(`kubectl exec ${pod} -- curl -s http://${clusterIp}`);
      expect(r.exitCode).toBe(0);
      const m = /^You've hit (kubia-\w+)\n$/.exec(r.output);
      expect(m, r.output).not.toBeNull();
      expect(r.traces).toHaveLength(1);
      expect(r.traces[0]?.endpoint?.pod).toBe(`default/${m?.[1] ?? ''}`);
      expect(r.traces[0]?.from).toBe(`pod/default/${pod}`);
      hit.add(m?.[1] ?? '');
    }
    expect(hit.size).toBeGreaterThan(1);
  });

  it('pins one client to one pod after sessionAffinity: ClientIP is applied', () => {
    expect(t.run('kubectl apply -f kubia-svc-client-ip-session-affinity.yaml').output).toBe(
      'service/kubia configured\n',
    );
    expect(t.run('kubectl apply -f kubia-svc-client-ip-session-affinity.yaml').output).toBe(
      'service/kubia unchanged\n',
    );
    const answers = new Set<string>();
    for (let i = 0; i < 8; i++)
      answers.add(t.run(`kubectl exec ${pod} -- curl -s http://${clusterIp}`).output);
    expect(answers.size).toBe(1);
  });

  it('shows no KUBIA_SERVICE_HOST in pods started before the Service, and has it after they are recreated', () => {
    const before = t.run(`kubectl exec ${pod} -- env`).output;
    expect(before).toContain('KUBERNETES_SERVICE_HOST=');
    expect(before).not.toContain('KUBIA_SERVICE_HOST');
    const deleted = t.run('kubectl delete po --all');
    for (const name of firstPods) expect(deleted.output).toContain(`pod "${name}" deleted\n`);
    const now = kubiaPods(t.sim);
    expect(now).toHaveLength(3);
    expect(now.some((n) => firstPods.includes(n))).toBe(false);
    const after = t.run(`kubectl exec ${now[0] ?? ''} -- env`).output;
    expect(after).toContain(`KUBIA_SERVICE_HOST=${clusterIp}\n`);
    expect(after).toContain('KUBIA_SERVICE_PORT=80\n');
    expect(t.run(`kubectl exec ${firstPods[0] ?? ''} -- env`).output).toBe(
      `Error from server (NotFound): pods "${firstPods[0] ?? ''}" not found\n`,
    );
  });

  it('reaches the Service by name from a shell inside a pod, and cannot ping its IP', () => {
    const inside = kubiaPods(t.sim)[1] ?? '';
    expect(t.run(`kubectl exec -it ${inside} -- bash`).output).toBe('');
    expect(getPrompt(t.session)).toBe(`root@${inside}:/# `);
    const byName = t.run('curl http://kubia');
    expect(byName.output).toMatch(/^You've hit kubia-\w+\n$/);
    expect(byName.traces[0]?.service).toBe('default/kubia');
    expect(t.run('curl -s http://kubia.default.svc.cluster.local').output).toMatch(/^You've hit/);
    expect(t.run('cat /etc/resolv.conf').output).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(t.run('nslookup kubia').output).toBe(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubia.default.svc.cluster.local\nAddress: ${clusterIp}\n\n`,
    );
    const ping = t.run(`ping -c 4 ${clusterIp}`);
    expect(ping.exitCode).toBe(1);
    expect(ping.output).toContain(`PING ${clusterIp} (${clusterIp}) 56(84) bytes of data.\n`);
    expect(ping.output).toContain('4 packets transmitted, 0 received, 100% packet loss');
    expect(ping.traces[0]?.outcome).toBe('timeout');
    expect(t.run('kubectl get pods').output).toBe('bash: kubectl: command not found\n');
    expect(t.run('exit').output).toBe('exit\n');
    expect(getPrompt(t.session)).toBe('student@laptop:~$ ');
  });

  it('describes the Service with its endpoints', () => {
    const out = t.run('kubectl describe svc kubia').output;
    // Endpoints lists Ready pods; one the course just replaced is still starting
    const ips = t.sim.state.pods
      .filter((p) => p.metadata.labels['app'] === 'kubia' && p.status.ready)
      .map((p) => p.status.podIP)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(out).toContain('Selector:                 app=kubia\n');
    expect(out).toContain('Port:                     <unset>  80/TCP\n');
    expect(out).toContain('TargetPort:               8080/TCP\n');
    expect(out).toContain('Session Affinity:         ClientIP\n');
    const endpoints = /Endpoints: +(\S+)\n/.exec(out)?.[1]?.split(',') ?? [];
    expect([...endpoints].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))).toEqual(
      ips.map((ip) => `${ip}:8080`),
    );
  });
});

describe('the course: the Ingress from the laptop', () => {
  const t = new Terminal(
    createSimulation({ files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }], seed: 3 }),
    createShellSession(),
  );

  it('shows the Ingress address, fails to resolve its host until /etc/hosts names it, then answers', () => {
    const ing = t.run('kubectl get ingress').output.split('\n');
    expect(ing[0]).toBe('NAME    CLASS    HOSTS               ADDRESS      PORTS   AGE');
    const address = ing[1]?.split(/ +/)[3] ?? '';
    expect(address).toMatch(/^172\.18\.0\.\d+$/);
    const before = t.run('curl http://kubia.example.com');
    expect(before).toMatchObject({
      exitCode: 6,
      output: 'curl: (6) Could not resolve host: kubia.example.com\n',
    });
    expect(before.traces[0]?.outcome).toBe('unresolved');
    const added = t.run(`echo "${address} kubia.example.com" | sudo tee -a /etc/hosts`);
    expect(added.output).toBe(`${address} kubia.example.com\n`);
    expect(added.actions).toEqual([
      { type: 'hosts', client: 'laptop', ip: address, hostnames: ['kubia.example.com'] },
    ]);
    expect(t.run('cat /etc/hosts').output).toContain(`${address} kubia.example.com\n`);
    const after = t.run('curl http://kubia.example.com');
    expect(after.exitCode).toBe(0);
    expect(after.output).toMatch(/^You've hit kubia-\w+\n$/);
    expect(after.traces[0]?.endpoint?.pod).toBe(`default/${/hit (\S+)/.exec(after.output)?.[1] ?? ''}`);
  });

  it('adds the hosts line with a plain >> redirect too', () => {
    const other = new Terminal(t.sim, createShellSession());
    const r = other.run('echo "172.18.0.3 other.example.com" >> /etc/hosts');
    expect(r.output).toBe('');
    expect(r.actions).toEqual([
      { type: 'hosts', client: 'laptop', ip: '172.18.0.3', hostnames: ['other.example.com'] },
    ]);
  });
});

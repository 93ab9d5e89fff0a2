/**
 * curl, wget, nslookup, dig, ping and the pod's files as the real tools print them, over the bundled
 * scenarios (the simulation decides addresses; the tests read them from the state).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index.ts';
import type { Simulation } from '../../index.ts';
import { SCENARIO_TEXTS } from '../../../scenarios/scenarioTexts.ts';
import { runScriptWithState } from '../runScript.ts';
import { readHops } from '../../readHops.ts';

function scenario(id: string): Simulation {
  return createSimulation({ files: [{ file: `${id}.yaml`, text: SCENARIO_TEXTS[id] ?? '' }], seed: 1 });
}

function run(sim: Simulation, ...commands: string[]) {
  return runScriptWithState(sim, commands);
}

function clusterIpOf(sim: Simulation, name: string): string {
  return sim.state.services.find((s) => s.manifest.metadata.name === name)?.manifest.spec.clusterIP ?? '';
}

const PROGRESS_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

describe('curl', () => {
  const readiness = scenario('readiness');
  const ip = clusterIpOf(readiness, 'kubia');

  it('is silent about a refused connection with -s, and says so with -sS or without -s (exit 7)', () => {
    const [silent, shown, meter] = run(
      readiness,
      'kubectl exec client -- curl -s http://kubia',
      'kubectl exec client -- curl -sS http://kubia',
      'kubectl exec client -- curl http://kubia',
    ).steps;
    expect(silent).toMatchObject({ exitCode: 7, output: 'command terminated with exit code 7\n' });
    expect(silent?.traces[0]?.outcome).toBe('refused');
    expect(shown?.output).toBe(
      `curl: (7) Failed to connect to ${ip} port 80 after 0 ms: Connection refused\ncommand terminated with exit code 7\n`,
    );
    const verbose = run(readiness, 'kubectl exec client -- curl -sv http://kubia').steps[0];
    const clientIp = readiness.state.pods.find((p) => p.metadata.name === 'client')?.status.podIP ?? '';
    expect(verbose?.output).toMatch(
      new RegExp(
        `^\\*   Trying ${ip}:80\\.\\.\\.\\n\\* connect to ${ip} port 80 from ${clientIp} port \\d+ failed: Connection refused\\n` +
          `\\* Failed to connect to ${ip} port 80 after 0 ms: Connection refused\\n\\* Closing connection\\ncommand terminated with exit code 7\\n$`,
      ),
    );
    // stdout is a pipe under `kubectl exec` without -t: curl draws its progress meter on stderr
    expect(meter?.output.startsWith(PROGRESS_HEAD)).toBe(true);
  });

  it('prints -v connection and header lines around the body', () => {
    const sim = scenario('kubia');
    const pod = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')?.metadata.name ?? '';
    const r = run(sim, `kubectl exec -it ${pod} -- curl -v http://kubia`).steps[0];
    const kubiaIp = clusterIpOf(sim, 'kubia');
    const lines = r?.output.split('\n') ?? [];
    expect(lines.slice(0, 7)).toEqual([
      `*   Trying ${kubiaIp}:80...`,
      `* Connected to kubia (${kubiaIp}) port 80`,
      '> GET / HTTP/1.1',
      '> Host: kubia',
      '> User-Agent: curl/8.5.0',
      '> Accept: */*',
      '> ',
    ]);
    expect(lines[7]).toBe('< HTTP/1.1 200 OK');
    expect(r?.output).toMatch(
      /< \n\* Connection #0 to host kubia left intact\nYou've hit kubia-\w+\n$|< \nYou've hit kubia-\w+\n\* Connection #0 to host kubia left intact\n$/,
    );
  });

  it("reports unresolved hosts (6) and timeouts (28) with curl's wording", () => {
    const sim = scenario('kubia');
    const [unresolved, timeout] = run(sim, 'curl http://kubia', 'curl --max-time 3 http://10.1.2.3').steps;
    expect(unresolved).toMatchObject({ exitCode: 6, output: 'curl: (6) Could not resolve host: kubia\n' });
    expect(timeout).toMatchObject({
      exitCode: 28,
      output: 'curl: (28) Connection timed out after 3001 milliseconds\n',
    });
  });

  it('prints only headers with -I and the status code with -w', () => {
    const sim = scenario('kubia');
    const node = sim.state.nodes.find((n) => n.role === 'worker')?.ip ?? '';
    const [head, code] = run(
      sim,
      `curl -sI http://${node}:30123`,
      `curl -s -o /dev/null -w '%{http_code}' http://${node}:30123`,
    ).steps;
    expect(head?.output.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(head?.output).not.toContain("You've hit");
    expect(code?.output).toBe('200');
  });

  it('wget -qO- prints the body; errors in busybox wording', () => {
    const sim = scenario('kubia');
    const pod = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')?.metadata.name ?? '';
    const [ok, bad] = run(
      sim,
      `kubectl exec ${pod} -- wget -qO- http://kubia`,
      `kubectl exec ${pod} -- wget -qO- http://nope`,
    ).steps;
    expect(ok?.output).toMatch(/^You've hit kubia-\w+\n$/);
    expect(bad?.output).toBe("wget: bad address 'nope'\ncommand terminated with exit code 1\n");
  });
});

describe('DNS tools', () => {
  const sim = scenario('dns');
  const podIps = sim.state.pods
    .filter((p) => p.metadata.labels['app'] === 'kubia')
    .map((p) => p.status.podIP)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));

  it('nslookup walks the search list and lists every ready pod of a headless Service', () => {
    const [svc, headless, missing] = run(
      sim,
      'kubectl exec dnsutils -- nslookup kubia',
      'kubectl exec dnsutils -- nslookup kubia-headless',
      'kubectl exec dnsutils -- nslookup backend',
    ).steps;
    const server = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n';
    expect(svc?.output).toBe(
      `${server}Name:\tkubia.default.svc.cluster.local\nAddress: ${clusterIpOf(sim, 'kubia')}\n\n`,
    );
    expect(headless?.output).toBe(
      server +
        podIps.map((ip) => `Name:\tkubia-headless.default.svc.cluster.local\nAddress: ${ip}\n`).join('') +
        '\n',
    );
    // the query is a request the app animates: one dns hop per name of the search-list walk
    expect(readHops(svc!.traces[0]!).map((h) => h.note)).toEqual([
      `A? kubia.default.svc.cluster.local -> NOERROR (${clusterIpOf(sim, 'kubia')})`,
    ]);
    expect(readHops(missing!.traces[0]!).map((h) => h.note.split(' -> ')[0])).toEqual([
      'A? backend.default.svc.cluster.local',
      'A? backend.svc.cluster.local',
      'A? backend.cluster.local',
      'A? backend',
    ]);
    expect(missing?.traces[0]?.outcome).toBe('unresolved');
    // a short name never crosses namespaces: backend lives in `other`
    expect(missing).toMatchObject({
      exitCode: 1,
      output: `${server}** server can't find backend: NXDOMAIN\n\ncommand terminated with exit code 1\n`,
    });
  });

  it('dig does not use the search list; +short prints only the answer', () => {
    const [short, plain] = run(
      sim,
      'kubectl exec dnsutils -- dig +short kubia.default.svc.cluster.local',
      'kubectl exec dnsutils -- dig kubia',
    ).steps;
    expect(short?.output).toBe(`${clusterIpOf(sim, 'kubia')}\n`);
    expect(plain?.output).toContain(';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN');
    expect(plain?.output).toContain(';kubia.\t\tIN\tA\n');
  });
});

describe('ping', () => {
  it('gets no answer from a cluster IP and answers from a pod', () => {
    const sim = scenario('dns');
    const ip = clusterIpOf(sim, 'kubia');
    const podIp = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')?.status.podIP ?? '';
    const [vip, pod, unknown] = run(
      sim,
      `kubectl exec dnsutils -- ping -c 3 ${ip}`,
      `kubectl exec dnsutils -- ping -c 1 ${podIp}`,
      'kubectl exec dnsutils -- ping nope',
    ).steps;
    expect(vip?.output).toBe(
      `PING ${ip} (${ip}) 56(84) bytes of data.\n\n--- ${ip} ping statistics ---\n3 packets transmitted, 0 received, 100% packet loss, time 2029ms\n\ncommand terminated with exit code 1\n`,
    );
    expect(readHops(vip!.traces[0]!).at(-1)?.kind).toBe('drop');
    expect(pod?.output).toMatch(
      new RegExp(
        `^PING ${podIp} \\(${podIp}\\) 56\\(84\\) bytes of data.\n64 bytes from ${podIp}: icmp_seq=1 ttl=63 time=0\\.\\d{3} ms\n`,
      ),
    );
    expect(pod?.output).toContain('1 packets transmitted, 1 received, 0% packet loss');
    expect(unknown?.output).toBe(
      'ping: nope: Name or service not known\ncommand terminated with exit code 2\n',
    );
  });
});

describe('ping in IPVS mode', () => {
  it('gets an answer from a ClusterIP, which IPVS binds to kube-ipvs0 on every node', () => {
    const text = (SCENARIO_TEXTS['kubia'] ?? '').replace('kubeProxyMode: iptables', 'kubeProxyMode: ipvs');
    const sim = createSimulation({ files: [{ file: 'kubia.yaml', text }], seed: 1 });
    expect(sim.state.settings.kubeProxyMode).toBe('ipvs');
    const pod = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')?.metadata.name ?? '';
    const ip = clusterIpOf(sim, 'kubia');
    const r = run(sim, `kubectl exec ${pod} -- ping -c 1 ${ip}`).steps[0];
    expect(r?.output).toContain('1 packets transmitted, 1 received, 0% packet loss');
    expect(r?.traces[0]?.outcome).toBe('ok');
  });
});

describe('files in a pod', () => {
  it('touch /var/ready makes the readiness probe pass (a podFile action), rm takes it back', () => {
    const sim = scenario('readiness');
    const pod = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')?.metadata.name ?? '';
    const r = run(
      sim,
      `kubectl exec ${pod} -- touch /var/ready`,
      'kubectl get po',
      `kubectl exec ${pod} -- ls /var`,
      `kubectl exec ${pod} -- rm /var/ready`,
    );
    const [touch, get, ls, rm] = r.steps;
    expect(touch?.output).toBe('');
    expect(get?.output).toMatch(new RegExp(`\\n${pod} +1/1 +Running`));
    expect(ls?.output).toBe('ready\n');
    expect(rm?.output).toBe('');
    expect(r.sim.actions.filter((a) => a.type === 'podFile')).toEqual([
      { type: 'podFile', namespace: 'default', name: pod, path: '/var/ready', present: true },
      { type: 'podFile', namespace: 'default', name: pod, path: '/var/ready', present: false },
    ]);
  });

  it("prints the pod's hosts file, hostname and env", () => {
    const sim = scenario('kubia');
    const pod = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia');
    const name = pod?.metadata.name ?? '';
    const [hosts, hostname, printenv, missing] = run(
      sim,
      `kubectl exec ${name} -- cat /etc/hosts`,
      `kubectl exec ${name} -- hostname`,
      `kubectl exec ${name} -- printenv KUBERNETES_SERVICE_PORT`,
      `kubectl exec ${name} -- cat /nope`,
    ).steps;
    expect(hosts?.output).toBe(
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
        `${pod?.status.podIP ?? ''}\t${name}\n`,
    );
    expect(hostname?.output).toBe(`${name}\n`);
    expect(printenv?.output).toBe('443\n');
    expect(missing?.output).toBe(
      'cat: /nope: No such file or directory\ncommand terminated with exit code 1\n',
    );
  });
});

/**
 * A default-deny egress NetworkPolicy drops the pod's query to kube-dns, so the look-up tools time out
 * as they do on a real cluster (kubernetes.io/docs/concepts/services-networking/network-policies/:
 * egress isolation; bind9 9.18 prints each unanswered try, busybox one line), and the graph gets the
 * drop hop that names the policy.
 */
describe('nslookup and dig under a default-deny egress policy', () => {
  const denyEgress = `
---
apiVersion: v1
kind: Pod
metadata: {name: box, labels: {app: box}}
spec:
  containers: [{name: box, image: busybox}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress}
spec:
  podSelector: {}
  policyTypes: [Egress]
`;
  const allowDns = `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-dns}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to: [{namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
    ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
`;
  const kubia = SCENARIO_TEXTS['kubia'] ?? '';
  const sim = (extra: string) =>
    createSimulation({ files: [{ file: 'k.yaml', text: kubia + denyEgress + extra }], seed: 1 });
  const kubiaPod = (s: Simulation) =>
    s.state.pods.find((p) => p.metadata.name.startsWith('kubia-'))?.metadata.name ?? '';

  it('times out: bind9 reports each try, busybox one line; the trace is a drop naming the policy', () => {
    const denied = sim('');
    const pod = kubiaPod(denied);
    const [bind, busybox, dig, short] = run(
      denied,
      `kubectl exec ${pod} -- nslookup kubia`,
      'kubectl exec box -- nslookup kubia',
      `kubectl exec ${pod} -- dig kubia.default.svc.cluster.local`,
      `kubectl exec ${pod} -- dig +short kubia.default.svc.cluster.local`,
    ).steps;
    const timedOut = ';; communications error to 10.96.0.10#53: timed out\n'.repeat(3);
    expect(bind?.output).toBe(
      `${timedOut};; no servers could be reached\n\ncommand terminated with exit code 1\n`,
    );
    expect(busybox?.output).toBe(
      ';; connection timed out; no servers could be reached\n\ncommand terminated with exit code 1\n',
    );
    expect(dig?.output).toBe(
      `${timedOut}\n; <<>> DiG 9.18.33-1~deb12u2-Debian <<>> kubia.default.svc.cluster.local\n;; global options: +cmd\n;; no servers could be reached\ncommand terminated with exit code 9\n`,
    );
    expect(short?.output).toBe(`${timedOut}command terminated with exit code 9\n`);
    const hop = readHops(busybox!.traces[0]!)[0];
    expect(busybox?.traces[0]?.outcome).toBe('unresolved');
    expect(hop).toMatchObject({
      kind: 'drop',
      at: 'pod/default/box',
      rule: 'NetworkPolicy default/deny-egress',
    });
  });

  it('ping cannot resolve the name either (glibc: Temporary failure in name resolution)', () => {
    const [ping] = run(sim(''), 'kubectl exec box -- ping -c 1 kubia').steps;
    expect(ping?.output).toBe(
      'ping: kubia: Temporary failure in name resolution\ncommand terminated with exit code 2\n',
    );
    expect(readHops(ping!.traces[0]!)[0]).toMatchObject({
      kind: 'drop',
      rule: 'NetworkPolicy default/deny-egress',
    });
  });

  it('answers again once a policy allows port 53 to kube-dns', () => {
    const allowed = sim(allowDns);
    const [answer] = run(allowed, 'kubectl exec box -- nslookup kubia').steps;
    expect(answer?.exitCode).toBe(0);
    expect(answer?.output).toContain('Name:\tkubia.default.svc.cluster.local\n');
  });
});

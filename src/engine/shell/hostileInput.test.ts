import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { runScript } from './runScript.ts';

const sim = createSimulation({
  files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }],
  seed: 1,
});

const run = (...lines: string[]) => runScript(sim, lines);

describe('integer flags are read as pflag reads them', () => {
  it('kubectl scale --replicas refuses what strconv.ParseInt refuses, and the playground limit applies to the rest', () => {
    const [exp, huge, big, int32, ok] = run(
      'kubectl scale rc kubia --replicas=1e300',
      'kubectl scale rc kubia --replicas=99999999999999999999',
      'kubectl scale rc kubia --replicas=1000000',
      // kubectl scale's --replicas is a Go int (64-bit), so pflag reads 2^31; the playground's pod limit
      // refuses it before any pod is made (the API server would refuse it too: Scale's replicas is int32).
      'kubectl scale rc kubia --replicas=2147483648',
      'kubectl scale rc kubia --replicas=5',
    );
    expect(exp).toMatchObject({
      exitCode: 1,
      output:
        'error: invalid argument "1e300" for "--replicas" flag: strconv.ParseInt: parsing "1e300": invalid syntax\n',
    });
    expect(huge?.output).toContain('strconv.ParseInt: parsing "99999999999999999999": value out of range');
    expect(big).toMatchObject({
      exitCode: 1,
      output:
        'The ReplicationController "kubia" is invalid: spec.replicas: Invalid value: 1000000: kubeplay simulates at most 5,000 pods in all (a limit of this playground, not of Kubernetes)\n',
    });
    expect(int32).toMatchObject({
      exitCode: 1,
      output:
        'The ReplicationController "kubia" is invalid: spec.replicas: Invalid value: 2147483648: kubeplay simulates at most 5,000 pods in all (a limit of this playground, not of Kubernetes)\n',
    });
    expect(ok).toMatchObject({ exitCode: 0, output: 'replicationcontroller/kubia scaled\n' });
  });

  it('kubectl create deployment --replicas is an int32 flag: 2147483648 is out of range', () => {
    const [range, limit, ok] = run(
      'kubectl create deployment d --image=nginx --replicas=2147483648',
      'kubectl create deployment d --image=nginx --replicas=1000000',
      'kubectl create deployment d --image=nginx --replicas=0x2',
    );
    expect(range?.output).toBe(
      'error: invalid argument "2147483648" for "-r, --replicas" flag: strconv.ParseInt: parsing "2147483648": value out of range\n',
    );
    expect(limit?.output).toContain('The Deployment "d" is invalid: spec.replicas: Invalid value: 1000000:');
    expect(ok).toMatchObject({ exitCode: 0, output: 'deployment.apps/d created\n' });
  });

  it('answers a million replicas at once, without creating a pod', () => {
    const results = runScript(sim, [
      'kubectl scale rc kubia --replicas=1000000',
      'kubectl get pods --no-headers | wc -l',
    ]);
    expect(results[1]?.output).toBe('3\n');
  });
});

describe('imperative commands go through the same validation as YAML', () => {
  it('kubectl expose with a name that is not a DNS label is refused in the API server wording', () => {
    const [bad, list] = run(
      'kubectl expose rc kubia --name="$(id)" --port=80',
      'kubectl get svc --no-headers | wc -l',
    );
    expect(bad?.exitCode).toBe(1);
    expect(bad?.output).toMatch(
      /^The Service "\$\(id\)" is invalid: metadata\.name: Invalid value: "\$\(id\)": a DNS-1035 label must consist/,
    );
    expect(list?.output).toBe('4\n');
  });

  it('kubectl expose --port=0 and --port=65536 are out of the port range', () => {
    const [zero, over] = run(
      'kubectl expose rc kubia --name=a --port=0',
      'kubectl expose rc kubia --name=b --port=65536',
    );
    expect(zero?.output).toContain(
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    );
    expect(over?.output).toContain(
      'spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive',
    );
  });

  it('kubectl label checks the value as kubectl does, before anything changes', () => {
    const [bad, labels] = run(
      'kubectl label rc kubia x="<img src=x onerror=alert(1)>"',
      'kubectl get rc kubia --show-labels --no-headers',
    );
    expect(bad).toMatchObject({ exitCode: 1 });
    expect(bad?.output).toMatch(
      /^error: invalid label value: "x=<img src=x onerror=alert\(1\)>": a valid label must be an empty string/,
    );
    expect(labels?.output).not.toContain('img');
  });

  it('kubectl delete ns kube-system, default and kube-public are forbidden, as NamespaceLifecycle forbids them', () => {
    const [before, ...results] = run(
      'kubectl get ns --no-headers | wc -l',
      'kubectl delete ns kube-system',
      'kubectl delete ns default',
      'kubectl delete ns kube-public',
      'kubectl get ns --no-headers | wc -l',
    );
    expect(results.slice(0, 3).map((r) => r.output)).toEqual(
      ['kube-system', 'default', 'kube-public'].map(
        (ns) =>
          `Error from server (Forbidden): namespaces "${ns}" is forbidden: this namespace may not be deleted\n`,
      ),
    );
    expect(results[3]?.output).toBe(before?.output);
  });
});

describe('curl options', () => {
  it('a --max-time that is not a number is refused as curl refuses it (fuzz seed 1, #20986)', () => {
    const [word, negative] = run('curl -m kubia http://kubia/', 'curl --max-time -1 http://kubia/');
    expect(word).toMatchObject({ exitCode: 2 });
    expect(word?.output).toMatch(/^curl: option -m: expected a proper numerical parameter\n/);
    expect(negative?.output).toMatch(/^curl: option --max-time: expected a proper numerical parameter\n/);
  });
});

describe('curl with other URL schemes', () => {
  it('file:// answers as curl does when the file cannot be read; gopher:// is not supported', () => {
    const [file, gopher] = run('curl file:///etc/passwd', 'curl gopher://x/');
    expect(file).toMatchObject({ exitCode: 37, output: "curl: (37) Couldn't open file /etc/passwd\n" });
    expect(gopher).toMatchObject({ exitCode: 1, output: 'curl: (1) Protocol "gopher" not supported\n' });
  });
});

/**
 * kubectl's verbs over the real simulation: messages, exit codes and the Actions each one records.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index.ts';
import type { Simulation } from '../../index.ts';
import { SCENARIO_TEXTS } from '../../../scenarios/scenarioTexts.ts';
import { runCommand } from '../runCommand.ts';
import { runScriptWithState } from '../runScript.ts';
import { createShellSession } from '../session.ts';

const kubia = (): Simulation =>
  createSimulation({ files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }], seed: 1 });
const kubiaPods = (sim: Simulation): string[] =>
  sim.state.pods
    .filter((p) => p.metadata.labels['app'] === 'kubia')
    .map((p) => p.metadata.name)
    .sort();

describe('kubectl errors', () => {
  const sim = kubia();
  const run = (line: string) => runCommand(sim, createShellSession(), line);

  it('rejects unknown commands and flags as kubectl does', () => {
    expect(run('kubectl foo')).toMatchObject({
      exitCode: 1,
      output: 'error: unknown command "foo" for "kubectl"\n',
    });
    expect(run('kubectl get pods --foo')).toMatchObject({
      exitCode: 1,
      output: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
    });
    expect(run('kubectl get pods -x').output).toBe(
      "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage.\n",
    );
    expect(run('kubectl get foo').output).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(run('kubectl get').output).toContain('error: Required resource not specified.');
  });

  it('reports what is not there', () => {
    expect(run('kubectl describe svc nope').output).toBe(
      'Error from server (NotFound): services "nope" not found\n',
    );
    expect(run('kubectl get ing nope').output).toBe(
      'Error from server (NotFound): ingresses.networking.k8s.io "nope" not found\n',
    );
    expect(run('kubectl get deploy nope').output).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(run('kubectl exec nope -- env').output).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(run('kubectl get pods -n nowhere').output).toBe('No resources found in nowhere namespace.\n');
  });

  it('runs kubectl only on the laptop, and says command not found for unknown commands', () => {
    expect(run('foo --bar')).toMatchObject({ exitCode: 127, output: 'bash: foo: command not found\n' });
    const pod = kubiaPods(sim)[0] ?? '';
    expect(run(`kubectl exec ${pod} -- kubectl get pods`)).toMatchObject({
      exitCode: 126,
      output:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "kubectl": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
    });
  });

  it('prints help, version and cluster-info', () => {
    expect(run('kubectl get --help').output.startsWith('Display one or many resources.\n')).toBe(true);
    expect(run('kubectl expose -h').output).toContain('kubectl expose rc kubia --port=80 --target-port=8080');
    expect(run('kubectl version').output).toBe(
      'Client Version: v1.33.1\nKustomize Version: v5.6.0\nServer Version: v1.33.1\n',
    );
    expect(run('kubectl cluster-info').output.split('\n')[0]).toBe(
      'Kubernetes control plane is running at https://127.0.0.1:6443',
    );
  });
});

describe('kubectl verbs that change the cluster', () => {
  it('deletes a pod (the RC replaces it under a new name) and records the action', () => {
    const sim = kubia();
    const [victim] = kubiaPods(sim);
    const r = runCommand(sim, createShellSession(), `kubectl delete pod ${victim ?? ''}`);
    expect(r.output).toBe(`pod "${victim ?? ''}" deleted\n`);
    // kubectl waits for the pod to be gone: its 30 s grace period passes (shell/kubectl/deleteWait.ts)
    expect(r.actions).toEqual([
      { type: 'delete', kind: 'Pod', namespace: 'default', name: victim },
      { type: 'wait', seconds: 30 },
    ]);
    const after = kubiaPods(r.sim);
    expect(after).toHaveLength(3);
    expect(after).not.toContain(victim);
  });

  it('scales, labels, annotates', () => {
    const r = runScriptWithState(kubia(), [
      'kubectl scale rc kubia --replicas=5',
      'kubectl get rc kubia',
      'kubectl scale rc kubia',
      'kubectl label svc kubia team=web',
      'kubectl label svc kubia team=ops',
      'kubectl label svc kubia team=ops --overwrite',
      'kubectl label svc kubia team-',
      'kubectl annotate svc kubia note=hi',
    ]);
    const out = r.steps.map((s) => s.output);
    expect(out[0]).toBe('replicationcontroller/kubia scaled\n');
    // the two new pods' containers start the next second (podStartTiming.ts): not Ready yet
    expect(out[1]).toMatch(/^NAME +DESIRED +CURRENT +READY +AGE\nkubia +5 +5 +3 +\d+s\n$/);
    expect(out[2]).toBe('error: required flag(s) "replicas" not set\n');
    expect(out[3]).toBe('service/kubia labeled\n');
    expect(out[4]).toBe("error: 'team' already has a value (web), and --overwrite is false\n");
    expect(out[5]).toBe('service/kubia labeled\n');
    expect(out[6]).toBe('service/kubia unlabeled\n');
    expect(out[7]).toBe('service/kubia annotated\n');
    expect(
      r.sim.state.services.find((s) => s.manifest.metadata.name === 'kubia')?.manifest.metadata.annotations[
        'note'
      ],
    ).toBe('hi');
  });

  it('exposes a replication controller as kubectl does: selector and labels from it, name defaulted', () => {
    const sim = createSimulation({
      files: [
        {
          file: 'rc.yaml',
          text: (SCENARIO_TEXTS['kubia'] ?? '').split('\n---\n').slice(0, 2).join('\n---\n'),
        },
      ],
      seed: 1,
    });
    const r = runScriptWithState(sim, [
      'kubectl expose rc kubia --port=80 --target-port=8080 --type=NodePort --session-affinity=ClientIP',
      'kubectl expose rc kubia --port=80',
      'kubectl get svc kubia -o jsonpath={.spec.selector.app},{.spec.type},{.spec.sessionAffinity},{.spec.ports[0].targetPort}',
    ]);
    expect(r.steps[0]?.output).toBe('service/kubia exposed\n');
    expect(r.steps[1]?.output).toBe('Error from server (AlreadyExists): services "kubia" already exists\n');
    expect(r.steps[2]?.output).toBe('kubia,NodePort,ClientIP,8080');
  });

  it("applies a file: created, unchanged, configured; invalid objects in the API server's words", () => {
    const svc =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: kubia\n  ports:\n  - port: 80\n    targetPort: 8080\n';
    const bad =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 29999\n';
    const taken = bad.replace('bad', 'taken').replace('29999', '30123');
    const typo =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: typo\nspec:\n  publishNotReadyEndpoints: true\n  ports:\n  - port: 80\n';
    const session = createShellSession({
      files: {
        'web.yaml': svc,
        'web2.yaml': svc.replace('port: 80\n', 'port: 81\n'),
        'bad.yaml': bad,
        'taken.yaml': taken,
        'typo.yaml': typo,
      },
    });
    const r = runScriptWithState(
      kubia(),
      [
        'kubectl apply -f web.yaml',
        'kubectl apply -f web.yaml',
        'kubectl apply -f web2.yaml',
        'kubectl apply -f bad.yaml',
        'kubectl apply -f taken.yaml',
        'kubectl apply -f typo.yaml',
        'kubectl apply -f nope.yaml',
        'cat web.yaml | kubectl apply -f -',
      ],
      session,
    );
    const out = r.steps.map((s) => s.output);
    expect(out.slice(0, 3)).toEqual([
      'service/web created\n',
      'service/web unchanged\n',
      'service/web configured\n',
    ]);
    expect(out[3]).toBe(
      'The Service "bad" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
    expect(out[4]).toBe(
      'The Service "taken" is invalid: spec.ports[0].nodePort: Invalid value: 30123: provided port is already allocated\n',
    );
    expect(r.sim.state.services.some((s) => s.manifest.metadata.name === 'taken')).toBe(false);
    expect(out[5]).toBe(
      'Error from server (BadRequest): error when creating "typo.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.publishNotReadyEndpoints"\n',
    );
    expect(out[6]).toBe('error: the path "nope.yaml" does not exist\n');
    expect(out[7]).toBe('service/web configured\n');
  });
});

describe('kubectl exec', () => {
  it('moves into the pod with -it -- bash (and the old form with a warning), exit leaves', () => {
    const sim = kubia();
    const pod = kubiaPods(sim)[0] ?? '';
    const old = runCommand(sim, createShellSession(), `kubectl exec ${pod} -it bash`);
    expect(old.output).toBe(
      'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n',
    );
    expect(old.session.location).toEqual({ kind: 'pod', namespace: 'default', pod, container: 'kubia' });
    const inside = runCommand(old.sim, old.session, 'hostname');
    expect(inside.output).toBe(`${pod}\n`);
    const left = runCommand(inside.sim, inside.session, 'exit');
    expect(left.session.location).toEqual({ kind: 'client', client: 'laptop' });
  });

  it("passes a failing exit code through with kubectl's line", () => {
    const sim = kubia();
    const pod = kubiaPods(sim)[0] ?? '';
    const r = runCommand(sim, createShellSession(), `kubectl exec ${pod} -- cat /nope`);
    expect(r).toMatchObject({
      exitCode: 1,
      output: 'cat: /nope: No such file or directory\ncommand terminated with exit code 1\n',
    });
  });
});

describe('kubeplay', () => {
  it('takes a node down and up, marks a pod unready, adds a client, waits', () => {
    const sim = kubia();
    const pod = kubiaPods(sim)[0] ?? '';
    const r = runScriptWithState(sim, [
      'kubeplay node down kind-worker',
      'kubeplay node up kind-worker',
      `kubeplay pod unready ${pod}`,
      'kubeplay client add phone',
      'kubeplay wait 600',
      'kubeplay node down nope',
      'kubeplay',
    ]);
    expect(r.steps.map((s) => s.output).slice(0, 4)).toEqual([
      'node/kind-worker is down\n',
      'node/kind-worker is up\n',
      `pod/${pod} marked unready\n`,
      expect.stringMatching(/^client\/phone added/) as unknown as string,
    ]);
    expect(r.steps[5]?.output).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(r.steps[6]?.output).toContain('kubeplay node down|up NODE');
    expect(r.sim.actions.slice(-5)).toEqual([
      { type: 'node', name: 'kind-worker', up: false },
      { type: 'node', name: 'kind-worker', up: true },
      { type: 'podReady', namespace: 'default', name: pod, ready: false },
      { type: 'client', name: 'phone' },
      { type: 'wait', seconds: 600 },
    ]);
  });
});

describe('images and their tools', () => {
  it("busybox has wget and sh but no curl or bash; its prompt is ash's", () => {
    const r = runScriptWithState(kubia(), [
      'kubectl run bb --image=busybox -- sleep 3600',
      'kubectl exec bb -- curl -s http://kubia',
      'kubectl exec -it bb -- bash',
      'kubectl exec -it bb -- sh',
      'curl http://kubia',
      'wget -qO- http://kubia',
    ]);
    const out = r.steps.map((s) => s.output);
    expect(out[1]).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
    );
    expect(r.steps[2]?.exitCode).toBe(126);
    expect(out[3]).toBe('');
    expect(out[4]).toBe('sh: curl: not found\n');
    expect(out[5]).toMatch(/^You've hit kubia-\w+\n$/);
    expect(r.session.location).toMatchObject({ kind: 'pod', pod: 'bb', shell: 'ash' });
  });
});

describe('kubectl run and create generators', () => {
  it('runs a throwaway pod with -it --rm, works inside it, and deletes it on exit', () => {
    const r = runScriptWithState(kubia(), [
      'kubectl run -it --rm dnsutils --image=busybox --restart=Never -- sh',
      'wget -qO- http://kubia',
      'exit',
      'kubectl get po dnsutils',
      'kubectl run -it --rm once --image=curlimages/curl --restart=Never -- curl -s http://kubia',
      'kubectl run web --image=nginx --port=80',
      'kubectl get po web -o jsonpath={.metadata.labels.run}',
      'kubectl run web --image=nginx',
      'kubectl run x',
    ]);
    const out = r.steps.map((s) => s.output);
    expect(out[0]).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(out[1]).toMatch(/^You've hit kubia-\w+\n$/);
    expect(r.steps[1]?.traces[0]?.from).toBe('pod/default/dnsutils');
    expect(out[2]).toBe(
      'exit\nSession ended, resume using \'kubectl attach dnsutils -c dnsutils -i -t\' command when the pod is running\npod "dnsutils" deleted\n',
    );
    expect(out[3]).toBe('Error from server (NotFound): pods "dnsutils" not found\n');
    expect(out[4]).toMatch(/^You've hit kubia-\w+\npod "once" deleted\n$/);
    expect(out.slice(5)).toEqual([
      'pod/web created\n',
      'web',
      'Error from server (AlreadyExists): pods "web" already exists\n',
      'error: required flag(s) "image" not set\n',
    ]);
  });

  it('creates a deployment, a service and a namespace imperatively', () => {
    const r = runScriptWithState(kubia(), [
      'kubectl create deployment hello --image=luksa/kubia --replicas=2 --port=8080',
      'kubectl create service nodeport hello --tcp=80:8080',
      'kubectl create namespace test',
      'kubectl get deploy hello',
      "kubectl get svc hello -o jsonpath='{.spec.ports[0].name} {.spec.selector.app}'",
    ]);
    const out = r.steps.map((s) => s.output);
    expect(out.slice(0, 3)).toEqual([
      'deployment.apps/hello created\n',
      'service/hello created\n',
      'namespace/test created\n',
    ]);
    expect(out[3]).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nhello +2\/2 +2 +2 +\d+s\n$/);
    expect(out[4]).toBe('80-8080 hello');
  });
});

import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { runCommand } from './runCommand.ts';
import { runScript, runScriptWithState } from './runScript.ts';
import { createShellSession, getPrompt } from './session.ts';

const sim = createSimulation({
  files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }],
  seed: 1,
});
const pod = sim.state.pods.find((p) => p.metadata.labels['app'] === 'kubia')?.metadata.name ?? '';

describe('runCommand', () => {
  it('pipes into grep/head/wc and joins with && and ||', () => {
    const [grep, head, count, and, or] = runScript(sim, [
      'kubectl get svc | grep nodeport',
      'kubectl get pods | head -1',
      'kubectl get pods --no-headers | wc -l',
      'false && echo no',
      'false || echo yes',
    ]);
    expect(grep?.output).toMatch(
      /^kubia-nodeport +NodePort +10\.96\.\d+\.\d+ +<none> +80:30123\/TCP +\d+s\n$/,
    );
    expect(head?.output).toBe('NAME          READY   STATUS    RESTARTS   AGE\n');
    expect(count?.output).toBe('3\n');
    expect(and).toMatchObject({ output: '', exitCode: 1 });
    expect(or).toMatchObject({ output: 'yes\n', exitCode: 0 });
  });

  it('expands variables inside the pod it runs in', () => {
    const ip =
      sim.state.services.find((s) => s.manifest.metadata.name === 'kubernetes')?.manifest.spec.clusterIP ??
      '';
    expect(runScript(sim, [`kubectl exec ${pod} -- sh -c 'echo $KUBERNETES_SERVICE_HOST'`])[0]?.output).toBe(
      `${ip}\n`,
    );
    // on the laptop the variable is unset, so the URL is empty: bash expands before kubectl runs
    expect(runScript(sim, ['echo "[$KUBERNETES_SERVICE_HOST]"'])[0]?.output).toBe('[]\n');
  });

  it('applies a pasted here-document', () => {
    const text =
      'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: pasted\nEOF';
    const r = runCommand(sim, createShellSession(), text);
    expect(r.output).toBe('namespace/pasted created\n');
    expect(r.actions).toEqual([
      { type: 'apply', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: pasted\n' },
    ]);
  });

  it('fails on URLs (no internet) and unknown files', () => {
    const [url, file] = runScript(sim, [
      'kubectl create -f https://raw.githubusercontent.com/luksa/kubernetes-in-action/master/Chapter05/kubia-svc.yaml',
      'kubectl apply -f nope.yaml',
    ]);
    expect(url?.output).toBe(
      'error: unable to read URL "https://raw.githubusercontent.com/luksa/kubernetes-in-action/master/Chapter05/kubia-svc.yaml", server reported Get "https://raw.githubusercontent.com/luksa/kubernetes-in-action/master/Chapter05/kubia-svc.yaml": dial tcp: lookup raw.githubusercontent.com: no such host\n',
    );
    expect(file?.output).toBe('error: the path "nope.yaml" does not exist\n');
  });

  it('writes and reads laptop files, and refuses to overwrite /etc/hosts', () => {
    const r = runScriptWithState(sim, ['echo hello > note.txt', 'cat note.txt', 'ls', 'echo x > /etc/hosts']);
    expect(r.steps.map((s) => s.output)).toEqual([
      '',
      'hello\n',
      'note.txt\n',
      'bash: /etc/hosts: Permission denied\n',
    ]);
    expect(r.session.files['note.txt']).toBe('hello\n');
  });

  it('drops back to the laptop when the pod under the shell is gone', () => {
    const inside = runCommand(sim, createShellSession(), `kubectl exec -it ${pod} -- bash`);
    expect(getPrompt(inside.session)).toBe(`root@${pod}:/# `);
    const deleted = runCommand(inside.sim, createShellSession(), `kubectl delete pod ${pod}`);
    const next = runCommand(deleted.sim, inside.session, 'hostname');
    expect(next).toMatchObject({ output: 'command terminated with exit code 137\n', exitCode: 137 });
    expect(getPrompt(next.session)).toBe('student@laptop:~$ ');
  });

  it('reports shell syntax errors and clears the screen', () => {
    expect(runCommand(sim, createShellSession(), 'echo "open')).toMatchObject({ exitCode: 2 });
    expect(runCommand(sim, createShellSession(), 'clear')).toMatchObject({ clear: true, output: '' });
  });
});

describe('filters read files as well as pipes', () => {
  it('tail, head, grep and wc take FILE operands', () => {
    const r = runScriptWithState(sim, [
      'echo "172.18.0.4 kubia.example.com" | sudo tee -a /etc/hosts > /dev/null',
      'tail -1 /etc/hosts',
      'grep kubia /etc/hosts',
      'head -n 1 /etc/hosts',
      'wc -l nope.txt',
    ]);
    expect(r.steps.map((s) => s.output)).toEqual([
      '',
      '172.18.0.4 kubia.example.com\n',
      '172.18.0.4 kubia.example.com\n',
      '127.0.0.1\tlocalhost\n',
      'wc: nope.txt: No such file or directory\n',
    ]);
  });
});

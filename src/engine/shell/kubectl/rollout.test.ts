/**
 * `kubectl set image` and `kubectl rollout status|history|undo|restart` typed into the terminal,
 * against kubectl's wording (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go,
 * history.go, rollback.go and pkg/cmd/set/set_image.go in https://github.com/kubernetes/kubernetes) and
 * the rollout steps of https://kubernetes.io/docs/concepts/workloads/controllers/deployment/.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index.ts';
import { runScriptWithState } from '../runScript.ts';
import { KUBIA_SERVICE, kubiaDeploymentYaml } from '../../test/kubiaManifests.ts';

const KUBIA = `${kubiaDeploymentYaml('luksa/kubia:v1', '', '        ports: [{containerPort: 8080}]\n')}---
${KUBIA_SERVICE}`;

const sim = () => createSimulation({ files: [{ file: 'kubia.yaml', text: KUBIA }], seed: 3, actions: [] });
const run = (commands: string[]) => runScriptWithState(sim(), commands);
/** `kubectl get rs` rows as `DESIRED CURRENT READY`, oldest ReplicaSet first (by the revision we set). */
const rsColumns = (output: string) =>
  output
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s+/).slice(1, 4).join(' '));

describe('kubectl set image and rollout', () => {
  it('set image starts a rollout; rollout status prints each step kubectl would and waits it out', () => {
    const r = run([
      'kubectl set image deployment/kubia nodejs=luksa/kubia:v2',
      'kubectl rollout status deployment/kubia',
      'kubectl get deploy kubia',
    ]);
    const out = r.steps.map((s) => s.output);
    expect(out[0]).toBe('deployment.apps/kubia image updated\n');
    expect(out[1]).toBe(
      [
        'Waiting for deployment "kubia" rollout to finish: 1 out of 3 new replicas have been updated...',
        'Waiting for deployment "kubia" rollout to finish: 2 out of 3 new replicas have been updated...',
        'Waiting for deployment "kubia" rollout to finish: 1 old replicas are pending termination...',
        'deployment "kubia" successfully rolled out',
        '',
      ].join('\n'),
    );
    expect(out[2]).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nkubia +3\/3 +3 +3 +\d+s\n$/);
    expect(r.sim.actions.filter((a) => a.type === 'wait').length).toBeGreaterThan(0);
  });

  it('kubeplay wait 1 and kubectl get rs show both ReplicaSets changing, and get deploy UP-TO-DATE', () => {
    const r = run([
      'kubectl set image deployment/kubia nodejs=luksa/kubia:v2',
      'kubectl get rs',
      'kubectl get deploy kubia',
      'kubeplay wait 1',
      'kubectl get rs',
      'kubeplay wait 1',
      'kubectl get rs',
      'kubeplay wait 1',
      'kubectl get rs',
    ]);
    const out = r.steps.map((s) => s.output);
    // rows sort by name; pick them by DESIRED of the old one falling
    const rows = [out[1], out[4], out[6], out[8]].map((o) => rsColumns(o ?? '').sort());
    expect(rows).toEqual([
      ['1 1 0', '3 3 3'],
      ['2 2 1', '2 2 2'],
      ['1 1 1', '3 3 2'],
      ['0 0 0', '3 3 3'],
    ]);
    expect(out[2]).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nkubia +3\/3 +1 +3 +\d+s\n$/);
  });

  it('describe shows the old and new ReplicaSets and the controller events', () => {
    const r = run(['kubectl set image deploy kubia nodejs=luksa/kubia:v2', 'kubectl describe deploy kubia']);
    const out = r.steps[1]?.output ?? '';
    expect(out).toMatch(/OldReplicaSets: +kubia-[a-z0-9]+ \(3\/3 replicas created\)\n/);
    expect(out).toMatch(/NewReplicaSet: +kubia-[a-z0-9]+ \(1\/1 replicas created\)\n/);
    expect(out).toMatch(/Progressing +True +ReplicaSetUpdated\n/);
    expect(out).toMatch(
      /Normal +ScalingReplicaSet +\S+ +deployment-controller +Scaled up replica set kubia-[a-z0-9]+ from 0 to 1\n/,
    );
    expect(out).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge\n');
  });

  it('history lists the revisions; undo takes the previous template back as a new revision', () => {
    const r = run([
      'kubectl set image deployment/kubia nodejs=luksa/kubia:v2',
      'kubectl rollout status deployment/kubia',
      'kubectl rollout history deployment/kubia',
      'kubectl rollout undo deployment/kubia',
      'kubectl rollout status deployment/kubia',
      'kubectl rollout history deployment/kubia',
      'kubectl rollout undo deployment/kubia --to-revision=9',
    ]);
    const out = r.steps.map((s) => s.output);
    expect(out[2]).toBe(
      'deployment.apps/kubia\nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    expect(out[3]).toBe('deployment.apps/kubia rolled back\n');
    expect(out[5]).toBe(
      'deployment.apps/kubia\nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    );
    expect(out[6]).toBe('error: unable to find specified revision 9 in history\n');
    // the pods the rollouts scaled away are still Terminating for their grace period
    const images = r.sim.state.pods
      .filter((p) => p.metadata.labels['app'] === 'kubia' && p.metadata.deletionTimestamp === undefined)
      .map((p) => p.spec.containers[0]?.image);
    expect(images).toEqual(['luksa/kubia:v1', 'luksa/kubia:v1', 'luksa/kubia:v1']);
  });

  it("restart rolls every pod over; an unknown container and an unchanged image are kubectl's", () => {
    const r = run([
      'kubectl rollout restart deployment/kubia',
      'kubectl set image deployment/kubia nginx=nginx',
      'kubectl set image deployment/kubia nodejs=luksa/kubia:v1',
      'kubectl rollout status deployment/kubia --watch=false',
    ]);
    const out = r.steps.map((s) => s.output);
    expect(out[0]).toBe('deployment.apps/kubia restarted\n');
    expect(out[1]).toBe('error: unable to find container named "nginx"\n');
    expect(r.steps[2]?.exitCode).toBe(0);
    expect(out[2]).toBe('');
    expect(out[3]).toBe(
      'Waiting for deployment "kubia" rollout to finish: 1 out of 3 new replicas have been updated...\n',
    );
  });

  it('--timeout gives up as kubectl does; -w is a flag, not a value', () => {
    const r = run([
      'kubectl set image deployment/kubia nodejs=luksa/kubia:v2',
      'kubectl rollout status -w deployment/kubia --timeout=1s',
      'kubectl rollout status deploy/kubia --timeout=soon',
    ]);
    expect(r.steps[1]?.exitCode).toBe(1);
    expect(r.steps[1]?.output).toBe(
      'Waiting for deployment "kubia" rollout to finish: 1 out of 3 new replicas have been updated...\n' +
        'Waiting for deployment "kubia" rollout to finish: 2 out of 3 new replicas have been updated...\n' +
        'error: timed out waiting for the condition\n',
    );
    expect(r.steps[2]?.output).toBe(
      'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"\n',
    );
  });

  it('a rollout that cannot progress waits out the progress deadline', () => {
    const r = run([
      'kubectl patch deploy kubia -p \'{"spec":{"template":{"spec":{"containers":[{"name":"nodejs","readinessProbe":{"exec":{"command":["ls","/var/ready"]}}}]}}}}\'',
      'kubectl rollout status deploy/kubia',
    ]);
    expect(r.steps[1]?.exitCode).toBe(1);
    expect(r.steps[1]?.output).toBe(
      'Waiting for deployment "kubia" rollout to finish: 1 out of 3 new replicas have been updated...\nerror: deployment "kubia" exceeded its progress deadline\n',
    );
  });
});

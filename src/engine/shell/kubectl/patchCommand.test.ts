/**
 * `kubectl patch` in the terminal (https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/):
 * the messages of kubectl's patch command (`service/x patched`, `(no change)`), the three patch types,
 * and a status patch playing the cloud controller for a LoadBalancer Service left `<pending>`.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index.ts';
import { SCENARIO_TEXTS } from '../../../scenarios/scenarioTexts.ts';
import { runScriptWithState } from '../runScript.ts';
import { createShellSession } from '../session.ts';
import { readHops } from '../../readHops.ts';

/** The LoadBalancer scenario without its MetalLB documents: a bare kind cluster. */
function withoutPool() {
  const text = SCENARIO_TEXTS['loadbalancer'] ?? '';
  const cut = text.indexOf('# No cloud here');
  expect(cut).toBeGreaterThan(0);
  return createSimulation({ files: [{ file: 'lb.yaml', text: text.slice(0, cut) }], seed: 1 });
}

const run = (commands: string[]) => runScriptWithState(withoutPool(), commands, createShellSession({}));
const svc = (r: ReturnType<typeof run>, name: string) =>
  r.sim.state.services.find((s) => s.manifest.metadata.name === name);

describe('kubectl patch', () => {
  it('plays the cloud controller: a status patch gives the pending Service its address, and curl reaches it', () => {
    const r = run([
      'kubectl get svc kubia-lb-local',
      `kubectl patch svc kubia-lb-local --subresource=status --type=merge -p '{"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.10"}]}}}'`,
      'kubectl get svc kubia-lb-local',
      'curl -s http://203.0.113.10',
    ]);
    expect(r.steps[0]?.output).toMatch(/kubia-lb-local +LoadBalancer +\S+ +<pending> +80:\d+\/TCP/);
    expect(r.steps[1]).toMatchObject({ output: 'service/kubia-lb-local patched\n', exitCode: 0 });
    expect(r.steps[2]?.output).toMatch(/kubia-lb-local +LoadBalancer +\S+ +203\.0\.113\.10 +80:\d+\/TCP/);
    expect(r.steps[3]?.exitCode).toBe(0);
    expect(r.steps[3]?.output).toMatch(/kubia/i);
  });

  it('says (no change) when the patch changes nothing; a status patch ignores the spec', () => {
    const r = run([
      `kubectl patch svc kubia-lb-local -p '{"metadata":{"labels":{"tier":"web"}}}'`,
      `kubectl patch svc kubia-lb-local -p '{"metadata":{"labels":{"tier":"web"}}}'`,
      `kubectl patch svc kubia-lb-local --subresource=status -p '{"spec":{"type":"NodePort"}}'`,
    ]);
    expect(r.steps.map((s) => s.output)).toEqual([
      'service/kubia-lb-local patched\n',
      'service/kubia-lb-local patched (no change)\n',
      'service/kubia-lb-local patched (no change)\n',
    ]);
    expect(svc(r, 'kubia-lb-local')?.manifest.metadata.labels).toEqual({ tier: 'web' });
    expect(svc(r, 'kubia-lb-local')?.manifest.spec.type).toBe('LoadBalancer');
  });

  it('strategic (the default) merges ports by port; merge replaces the list; json edits by pointer', () => {
    const strategic = run([
      `kubectl patch svc kubia-lb-local -p '{"spec":{"ports":[{"port":8080,"targetPort":8080}]}}'`,
      `kubectl patch svc kubia-lb-local -p '{"spec":{"ports":[{"port":80,"name":"http"},{"port":8080,"name":"alt","targetPort":8080}]}}'`,
    ]);
    // two ports need names: the API server's validation refuses the first patch
    expect(strategic.steps[0]).toMatchObject({ exitCode: 1 });
    // two causes: kubectl's MultilineError list, one `* cause` a line
    expect(strategic.steps[0]?.output).toBe(
      'The Service "kubia-lb-local" is invalid: \n* spec.ports[0].name: Required value\n* spec.ports[1].name: Required value\n',
    );
    expect(
      svc(strategic, 'kubia-lb-local')?.manifest.spec.ports.map((p) => [p.name, p.port, p.targetPort]),
    ).toEqual([
      ['http', 80, 8080],
      ['alt', 8080, 8080],
    ]);
    const merge = run([
      `kubectl patch svc kubia-lb-local --type=merge -p '{"spec":{"ports":[{"port":8080,"targetPort":8080}]}}'`,
    ]);
    expect(svc(merge, 'kubia-lb-local')?.manifest.spec.ports.map((p) => p.port)).toEqual([8080]);
    const json = run([
      `kubectl patch svc kubia-lb-local --type=json -p '[{"op":"replace","path":"/spec/externalTrafficPolicy","value":"Cluster"}]'`,
    ]);
    expect(json.steps[0]?.output).toBe('service/kubia-lb-local patched\n');
    expect(svc(json, 'kubia-lb-local')?.manifest.spec.externalTrafficPolicy).toBe('Cluster');
  });

  it("answers bad input with kubectl's messages", () => {
    const r = run([
      'kubectl patch svc kubia-lb-local',
      `kubectl patch svc kubia-lb-local --type=yaml -p '{}'`,
      `kubectl patch svc kubia-lb-local -p '{bad'`,
      `kubectl patch svc missing -p '{"metadata":{"labels":{"a":"b"}}}'`,
      `kubectl patch svc kubia-lb-local --type=json -p '[{"op":"remove","path":"/spec/nothing"}]'`,
      `kubectl patch svc kubia-lb-local --subresource=spec -p '{}'`,
    ]);
    expect(r.steps.map((s) => s.exitCode)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(r.steps[0]?.output).toBe(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    );
    expect(r.steps[1]?.output).toBe('error: --type must be one of [json merge strategic], not "yaml"\n');
    expect(r.steps[2]?.output).toMatch(/^error: unable to parse "\{bad": yaml: /);
    expect(r.steps[3]?.output).toBe('Error from server (NotFound): services "missing" not found\n');
    // a JSON patch that decodes but cannot apply is the API server's bare 422
    // (apiserver endpoints/handlers/patch.go applyJSPatch), which checkErr prints this way
    expect(r.steps[4]?.output).toBe(
      'The request is invalid: the server rejected our request due to an error in our request\n',
    );
    expect(r.steps[5]?.output).toBe(
      'error: invalid subresource value: "spec". Must be one of [status scale]\n',
    );
  });
});

describe('kubectl patch, what the API server does with the result', () => {
  it('says (no change) for the same address sent again: the server defaults ipMode to VIP (core/v1 defaults.go)', () => {
    const status = `--subresource=status --type=merge -p '{"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.10"}]}}}'`;
    const r = run([
      `kubectl patch svc kubia-lb-local ${status}`,
      `kubectl patch svc kubia-lb-local ${status}`,
      'kubectl get svc kubia-lb-local -o jsonpath={.status.loadBalancer.ingress}',
    ]);
    expect(r.steps.slice(0, 2).map((s) => s.output)).toEqual([
      'service/kubia-lb-local patched\n',
      'service/kubia-lb-local patched (no change)\n',
    ]);
    expect(r.steps[2]?.output).toBe('[{"ip":"203.0.113.10","ipMode":"VIP"}]');
  });

  it('prints several causes as MultilineError does, after dropping the fields the new type does not need', () => {
    // an unknown type: the server clears externalTrafficPolicy and the node ports (only NodePort and
    // LoadBalancer need them: strategy.go dropTypeDependentFields), so the type is the only cause
    const bogus = run([`kubectl patch svc kubia-lb-local -p '{"spec":{"type":"Bogus"}}'`]);
    expect(bogus.steps[0]?.output).toBe(
      'The Service "kubia-lb-local" is invalid: spec.type: Unsupported value: "Bogus": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    );
    const two = run([
      `kubectl patch svc kubia-lb-local --type=merge -p '{"spec":{"sessionAffinity":"Sticky","ports":[{"port":0}]}}'`,
    ]);
    expect(two.steps[0]?.exitCode).toBe(1);
    expect(two.steps[0]?.output).toMatch(
      /^The Service "kubia-lb-local" is invalid: \n\* spec\.\S+: .*\n\* spec\.\S+: .*\n/,
    );
  });
});

describe('traffic to a LoadBalancer address', () => {
  const notes = (r: ReturnType<typeof run>, i: number) =>
    (r.steps[i]?.traces ?? []).flatMap((t) => readHops(t).map((h) => h.note)).join('\n');

  it('explains a request to kind’s pool while the Service is <pending>', () => {
    const r = run(['curl -s --max-time 2 http://172.18.255.200']);
    expect(r.steps[0]?.exitCode).not.toBe(0);
    expect(notes(r, 0)).toMatch(
      /EXTERNAL-IP is <pending> for default\/kubia-loadbalancer, default\/kubia-lb-local: nothing in this cluster implements LoadBalancer Services — declare a MetalLB IPAddressPool or play the cloud controller with kubectl patch/,
    );
  });

  it('drops clients outside loadBalancerSourceRanges at the load balancer', () => {
    const status = (ip: string) =>
      `kubectl patch svc kubia-loadbalancer --subresource=status --type=merge -p '{"status":{"loadBalancer":{"ingress":[{"ip":"${ip}"}]}}}'`;
    const allowed = run([
      status('203.0.113.10'),
      `kubectl patch svc kubia-loadbalancer -p '{"spec":{"loadBalancerSourceRanges":["0.0.0.0/0"]}}'`,
      'curl -s --max-time 2 http://203.0.113.10',
    ]);
    expect(allowed.steps.map((s) => s.exitCode)).toEqual([0, 0, 0]);
    const denied = run([
      status('203.0.113.10'),
      `kubectl patch svc kubia-loadbalancer -p '{"spec":{"loadBalancerSourceRanges":["198.51.100.0/24"]}}'`,
      'curl -s --max-time 2 http://203.0.113.10',
    ]);
    expect(denied.steps[2]?.exitCode).not.toBe(0);
    expect(notes(denied, 2)).toMatch(
      /is outside spec\.loadBalancerSourceRanges of default\/kubia-loadbalancer \(198\.51\.100\.0\/24\): the load balancer's firewall drops the packet/,
    );
  });
});

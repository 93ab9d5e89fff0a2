/**
 * Edits in a running page (editSimulation.ts): the user's report on the kubia scenario. Deleting the
 * `80` of Service kubia's `port: 80` must leave kubia as it was (the API server refuses the update)
 * and move no other Service's IP or port; retyping it gives the same cluster again.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation.ts';
import type { Simulation } from './simulation.ts';
import { reviseSimulation } from './editSimulation.ts';
import { scenarioText } from '../test/helpers.ts';
import { allocationsOf, othersIn } from '../test/allocationLedger.ts';

const FILE = 'manifest.yaml';
const KUBIA = scenarioText('kubia');

function build(text: string): Simulation {
  return createSimulation({ files: [{ file: FILE, text }], seed: 1 });
}

function edit(previous: Simulation, text: string, actions = previous.actions): Simulation {
  return reviseSimulation(previous, { files: [{ file: FILE, text }], seed: 1, actions });
}

function service(sim: Simulation, name: string) {
  return sim.state.services.find((s) => s.manifest.metadata.name === name);
}

/** kubia's `port: 80` (the first one in the file, under Service kubia) without its digits. */
const WITHOUT_80 = KUBIA.replace(
  '      port: 80          # the Service',
  '      port:           # the Service',
);

describe('editing the kubia scenario', () => {
  it('keeps Service kubia and every allocation when its port is deleted', () => {
    const before = build(KUBIA);
    expect(service(before, 'kubia')?.manifest.spec.clusterIP).toBe('10.96.31.193');
    const after = edit(before, WITHOUT_80);
    expect(after.stale).toBe(false);
    expect(service(after, 'kubia')?.manifest.spec.clusterIP).toBe('10.96.31.193');
    expect(service(after, 'kubia')?.manifest.spec.ports.map((p) => p.port)).toEqual([80, 443]);
    expect(allocationsOf(after)).toEqual(allocationsOf(before));
    expect(after.rejected).toEqual([
      expect.objectContaining({ id: 'svc/default/kubia', file: FILE, line: 58 }),
    ]);
    expect(after.diagnostics.some((d) => d.severity === 'error' && d.line === 58)).toBe(true);
    expect(after.diagnostics.some((d) => d.code === 'change-rejected' && d.line === 58)).toBe(true);
  });

  it('gives the same cluster again when the 80 is typed back', () => {
    const before = build(KUBIA);
    const back = edit(edit(before, WITHOUT_80), KUBIA);
    expect(allocationsOf(back)).toEqual(allocationsOf(before));
    expect(back.rejected).toEqual([]);
    expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps the whole last good cluster on a syntax error, and says it is stale', () => {
    const before = build(KUBIA);
    const broken = edit(
      before,
      KUBIA.replace('  selector:\n    app: kubia\n---', '  selector [oops\n    app: kubia\n---'),
    );
    expect(broken.stale).toBe(true);
    expect(broken.state).toBe(before.state);
    expect(broken.diagnostics.some((d) => d.code === 'yaml-syntax')).toBe(true);
    const fixed = edit(broken, KUBIA);
    expect(fixed.stale).toBe(false);
    expect(allocationsOf(fixed)).toEqual(allocationsOf(before));
  });

  it('deletes the object whose document is removed, and nothing else moves', () => {
    const before = build(KUBIA);
    const start = KUBIA.indexOf('kind: Service\nmetadata:\n  name: kubia-nodeport');
    const docStart = KUBIA.lastIndexOf('---', start);
    const docEnd = KUBIA.indexOf('---', start);
    const after = edit(before, KUBIA.slice(0, docStart) + KUBIA.slice(docEnd));
    expect(service(after, 'kubia-nodeport')).toBeUndefined();
    const { was, now } = othersIn(allocationsOf(before), allocationsOf(after), (k) =>
      k.endsWith('/kubia-nodeport'),
    );
    expect(now).toEqual(was);
  });

  it('deletes nothing while a document is refused, as kubectl apply prunes only when every object applied', () => {
    const before = build(KUBIA);
    const kubiaPods = (sim: Simulation) =>
      sim.state.pods
        .filter((p) => p.metadata.name.startsWith('kubia-'))
        .map((p) => `${p.metadata.name}${p.metadata.deletionTimestamp ? ' terminating' : ''}`);
    // The RC's name half-typed into an invalid one: its old name is gone from the text, but the apply
    // failed, so the RC kubia and its three pods stay.
    const typing = KUBIA.replace(
      'kind: ReplicationController\nmetadata:\n  name: kubia\n',
      'kind: ReplicationController\nmetadata:\n  name: kubia X Y\n',
    );
    expect(typing).not.toBe(KUBIA);
    const halfTyped = edit(before, typing);
    expect(halfTyped.rejected).toEqual([
      expect.objectContaining({ id: 'replicationcontroller/default/kubia X Y', line: 28 }),
    ]);
    expect(halfTyped.state.workloads.map((w) => w.manifest.metadata.name)).toContain('kubia');
    expect(kubiaPods(halfTyped)).toEqual(kubiaPods(before));
    expect(allocationsOf(halfTyped)).toEqual(allocationsOf(before));
    // A valid new name: the apply succeeds, and the RC kubia the text no longer names is pruned.
    const renamed = edit(halfTyped, typing.replace('  name: kubia X Y\n', '  name: kubia-two\n'));
    expect(renamed.rejected).toEqual([]);
    const names = renamed.state.workloads.map((w) => w.manifest.metadata.name);
    expect(names).toContain('kubia-two');
    expect(names).not.toContain('kubia');
  });

  it('gives a renamed Service a fresh IP that no live Service holds, and moves nothing else', () => {
    const before = build(KUBIA);
    const after = edit(before, KUBIA.replace('  name: kubia-loadbalancer', '  name: kubia-lb'));
    expect(service(after, 'kubia-loadbalancer')).toBeUndefined();
    const renamed = service(after, 'kubia-lb');
    const others = after.state.services.filter((s) => s !== renamed).map((s) => s.manifest.spec.clusterIP);
    expect(others).not.toContain(renamed?.manifest.spec.clusterIP);
    const { was, now } = othersIn(allocationsOf(before), allocationsOf(after), (k) =>
      k.endsWith('/kubia-loadbalancer'),
    );
    expect(now).toEqual(was);
  });

  it('keeps what actions did when another document is edited', () => {
    const scaled = build(KUBIA);
    const actions = [
      {
        type: 'scale' as const,
        kind: 'ReplicationController' as const,
        namespace: 'default',
        name: 'kubia',
        replicas: 5,
      },
    ];
    const withScale = reviseSimulation(scaled, { files: [{ file: FILE, text: KUBIA }], seed: 1, actions });
    expect(withScale.state.pods.filter((p) => p.ownerRef?.name === 'kubia')).toHaveLength(5);
    const after = edit(withScale, KUBIA.replace('      port: 443\n', '      port: 444\n'), actions);
    expect(allocationsOf(after).get('ReplicationController/default/kubia')).toBe(
      allocationsOf(withScale).get('ReplicationController/default/kubia'),
    );
    expect(service(after, 'kubia')?.manifest.spec.ports.map((p) => p.port)).toEqual([80, 444]);
    expect(service(after, 'kubia')?.manifest.spec.clusterIP).toBe('10.96.31.193');
  });

  it('is deterministic and builds from scratch when actions are taken back', () => {
    const before = build(KUBIA);
    expect(allocationsOf(edit(before, WITHOUT_80))).toEqual(allocationsOf(edit(before, WITHOUT_80)));
    const fresh = reviseSimulation(before, { files: [{ file: FILE, text: KUBIA }], seed: 2, actions: [] });
    expect(fresh.state.seed).toBe(2);
  });
});

describe('editing the loadbalancer scenario', () => {
  it('keeps the last accepted version of any kind the engine decodes, MetalLB config included', () => {
    const text = scenarioText('loadbalancer');
    const before = build(text);
    const pools = (sim: Simulation) => sim.state.metallb?.pools.map((p) => p.addresses);
    expect(pools(before)).toEqual([['172.18.255.200-172.18.255.250']]);
    // A new document above moves the broken one: its object is found by kind and name, not position.
    const broken = text.replace('- 172.18.255.200-172.18.255.250', '- not-an-address');
    const after = edit(before, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: extra\n---\n${broken}`);
    expect(pools(after)).toEqual(pools(before));
    expect(after.rejected).toEqual([
      expect.objectContaining({ id: 'ipaddresspool/metallb-system/kind-pool', file: FILE }),
    ]);
  });
});

describe('editing the world the cluster runs in', () => {
  const OUTSIDE_HOST = `apiVersion: kubeplay.dev/v1alpha1
kind: OutsideHost
metadata: {name: legacy}
spec:
  address: 11.11.11.11
  ports: [{port: 80, body: "hello from outside\\n"}]
`;
  const CLOUD_PROVIDER_KIND = `apiVersion: kubeplay.dev/v1alpha1
kind: CloudProviderKind
metadata: {name: cloud-provider-kind}
`;
  const ONE_MORE_WORKER = KUBIA.replace('  - role: worker\n', '  - role: worker\n  - role: worker\n');

  it('rebuilds from scratch when the kind config, an outside host or cloud-provider-kind comes or goes', () => {
    expect(ONE_MORE_WORKER).not.toBe(KUBIA);
    const changes: [string, string][] = [
      [KUBIA, ONE_MORE_WORKER],
      [KUBIA, `${KUBIA}---\n${OUTSIDE_HOST}`],
      [`${KUBIA}---\n${OUTSIDE_HOST}`, KUBIA],
      [KUBIA, `${KUBIA}---\n${CLOUD_PROVIDER_KIND}`],
      [`${KUBIA}---\n${CLOUD_PROVIDER_KIND}`, KUBIA],
    ];
    for (const [before, after] of changes) {
      const fresh = build(after);
      expect(errorsOf(fresh)).toEqual([]);
      expect(edit(build(before), after).state).toEqual(fresh.state);
    }
  });

  it('edits an object of the cluster in place instead (the clock goes on, nothing is rebuilt)', () => {
    const relabelled = KUBIA.replace('name: kubia-nodeport', 'name: kubia-nodeport\n  labels: {x: y}');
    expect(relabelled).not.toBe(KUBIA);
    const previous = build(KUBIA);
    const edited = edit(previous, relabelled);
    expect(edited.state.clock).toBe(previous.state.clock + 1);
    expect(edited.state).not.toEqual(build(relabelled).state);
  });
});

function errorsOf(sim: Simulation): string[] {
  return sim.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}: ${d.message}`);
}

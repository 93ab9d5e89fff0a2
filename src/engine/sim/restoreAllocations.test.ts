/**
 * A reload after live edits (restoreAllocations.ts): the page saves the ledger of the cluster on
 * screen, and the rebuild from (yaml, seed, actions) takes its pod names, IPs, ClusterIPs and node
 * ports back, so the student sees the pods they saw.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation.ts';
import type { Simulation } from './simulation.ts';
import { reviseSimulation } from './editSimulation.ts';
import { readAllocationLedger, recordAllocations } from './allocationLedger.ts';
import type { AllocationLedger } from './allocationLedger.ts';
import { scenarioText } from '../test/helpers.ts';
import { allocationsOf } from '../test/allocationLedger.ts';
import type { Action } from '../model/actions.ts';

const FILE = 'manifest.yaml';
const KUBIA = scenarioText('kubia');
const withReplicas = (n: number) => KUBIA.replace('  replicas: 3', `  replicas: ${n}`);
const EXTRA_SERVICE = `${KUBIA}
---
apiVersion: v1
kind: Service
metadata:
  name: kubia-np
spec:
  type: NodePort
  selector:
    app: kubia
  ports:
    - port: 80
      targetPort: 8080
`;

function build(text: string, actions: Action[] = [], allocations?: AllocationLedger | null): Simulation {
  return createSimulation({ files: [{ file: FILE, text }], seed: 1, actions, allocations });
}

function edit(previous: Simulation, text: string, actions = previous.actions): Simulation {
  return reviseSimulation(previous, { files: [{ file: FILE, text }], seed: 1, actions });
}

function kubiaPods(sim: Simulation): string[] {
  return sim.state.pods
    .filter((p) => p.ownerRef?.name === 'kubia' && p.metadata.deletionTimestamp === undefined)
    .map((p) => p.metadata.name)
    .sort();
}

/** Scale up and down in the YAML, delete a pod in the terminal, type in a NodePort Service. */
function liveSession(): { live: Simulation; text: string } {
  let live = build(KUBIA);
  live = edit(live, withReplicas(5));
  live = edit(live, withReplicas(3));
  const victim = kubiaPods(live)[0] ?? '';
  const deletePod: Action = { type: 'delete', kind: 'Pod', namespace: 'default', name: victim };
  live = edit(live, withReplicas(3), [deletePod]);
  const text = EXTRA_SERVICE;
  live = edit(live, text);
  // The student looks on for a while: the pods scaled away and the deleted one finish terminating (30 s
  // grace). A pod still terminating at a reload is not in the ledger (allocationLedger.ts).
  live = edit(live, text, [...live.actions, { type: 'wait', seconds: 31 }]);
  return { live, text };
}

describe('restoring allocations on reload', () => {
  it('a plain rebuild after edits gives other names (what the ledger is for)', () => {
    const { live, text } = liveSession();
    const plain = build(text, live.actions);
    expect(kubiaPods(plain)).not.toEqual(kubiaPods(live));
  });

  it('gives back every pod name, IP, node, ClusterIP and node port the live page had', () => {
    const { live, text } = liveSession();
    const ledger = readAllocationLedger(JSON.parse(JSON.stringify(recordAllocations(live.state))));
    expect(ledger).not.toBeNull();
    const reloaded = build(text, live.actions, ledger);
    expect(allocationsOf(reloaded)).toEqual(allocationsOf(live));
    expect(reloaded.state.pods.map((p) => p.metadata.uid).sort()).toEqual(
      live.state.pods.map((p) => p.metadata.uid).sort(),
    );
  });

  it('leaves a pod still terminating out of the ledger (a reload shows the cluster after its grace period)', () => {
    let live = build(KUBIA);
    const victim = kubiaPods(live)[0] ?? '';
    live = edit(live, KUBIA, [{ type: 'delete', kind: 'Pod', namespace: 'default', name: victim }]);
    expect(live.state.pods.some((p) => p.metadata.name === victim)).toBe(true);
    expect(recordAllocations(live.state).pods.map((p) => p.name)).not.toContain(victim);
  });

  it('says nothing of the replayed delete of a pod the rebuild never had', () => {
    const { live, text } = liveSession();
    const reloaded = build(text, live.actions, recordAllocations(live.state));
    expect(reloaded.diagnostics.filter((d) => d.code === 'not-found')).toEqual([]);
  });

  it('endpoints, env vars and events follow the restored names and addresses', () => {
    const { live, text } = liveSession();
    const reloaded = build(text, live.actions, recordAllocations(live.state));
    const ep = reloaded.state.endpoints.find((e) => e.metadata.name === 'kubia');
    // the replacement of the deleted pod is still starting (not Ready): it is listed as notReady
    const epIps = ep?.subsets
      .flatMap((s) => [...s.addresses, ...(s.notReadyAddresses ?? [])].map((a) => a.ip))
      .sort();
    const podIps = reloaded.state.pods
      .filter((p) => p.ownerRef?.name === 'kubia' && p.metadata.deletionTimestamp === undefined)
      .map((p) => p.status.podIP)
      .sort();
    expect(epIps).toEqual(podIps);
    const kubia = reloaded.state.services.find((s) => s.manifest.metadata.name === 'kubia');
    for (const pod of reloaded.state.pods.filter((p) => p.ownerRef?.name === 'kubia')) {
      const host = pod.serviceEnv.find((v) => v.name === 'KUBIA_SERVICE_HOST');
      if (host) expect(host.value).toBe(kubia?.manifest.spec.clusterIP);
    }
    const created = reloaded.state.events
      .filter((e) => e.reason === 'Scheduled')
      .map((e) => e.object.replace('Pod/', ''));
    for (const name of kubiaPods(reloaded)) expect(created).toContain(name);
  });

  it('goes on allocating where the live page would have', () => {
    const { live, text } = liveSession();
    const reloaded = build(text, live.actions, recordAllocations(live.state));
    const more = KUBIA.replace('  replicas: 3', '  replicas: 4');
    const liveNext = edit(live, `${more}${EXTRA_SERVICE.slice(KUBIA.length)}`);
    const reloadedNext = edit(reloaded, `${more}${EXTRA_SERVICE.slice(KUBIA.length)}`);
    expect(allocationsOf(reloadedNext)).toEqual(allocationsOf(liveNext));
  });

  it('ignores a ledger of another version or shape, and one of another cluster costs nothing', () => {
    const { live, text } = liveSession();
    const ledger = recordAllocations(live.state);
    expect(readAllocationLedger({ ...ledger, version: 2 })).toBeNull();
    expect(readAllocationLedger({ ...ledger, pods: [{ name: 1 }] })).toBeNull();
    expect(readAllocationLedger('nonsense')).toBeNull();
    const other = createSimulation({ files: [{ file: FILE, text: scenarioText('nodeport') }], seed: 1 });
    const foreign = build(text, live.actions, recordAllocations(other.state));
    expect(kubiaPods(foreign)).toHaveLength(3);
    const ips = foreign.state.pods.filter((p) => !p.spec.hostNetwork).map((p) => p.status.podIP);
    expect(new Set(ips).size).toBe(ips.length);
  });

  // docs/editing.md: readiness is the kubelet's on the node a pod runs on. The replay put this pod on a
  // node that went down (not ready, out of the Endpoints); the ledger puts it back on a healthy node.
  it('a pod moved back to a healthy node is ready there and back in its Service’s Endpoints', () => {
    const base = build(KUBIA);
    const victim = base.state.pods.find((p) => p.ownerRef?.name === 'kubia');
    const downNode = victim?.spec.nodeName ?? '';
    const reloadedActions: Action[] = [{ type: 'node', name: downNode, up: false }];
    const replay = build(KUBIA, reloadedActions);
    const onDownNode = replay.state.pods.find((p) => p.metadata.name === victim?.metadata.name);
    expect(onDownNode?.status.ready).toBe(false);
    // The ledger of a live page where that pod ran on another node, which is up.
    const healthy = replay.state.nodes.find((n) => n.up && n.name !== downNode && n.podCIDR !== '');
    const ledger = recordAllocations(replay.state);
    const freeIp = (healthy?.podCIDR ?? '').replace(/\.0\/\d+$/, '.200');
    ledger.pods = ledger.pods.map((p) =>
      p.name === victim?.metadata.name ? { ...p, node: healthy?.name ?? '', ip: freeIp } : p,
    );
    const reloaded = build(KUBIA, reloadedActions, ledger);
    const moved = reloaded.state.pods.find((p) => p.metadata.name === victim?.metadata.name);
    expect(moved?.spec.nodeName).toBe(healthy?.name);
    expect(moved?.status).toMatchObject({ podIP: freeIp, hostIP: healthy?.ip, ready: true });
    const ep = reloaded.state.endpoints.find((e) => e.metadata.name === 'kubia');
    expect(ep?.subsets.flatMap((sub) => sub.addresses.map((a) => a.ip))).toContain(freeIp);
    expect(ep?.subsets.flatMap((sub) => sub.notReadyAddresses.map((a) => a.ip))).not.toContain(freeIp);
  });

  it('a pod the page showed on a node that has since gone down goes back there, not ready', () => {
    const base = build(KUBIA);
    const pods = base.state.pods.filter((p) => p.ownerRef?.name === 'kubia');
    const downNode = pods[0]?.spec.nodeName ?? '';
    const other = pods.find((p) => p.spec.nodeName !== downNode);
    const actions: Action[] = [{ type: 'node', name: downNode, up: false }];
    const replay = build(KUBIA, actions);
    // The live page had `other` on the node that is now down (it ran there before the node failed).
    const node = replay.state.nodes.find((n) => n.name === downNode);
    const ledger = recordAllocations(replay.state);
    const ip = (node?.podCIDR ?? '').replace(/\.0\/\d+$/, '.200');
    ledger.pods = ledger.pods.map((p) =>
      p.name === other?.metadata.name ? { ...p, node: downNode, ip } : p,
    );
    const reloaded = build(KUBIA, actions, ledger);
    const back = reloaded.state.pods.find((p) => p.metadata.name === other?.metadata.name);
    expect(back?.spec.nodeName).toBe(downNode);
    expect(back?.status).toMatchObject({ podIP: ip, ready: false });
  });
});

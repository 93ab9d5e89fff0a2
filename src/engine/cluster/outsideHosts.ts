/**
 * The servers outside the cluster a scenario declares (kubeplay.dev/v1alpha1 OutsideHost,
 * docs/outside-hosts.md). They are not Kubernetes objects: nothing in the cluster stores them; they
 * stand for the internet or the company network a real cluster's nodes can reach. An address inside
 * the pod, Service or node networks would be shadowed by the cluster's own routes, so it is refused.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { OutsideHostManifest } from '../model/objects.ts';
import type { ClusterState, OutsideHostState } from '../model/state.ts';
import type { ControlPlane } from './controlPlane.ts';
import { locate } from './diagnostics.ts';
import { cidrContains, parseCidr, parseIp } from './ipv4.ts';

/** What an outside host answers when its document gives no body. */
export function defaultOutsideBody(name: string, address: string, port: number): string {
  return `You've hit ${name} (${address}:${port}), outside the cluster\n`;
}

/** The cluster network an address belongs to, if any (pod, Service or node network). */
function clusterNetworkOf(state: ClusterState, address: string): string | undefined {
  const ip = parseIp(address);
  if (ip === undefined) return undefined;
  const networks: [string, string][] = [
    ['the pod network', state.settings.podSubnet],
    ['the Service network', state.settings.serviceSubnet],
    ['the node network', state.settings.nodeSubnet],
  ];
  for (const [what, text] of networks) {
    const cidr = parseCidr(text);
    if (cidr && cidrContains(cidr, ip)) return `${what} ${text}`;
  }
  return undefined;
}

export function applyOutsideHost(cp: ControlPlane, manifest: OutsideHostManifest): Diagnostic[] {
  const { state } = cp;
  const { name } = manifest.metadata;
  const inside = clusterNetworkOf(state, manifest.address);
  if (inside) {
    return [
      locate(
        manifest,
        'spec.address',
        `Invalid value: "${manifest.address}": is inside ${inside}; an outside host needs an address the cluster does not use itself`,
        'outside-address-in-cluster',
      ),
    ];
  }
  const list = state.outsideHosts ?? [];
  const taken = list.find((h) => h.address === manifest.address && h.name !== name);
  if (taken) {
    return [
      locate(
        manifest,
        'spec.address',
        `Invalid value: "${manifest.address}": already the address of outside host "${taken.name}"`,
        'outside-address-taken',
      ),
    ];
  }
  const host: OutsideHostState = {
    name,
    address: manifest.address,
    hostnames: manifest.hostnames,
    ports: manifest.ports.map((p) => ({
      port: p.port,
      body: p.body ?? defaultOutsideBody(name, manifest.address, p.port),
    })),
    ...(manifest.source ? { source: manifest.source } : {}),
  };
  state.outsideHosts = [...list.filter((h) => h.name !== name), host];
  return [];
}

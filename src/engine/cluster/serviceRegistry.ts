/**
 * What kube-apiserver does when a Service is created or updated (pkg/registry/core/service/storage):
 * allocate or check the ClusterIP and node ports, keep them across updates (an `apply` of an existing
 * Service is an update: its clusterIP and nodePorts stay unless the YAML changes them), release them on
 * delete; then MetalLB gives LoadBalancer Services an address. Any allocation failure rejects the whole
 * object (HTTP 422): the Service is not created, or keeps its previous version, and a Diagnostic says why.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ServiceManifest, ServicePort, ServiceSpec } from '../model/objects.ts';
import type { ServiceState } from '../model/state.ts';
import { allocateClusterIp, usedClusterIps } from './clusterIpAllocator.ts';
import type { ControlPlane } from './controlPlane.ts';
import { servicesChanged } from './controlPlane.ts';
import { locate } from './diagnostics.ts';
import { recordEvent } from './events.ts';
import {
  allocateLoadBalancerIp,
  loadBalancerImplementation,
  usedLoadBalancerIps,
} from './loadBalancerAllocator.ts';
import { allocateNodePort, checkRequestedNodePort, usedNodePorts } from './nodePortAllocator.ts';

function keyOf(m: { metadata: { namespace: string; name: string } }): string {
  return `${m.metadata.namespace}/${m.metadata.name}`;
}

function allocatedSets(cp: ControlPlane): { ips: Set<string>; ports: Set<number> } {
  cp.allocated ??= { ips: usedClusterIps(cp.state), ports: usedNodePorts(cp.state) };
  return cp.allocated;
}

function needsNodePorts(spec: ServiceSpec): boolean {
  return spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts);
}

/** Creates or updates a Service. Returns the diagnostics (empty when accepted). */
export function applyService(cp: ControlPlane, manifest: ServiceManifest): Diagnostic[] {
  const { state } = cp;
  const { name, namespace } = manifest.metadata;
  // Field by field, not keyOf per Service: 200 Services made 20,000 key strings.
  const index = state.services.findIndex(
    (s) => s.manifest.metadata.name === name && s.manifest.metadata.namespace === namespace,
  );
  const existing = index === -1 ? undefined : state.services[index];
  const old = existing?.manifest.spec;
  const spec: ServiceSpec = {
    ...manifest.spec,
    ports: manifest.spec.ports.map((p) => ({ ...p })),
    externalIPs: [...manifest.spec.externalIPs],
  };
  const errors: Diagnostic[] = [];
  // Creation uses (and extends) the cached allocation sets; an update recomputes them without itself.
  const cached = existing ? undefined : allocatedSets(cp);
  const added: number[] = [];
  const fail = (path: string, message: string, code: string) =>
    errors.push(locate(manifest, path, message, code));

  // ClusterIP.
  if (spec.type === 'ExternalName') {
    delete spec.clusterIP;
  } else {
    const requested = spec.clusterIP === '' ? undefined : spec.clusterIP;
    const previous = old && old.type !== 'ExternalName' ? old.clusterIP : undefined;
    if (previous !== undefined && requested !== undefined && requested !== previous) {
      fail(
        'spec.clusterIP',
        `Invalid value: []string{"${requested}"}: may not change once set`,
        'svc-clusterip-immutable',
      );
    } else if (previous !== undefined) {
      spec.clusterIP = previous;
    } else if (requested === 'None') {
      spec.clusterIP = 'None';
    } else {
      const used = cached?.ips ?? usedClusterIps(state);
      const result = allocateClusterIp(state, cp.rng, requested, used);
      if (result.ok) spec.clusterIP = result.ip;
      else fail(requested !== undefined ? 'spec.clusterIP' : 'spec', result.message, result.code);
    }
  }

  // Node ports: one pool for every protocol; same port number in one Service shares one node port.
  const used = cached?.ports ?? usedNodePorts(state, keyOf(manifest));
  const take = (port: number) => {
    if (!used.has(port)) added.push(port);
    used.add(port);
  };
  const byNumber = new Map<number, number>();
  spec.ports.forEach((port: ServicePort, i) => {
    if (!needsNodePorts(spec)) {
      // allocateLoadBalancerNodePorts: false allocates none, but node ports the user names still count.
      if (spec.type !== 'LoadBalancer') delete port.nodePort;
      if (port.nodePort === undefined) return;
    }
    const before = old?.ports.find((p) => p.port === port.port && p.protocol === port.protocol)?.nodePort;
    if (port.nodePort !== undefined) {
      if (port.nodePort === before || byNumber.get(port.port) === port.nodePort) {
        take(port.nodePort);
      } else {
        const result = checkRequestedNodePort(state, port.nodePort, used);
        if (!result.ok) fail(`spec.ports[${i}].nodePort`, result.message, result.code);
        else take(port.nodePort);
      }
    } else if (before !== undefined) {
      port.nodePort = before;
      take(before);
    } else if (byNumber.has(port.port)) {
      port.nodePort = byNumber.get(port.port);
    } else {
      const result = allocateNodePort(state, cp.rng, used);
      if (result.ok) {
        port.nodePort = result.port;
        take(result.port);
      } else fail(`spec.ports[${i}].nodePort`, result.message, result.code);
    }
    if (port.nodePort !== undefined && !byNumber.has(port.port)) byNumber.set(port.port, port.nodePort);
  });

  // healthCheckNodePort: only LoadBalancer + externalTrafficPolicy Local (service.NeedsHealthCheck).
  if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
    const before = old?.healthCheckNodePort;
    if (spec.healthCheckNodePort !== undefined && spec.healthCheckNodePort !== before) {
      const result = checkRequestedNodePort(state, spec.healthCheckNodePort, used);
      if (!result.ok) fail('spec.healthCheckNodePort', result.message, result.code);
      else take(result.port);
    } else if (spec.healthCheckNodePort === undefined && before !== undefined) {
      spec.healthCheckNodePort = before;
    } else if (spec.healthCheckNodePort === undefined) {
      const result = allocateNodePort(state, cp.rng, used);
      if (result.ok) {
        spec.healthCheckNodePort = result.port;
        take(result.port);
      } else fail('spec.healthCheckNodePort', result.message, result.code);
    }
  } else {
    delete spec.healthCheckNodePort;
  }

  if (errors.length > 0) {
    for (const port of added) used.delete(port);
    return errors;
  }
  if (cached && spec.clusterIP !== undefined && spec.clusterIP !== 'None') cached.ips.add(spec.clusterIP);
  if (existing) delete cp.allocated;

  const stored: ServiceState = {
    manifest: { ...manifest, spec },
    status: { loadBalancer: { ingress: [] } },
    createdAt: existing?.createdAt ?? state.clock,
  };
  assignLoadBalancer(cp, stored, existing);
  if (existing) state.services[index] = stored;
  else state.services.push(stored);
  servicesChanged(cp);
  return [];
}

function assignLoadBalancer(cp: ControlPlane, svc: ServiceState, previous: ServiceState | undefined): void {
  const { spec } = svc.manifest;
  if (spec.type !== 'LoadBalancer') return;
  const prevIp = previous?.status.loadBalancer.ingress[0]?.ip;
  const requested = spec.loadBalancerIP;
  if (prevIp !== undefined && (requested === undefined || requested === '' || requested === prevIp)) {
    // the status is the controller's (or a `kubectl patch --subresource=status`): a spec update keeps it
    svc.status.loadBalancer.ingress = previous?.status.loadBalancer.ingress.map((i) => ({ ...i })) ?? [];
    if (previous?.loadBalancerBy) svc.loadBalancerBy = previous.loadBalancerBy;
    // cloud-provider-kind reconfigures Envoy and reports the Service's ports as they are now
    if (previous?.loadBalancerBy === 'cloud-provider-kind')
      svc.status.loadBalancer.ingress = svc.status.loadBalancer.ingress.map((i) => ({
        ...i,
        ports: spec.ports.map((p) => ({ port: p.port, protocol: p.protocol })),
      }));
    return;
  }
  // cloud-provider-kind's service controller writes the status in the controllers' pass (controllers.ts)
  if (loadBalancerImplementation(cp.state) === 'cloud-provider-kind') return;
  const result = allocateLoadBalancerIp(
    cp.state,
    svc.manifest,
    usedLoadBalancerIps(cp.state, keyOf(svc.manifest)),
  );
  const ref = `Service/${svc.manifest.metadata.name}`;
  const ns = svc.manifest.metadata.namespace;
  if (!result.ok) {
    if (result.message === undefined) return;
    recordEvent(cp.state, {
      type: 'Warning',
      reason: 'AllocationFailed',
      object: ref,
      namespace: ns,
      message: result.message,
    });
    return;
  }
  svc.status.loadBalancer.ingress = [{ ip: result.ip }];
  svc.loadBalancerBy = 'metallb';
  recordEvent(cp.state, {
    reason: 'IPAllocated',
    object: ref,
    namespace: ns,
    message: `Assigned IP ["${result.ip}"]`,
  });
}

/** Deletes a Service: its ClusterIP, node ports and LB address go back to their pools. */
export function removeService(cp: ControlPlane, svc: ServiceState): void {
  cp.state.services = cp.state.services.filter((s) => s !== svc);
  delete cp.allocated;
  servicesChanged(cp);
}

/**
 * Create-or-update of one manifest, as `kubectl apply` against kube-apiserver does it: existing objects
 * (same kind, namespace, name) are updated in place, keeping what the server allocated; namespaced
 * objects need their namespace to exist (`namespaces "x" not found`, the object is not created).
 * Controllers of an applied workload run at once, so its pods exist before the next document is read.
 */
import { isClusterScoped } from '../model/scope.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type {
  EndpointsManifest,
  IngressClassManifest,
  IpAddressPoolManifest,
  L2AdvertisementManifest,
  IngressManifest,
  Manifest,
  NetworkPolicyManifest,
  NodeManifest,
  PodManifest,
  WorkloadManifest,
} from '../model/objects.ts';
import type { ControlPlane } from './controlPlane.ts';
import { locate } from './diagnostics.ts';
import { createPod } from './podLifecycle.ts';
import { applyOutsideHost } from './outsideHosts.ts';
import { applyService } from './serviceRegistry.ts';
import { applyControlPlaneTaints, createJoiningNode, defaultNodeLabels } from './topology.ts';
import { syncWorkloads } from './workloadController.ts';
import { exceedsPodLimit, nodeLimitReached, podLimitReached, serviceLimitReached } from './capacity.ts';
import {
  MAX_NODES,
  MAX_PODS,
  PLAYGROUND_LIMIT_NOTE,
  formatCount,
  podLimitDetail,
  serviceLimitMessage,
} from '../limits.ts';
import { invalid } from '../parse/messages.ts';

function sameName(
  a: { metadata: { name: string; namespace: string } },
  b: { metadata: { name: string; namespace: string } },
) {
  return a.metadata.name === b.metadata.name && a.metadata.namespace === b.metadata.namespace;
}

export function applyManifest(cp: ControlPlane, manifest: Manifest): Diagnostic[] {
  const { state } = cp;
  if (manifest.kind === 'Cluster') return [];
  // MetalLB's CRDs exist only where MetalLB is installed, and its install creates metallb-system
  if (
    (manifest.kind === 'IPAddressPool' || manifest.kind === 'L2Advertisement') &&
    manifest.metadata.namespace === METALLB_NAMESPACE &&
    !state.namespaces.some((n) => n.name === METALLB_NAMESPACE)
  )
    state.namespaces.push({ name: METALLB_NAMESPACE, createdAt: state.clock });
  if (!isClusterScoped(manifest.kind)) {
    const ns = manifest.metadata.namespace;
    if (!state.namespaces.some((n) => n.name === ns)) {
      return [locate(manifest, 'metadata.namespace', `namespaces "${ns}" not found`, 'namespace-not-found')];
    }
  }
  switch (manifest.kind) {
    case 'Namespace':
      applyNamespace(cp, manifest.metadata.name, manifest.metadata.labels);
      return [];
    case 'Node':
      return applyNode(cp, manifest);
    case 'Pod':
      return applyPod(cp, manifest);
    case 'ReplicationController':
    case 'ReplicaSet':
    case 'Deployment':
    case 'DaemonSet':
      return applyWorkload(cp, manifest);
    case 'Service':
      if (!state.services.some((s) => sameName(s.manifest, manifest)) && serviceLimitReached(state))
        return [locate(manifest, 'metadata.name', serviceLimitMessage(), 'limit-services')];
      return applyService(cp, manifest);
    case 'Endpoints':
      applyEndpoints(cp, manifest);
      return [];
    case 'Ingress':
      return applyIngress(cp, manifest);
    case 'IngressClass':
      applyIngressClass(cp, manifest);
      return [];
    case 'IPAddressPool':
    case 'L2Advertisement':
      applyMetalLbConfig(cp, manifest);
      return manifest.metadata.namespace === METALLB_NAMESPACE
        ? []
        : [
            locate(
              manifest,
              'metadata.namespace',
              `MetalLB reads its configuration only from its own namespace, ${METALLB_NAMESPACE}; this ${manifest.kind} is ignored`,
              'metallb-namespace',
              'warning',
            ),
          ];
    case 'NetworkPolicy':
      applyNetworkPolicy(cp, manifest);
      return [];
    case 'OutsideHost':
      return applyOutsideHost(cp, manifest);
  }
}

/** Where MetalLB's install puts it and where its controller reads its configuration (https://metallb.universe.tf/installation/). */
export const METALLB_NAMESPACE = 'metallb-system';

/** MetalLB's configuration: stored; its controller reads it in the next pass (retryPendingLoadBalancers). */
function applyMetalLbConfig(
  cp: ControlPlane,
  manifest: IpAddressPoolManifest | L2AdvertisementManifest,
): void {
  const config = cp.state.metallb ?? { pools: [], l2: [] };
  if (manifest.kind === 'IPAddressPool')
    config.pools = [...config.pools.filter((p) => !sameName(p, manifest)), manifest];
  else config.l2 = [...config.l2.filter((p) => !sameName(p, manifest)), manifest];
  cp.state.metallb = config;
}

/** Namespace labels matter to NetworkPolicy namespaceSelectors; an update replaces the array entry. */
function applyNamespace(cp: ControlPlane, name: string, labels: Record<string, string>): void {
  const { state } = cp;
  const at = state.namespaces.findIndex((n) => n.name === name);
  const written = Object.keys(labels).length > 0 ? { labels } : {};
  if (at === -1) state.namespaces.push({ name, createdAt: state.clock, ...written });
  else {
    const existing = state.namespaces[at];
    if (existing) state.namespaces[at] = { name, createdAt: existing.createdAt, ...written };
  }
}

function applyNetworkPolicy(cp: ControlPlane, manifest: NetworkPolicyManifest): void {
  const { state } = cp;
  const list = [...(state.networkPolicies ?? [])];
  const at = list.findIndex((p) => sameName(p.manifest, manifest));
  const previous = list[at];
  const record = { manifest, createdAt: previous?.createdAt ?? state.clock };
  if (previous) list[at] = record;
  else list.push(record);
  state.networkPolicies = list;
}

function applyNode(cp: ControlPlane, manifest: NodeManifest): Diagnostic[] {
  const { state } = cp;
  const node = state.nodes.find((n) => n.name === manifest.metadata.name);
  if (node) {
    node.labels = { ...defaultNodeLabels(node.name, node.role), ...manifest.metadata.labels };
    node.unschedulable = manifest.unschedulable;
    return [];
  }
  if (nodeLimitReached(state)) {
    return [
      locate(
        manifest,
        'metadata.name',
        `Forbidden: kubeplay simulates at most ${formatCount(MAX_NODES)} nodes (${PLAYGROUND_LIMIT_NOTE})`,
        'limit-nodes',
      ),
    ];
  }
  state.nodes.push(createJoiningNode(state.settings, state.nodes, manifest, state.clock));
  applyControlPlaneTaints(state.nodes);
  return [];
}

function applyPod(cp: ControlPlane, manifest: PodManifest): Diagnostic[] {
  const existing = cp.state.pods.find((p) => sameName(p, manifest));
  if (!existing && podLimitReached(cp.state)) {
    return [
      locate(
        manifest,
        'metadata.name',
        `Forbidden: kubeplay simulates at most ${formatCount(MAX_PODS)} pods in all (${PLAYGROUND_LIMIT_NOTE})`,
        'limit-pods',
      ),
    ];
  }
  if (!existing) {
    createPod(cp, {
      metadata: { ...manifest.metadata },
      spec: manifest.spec,
      ...(manifest.source ? { source: manifest.source } : {}),
    });
    return [];
  }
  // Pods are immutable but for labels, annotations and a few spec fields (ValidatePodUpdate).
  const { nodeName: _ignored, ...oldSpec } = existing.spec;
  void _ignored;
  const { nodeName: wanted, ...newSpec } = manifest.spec;
  const nodeChanged = wanted !== undefined && wanted !== existing.spec.nodeName;
  if (nodeChanged || JSON.stringify(oldSpec) !== JSON.stringify(newSpec)) {
    return [
      locate(
        manifest,
        'spec',
        'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        'pod-spec-immutable',
      ),
    ];
  }
  existing.metadata = {
    ...existing.metadata,
    labels: { ...manifest.metadata.labels },
    annotations: { ...manifest.metadata.annotations },
  };
  return [];
}

function applyWorkload(cp: ControlPlane, manifest: WorkloadManifest): Diagnostic[] {
  const { state } = cp;
  const { namespace, name } = manifest.metadata;
  // Checked before the controller creates a single pod, so a huge count costs nothing.
  if (exceedsPodLimit(state, manifest.kind, namespace, name, manifest.replicas)) {
    return [locate(manifest, 'spec.replicas', invalid(manifest.replicas, podLimitDetail()), 'limit-pods')];
  }
  let workload = state.workloads.find(
    (w) => w.manifest.kind === manifest.kind && sameName(w.manifest, manifest),
  );
  if (workload) {
    workload.manifest = manifest;
    workload.replicas = manifest.replicas;
  } else {
    workload = { manifest, replicas: manifest.replicas, createdAt: state.clock, generation: 0 };
    state.workloads.push(workload);
  }
  syncWorkloads(cp, workload);
  return [];
}

function applyEndpoints(cp: ControlPlane, manifest: EndpointsManifest): void {
  const { state } = cp;
  const existing = state.endpoints.find((e) => sameName(e, manifest));
  if (existing) {
    existing.subsets = manifest.subsets;
    existing.metadata = { ...manifest.metadata };
    if (manifest.source) existing.source = manifest.source;
    return;
  }
  state.endpoints.push({
    metadata: { ...manifest.metadata },
    subsets: manifest.subsets,
    managed: false,
    ...(manifest.source ? { source: manifest.source } : {}),
    createdAt: state.clock,
  });
}

/**
 * The DefaultIngressClass admission plugin: a NEW Ingress naming no class (field nor annotation) gets
 * the default IngressClass; two defaults refuse it (`2 default IngressClasses were found, only 1 allowed`).
 */
function applyIngress(cp: ControlPlane, manifest: IngressManifest): Diagnostic[] {
  const { state } = cp;
  const index = state.ingresses.findIndex((i) => sameName(i.manifest, manifest));
  let stored = manifest;
  const hasClass =
    manifest.spec.ingressClassName !== undefined ||
    manifest.metadata.annotations['kubernetes.io/ingress.class'] !== undefined;
  if (index === -1 && !hasClass) {
    const defaults = state.ingressClasses.filter((c) => c.manifest.isDefault);
    if (defaults.length > 1) {
      return [
        locate(
          manifest,
          '',
          `Forbidden: ${defaults.length} default IngressClasses were found, only 1 allowed`,
          'ingress-default-class-conflict',
        ),
      ];
    }
    const only = defaults[0];
    if (only)
      stored = { ...manifest, spec: { ...manifest.spec, ingressClassName: only.manifest.metadata.name } };
  }
  const previous = index === -1 ? undefined : state.ingresses[index];
  if (previous && !hasClass && previous.manifest.spec.ingressClassName !== undefined) {
    stored = {
      ...manifest,
      spec: { ...manifest.spec, ingressClassName: previous.manifest.spec.ingressClassName },
    };
  }
  const record = {
    manifest: stored,
    status: previous?.status ?? { loadBalancer: { ingress: [] } },
    createdAt: previous?.createdAt ?? state.clock,
  };
  if (index === -1) state.ingresses.push(record);
  else state.ingresses[index] = record;
  return [];
}

function applyIngressClass(cp: ControlPlane, manifest: IngressClassManifest): void {
  const { state } = cp;
  const existing = state.ingressClasses.find((c) => c.manifest.metadata.name === manifest.metadata.name);
  if (existing) existing.manifest = manifest;
  else state.ingressClasses.push({ manifest, createdAt: state.clock });
}

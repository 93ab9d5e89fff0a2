/**
 * One pass of every controller after a change, in dependency order: workload controllers (create and
 * delete pods), scheduler and kubelets (pending pods start), readiness, LoadBalancer addresses still
 * pending, the endpoints and EndpointSlice controllers (and slice mirroring), the ingress controllers' status. Each step is linear in the objects
 * it looks at (pods are indexed once for both endpoints controllers).
 */
import type { ControlPlane } from './controlPlane.ts';
import { syncEndpoints } from './endpointsController.ts';
import { syncEndpointSlices, ZONE_LABEL } from './endpointSliceController.ts';
import {
  beginEndpointsPass,
  closestPass,
  finishEndpointsPass,
  rememberPass,
  type EndpointsPassRecord,
} from './endpointsMemo.ts';
import { podSelect } from './podIndex.ts';
import { recordEvent } from './events.ts';
import { syncIngressStatus } from './ingressStatus.ts';
import {
  allocateLoadBalancerIp,
  inMetallbPool,
  loadBalancerImplementation,
  usedLoadBalancerIps,
} from './loadBalancerAllocator.ts';
import { advancePod, deletePod } from './podLifecycle.ts';
import { updateReadiness } from './readiness.ts';
import { UNREACHABLE_TAINT } from './scheduler.ts';
import { ensureMasterService } from './systemObjects.ts';
import { removeTerminatedPods } from './termination.ts';
import { EVICTION_SECONDS } from './timedChanges.ts';
import { syncWorkloads } from './workloadController.ts';
import { recordLayer2Announcements } from './metallbSpeaker.ts';

/** The node lifecycle controller: a down node is tainted unreachable (NoSchedule and NoExecute). */
export function syncNodeTaints(cp: ControlPlane): void {
  for (const node of cp.state.nodes) {
    const others = (node.taints ?? []).filter((t) => t.key !== UNREACHABLE_TAINT);
    node.taints = node.up
      ? others
      : [
          ...others,
          { key: UNREACHABLE_TAINT, effect: 'NoSchedule' },
          { key: UNREACHABLE_TAINT, effect: 'NoExecute' },
        ];
  }
}

/** Pods waiting for a node, or bound to a node that was down, start now when they can. */
export function startPendingPods(cp: ControlPlane): void {
  const pending = cp.state.pods.filter((p) => p.status.phase === 'Pending');
  if (pending.length === 0) return;
  for (const pod of pending) advancePod(cp, pod);
}

/**
 * MetalLB's controller reconciles every Service again when its configuration changes or an address is
 * freed (https://github.com/metallb/metallb, internal/k8s/controllers/service_controller.go): a Service
 * still `<pending>` gets an address from a pool applied after it. A failure is reported as MetalLB's
 * `AllocationFailed` event once, not again on every pass while nothing changed.
 */
export function retryPendingLoadBalancers(cp: ControlPlane): void {
  const { state } = cp;
  for (const svc of state.services) {
    // an address MetalLB gave that no pool holds any more (the pool was deleted or shrunk) is taken back
    // (clearServiceState in MetalLB's controller/service.go); a status someone else wrote is left alone
    const ip = svc.status.loadBalancer.ingress[0]?.ip;
    if (svc.loadBalancerBy === 'metallb' && (ip === undefined || !inMetallbPool(state, ip))) {
      svc.status = { loadBalancer: { ingress: [] } };
      delete svc.loadBalancerBy;
    }
  }
  for (const svc of state.services) {
    const m = svc.manifest;
    if (m.spec.type !== 'LoadBalancer' || svc.status.loadBalancer.ingress.length > 0) continue;
    const result = allocateLoadBalancerIp(state, m, usedLoadBalancerIps(state));
    if (!result.ok) {
      const object = `Service/${m.metadata.name}`;
      if (result.message !== undefined && !lastEventSays(state, object, m.metadata.namespace, result.message))
        recordEvent(state, {
          type: 'Warning',
          reason:
            loadBalancerImplementation(state) === 'cloud-provider-kind'
              ? 'SyncLoadBalancerFailed'
              : 'AllocationFailed',
          object,
          namespace: m.metadata.namespace,
          message: result.message,
        });
      continue;
    }
    const object = `Service/${m.metadata.name}`;
    if (loadBalancerImplementation(state) === 'cloud-provider-kind') {
      // the cloud-provider service controller: Envoy's address with ipMode Proxy and the Service's ports
      svc.status = {
        loadBalancer: {
          ingress: [
            {
              ip: result.ip,
              ipMode: 'Proxy',
              ports: m.spec.ports.map((p) => ({ port: p.port, protocol: p.protocol })),
            },
          ],
        },
      };
      svc.loadBalancerBy = 'cloud-provider-kind';
      const namespace = m.metadata.namespace;
      recordEvent(state, {
        reason: 'EnsuringLoadBalancer',
        object,
        namespace,
        message: 'Ensuring load balancer',
      });
      recordEvent(state, {
        reason: 'EnsuredLoadBalancer',
        object,
        namespace,
        message: 'Ensured load balancer',
      });
      continue;
    }
    svc.status = { loadBalancer: { ingress: [{ ip: result.ip }] } };
    svc.loadBalancerBy = 'metallb';
    recordEvent(state, {
      reason: 'IPAllocated',
      object,
      namespace: m.metadata.namespace,
      message: `Assigned IP ["${result.ip}"]`,
    });
  }
}

/** Whether the newest event about this object already carries this message. */
function lastEventSays(
  state: ControlPlane['state'],
  object: string,
  namespace: string,
  message: string,
): boolean {
  for (let i = state.events.length - 1; i >= 0; i--) {
    const e = state.events[i];
    if (e && e.object === object && e.namespace === namespace) return e.message === message;
  }
  return false;
}

/**
 * Taint-based eviction: pods get a default toleration of 300 s for node.kubernetes.io/unreachable:NoExecute
 * (DefaultTolerationSeconds admission, EVICTION_SECONDS), so 5 minutes after a node goes down its pods
 * are deleted and their controllers create replacements elsewhere. DaemonSet pods tolerate the taint
 * forever and stay. (A real evicted pod lingers as Terminating until its kubelet returns; here it is
 * gone at once.)
 */

export function evictFromDownNodes(cp: ControlPlane): void {
  const { state } = cp;
  for (const node of state.nodes) {
    if (node.up || node.downSince === undefined || state.clock - node.downSince < EVICTION_SECONDS) continue;
    for (const pod of state.pods.filter(
      (p) => p.spec.nodeName === node.name && p.ownerRef?.kind !== 'DaemonSet',
    )) {
      recordEvent(state, {
        reason: 'TaintManagerEviction',
        object: `Pod/${pod.metadata.name}`,
        namespace: pod.metadata.namespace,
        message: `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
      });
      deletePod(cp, pod);
    }
  }
}

/**
 * The endpoints and EndpointSlice controllers' last passes (endpointsMemo.ts): the next pass recomputes
 * only the Services whose inputs changed since the closest of them, whatever state they ran on.
 */
let rememberedPasses: EndpointsPassRecord[] = [];

/** Both endpoints controllers, recomputing only what changed since the closest remembered pass. */
function syncEndpointsRemembered(state: ControlPlane['state']): void {
  const from = closestPass(rememberedPasses, state);
  const pass = beginEndpointsPass(from, state, ZONE_LABEL);
  // forgotten first: a pass that throws half-way leaves nothing half-recorded behind
  rememberedPasses = rememberedPasses.filter((p) => p !== from);
  const select = podSelect(state.pods);
  syncEndpoints(state, select, pass.endpoints);
  syncEndpointSlices(state, select, pass.slices);
  rememberedPasses = rememberPass(rememberedPasses, from, finishEndpointsPass(pass));
}

export function runControllers(cp: ControlPlane): void {
  ensureMasterService(cp);
  syncNodeTaints(cp);
  evictFromDownNodes(cp);
  removeTerminatedPods(cp);
  // The deployment controller reads pod availability, which the clock may have changed since the last pass.
  updateReadiness(cp.state);
  syncWorkloads(cp);
  startPendingPods(cp);
  updateReadiness(cp.state);
  retryPendingLoadBalancers(cp);
  syncEndpointsRemembered(cp.state);
  recordLayer2Announcements(cp.state);
  syncIngressStatus(cp.state);
}

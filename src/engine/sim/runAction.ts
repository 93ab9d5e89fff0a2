/**
 * One action against a state (mutated in place: the caller hands in its own copy). Unknown targets
 * produce a Diagnostic located at the action (`file: 'actions'`, line = 1-based action number), never
 * a throw. The controllers run afterwards so pods, endpoints and statuses follow.
 */
import { findKindModule } from '../kinds/registry.ts';
import type { Action } from '../model/actions.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Manifest } from '../model/objects.ts';
import { applyManifest } from '../cluster/apiServer.ts';
import { exceedsPodLimit } from '../cluster/capacity.ts';
import { podLimitDetail } from '../limits.ts';
import { invalid } from '../parse/messages.ts';
import type { ControlPlane } from '../cluster/controlPlane.ts';
import { runControllers } from '../cluster/controllers.ts';
import { advanceClock } from '../cluster/timedChanges.ts';
import { deleteObject, notFoundMessage } from '../cluster/deleteObject.ts';
import { formatIp, parseCidr, parseIp } from '../cluster/ipv4.ts';
import { findNode, findPod } from '../cluster/lookup.ts';

/** A non-negative whole number from untrusted input (share links carry actions): junk counts as 0. */
function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

/** A delete's grace period, when it is a whole number of seconds (share links carry actions). */
function graceOf(action: { gracePeriodSeconds?: number }): number | undefined {
  const grace = action.gracePeriodSeconds;
  return typeof grace === 'number' && Number.isFinite(grace) ? count(grace) : undefined;
}

function actionDiagnostic(
  actionNumber: number,
  message: string,
  code: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { file: 'actions', line: actionNumber, column: 1, severity, path: '', message, code };
}

/**
 * Applies the action. `manifests` are the already-parsed documents of an `apply` action (parsing is the
 * caller's, so this stays pure of the parser). Returns the control-plane diagnostics it produced.
 */
export function runAction(
  cp: ControlPlane,
  action: Action,
  actionNumber: number,
  manifests: Manifest[] = [],
): Diagnostic[] {
  const { state } = cp;
  const out: Diagnostic[] = [];
  // Time passes to the action's second, the cluster taking each timed step on the way (a rollout).
  advanceClock(cp, state.clock + (action.type === 'wait' ? count(action.seconds) : 1), runControllers);
  switch (action.type) {
    case 'apply':
      for (const m of manifests) {
        if (m.kind === 'Cluster') {
          out.push(
            actionDiagnostic(
              actionNumber,
              'a kind Cluster config only takes effect when the cluster is created',
              'cluster-config-after-load',
              'warning',
            ),
          );
          continue;
        }
        out.push(...applyManifest(cp, m));
      }
      break;
    case 'delete': {
      const result = deleteObject(cp, action.kind, action.namespace, action.name, graceOf(action));
      if (!result.ok) out.push(actionDiagnostic(actionNumber, result.message, result.code));
      break;
    }
    case 'scale': {
      if (action.kind === 'DaemonSet') {
        out.push(
          actionDiagnostic(
            actionNumber,
            'error: the server could not find the requested resource',
            'scale-unsupported',
          ),
        );
        break;
      }
      const w = state.workloads.find(
        (x) =>
          x.manifest.kind === action.kind &&
          x.manifest.metadata.namespace === action.namespace &&
          x.manifest.metadata.name === action.name,
      );
      if (!w)
        out.push(actionDiagnostic(actionNumber, notFoundMessage(action.kind, action.name), 'not-found'));
      else if (exceedsPodLimit(state, action.kind, action.namespace, action.name, count(action.replicas))) {
        out.push(
          actionDiagnostic(
            actionNumber,
            `spec.replicas: ${invalid(count(action.replicas), podLimitDetail())}`,
            'limit-pods',
          ),
        );
      } else {
        w.replicas = count(action.replicas);
        w.manifest = { ...w.manifest, replicas: w.replicas };
      }
      break;
    }
    case 'node': {
      const node = findNode(state, action.name);
      if (!node) out.push(actionDiagnostic(actionNumber, notFoundMessage('Node', action.name), 'not-found'));
      else {
        if (node.up && !action.up) node.downSince = state.clock;
        if (action.up) delete node.downSince;
        node.up = action.up;
      }
      break;
    }
    case 'podReady': {
      const pod = findPod(state, action.namespace, action.name);
      if (!pod) out.push(actionDiagnostic(actionNumber, notFoundMessage('Pod', action.name), 'not-found'));
      // `unready` forces the pod out; `ready` lifts that, and the readiness probe decides again.
      else if (action.ready) delete pod.readinessOverride;
      else pod.readinessOverride = false;
      break;
    }
    case 'podFile': {
      const pod = findPod(state, action.namespace, action.name);
      if (!pod) out.push(actionDiagnostic(actionNumber, notFoundMessage('Pod', action.name), 'not-found'));
      else {
        const files = pod.files.filter((f) => f !== action.path);
        pod.files = action.present ? [...files, action.path] : files;
      }
      break;
    }
    case 'hosts': {
      const client = state.clients.find((c) => c.name === action.client);
      if (!client)
        out.push(actionDiagnostic(actionNumber, `client "${action.client}" not found`, 'not-found'));
      else client.hosts = [...client.hosts, { ip: action.ip, hostnames: [...action.hostnames] }];
      break;
    }
    case 'client':
      if (!state.clients.some((c) => c.name === action.name)) {
        state.clients.push({ name: action.name, ip: nextClientIp(cp), hosts: [] });
      }
      break;
    case 'label':
    case 'annotate':
      if (!relabel(cp, action))
        out.push(actionDiagnostic(actionNumber, notFoundMessage(action.kind, action.name), 'not-found'));
      break;
    case 'serviceStatus': {
      const svc = state.services.find(
        (v) => v.manifest.metadata.namespace === action.namespace && v.manifest.metadata.name === action.name,
      );
      if (!svc)
        out.push(actionDiagnostic(actionNumber, notFoundMessage('Service', action.name), 'not-found'));
      else {
        svc.status = {
          loadBalancer: {
            ingress: action.ingress.map((a) => (parseIp(a) === undefined ? { hostname: a } : { ip: a })),
          },
        };
        // the writer is whoever patched it, not MetalLB
        delete svc.loadBalancerBy;
      }
      break;
    }
    case 'wait':
      break;
  }
  runControllers(cp);
  return out;
}

/**
 * Another machine on kind's docker network: the first free address after the nodes and clients
 * (docker hands out the next address of the bridge network to a new container).
 */
function nextClientIp(cp: ControlPlane): string {
  const { state } = cp;
  const net = parseCidr(state.settings.nodeSubnet);
  const used = new Set([...state.nodes.map((n) => n.ip), ...state.clients.map((c) => c.ip)]);
  for (let i = 2; net && i < net.size - 1; i++) {
    const ip = formatIp(net.base + i);
    if (!used.has(ip)) return ip;
  }
  return formatIp((net?.base ?? 0) + 254);
}

function relabel(cp: ControlPlane, action: Extract<Action, { type: 'label' | 'annotate' }>): boolean {
  const edit = (map: Record<string, string>): Record<string, string> => {
    const next = { ...map, ...(action.set && typeof action.set === 'object' ? action.set : {}) };
    for (const key of Array.isArray(action.remove) ? action.remove : []) delete next[key];
    return next;
  };
  const field = action.type === 'label' ? 'labels' : 'annotations';
  return findKindModule(action.kind)?.relabel?.(cp, action.namespace, action.name, field, edit) ?? false;
}

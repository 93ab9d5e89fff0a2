/**
 * The table columns of `kubectl get`, per resource type, as the API server's table convertor prints
 * them (kubernetes pkg/printers/internalversion/printers.go): headers, then one row per object, with
 * `-o wide` columns appended.
 */
import { kindModule } from '../../kinds/registry.ts';
import type { LabelSelector } from '../../model/objects.ts';
import type { ClusterState, PodState } from '../../model/state.ts';
import { formatAge } from '../format/age.ts';
import type { ListedObject } from './listing.ts';
import type { ResourceKind } from './resources.ts';

/** What kind's node image reports (kindest/node v1.33.1). */
export const NODE_INFO = {
  kubeletVersion: 'v1.33.1',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  kernelVersion: '6.8.0-1027-gcp',
  containerRuntimeVersion: 'containerd://2.1.1',
  architecture: 'amd64',
};

export function headersOf(kind: ResourceKind, wide: boolean): string[] {
  return kindModule(kind).headers?.(wide) ?? [];
}

export function isPodReady(pod: PodState): boolean {
  return pod.status.phase === 'Running' && pod.status.ready;
}

export function podReadyColumn(pod: PodState): string {
  const total = pod.spec.containers.length;
  return `${isPodReady(pod) ? total : 0}/${total}`;
}

/** metav1.FormatLabelSelector: `app=kubia,tier in (a,b)`; `<none>` for an empty selector. */
export function formatLabelSelector(selector: LabelSelector): string {
  const parts = Object.keys(selector.matchLabels)
    .sort()
    .map((k) => `${k}=${selector.matchLabels[k] ?? ''}`);
  for (const e of selector.matchExpressions) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${e.values.join(',')})`);
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}

/** LB ingress IPs/hostnames joined by `,`; cut to 13 characters + `...` beyond 16 unless wide. */
export function formatLoadBalancerStatus(
  ingress: { ip?: string; hostname?: string }[],
  wide: boolean,
): string {
  const r = ingress
    .map((i) => i.ip ?? i.hostname ?? '')
    .filter((s) => s !== '')
    .join(',');
  if (!wide && r.length > 16) return `${r.slice(0, 13)}...`;
  return r;
}

export function rowOf(obj: ListedObject, state: ClusterState, wide: boolean): string[] {
  const age = formatAge(state.clock - obj.createdAt);
  return kindModule(obj.kind).row?.(obj, state, wide, age) ?? [];
}

/** printers.go getServiceExternalIP. */
export function serviceExternalIp(service: ClusterState['services'][number], wide: boolean): string {
  const spec = service.manifest.spec;
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return spec.externalIPs.length > 0 ? spec.externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = formatLoadBalancerStatus(service.status.loadBalancer.ingress, wide);
      if (spec.externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...spec.externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
}

/** printers.go formatEndpoints: up to 3 ready `ip:port`, then ` + N more...`; `<none>` without subsets. */
export function formatEndpointsColumn(
  subsets: ClusterState['endpoints'][number]['subsets'],
  portNames?: Set<string>,
): string {
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of subsets) {
    if (ss.ports.length === 0) {
      count += ss.addresses.length;
      for (const a of ss.addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      if (portNames && !portNames.has(port.name ?? '')) continue;
      count += ss.addresses.length;
      for (const a of ss.addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip.includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`);
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - max} more...` : joined;
}

/** printers.go listWithMoreString: up to 3, then ` + N more...`; `<unset>` when empty. */
export function listWithMore(items: string[]): string {
  const max = 3;
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown || '<unset>';
}

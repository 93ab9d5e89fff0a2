/**
 * The table columns of `kubectl get`, per resource type, as the API server's table convertor prints
 * them (kubernetes pkg/printers/internalversion/printers.go): headers, then one row per object, with
 * `-o wide` columns appended.
 */
import { podStatusColumn } from './podTermination.ts';
import { sliceEndpoints, sliceSubsets } from './endpointSliceView.ts';
import type { LabelSelector } from '../../model/objects.ts';
import type { ClusterState, PodState } from '../../model/state.ts';
import { formatAge } from '../format/age.ts';
import type { ListedObject } from './listing.ts';
import { formatLabels } from './labelSelector.ts';
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
  switch (kind) {
    case 'Pod':
      return [
        'NAME',
        'READY',
        'STATUS',
        'RESTARTS',
        'AGE',
        ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : []),
      ];
    case 'Service':
      return ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE', ...(wide ? ['SELECTOR'] : [])];
    case 'Endpoints':
      return ['NAME', 'ENDPOINTS', 'AGE'];
    case 'Ingress':
      return ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'];
    case 'IngressClass':
      return ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'];
    case 'NetworkPolicy':
      return ['NAME', 'POD-SELECTOR', 'AGE'];
    // the CRDs' additionalPrinterColumns (kubebuilder printcolumn markers in MetalLB's api/v1beta1), then AGE
    case 'IPAddressPool':
      return ['NAME', 'AUTO ASSIGN', 'AVOID BUGGY IPS', 'ADDRESSES', 'AGE'];
    case 'L2Advertisement':
      return [
        'NAME',
        'IPADDRESSPOOLS',
        'IPADDRESSPOOL SELECTORS',
        'INTERFACES',
        ...(wide ? ['NODE SELECTORS'] : []),
        'AGE',
      ];
    case 'Node':
      return [
        'NAME',
        'STATUS',
        'ROLES',
        'AGE',
        'VERSION',
        ...(wide ? ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'] : []),
      ];
    case 'Deployment':
      return [
        'NAME',
        'READY',
        'UP-TO-DATE',
        'AVAILABLE',
        'AGE',
        ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
      ];
    case 'ReplicationController':
    case 'ReplicaSet':
      return [
        'NAME',
        'DESIRED',
        'CURRENT',
        'READY',
        'AGE',
        ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
      ];
    case 'DaemonSet':
      return [
        'NAME',
        'DESIRED',
        'CURRENT',
        'READY',
        'UP-TO-DATE',
        'AVAILABLE',
        'NODE SELECTOR',
        'AGE',
        ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
      ];
    case 'Namespace':
      return ['NAME', 'STATUS', 'AGE'];
    case 'Event':
      return ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
    case 'EndpointSlice':
      return ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'];
  }
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
  switch (obj.kind) {
    case 'Pod': {
      const p = obj.pod;
      const row = [obj.name, podReadyColumn(p), podStatusColumn(p), '0', age];
      if (wide) row.push(p.status.podIP || '<none>', p.spec.nodeName || '<none>', '<none>', '<none>');
      return row;
    }
    case 'Service': {
      const spec = obj.service.manifest.spec;
      const clusterIP = spec.type === 'ExternalName' ? '<none>' : (spec.clusterIP ?? '<none>');
      const ports =
        spec.ports.length === 0
          ? '<none>'
          : spec.ports
              .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
              .join(',');
      const row = [obj.name, spec.type, clusterIP, serviceExternalIp(obj.service, wide), ports, age];
      if (wide) row.push(spec.selector === undefined ? '<none>' : formatLabels(spec.selector));
      return row;
    }
    case 'Endpoints':
      return [obj.name, formatEndpointsColumn(obj.endpoints.subsets), age];
    case 'Ingress': {
      const ing = obj.ingress;
      const hosts = ing.manifest.spec.rules.map((r) => r.host).filter((h): h is string => !!h);
      const shown =
        hosts.length === 0
          ? '*'
          : hosts.length > 3
            ? `${hosts.slice(0, 3).join(',')} + ${hosts.length - 3} more...`
            : hosts.join(',');
      const ports = ing.manifest.spec.tls.length > 0 ? '80, 443' : '80';
      return [
        obj.name,
        ing.manifest.spec.ingressClassName ?? '<none>',
        shown,
        formatLoadBalancerStatus(ing.status.loadBalancer.ingress, wide),
        ports,
        age,
      ];
    }
    case 'IngressClass':
      return [obj.name, obj.ingressClass.manifest.controller, '<none>', age];
    case 'NetworkPolicy':
      return [obj.name, formatLabelSelector(obj.networkPolicy.manifest.spec.podSelector), age];
    case 'IPAddressPool':
      // a string column over a list prints it as JSON; avoidBuggyIPs defaults to false
      return [obj.name, String(obj.pool.autoAssign), 'false', JSON.stringify(obj.pool.addresses), age];
    case 'L2Advertisement': {
      const pools = obj.l2.ipAddressPools.length ? JSON.stringify(obj.l2.ipAddressPools) : '<none>';
      return [obj.name, pools, '<none>', '<none>', ...(wide ? ['<none>'] : []), age];
    }
    case 'Node': {
      const n = obj.node;
      let status = n.up ? 'Ready' : 'NotReady';
      if (n.unschedulable) status += ',SchedulingDisabled';
      const roles = Object.keys(n.labels)
        .filter((k) => k.startsWith('node-role.kubernetes.io/'))
        .map((k) => k.slice('node-role.kubernetes.io/'.length))
        .sort();
      if (roles.length === 0 && n.role === 'control-plane') roles.push('control-plane');
      const row = [
        obj.name,
        status,
        roles.length ? roles.join(',') : '<none>',
        age,
        NODE_INFO.kubeletVersion,
      ];
      if (wide)
        row.push(
          n.ip,
          '<none>',
          NODE_INFO.osImage,
          NODE_INFO.kernelVersion,
          NODE_INFO.containerRuntimeVersion,
        );
      return row;
    }
    case 'Deployment':
    case 'ReplicationController':
    case 'ReplicaSet':
    case 'DaemonSet': {
      const w = obj.workload;
      const current = obj.pods.length;
      const ready = obj.pods.filter(isPodReady).length;
      const desired = obj.kind === 'DaemonSet' ? current : w.replicas;
      const containers = w.manifest.template.spec.containers;
      const extra = wide
        ? [
            containers.map((c) => c.name).join(','),
            containers.map((c) => c.image).join(','),
            obj.kind === 'ReplicationController'
              ? formatLabels(w.manifest.selector.matchLabels)
              : obj.kind === 'ReplicaSet' && w.manifest.kind === 'Deployment'
                ? formatLabelSelector({
                    ...w.manifest.selector,
                    matchLabels: {
                      ...w.manifest.selector.matchLabels,
                      'pod-template-hash': obj.name.slice(w.manifest.metadata.name.length + 1),
                    },
                  })
                : formatLabelSelector(w.manifest.selector),
          ]
        : [];
      if (obj.kind === 'Deployment')
        return [obj.name, `${ready}/${desired}`, String(current), String(ready), age, ...extra];
      if (obj.kind === 'DaemonSet')
        return [
          obj.name,
          String(desired),
          String(current),
          String(ready),
          String(current),
          String(ready),
          formatLabels(w.manifest.template.spec.nodeSelector),
          age,
          ...extra,
        ];
      return [obj.name, String(desired), String(current), String(ready), age, ...extra];
    }
    case 'Namespace':
      return [obj.name, 'Active', age];
    case 'EndpointSlice': {
      const ports = uniquePorts(sliceSubsets(obj.endpoints)).map((p) => String(p.port));
      const ips = sliceEndpoints(obj.endpoints).map((e) => e.address.ip);
      return [obj.name, 'IPv4', listWithMore(ports), listWithMore(ips), age];
    }
    case 'Event': {
      const e = obj.event;
      const slash = e.object.indexOf('/');
      const object = `${e.object.slice(0, slash).toLowerCase()}${e.object.slice(slash)}`;
      return [age, e.type, e.reason, object, e.message];
    }
  }
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
function listWithMore(items: string[]): string {
  const max = 3;
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown || '<unset>';
}

/** The distinct ports of an Endpoints object's subsets (an EndpointSlice lists each once). */
export function uniquePorts(
  subsets: ClusterState['endpoints'][number]['subsets'],
): { name?: string; port: number; protocol: string }[] {
  const seen = new Map<string, { name?: string; port: number; protocol: string }>();
  for (const ss of subsets) for (const p of ss.ports) seen.set(`${p.name ?? ''}/${p.port}/${p.protocol}`, p);
  return [...seen.values()];
}

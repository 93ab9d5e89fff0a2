/**
 * `kubectl describe` pages laid out as kubectl's describers write them (kubectl pkg/describe/describe.go):
 * the same lines, tabs and indentation, through the same tabwriter (minwidth 0, padding 2), so labels
 * align exactly as they do on a real terminal. Services, pods, ingresses, endpoints, nodes, and the
 * workloads (rc, rs, deploy).
 */
import { describePodStatusLines } from './podTermination.ts';
import type { ClusterEvent, ClusterState, PodState } from '../../model/state.ts';
import type { Container, IngressBackend, NetworkPolicySpec } from '../../model/objects.ts';
import { formatTimestamp } from './apiObjects.ts';
import type { CommandOutput } from '../context.ts';
import { formatAge } from '../format/age.ts';
import { DESCRIBE, formatTabbed } from '../format/tabwriter.ts';
import { formatHttpDate } from '../tools/httpDate.ts';
import { flagString } from './flags.ts';
import type { ParsedFlags } from './flags.ts';
import { findObject, notFoundMessage, resolveResourceArgs } from './get.ts';
import { formatLabels, matchesSelector, parseLabelSelector } from './labelSelector.ts';
import type { ListedObject } from './listing.ts';
import { listObjects } from './listing.ts';
import { describeNetworkPolicySpec } from './describeNetworkPolicy.ts';
import {
  formatEndpointsColumn,
  formatLabelSelector,
  formatLoadBalancerStatus,
  isPodReady,
  NODE_INFO,
  uniquePorts,
} from './printers.ts';

const L1 = '  ';
const L2 = '    ';
const L3 = '      ';

/**
 * describeContainerBasicInfo's ports (`%d/%s` joined by ", "; "Ports" once there are several) and the
 * command lines, shared by pods and pod templates.
 */
function pushContainerBasics(lines: string[], c: Container): void {
  const ports = c.ports.map((p) => `${p.containerPort}/${p.protocol}`).join(', ');
  const hostPorts = c.ports.map((p) => `${p.hostPort ?? 0}/${p.protocol}`).join(', ');
  lines.push(ports.includes(',') ? `${L2}Ports:\t${ports}` : `${L2}Port:\t${ports || '<none>'}`);
  lines.push(
    hostPorts.includes(',') ? `${L2}Host Ports:\t${hostPorts}` : `${L2}Host Port:\t${hostPorts || '<none>'}`,
  );
  if (c.command.length) lines.push(`${L2}Command:`, ...c.command.map((x) => `${L3}${x}`));
  if (c.args.length) lines.push(`${L2}Args:`, ...c.args.map((x) => `${L3}${x}`));
}

/** RFC 1123 with a numeric zone, as describe prints times: `Thu, 01 Jan 2026 09:01:40 +0000`. */
function describeTime(seconds: number): string {
  return formatHttpDate(seconds).replace(/ GMT$/, ' +0000');
}

function multiline(lines: string[], title: string, map: Record<string, string>, skip: string[] = []): void {
  const keys = Object.keys(map)
    .filter((k) => !skip.includes(k))
    .sort();
  if (keys.length === 0) {
    lines.push(`${title}:\t<none>`);
    return;
  }
  keys.forEach((k, i) => {
    const value = title === 'Annotations' ? `${k}: ${map[k] ?? ''}` : `${k}=${map[k] ?? ''}`;
    lines.push(i === 0 ? `${title}:\t${value}` : `\t${value}`);
  });
}

function eventSource(reason: string, object: string): string {
  if (reason === 'Scheduled') return 'default-scheduler';
  if (reason === 'SuccessfulCreate' || reason === 'SuccessfulDelete') {
    if (object.startsWith('ReplicaSet/')) return 'replicaset-controller';
    if (object.startsWith('DaemonSet/')) return 'daemonset-controller';
    return 'replication-controller';
  }
  if (reason === 'ScalingReplicaSet') return 'deployment-controller';
  if (reason === 'EnsuringLoadBalancer' || reason === 'EnsuredLoadBalancer') return 'service-controller';
  if (reason === 'Sync') return 'nginx-ingress-controller';
  if (reason === 'IPAllocated' || reason === 'AllocationFailed') return 'metallb-controller';
  if (reason === 'nodeAssigned') return 'metallb-speaker';
  return 'kubelet';
}

/** describeNetworkPolicy: no events section (kubectl does not list them for NetworkPolicy). */
function describeNetworkPolicy(
  name: string,
  namespace: string,
  createdAt: number,
  labels: Record<string, string>,
  annotations: Record<string, string>,
  spec: NetworkPolicySpec,
): string[] {
  const lines = [`Name:\t${name}`, `Namespace:\t${namespace}`, `Created on:\t${goTime(createdAt)}`];
  multiline(lines, 'Labels', labels);
  multiline(lines, 'Annotations', annotations);
  lines.push(...describeNetworkPolicySpec(spec));
  return lines;
}

/** metav1.Time printed with %s: Go's time.Time String(), `2006-01-02 15:04:05 +0000 UTC`. */
function goTime(seconds: number): string {
  return `${formatTimestamp(seconds).replace('T', ' ').replace('Z', '')} +0000 UTC`;
}

function events(lines: string[], state: ClusterState, kind: string, namespace: string, name: string): void {
  const mine = state.events.filter(
    (e: ClusterEvent) => e.object === `${kind}/${name}` && (e.namespace === namespace || !namespace),
  );
  if (mine.length === 0) {
    lines.push('Events:\t<none>');
    return;
  }
  lines.push('Events:');
  lines.push(`${L1}Type\tReason\tAge\tFrom\tMessage`);
  lines.push(`${L1}----\t------\t----\t----\t-------`);
  for (const e of mine)
    lines.push(
      `${L1}${e.type}\t${e.reason}\t${formatAge(state.clock - e.time)}\t${eventSource(e.reason, e.object)}\t${e.message}`,
    );
}

function endpointsOf(
  state: ClusterState,
  namespace: string,
  name: string,
): ClusterState['endpoints'][number] | undefined {
  return state.endpoints.find((e) => e.metadata.namespace === namespace && e.metadata.name === name);
}

/**
 * kubectl 1.33 reads EndpointSlices for this line: a selector Service always has one (possibly empty),
 * so no ready endpoint prints nothing; only a Service with no slice at all prints `<none>`.
 */
function serviceEndpointsText(
  ep: ClusterState['endpoints'][number] | undefined,
  portName: string | undefined,
): string {
  if (!ep) return '<none>';
  const text = formatEndpointsColumn(ep.subsets, new Set([portName ?? '']));
  return text === '<none>' ? '' : text;
}

function describeService(obj: Extract<ListedObject, { kind: 'Service' }>, state: ClusterState): string[] {
  const s = obj.service.manifest.spec;
  const lines: string[] = [`Name:\t${obj.name}`, `Namespace:\t${obj.namespace}`];
  multiline(lines, 'Labels', obj.labels);
  multiline(lines, 'Annotations', obj.annotations, ['kubectl.kubernetes.io/last-applied-configuration']);
  lines.push(`Selector:\t${formatLabels(s.selector)}`);
  lines.push(`Type:\t${s.type}`);
  const hasIp = s.type !== 'ExternalName';
  if (hasIp) lines.push('IP Family Policy:\tSingleStack');
  lines.push(`IP Families:\t${hasIp ? 'IPv4' : '<none>'}`);
  lines.push(`IP:\t${hasIp ? (s.clusterIP ?? '') : ''}`);
  lines.push(`IPs:\t${hasIp && s.clusterIP ? s.clusterIP : '<none>'}`);
  if (s.externalIPs.length) lines.push(`External IPs:\t${s.externalIPs.join(',')}`);
  if (s.loadBalancerIP) lines.push(`Desired LoadBalancer IP:\t${s.loadBalancerIP}`);
  if (obj.service.status.loadBalancer.ingress.length)
    lines.push(
      `LoadBalancer Ingress:\t${formatLoadBalancerStatus(obj.service.status.loadBalancer.ingress, true).split(',').join(', ')}`,
    );
  if (s.type === 'ExternalName') lines.push(`External Name:\t${s.externalName ?? ''}`);
  const ep = endpointsOf(state, obj.namespace, obj.name);
  for (const p of s.ports) {
    const name = p.name || '<unset>';
    lines.push(`Port:\t${name}\t${p.port}/${p.protocol}`);
    lines.push(`TargetPort:\t${p.targetPort}/${p.protocol}`);
    if (p.nodePort) lines.push(`NodePort:\t${name}\t${p.nodePort}/${p.protocol}`);
    lines.push(`Endpoints:\t${serviceEndpointsText(ep, p.name)}`);
  }
  lines.push(`Session Affinity:\t${s.sessionAffinity}`);
  if (s.type === 'NodePort' || s.type === 'LoadBalancer')
    lines.push(`External Traffic Policy:\t${s.externalTrafficPolicy}`);
  if (hasIp) lines.push(`Internal Traffic Policy:\t${s.internalTrafficPolicy}`);
  if (s.healthCheckNodePort) lines.push(`HealthCheck NodePort:\t${s.healthCheckNodePort}`);
  events(lines, state, 'Service', obj.namespace, obj.name);
  return lines;
}

function probeText(probe: NonNullable<PodState['spec']['containers'][number]['readinessProbe']>): string {
  const timing = 'delay=0s timeout=1s period=10s #success=1 #failure=3';
  if (probe.kind === 'exec') return `exec [${probe.command.join(' ')}] ${timing}`;
  if (probe.kind === 'httpGet') return `http-get http://:${probe.port}${probe.path} ${timing}`;
  return `tcp-socket :${probe.port} ${timing}`;
}

function describePod(obj: Extract<ListedObject, { kind: 'Pod' }>, state: ClusterState): string[] {
  const p = obj.pod;
  const ready = isPodReady(p);
  const node = state.nodes.find((n) => n.name === p.spec.nodeName);
  const lines: string[] = [
    `Name:\t${obj.name}`,
    `Namespace:\t${obj.namespace}`,
    'Priority:\t0',
    'Service Account:\tdefault',
  ];
  lines.push(`Node:\t${p.spec.nodeName ? `${p.spec.nodeName}/${node?.ip ?? p.status.hostIP}` : '<none>'}`);
  if (p.status.phase === 'Running') lines.push(`Start Time:\t${describeTime(p.metadata.creationTimestamp)}`);
  multiline(lines, 'Labels', obj.labels);
  multiline(lines, 'Annotations', obj.annotations);
  lines.push(...describePodStatusLines(p, state));
  lines.push(`IP:\t${p.status.podIP}`);
  // describePodIPs: `IPs:\t<none>` without addresses, else one `IP:` line per address
  if (p.status.podIP) lines.push('IPs:', `${L1}IP:\t${p.status.podIP}`);
  else lines.push('IPs:\t<none>');
  if (p.ownerRef) {
    const workload = state.workloads.find(
      (w) => w.manifest.metadata.name === p.ownerRef?.name && w.manifest.metadata.namespace === obj.namespace,
    );
    const rsName =
      p.ownerRef.kind === 'Deployment' && workload
        ? listObjects(state, 'ReplicaSet').find((r) => r.kind === 'ReplicaSet' && r.workload === workload)
            ?.name
        : undefined;
    lines.push(
      `Controlled By:\t${rsName ? `ReplicaSet/${rsName}` : `${p.ownerRef.kind}/${p.ownerRef.name}`}`,
    );
  }
  lines.push('Containers:');
  for (const c of p.spec.containers) {
    lines.push(`${L1}${c.name}:`);
    if (p.status.phase === 'Running')
      lines.push(
        `${L2}Container ID:\tcontainerd://${obj.pod.metadata.uid.replace(/-/g, '').padEnd(64, '0').slice(0, 64)}`,
      );
    lines.push(`${L2}Image:\t${c.image}`);
    if (p.status.phase === 'Running')
      lines.push(
        `${L2}Image ID:\tdocker.io/${c.image.includes('/') ? c.image : `library/${c.image}`}@sha256:${'0'.repeat(64)}`.replace(
          /:[^@/]*@/,
          '@',
        ),
      );
    pushContainerBasics(lines, c);
    if (p.status.phase === 'Running') {
      lines.push(`${L2}State:\tRunning`);
      lines.push(`${L3}Started:\t${describeTime(p.metadata.creationTimestamp)}`);
    } else {
      lines.push(`${L2}State:\tWaiting`, `${L3}Reason:\tContainerCreating`);
    }
    lines.push(`${L2}Ready:\t${ready ? 'True' : 'False'}`);
    lines.push(`${L2}Restart Count:\t0`);
    if (c.readinessProbe) lines.push(`${L2}Readiness:\t${probeText(c.readinessProbe)}`);
    if (c.env.length === 0) lines.push(`${L2}Environment:\t<none>`);
    else {
      lines.push(`${L2}Environment:`);
      for (const e of c.env) lines.push(`${L3}${e.name}:\t${e.value}`);
    }
    lines.push(`${L2}Mounts:`);
    lines.push(
      `${L3}/var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-${obj.pod.metadata.uid
        .replace(/[^a-z0-9]/g, '')
        .slice(0, 5)
        .padEnd(5, 'x')} (ro)`,
    );
  }
  lines.push('Conditions:');
  lines.push(`${L1}Type\tStatus`);
  const running = p.status.phase === 'Running';
  for (const [type, status] of [
    ['PodReadyToStartContainers', running],
    ['Initialized', true],
    ['Ready', ready],
    ['ContainersReady', ready],
    ['PodScheduled', !!p.spec.nodeName],
  ] as const)
    lines.push(`${L1}${type} \t${status ? 'True' : 'False'} `);
  const volume = `kube-api-access-${obj.pod.metadata.uid
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 5)
    .padEnd(5, 'x')}`;
  lines.push('Volumes:', `${L1}${volume}:`);
  lines.push(`${L2}Type:\tProjected (a volume that contains injected data from multiple sources)`);
  lines.push(
    `${L2}TokenExpirationSeconds:\t3607`,
    `${L2}ConfigMapName:\tkube-root-ca.crt`,
    `${L2}Optional:\tfalse`,
    `${L2}DownwardAPI:\ttrue`,
  );
  lines.push('QoS Class:\tBestEffort');
  lines.push(`Node-Selectors:\t${formatLabels(p.spec.nodeSelector)}`);
  lines.push('Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s');
  lines.push('\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s');
  events(lines, state, 'Pod', obj.namespace, obj.name);
  return lines;
}

function backendText(state: ClusterState, namespace: string, backend: IngressBackend | undefined): string {
  if (!backend) return '<default>';
  if (backend.resource)
    return `APIGroup: ${backend.resource.apiGroup ?? ''}, Kind: ${backend.resource.kind}, Name: ${backend.resource.name}`;
  const sb = backend.service;
  if (!sb) return '<default>';
  const text = `${sb.name}:${sb.port.number ?? sb.port.name ?? ''}`;
  const service = state.services.find(
    (s) => s.manifest.metadata.namespace === namespace && s.manifest.metadata.name === sb.name,
  );
  const ep = endpointsOf(state, namespace, sb.name);
  if (!ep) return `${text} (<error: endpoints "${sb.name}" not found>)`;
  if (!service) return `${text}(<error: services "${sb.name}" not found>)`;
  let portName = '';
  for (const sp of service.manifest.spec.ports) {
    if ((sb.port.name && sb.port.name === sp.name) || (sb.port.number && sb.port.number === sp.port))
      portName = sp.name ?? '';
  }
  return `${text} (${formatEndpointsColumn(ep.subsets, new Set([portName]))})`;
}

function describeIngress(obj: Extract<ListedObject, { kind: 'Ingress' }>, state: ClusterState): string[] {
  const spec = obj.ingress.manifest.spec;
  const lines: string[] = [`Name:\t${obj.name}`];
  multiline(lines, 'Labels', obj.labels);
  lines.push(`Namespace:\t${obj.namespace}`);
  lines.push(`Address:\t${formatLoadBalancerStatus(obj.ingress.status.loadBalancer.ingress, true)}`);
  lines.push(`Ingress Class:\t${spec.ingressClassName ?? '<none>'}`);
  lines.push(`Default backend:\t${backendText(state, obj.namespace, spec.defaultBackend)}`);
  if (spec.tls.length) {
    lines.push('TLS:');
    for (const t of spec.tls) {
      if (t.secretName) lines.push(`${L1}${t.secretName} terminates ${t.hosts.join(',')}`);
      else lines.push(`${L1}SNI routes ${t.hosts.join(',')}`);
    }
  }
  lines.push('Rules:', `${L1}Host\tPath\tBackends`, `${L1}----\t----\t--------`);
  let count = 0;
  for (const rule of spec.rules) {
    count++;
    lines.push(`${L1}${rule.host || '*'}\t`);
    for (const path of rule.paths)
      lines.push(`${L2}\t${path.path} \t${backendText(state, obj.namespace, path.backend)}`);
  }
  if (count === 0) lines.push(`${L1}*\t*\t${backendText(state, obj.namespace, spec.defaultBackend)}`);
  multiline(lines, 'Annotations', obj.annotations, ['kubectl.kubernetes.io/last-applied-configuration']);
  events(lines, state, 'Ingress', obj.namespace, obj.name);
  return lines;
}

function describeEndpoints(obj: Extract<ListedObject, { kind: 'Endpoints' }>, state: ClusterState): string[] {
  const lines: string[] = [`Name:\t${obj.name}`, `Namespace:\t${obj.namespace}`];
  multiline(lines, 'Labels', obj.labels);
  multiline(lines, 'Annotations', obj.annotations);
  lines.push('Subsets:');
  for (const ss of obj.endpoints.subsets) {
    lines.push(`${L1}Addresses:\t${ss.addresses.map((a) => a.ip).join(',') || '<none>'}`);
    lines.push(`${L1}NotReadyAddresses:\t${ss.notReadyAddresses.map((a) => a.ip).join(',') || '<none>'}`);
    if (ss.ports.length) {
      lines.push(`${L1}Ports:`, `${L2}Name\tPort\tProtocol`, `${L2}----\t----\t--------`);
      for (const p of ss.ports) lines.push(`${L2}${p.name || '<unset>'}\t${p.port}\t${p.protocol}`);
    }
    lines.push('');
  }
  events(lines, state, 'Endpoints', obj.namespace, obj.name);
  return lines;
}

function describeNode(obj: Extract<ListedObject, { kind: 'Node' }>, state: ClusterState): string[] {
  const n = obj.node;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
    ...(n.role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
    ...n.labels,
  };
  const lines: string[] = [
    `Name:\t${n.name}`,
    `Roles:\t${n.role === 'control-plane' ? 'control-plane' : '<none>'}`,
  ];
  multiline(lines, 'Labels', labels);
  multiline(lines, 'Annotations', {
    'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
    'node.alpha.kubernetes.io/ttl': '0',
    'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
  });
  lines.push(`CreationTimestamp:\t${describeTime(n.createdAt)}`);
  const taints =
    n.taints ??
    (n.role === 'control-plane'
      ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }]
      : []);
  if (taints.length === 0) lines.push('Taints:\t<none>');
  else
    taints.forEach((t, i) =>
      lines.push(`${i === 0 ? 'Taints:' : ''}\t${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    );
  lines.push(`Unschedulable:\t${n.unschedulable ? 'true' : 'false'}`);
  lines.push('Conditions:');
  lines.push(`${L1}Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage`);
  lines.push(`${L1}----\t------\t-----------------\t------------------\t------\t-------`);
  const t = describeTime(n.createdAt);
  const ok = n.up ? 'False' : 'Unknown';
  const why = n.up ? '' : 'Kubelet stopped posting node status.';
  lines.push(
    `${L1}MemoryPressure \t${ok} \t${t} \t${t} \t${n.up ? 'KubeletHasSufficientMemory' : 'NodeStatusUnknown'} \t${n.up ? 'kubelet has sufficient memory available' : why}`,
  );
  lines.push(
    `${L1}DiskPressure \t${ok} \t${t} \t${t} \t${n.up ? 'KubeletHasNoDiskPressure' : 'NodeStatusUnknown'} \t${n.up ? 'kubelet has no disk pressure' : why}`,
  );
  lines.push(
    `${L1}PIDPressure \t${ok} \t${t} \t${t} \t${n.up ? 'KubeletHasSufficientPID' : 'NodeStatusUnknown'} \t${n.up ? 'kubelet has sufficient PID available' : why}`,
  );
  lines.push(
    `${L1}Ready \t${n.up ? 'True' : 'Unknown'} \t${t} \t${t} \t${n.up ? 'KubeletReady' : 'NodeStatusUnknown'} \t${n.up ? 'kubelet is posting ready status' : why}`,
  );
  lines.push('Addresses:', `${L1}InternalIP:\t${n.ip}`, `${L1}Hostname:\t${n.name}`);
  lines.push('System Info:');
  lines.push(
    `${L1}Operating System:\tlinux`,
    `${L1}Architecture:\t${NODE_INFO.architecture}`,
    `${L1}Container Runtime Version:\t${NODE_INFO.containerRuntimeVersion}`,
  );
  lines.push(
    `${L1}Kubelet Version:\t${NODE_INFO.kubeletVersion}`,
    `${L1}OS Image:\t${NODE_INFO.osImage}`,
    `${L1}Kernel Version:\t${NODE_INFO.kernelVersion}`,
  );
  lines.push(
    `PodCIDR:\t${n.podCIDR}`,
    `PodCIDRs:\t${n.podCIDR}`,
    `ProviderID:\tkind://docker/${state.settings.name}/${n.name}`,
  );
  const pods = state.pods
    .filter((p) => p.spec.nodeName === n.name)
    .sort((a, b) =>
      a.metadata.namespace + a.metadata.name < b.metadata.namespace + b.metadata.name ? -1 : 1,
    );
  lines.push(`Non-terminated Pods:\t(${pods.length} in total)`);
  lines.push(`${L1}Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge`);
  lines.push(`${L1}---------\t----\t------------\t----------\t---------------\t-------------\t---`);
  for (const p of pods)
    lines.push(
      `${L1}${p.metadata.namespace}\t${p.metadata.name}\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${formatAge(state.clock - p.metadata.creationTimestamp)}`,
    );
  events(lines, state, 'Node', '', n.name);
  return lines;
}

function describeWorkload(
  obj: Extract<ListedObject, { kind: 'Deployment' | 'ReplicationController' | 'ReplicaSet' | 'DaemonSet' }>,
  state: ClusterState,
): string[] {
  const w = obj.workload;
  const m = w.manifest;
  const ready = obj.pods.filter(isPodReady).length;
  const lines: string[] = [`Name:\t${obj.name}`, `Namespace:\t${obj.namespace}`];
  const selector =
    obj.kind === 'ReplicationController'
      ? formatLabels(m.selector.matchLabels)
      : formatLabelSelector(m.selector);
  const running = obj.pods.filter((p) => p.status.phase === 'Running').length;
  const waiting = obj.pods.filter((p) => p.status.phase === 'Pending').length;
  const podsStatus = `Pods Status:\t${running} Running / ${waiting} Waiting / 0 Succeeded / 0 Failed`;
  if (obj.kind === 'Deployment') {
    // describeDeployment: CreationTimestamp, Labels, Annotations, then Selector and Replicas
    lines.push(`CreationTimestamp:\t${describeTime(obj.createdAt)}`);
    multiline(lines, 'Labels', obj.labels);
    multiline(lines, 'Annotations', obj.annotations);
    lines.push(`Selector:\t${selector}`);
    lines.push(
      `Replicas:\t${w.replicas} desired | ${obj.pods.length} updated | ${obj.pods.length} total | ${ready} available | ${obj.pods.length - ready} unavailable`,
    );
    lines.push(
      'StrategyType:\tRollingUpdate',
      'MinReadySeconds:\t0',
      'RollingUpdateStrategy:\t25% max unavailable, 25% max surge',
    );
  } else if (obj.kind === 'DaemonSet') {
    lines.push(`Selector:\t${selector}`, `Node-Selector:\t${formatLabels(m.template.spec.nodeSelector)}`);
    multiline(lines, 'Labels', obj.labels);
    multiline(lines, 'Annotations', obj.annotations);
    lines.push(
      `Desired Number of Nodes Scheduled: ${obj.pods.length}`,
      `Current Number of Nodes Scheduled: ${obj.pods.length}`,
      `Number of Nodes Scheduled with Up-to-date Pods: ${obj.pods.length}`,
      `Number of Nodes Scheduled with Available Pods: ${ready}`,
      'Number of Nodes Misscheduled: 0',
      podsStatus,
    );
  } else {
    lines.push(`Selector:\t${selector}`);
    multiline(lines, 'Labels', obj.labels);
    multiline(lines, 'Annotations', obj.annotations);
    if (w.ownerRef && obj.kind === 'ReplicaSet')
      lines.push(`Controlled By:\t${w.ownerRef.kind}/${w.ownerRef.name}`);
    lines.push(`Replicas:\t${obj.pods.length} current / ${w.replicas} desired`, podsStatus);
  }
  lines.push('Pod Template:');
  multiline(lines, `${L1}Labels`, m.template.labels);
  lines.push(`${L1}Containers:`);
  // DescribePodTemplate: container names get one extra space (`   kubia:`), their fields LEVEL_2
  for (const c of m.template.spec.containers) {
    lines.push(`   ${c.name}:`, `${L2}Image:\t${c.image}`);
    pushContainerBasics(lines, c);
    if (c.readinessProbe) lines.push(`${L2}Readiness:\t${probeText(c.readinessProbe)}`);
    if (c.env.length === 0) lines.push(`${L2}Environment:\t<none>`);
    else lines.push(`${L2}Environment:`, ...c.env.map((e) => `${L3}${e.name}:\t${e.value}`));
    lines.push(`${L2}Mounts:\t<none>`);
  }
  lines.push(`${L1}Volumes:\t<none>`);
  lines.push(
    `${L1}Node-Selectors:\t${formatLabels(m.template.spec.nodeSelector)}`,
    `${L1}Tolerations:\t<none>`,
  );
  if (obj.kind === 'Deployment') {
    const available = ready >= w.replicas;
    lines.push('Conditions:', `${L1}Type\tStatus\tReason`, `${L1}----\t------\t------`);
    lines.push(
      `${L1}Available \t${available ? 'True' : 'False'}\t${available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable'}`,
    );
    lines.push(`${L1}Progressing \tTrue\tNewReplicaSetAvailable`);
    const newRs = listObjects(state, 'ReplicaSet').find(
      (r) =>
        r.kind === 'ReplicaSet' &&
        (r.workload === w ||
          (r.workload.ownerRef?.kind === 'Deployment' &&
            r.workload.ownerRef.name === obj.name &&
            r.namespace === obj.namespace)),
    );
    lines.push('OldReplicaSets:\t<none>');
    lines.push(
      `NewReplicaSet:\t${newRs ? `${newRs.name} (${obj.pods.length}/${w.replicas} replicas created)` : '<none>'}`,
    );
  }
  events(lines, state, obj.kind, obj.namespace, obj.name);
  return lines;
}

function describeOne(obj: ListedObject, state: ClusterState): string | undefined {
  let lines: string[] | undefined;
  switch (obj.kind) {
    case 'Service':
      lines = describeService(obj, state);
      break;
    case 'Pod':
      lines = describePod(obj, state);
      break;
    case 'Ingress':
      lines = describeIngress(obj, state);
      break;
    case 'Endpoints':
      lines = describeEndpoints(obj, state);
      break;
    case 'Node':
      lines = describeNode(obj, state);
      break;
    case 'Deployment':
    case 'ReplicationController':
    case 'ReplicaSet':
    case 'DaemonSet':
      lines = describeWorkload(obj, state);
      break;
    case 'EndpointSlice': {
      lines = [`Name:\t${obj.name}`, `Namespace:\t${obj.namespace}`];
      multiline(lines, 'Labels', obj.labels);
      multiline(lines, 'Annotations', obj.annotations);
      lines.push('AddressType:\tIPv4', 'Ports:', `${L1}Name\tPort\tProtocol`, `${L1}----\t----\t--------`);
      for (const p of uniquePorts(obj.endpoints.subsets))
        lines.push(`${L1}${p.name || '<unset>'}\t${p.port}\t${p.protocol}`);
      lines.push('Endpoints:');
      for (const ss of obj.endpoints.subsets) {
        for (const [ready, list] of [
          [true, ss.addresses],
          [false, ss.notReadyAddresses],
        ] as const) {
          for (const a of list) {
            lines.push(
              `${L1}- Addresses:\t${a.ip}`,
              `${L2}Conditions:`,
              `${L3}Ready:\t${ready ? 'true' : 'false'}`,
            );
            lines.push(`${L2}Hostname:\t${a.hostname ?? '<unset>'}`);
            if (a.targetRef) lines.push(`${L2}TargetRef:\tPod/${a.targetRef.name}`);
            lines.push(`${L2}NodeName:\t${a.nodeName ?? '<unset>'}`, `${L2}Zone:\t<unset>`);
          }
        }
      }
      events(lines, state, 'EndpointSlice', obj.namespace, obj.name);
      break;
    }
    case 'NetworkPolicy':
      lines = describeNetworkPolicy(
        obj.name,
        obj.namespace,
        obj.createdAt,
        obj.labels,
        obj.annotations,
        obj.networkPolicy.manifest.spec,
      );
      break;
    case 'IngressClass':
      lines = [`Name:\t${obj.name}`];
      multiline(lines, 'Labels', obj.labels);
      multiline(lines, 'Annotations', obj.annotations);
      lines.push(`Controller:\t${obj.ingressClass.manifest.controller}`);
      events(lines, state, 'IngressClass', '', obj.name);
      break;
    case 'Namespace':
      lines = [`Name:\t${obj.name}`];
      multiline(lines, 'Labels', obj.labels);
      lines.push(
        'Annotations:\t<none>',
        'Status:\tActive',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      );
      break;
    default:
      return undefined;
  }
  return formatTabbed(lines.join('\n') + '\n', DESCRIBE);
}

export function runDescribe(
  state: ClusterState,
  parsed: ParsedFlags,
  defaultNamespace: string,
): CommandOutput {
  const namespace = flagString(parsed, 'namespace') ?? defaultNamespace;
  if (parsed.args.length === 0)
    return {
      stdout: '',
      stderr:
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    };
  const resolved = resolveResourceArgs(parsed.args);
  if (!resolved.ok) return { stdout: '', stderr: resolved.error + '\n', exitCode: 1 };
  const selectorText = flagString(parsed, 'selector');
  const selector = selectorText ? parseLabelSelector(selectorText) : undefined;
  const pages: string[] = [];
  let stderr = '';
  for (const request of resolved.requests) {
    let objects: ListedObject[];
    if (request.names.length > 0) {
      objects = [];
      for (const name of request.names) {
        const found = findObject(state, request.type, namespace, name);
        if (found) objects.push(found);
        else {
          // describe also accepts a name prefix: `kubectl describe pod kubia` describes every kubia-* pod
          const prefixed = listObjects(state, request.type.kind).filter(
            (o) => o.name.startsWith(name) && (!request.type.namespaced || o.namespace === namespace),
          );
          if (prefixed.length) objects.push(...prefixed);
          else stderr += notFoundMessage(request.type, name) + '\n';
        }
      }
    } else {
      objects = listObjects(state, request.type.kind)
        .filter((o) => !request.type.namespaced || o.namespace === namespace)
        .filter((o) => !selector || (selector.ok && matchesSelector(selector.requirements, o.labels)))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    for (const obj of objects) {
      const page = describeOne(obj, state);
      if (page !== undefined) pages.push(page);
    }
  }
  if (pages.length === 0 && !stderr) stderr = `No resources found in ${namespace} namespace.\n`;
  return { stdout: pages.join('\n\n'), stderr, exitCode: stderr && pages.length === 0 ? 1 : 0 };
}

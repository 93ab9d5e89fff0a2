/** The Pod kind: bare pods and the pods controllers create, with their names, IPs and readiness. */
import { sameName } from '../cluster/apiServer.ts';
import { podLimitReached } from '../cluster/capacity.ts';
import type { ControlPlane } from '../cluster/controlPlane.ts';
import { locate } from '../cluster/diagnostics.ts';
import { findPod } from '../cluster/lookup.ts';
import { createPod } from '../cluster/podLifecycle.ts';
import { terminatePod } from '../cluster/termination.ts';
import { exposedContainerPorts } from './exposePorts.ts';
import type { KindModule } from './kindModule.ts';
import { resource } from '../parse/schema/meta.ts';
import { podSpec } from '../parse/schema/pod.ts';
import { MAX_PODS, PLAYGROUND_LIMIT_NOTE, formatCount } from '../limits.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { PodManifest } from '../model/objects.ts';
import type { ClusterState, PodState } from '../model/state.ts';
import { buildPod } from '../parse/kinds/pod.ts';
import { getMap } from '../parse/plain.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { validatePodSpec } from '../parse/validate/pod.ts';
import { containerJson, formatTimestamp, metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import {
  L1,
  L2,
  L3,
  describeTime,
  events,
  multiline,
  pushContainerBasics,
} from '../shell/kubectl/describe.ts';
import { formatLabels } from '../shell/kubectl/labelSelector.ts';
import { listObjects, replicaSetNameOfDeployment } from '../shell/kubectl/listing.ts';
import type { ListedObject } from '../shell/kubectl/listing.ts';
import { isPodReady, podReadyColumn } from '../shell/kubectl/printers.ts';
import { graphIdOfIdentity } from '../sim/objectIdentity.ts';
import {
  deletionMetadata,
  describePodStatusLines,
  podStatusColumn,
} from '../shell/kubectl/podTermination.ts';

export const podKind: KindModule<'Pod'> = {
  kind: 'Pod',
  scope: 'Namespaced',
  graphPrefix: 'pod',
  versions: { v1: { schema: resource({ spec: podSpec }) } },
  resource: {
    plural: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    group: '',
    version: 'v1',
    categories: ['all'],
  },
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion, ctx) {
    const manifest = buildPod(raw, apiVersion);
    validatePodSpec(ctx, getMap(raw, 'spec'), manifest.spec, 'spec');
    return manifest;
  },
  apply(cp, manifest) {
    return applyPod(cp, manifest);
  },
  remove(cp, namespace, name, gracePeriodSeconds) {
    const { state } = cp;
    const inNs = (m: { name: string; namespace: string }) => m.name === name && m.namespace === namespace;
    const pod = state.pods.find((p) => inNs(p.metadata));
    if (!pod) return false;
    terminatePod(cp, pod, gracePeriodSeconds);
    return true;
  },
  relabel(cp, namespace, name, field, edit) {
    const { state } = cp;
    const pod = findPod(state, namespace, name);
    if (!pod) return false;
    pod.metadata = { ...pod.metadata, [field]: edit(pod.metadata[field]) };
    return true;
  },
  refreshSource(state, m, source) {
    const { name, namespace } = m.metadata;
    const named = (meta: { name: string; namespace: string }) =>
      meta.name === name && meta.namespace === namespace;
    for (const p of state.pods) if (p.source && named(p.metadata)) p.source = source;
    return;
  },
  list(state) {
    const kind = 'Pod' as const;
    return state.pods.map((pod) => ({
      kind,
      pod,
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
      labels: pod.metadata.labels,
      annotations: pod.metadata.annotations,
      createdAt: pod.metadata.creationTimestamp,
    }));
  },
  headers(wide) {
    return [
      'NAME',
      'READY',
      'STATUS',
      'RESTARTS',
      'AGE',
      ...(wide ? ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] : []),
    ];
  },
  row(obj, _state, wide, age) {
    const p = obj.pod;
    const row = [obj.name, podReadyColumn(p), podStatusColumn(p), '0', age];
    if (wide) row.push(p.status.podIP || '<none>', p.spec.nodeName || '<none>', '<none>', '<none>');
    return row;
  },
  exposeSource(obj) {
    return {
      selector: obj.labels,
      containerPorts: exposedContainerPorts(obj.pod.spec.containers),
    };
  },
  describe(obj, state) {
    const lines: string[] = describePod(obj, state);
    return lines;
  },
  toApiObject(obj, state, { head, key }) {
    const p = obj.pod;
    const ready = isPodReady(p);
    const start = formatTimestamp(p.metadata.creationTimestamp);
    const extra: JsonObject = { ...deletionMetadata(p, formatTimestamp) };
    if (p.ownerRef) {
      const workload = state.workloads.find(
        (w) =>
          w.manifest.metadata.namespace === p.metadata.namespace &&
          w.manifest.metadata.name === p.ownerRef?.name,
      );
      const ownerKind = p.ownerRef.kind === 'Deployment' ? 'ReplicaSet' : p.ownerRef.kind;
      const ownerName =
        p.ownerRef.kind === 'Deployment' && workload
          ? replicaSetNameOfDeployment(state, workload)
          : p.ownerRef.name;
      extra['generateName'] = `${ownerName}-`;
      extra['ownerReferences'] = [
        {
          apiVersion: ownerKind === 'ReplicationController' ? 'v1' : 'apps/v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: ownerKind,
          name: ownerName,
          uid: uidOf(`${ownerKind}/${p.metadata.namespace}/${ownerName}`),
        },
      ];
    }
    const spec: JsonObject = {
      containers: p.spec.containers.map(containerJson),
      dnsPolicy: p.spec.dnsPolicy,
      enableServiceLinks: p.spec.enableServiceLinks,
      nodeName: p.spec.nodeName,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
        {
          effect: 'NoExecute',
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          tolerationSeconds: 300,
        },
      ],
    };
    if (p.daemonNode !== undefined) {
      // What the DaemonSet controller writes on its pods: the node affinity that pins each to its node,
      // and its own tolerations instead of the admission plugin's 300 s ones
      // (pkg/controller/daemon/util/daemonset_util.go ReplaceDaemonSetPodNodeNameNodeAffinity,
      // AddOrUpdateDaemonPodTolerations).
      spec['affinity'] = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.daemonNode] }] },
            ],
          },
        },
      };
      spec['tolerations'] = [
        ['node.kubernetes.io/not-ready', 'NoExecute'],
        ['node.kubernetes.io/unreachable', 'NoExecute'],
        ['node.kubernetes.io/disk-pressure', 'NoSchedule'],
        ['node.kubernetes.io/memory-pressure', 'NoSchedule'],
        ['node.kubernetes.io/pid-pressure', 'NoSchedule'],
        ['node.kubernetes.io/unschedulable', 'NoSchedule'],
      ].map(([key, effect]): JsonObject => ({ effect: effect ?? '', key: key ?? '', operator: 'Exists' }));
    }
    if (p.spec.hostname) spec['hostname'] = p.spec.hostname;
    if (p.spec.subdomain) spec['subdomain'] = p.spec.subdomain;
    if (p.spec.hostNetwork) spec['hostNetwork'] = true;
    if (Object.keys(p.spec.nodeSelector).length) spec['nodeSelector'] = { ...p.spec.nodeSelector };
    const running = p.status.phase === 'Running';
    const cond = (type: string, status: boolean): JsonObject => ({
      lastProbeTime: null,
      lastTransitionTime: start,
      status: status ? 'True' : 'False',
      type,
    });
    const status: JsonObject = {
      phase: p.status.phase,
      qosClass: 'BestEffort',
      conditions: [
        cond('PodReadyToStartContainers', running),
        cond('Initialized', true),
        cond('Ready', ready),
        cond('ContainersReady', ready),
        cond('PodScheduled', true),
      ],
    };
    if (p.status.hostIP) {
      status['hostIP'] = p.status.hostIP;
      status['hostIPs'] = [{ ip: p.status.hostIP }];
    }
    if (p.status.podIP) {
      status['podIP'] = p.status.podIP;
      status['podIPs'] = [{ ip: p.status.podIP }];
    }
    if (running) {
      status['startTime'] = start;
      status['containerStatuses'] = p.spec.containers.map((c) => ({
        containerID: `containerd://${uidOf(`${key}/${c.name}`).replace(/-/g, '')}${uidOf(`${key}/${c.name}/2`).replace(/-/g, '')}`,
        image: c.image.includes('/') ? `docker.io/${c.image}` : `docker.io/library/${c.image}`,
        imageID: '',
        lastState: {},
        name: c.name,
        ready,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: start } },
      }));
    }
    return sortKeys({
      ...head,
      metadata: metadataOf(obj, p.metadata.uid, extra),
      spec,
      status,
    }) as JsonObject;
  },
  graphIds(state, identity) {
    const { namespace, name } = identity;
    return state.pods.some((p) => p.metadata.namespace === namespace && p.metadata.name === name)
      ? [graphIdOfIdentity(identity)]
      : [];
  },
};

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

export function probeText(
  probe: NonNullable<PodState['spec']['containers'][number]['readinessProbe']>,
): string {
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

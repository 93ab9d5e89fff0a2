/** The workload kinds (ReplicationController, ReplicaSet, Deployment, DaemonSet) and the pods they own. */
import { sameName } from '../cluster/apiServer.ts';
import { exceedsPodLimit } from '../cluster/capacity.ts';
import type { ControlPlane } from '../cluster/controlPlane.ts';
import { locate } from '../cluster/diagnostics.ts';
import { deleteWorkload, syncWorkloads } from '../cluster/workloadController.ts';
import { exposedContainerPorts } from './exposePorts.ts';
import type { KindModule, ResourceNames } from './kindModule.ts';
import { relabelled } from './relabelled.ts';
import { resource } from '../parse/schema/meta.ts';
import {
  daemonSetSpec,
  deploymentSpec,
  replicaSetSpec,
  replicationControllerSpec,
} from '../parse/schema/workload.ts';
import { removedVersion } from '../parse/servedVersion.ts';
import type { ServedVersion } from '../parse/servedVersion.ts';
import { probeText } from './pod.ts';
import { podLimitDetail } from '../limits.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { WorkloadKind, WorkloadManifest } from '../model/objects.ts';
import type { ClusterState, WorkloadState } from '../model/state.ts';
import { deploymentStatus, replicaSetPodCount } from '../cluster/deploymentStatus.ts';
import { maxUnavailableOf } from '../cluster/rollingUpdate.ts';
import {
  DEFAULT_PROGRESS_DEADLINE_SECONDS,
  DEFAULT_REVISION_HISTORY_LIMIT,
  strategyOf,
} from '../model/deploymentStrategy.ts';
import { buildWorkload } from '../parse/kinds/workload.ts';
import { invalid } from '../parse/messages.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { validateWorkload } from '../parse/validate/workload.ts';
import { containerJson, metadataOf, selectorJson, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
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
import {
  hasOwnReplicaSets,
  podsOfWorkload,
  replicaSetNameOfDeployment,
  workloadBase,
} from '../shell/kubectl/listing.ts';
import type { ListedObject } from '../shell/kubectl/listing.ts';
import { formatLabelSelector, isPodReady } from '../shell/kubectl/printers.ts';
import { objectKey } from '../sim/objectIdentity.ts';

const WORKLOAD_RESOURCES: Record<WorkloadKind, ResourceNames> = {
  ReplicationController: {
    plural: 'replicationcontrollers',
    singular: 'replicationcontroller',
    shortNames: ['rc'],
    group: '',
    version: 'v1',
    categories: ['all'],
  },
  ReplicaSet: {
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    group: 'apps',
    version: 'v1',
    categories: ['all'],
  },
  Deployment: {
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    group: 'apps',
    version: 'v1',
    categories: ['all'],
  },
  DaemonSet: {
    plural: 'daemonsets',
    singular: 'daemonset',
    shortNames: ['ds'],
    group: 'apps',
    version: 'v1',
    categories: ['all'],
  },
};

/**
 * A workload kind's versions: apps/v1 (v1 for a ReplicationController), and the removed ones given as
 * `[group/version, deprecated in, removed in]`.
 */
function workloadVersions(
  kind: WorkloadKind,
  spec: ReturnType<typeof resource>,
  removed: [string, string, string][],
): Record<string, ServedVersion> {
  const versions: Record<string, ServedVersion> = {};
  versions[kind === 'ReplicationController' ? 'v1' : 'apps/v1'] = { schema: spec };
  for (const [gv, deprecatedIn, removedIn] of removed) {
    versions[gv] = { schema: spec, deprecated: removedVersion(gv, kind, deprecatedIn, removedIn, 'apps/v1') };
  }
  return versions;
}

const WORKLOAD_VERSIONS: Record<WorkloadKind, Record<string, ServedVersion>> = {
  ReplicationController: workloadVersions(
    'ReplicationController',
    resource({ spec: replicationControllerSpec }),
    [],
  ),
  ReplicaSet: workloadVersions('ReplicaSet', resource({ spec: replicaSetSpec }), [
    ['apps/v1beta2', '1.9', '1.16'],
    ['extensions/v1beta1', '1.8', '1.16'],
  ]),
  Deployment: workloadVersions('Deployment', resource({ spec: deploymentSpec }), [
    ['apps/v1beta2', '1.9', '1.16'],
    ['apps/v1beta1', '1.9', '1.16'],
    ['extensions/v1beta1', '1.8', '1.16'],
  ]),
  DaemonSet: workloadVersions('DaemonSet', resource({ spec: daemonSetSpec }), [
    ['apps/v1beta2', '1.9', '1.16'],
    ['extensions/v1beta1', '1.8', '1.16'],
  ]),
};

export function workloadKind<K extends WorkloadKind>(kindName: K): KindModule<K> {
  const kind: WorkloadKind = kindName;
  const module: KindModule<WorkloadKind> = {
    kind,
    scope: 'Namespaced',
    versions: WORKLOAD_VERSIONS[kind],
    resource: WORKLOAD_RESOURCES[kind],
    // A DaemonSet runs one pod per node: it has no replicas to scale.
    scalable: kind !== 'DaemonSet',
    podTemplate: true,
    nameRule: isDns1123Subdomain,
    decode(raw, apiVersion, ctx) {
      const manifest = buildWorkload(raw, kind, apiVersion);
      validateWorkload(ctx, manifest, raw);
      return manifest;
    },
    apply(cp, manifest) {
      return applyWorkload(cp, manifest);
    },
    remove(cp, namespace, name) {
      const { state } = cp;
      const inNs = (m: { name: string; namespace: string }) => m.name === name && m.namespace === namespace;
      const w = state.workloads.find((x) => x.manifest.kind === kind && inNs(x.manifest.metadata));
      if (!w) return false;
      deleteWorkload(cp, w);
      return true;
    },
    relabel(cp, namespace, name, field, edit) {
      const { state } = cp;
      const inNs = (m: { name: string; namespace: string }) => m.name === name && m.namespace === namespace;
      const w = state.workloads.find((x) => x.manifest.kind === kind && inNs(x.manifest.metadata));
      if (!w) return false;
      w.manifest = relabelled(w.manifest, field, edit);
      return true;
    },
    refreshSource(state, m, source) {
      const { name, namespace } = m.metadata;
      const named = (meta: { name: string; namespace: string }) =>
        meta.name === name && meta.namespace === namespace;
      for (const w of state.workloads)
        if (w.manifest.kind === m.kind && named(w.manifest.metadata)) w.manifest = { ...w.manifest, source };
      return;
    },
    list(state) {
      if (kind === 'ReplicaSet') {
        const own = state.workloads
          .filter((w) => w.manifest.kind === 'ReplicaSet')
          .map((workload) => ({
            kind: 'ReplicaSet' as const,
            workload,
            pods: podsOfWorkload(state, workload),
            ...workloadBase(workload),
          }));
        const derived = state.workloads
          .filter((w) => w.manifest.kind === 'Deployment' && !hasOwnReplicaSets(state, w))
          .map((workload) => {
            const name = replicaSetNameOfDeployment(state, workload);
            const hash = name.slice(workload.manifest.metadata.name.length + 1);
            return {
              kind: 'ReplicaSet' as const,
              workload,
              pods: podsOfWorkload(state, workload),
              ...workloadBase(workload),
              name,
              labels: { ...workload.manifest.template.labels, 'pod-template-hash': hash },
            };
          });
        return [...own, ...derived];
      }
      return state.workloads
        .filter((w) => w.manifest.kind === kind)
        .map((workload) => ({
          kind,
          workload,
          pods: podsOfWorkload(state, workload),
          ...workloadBase(workload),
        }));
    },
    headers(wide) {
      if (kind === 'Deployment') {
        return [
          'NAME',
          'READY',
          'UP-TO-DATE',
          'AVAILABLE',
          'AGE',
          ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
        ];
      }
      if (kind === 'ReplicationController' || kind === 'ReplicaSet') {
        return [
          'NAME',
          'DESIRED',
          'CURRENT',
          'READY',
          'AGE',
          ...(wide ? ['CONTAINERS', 'IMAGES', 'SELECTOR'] : []),
        ];
      }
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
    },
    row(obj, _state, wide, age) {
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
      if (obj.kind === 'Deployment') {
        // printDeployment: READY is readyReplicas/replicas, UP-TO-DATE updatedReplicas, AVAILABLE availableReplicas
        const st = deploymentStatus(_state, w);
        return [obj.name, `${st.ready}/${desired}`, String(st.updated), String(st.available), age, ...extra];
      }
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
    },
    exposeSource(obj) {
      const sel = obj.workload.manifest.selector;
      if (sel.matchExpressions.length > 0)
        return {
          error: `error: couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind} has a selector with expressions\n`,
        };
      return {
        selector: sel.matchLabels,
        containerPorts: exposedContainerPorts(obj.workload.manifest.template.spec.containers),
      };
    },
    describe(obj, state) {
      const lines: string[] = describeWorkload(obj, state);
      return lines;
    },
    toApiObject(obj, _state, { head, key }) {
      const w = obj.workload;
      const m = w.manifest;
      const ready = obj.pods.filter(isPodReady).length;
      const template: JsonObject = {
        metadata: {
          ...(Object.keys(m.template.labels).length ? { labels: { ...m.template.labels } } : {}),
          ...(Object.keys(m.template.annotations).length
            ? { annotations: { ...m.template.annotations } }
            : {}),
        },
        spec: {
          containers: m.template.spec.containers.map(containerJson),
          dnsPolicy: m.template.spec.dnsPolicy,
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: m.template.spec.terminationGracePeriodSeconds ?? 30,
        },
      };
      const spec: JsonObject = {
        selector:
          obj.kind === 'ReplicationController' ? { ...m.selector.matchLabels } : selectorJson(m.selector),
        template,
      };
      if (obj.kind !== 'DaemonSet') spec['replicas'] = w.replicas;
      if (obj.kind === 'Deployment') Object.assign(spec, deploymentSpecJson(w.manifest));
      if (m.minReadySeconds !== undefined && m.minReadySeconds > 0)
        spec['minReadySeconds'] = m.minReadySeconds;
      const status: JsonObject =
        obj.kind === 'DaemonSet'
          ? {
              currentNumberScheduled: obj.pods.length,
              desiredNumberScheduled: obj.pods.length,
              numberAvailable: ready,
              numberMisscheduled: 0,
              numberReady: ready,
              observedGeneration: 1,
              updatedNumberScheduled: obj.pods.length,
            }
          : {
              availableReplicas: ready,
              fullyLabeledReplicas: obj.pods.length,
              observedGeneration: 1,
              readyReplicas: ready,
              replicas: obj.pods.length,
            };
      if (obj.kind === 'Deployment') {
        delete status['fullyLabeledReplicas'];
        const st = deploymentStatus(_state, w);
        Object.assign(status, {
          availableReplicas: st.available,
          readyReplicas: st.ready,
          replicas: st.total,
          updatedReplicas: st.updated,
          ...(st.unavailable > 0 ? { unavailableReplicas: st.unavailable } : {}),
        });
        if (st.available === 0) delete status['availableReplicas'];
      }
      if (ready === 0) {
        delete status['availableReplicas'];
        delete status['readyReplicas'];
      }
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key), {
          generation: 1,
          ...(w.ownerRef
            ? {
                ownerReferences: [
                  {
                    apiVersion: 'apps/v1',
                    blockOwnerDeletion: true,
                    controller: true,
                    kind: w.ownerRef.kind,
                    name: w.ownerRef.name,
                    uid: uidOf(`${w.ownerRef.kind}/${obj.namespace}/${w.ownerRef.name}`),
                  },
                ],
              }
            : {}),
        }),
        spec,
        status,
      }) as JsonObject;
    },
    graphIds(_state, identity, owned) {
      return owned.get(objectKey(identity)) ?? [];
    },
  };
  // One module serves the four kinds; its hooks read `kind` where they differ.
  return module as unknown as KindModule<K>;
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

/** spec.strategy and the history fields with the API server's defaults, as `kubectl get -o yaml` shows them. */
function deploymentSpecJson(m: WorkloadManifest): JsonObject {
  const strategy = strategyOf(m);
  return {
    progressDeadlineSeconds: DEFAULT_PROGRESS_DEADLINE_SECONDS,
    revisionHistoryLimit: m.revisionHistoryLimit ?? DEFAULT_REVISION_HISTORY_LIMIT,
    strategy:
      strategy.type === 'Recreate'
        ? { type: 'Recreate' }
        : {
            rollingUpdate: { maxSurge: strategy.maxSurge, maxUnavailable: strategy.maxUnavailable },
            type: 'RollingUpdate',
          },
  };
}

/**
 * Conditions, OldReplicaSets and NewReplicaSet as describeDeployment prints them
 * (staging/src/k8s.io/kubectl/pkg/describe/describe.go: `name (current/desired replicas created)`;
 * old ones only while they still want pods). Progressing says NewReplicaSetAvailable once the rollout
 * completed and ReplicaSetUpdated while it runs (pkg/controller/deployment/util/deployment_util.go).
 */
function describeRollout(lines: string[], state: ClusterState, w: WorkloadState): void {
  const st = deploymentStatus(state, w);
  const minAvailable = w.replicas - maxUnavailableOf(w.manifest, w.replicas);
  const available = st.available >= minAvailable;
  lines.push('Conditions:', `${L1}Type\tStatus\tReason`, `${L1}----\t------\t------`);
  lines.push(
    `${L1}Available \t${available ? 'True' : 'False'}\t${available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable'}`,
  );
  lines.push(`${L1}Progressing \tTrue\t${st.complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated'}`);
  const created = (rs: WorkloadState) =>
    `${rs.manifest.metadata.name} (${replicaSetPodCount(state, rs)}/${rs.replicas} replicas created)`;
  const old = st.oldReplicaSets.filter((rs) => rs.replicas > 0);
  lines.push(`OldReplicaSets:\t${old.length > 0 ? old.map(created).join(', ') : '<none>'}`);
  lines.push(`NewReplicaSet:\t${st.newReplicaSet ? created(st.newReplicaSet) : '<none>'}`);
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
    const st = deploymentStatus(state, w);
    lines.push(`CreationTimestamp:\t${describeTime(obj.createdAt)}`);
    multiline(lines, 'Labels', obj.labels);
    multiline(lines, 'Annotations', obj.annotations);
    lines.push(`Selector:\t${selector}`);
    lines.push(
      `Replicas:\t${w.replicas} desired | ${st.updated} updated | ${st.total} total | ${st.available} available | ${st.unavailable} unavailable`,
    );
    const strategy = strategyOf(m);
    lines.push(`StrategyType:\t${strategy.type}`, `MinReadySeconds:\t${m.minReadySeconds ?? 0}`);
    if (strategy.type === 'RollingUpdate')
      lines.push(
        `RollingUpdateStrategy:\t${String(strategy.maxUnavailable)} max unavailable, ${String(strategy.maxSurge)} max surge`,
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
  if (obj.kind === 'Deployment') describeRollout(lines, state, w);
  events(lines, state, obj.kind, obj.namespace, obj.name);
  return lines;
}

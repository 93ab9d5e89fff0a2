/**
 * Objects as a real API server returns them for `kubectl get -o json|yaml`: apiVersion, kind,
 * metadata with uid/creationTimestamp/resourceVersion, the spec with the server's defaults filled in,
 * and the status (podIP, hostIP, conditions, clusterIP(s), loadBalancer.ingress, Endpoints subsets).
 * Keys come out sorted, as kubectl prints unstructured objects (Go maps marshal sorted).
 */
import { deletionMetadata } from './podTermination.ts';
import { sliceEndpoints, sliceSubsets, type SliceEndpoint } from './endpointSliceView.ts';
import { stringify } from 'yaml';
import type {
  Container,
  IngressBackend,
  LabelSelector,
  NetworkPolicyRule,
  NetworkPolicySpec,
} from '../../model/objects.ts';
import type { ClusterState } from '../../model/state.ts';
import { isPodReady, NODE_INFO, uniquePorts } from './printers.ts';
import type { ListedObject } from './listing.ts';
import { replicaSetNameOfDeployment, stableHash } from './listing.ts';
import { apiVersionOf, resourceTypeOfKind } from './resources.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Simulation time 0 as a wall-clock instant, so timestamps are stable across runs. */
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 1, 9, 0, 0);

export function formatTimestamp(seconds: number): string {
  return new Date(SIM_EPOCH_MS + Math.floor(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A UUID-shaped id derived from the object's identity (the simulation has no randomness to spare). */
export function uidOf(key: string): string {
  let hex = '';
  let h = 0x811c9dc5;
  for (let round = 0; hex.length < 32; round++) {
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
    h = Math.imul(h ^ round, 16777619);
    hex += (h >>> 0).toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

function metadataOf(obj: ListedObject, uid: string, extra: JsonObject = {}): JsonObject {
  const meta: JsonObject = {
    name: obj.name,
    creationTimestamp: formatTimestamp(obj.createdAt),
    resourceVersion: String(1000 + Math.floor(obj.createdAt) * 3 + (parseInt(uid.slice(0, 4), 16) % 97)),
    uid,
    ...extra,
  };
  if (obj.namespace) meta['namespace'] = obj.namespace;
  if (Object.keys(obj.labels).length) meta['labels'] = { ...obj.labels };
  if (Object.keys(obj.annotations).length) meta['annotations'] = { ...obj.annotations };
  return meta;
}

/** NetworkPolicySpec as the API server returns it: defaulted protocol and policyTypes written out. */
function networkPolicySpecJson(spec: NetworkPolicySpec): JsonObject {
  const rule = (r: NetworkPolicyRule, peersKey: 'from' | 'to'): JsonObject => {
    const out: JsonObject = {};
    if (r.peers.length)
      out[peersKey] = r.peers.map((p) => {
        const peer: JsonObject = {};
        if (p.podSelector) peer['podSelector'] = selectorJson(p.podSelector);
        if (p.namespaceSelector) peer['namespaceSelector'] = selectorJson(p.namespaceSelector);
        if (p.ipBlock)
          peer['ipBlock'] = {
            cidr: p.ipBlock.cidr,
            ...(p.ipBlock.except.length ? { except: [...p.ipBlock.except] } : {}),
          };
        return peer;
      });
    if (r.ports.length)
      out['ports'] = r.ports.map((p) => ({
        protocol: p.protocol,
        ...(p.port !== undefined ? { port: p.port } : {}),
        ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
      }));
    return out;
  };
  const out: JsonObject = { podSelector: selectorJson(spec.podSelector), policyTypes: [...spec.policyTypes] };
  if (spec.ingress.length) out['ingress'] = spec.ingress.map((r) => rule(r, 'from'));
  if (spec.egress.length) out['egress'] = spec.egress.map((r) => rule(r, 'to'));
  return out;
}

function selectorJson(selector: LabelSelector): JsonObject {
  const out: JsonObject = {};
  if (Object.keys(selector.matchLabels).length) out['matchLabels'] = { ...selector.matchLabels };
  if (selector.matchExpressions.length)
    out['matchExpressions'] = selector.matchExpressions.map((e) => ({
      key: e.key,
      operator: e.operator,
      ...(e.values.length ? { values: [...e.values] } : {}),
    }));
  return out;
}

function containerJson(c: Container): JsonObject {
  const out: JsonObject = {
    name: c.name,
    image: c.image,
    imagePullPolicy: c.image.endsWith(':latest') || !c.image.includes(':') ? 'Always' : 'IfNotPresent',
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
  if (c.ports.length)
    out['ports'] = c.ports.map((p) => ({
      containerPort: p.containerPort,
      protocol: p.protocol,
      ...(p.name ? { name: p.name } : {}),
      ...(p.hostPort ? { hostPort: p.hostPort } : {}),
    }));
  if (c.env.length) out['env'] = c.env.map((e) => ({ name: e.name, value: e.value }));
  if (c.command.length) out['command'] = [...c.command];
  if (c.args.length) out['args'] = [...c.args];
  if (c.readinessProbe) {
    const p = c.readinessProbe;
    const handler: JsonObject =
      p.kind === 'exec'
        ? { exec: { command: [...p.command] } }
        : p.kind === 'httpGet'
          ? { httpGet: { path: p.path, port: p.port, scheme: 'HTTP' } }
          : { tcpSocket: { port: p.port } };
    out['readinessProbe'] = {
      ...handler,
      failureThreshold: 3,
      periodSeconds: 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    };
  }
  return out;
}

function backendJson(b: IngressBackend): JsonObject {
  if (b.service)
    return {
      service: {
        name: b.service.name,
        port:
          b.service.port.number !== undefined
            ? { number: b.service.port.number }
            : { name: b.service.port.name ?? '' },
      },
    };
  if (b.resource)
    return {
      resource: {
        kind: b.resource.kind,
        name: b.resource.name,
        ...(b.resource.apiGroup ? { apiGroup: b.resource.apiGroup } : {}),
      },
    };
  return {};
}

/**
 * status.loadBalancer; for a Service the API server defaults `ipMode: VIP` on an IP entry (LoadBalancerIPMode,
 * on by default since 1.30). Ingress status has no ipMode.
 */
function lbStatus(ingress: { ip?: string; hostname?: string }[], withIpMode = false): JsonObject {
  const entries = ingress.map(
    (i) => ({ ...i, ...(withIpMode && i.ip ? { ipMode: 'VIP' } : {}) }) as JsonObject,
  );
  return { loadBalancer: entries.length ? { ingress: entries } : {} };
}

export function toApiObject(obj: ListedObject, state: ClusterState): JsonObject {
  const type = resourceTypeOfKind(obj.kind);
  const head = { apiVersion: apiVersionOf(type), kind: obj.kind };
  const key = `${obj.kind}/${obj.namespace}/${obj.name}`;
  switch (obj.kind) {
    case 'Pod': {
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
    }
    case 'Service': {
      const s = obj.service.manifest.spec;
      const spec: JsonObject = {
        type: s.type,
        sessionAffinity: s.sessionAffinity,
      };
      if (s.ports.length)
        spec['ports'] = s.ports.map((p) => ({
          port: p.port,
          protocol: p.protocol,
          ...(s.type === 'ExternalName' ? {} : { targetPort: p.targetPort }),
          ...(p.name ? { name: p.name } : {}),
          ...(p.nodePort ? { nodePort: p.nodePort } : {}),
        }));
      if (s.selector !== undefined) spec['selector'] = { ...s.selector };
      if (s.type === 'ExternalName') spec['externalName'] = s.externalName ?? '';
      else {
        if (s.clusterIP) {
          spec['clusterIP'] = s.clusterIP;
          spec['clusterIPs'] = [s.clusterIP];
        }
        spec['ipFamilies'] = ['IPv4'];
        spec['ipFamilyPolicy'] = 'SingleStack';
        spec['internalTrafficPolicy'] = s.internalTrafficPolicy;
      }
      if (s.sessionAffinity === 'ClientIP')
        spec['sessionAffinityConfig'] = { clientIP: { timeoutSeconds: s.sessionAffinityTimeoutSeconds } };
      if (s.type === 'NodePort' || s.type === 'LoadBalancer')
        spec['externalTrafficPolicy'] = s.externalTrafficPolicy;
      if (s.type === 'LoadBalancer') spec['allocateLoadBalancerNodePorts'] = s.allocateLoadBalancerNodePorts;
      if (s.healthCheckNodePort) spec['healthCheckNodePort'] = s.healthCheckNodePort;
      if (s.externalIPs.length) spec['externalIPs'] = [...s.externalIPs];
      if (s.loadBalancerIP) spec['loadBalancerIP'] = s.loadBalancerIP;
      if (s.publishNotReadyAddresses) spec['publishNotReadyAddresses'] = true;
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key)),
        spec,
        status: lbStatus(obj.service.status.loadBalancer.ingress, true),
      }) as JsonObject;
    }
    case 'Endpoints': {
      const subsets = obj.endpoints.subsets.map((ss) => {
        const addr = (a: (typeof ss.addresses)[number]): JsonObject => ({
          ip: a.ip,
          ...(a.nodeName ? { nodeName: a.nodeName } : {}),
          ...(a.hostname ? { hostname: a.hostname } : {}),
          ...(a.targetRef
            ? {
                targetRef: {
                  kind: 'Pod',
                  name: a.targetRef.name,
                  namespace: a.targetRef.namespace,
                  uid:
                    state.pods.find(
                      (p) =>
                        p.metadata.name === a.targetRef?.name &&
                        p.metadata.namespace === a.targetRef.namespace,
                    )?.metadata.uid ?? uidOf(`Pod/${a.targetRef.namespace}/${a.targetRef.name}`),
                },
              }
            : {}),
        });
        const out: JsonObject = {};
        if (ss.addresses.length) out['addresses'] = ss.addresses.map(addr);
        if (ss.notReadyAddresses.length) out['notReadyAddresses'] = ss.notReadyAddresses.map(addr);
        if (ss.ports.length)
          out['ports'] = ss.ports.map((p) => ({
            port: p.port,
            protocol: p.protocol,
            ...(p.name ? { name: p.name } : {}),
          }));
        return out;
      });
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key)),
        ...(subsets.length ? { subsets } : {}),
      }) as JsonObject;
    }
    case 'Ingress': {
      const s = obj.ingress.manifest.spec;
      const spec: JsonObject = {};
      if (s.ingressClassName) spec['ingressClassName'] = s.ingressClassName;
      if (s.defaultBackend) spec['defaultBackend'] = backendJson(s.defaultBackend);
      if (s.rules.length)
        spec['rules'] = s.rules.map((r) => ({
          ...(r.host ? { host: r.host } : {}),
          http: {
            paths: r.paths.map((p) => ({
              path: p.path,
              pathType: p.pathType,
              backend: backendJson(p.backend),
            })),
          },
        }));
      if (s.tls.length)
        spec['tls'] = s.tls.map((t) => ({
          hosts: [...t.hosts],
          ...(t.secretName ? { secretName: t.secretName } : {}),
        }));
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key), { generation: 1 }),
        spec,
        status: lbStatus(obj.ingress.status.loadBalancer.ingress),
      }) as JsonObject;
    }
    case 'NetworkPolicy':
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key), { generation: 1 }),
        spec: networkPolicySpecJson(obj.networkPolicy.manifest.spec),
      }) as JsonObject;
    case 'IPAddressPool':
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key), { generation: 1 }),
        spec: { addresses: [...obj.pool.addresses], autoAssign: obj.pool.autoAssign, avoidBuggyIPs: false },
      }) as JsonObject;
    case 'L2Advertisement':
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key), { generation: 1 }),
        spec: obj.l2.ipAddressPools.length ? { ipAddressPools: [...obj.l2.ipAddressPools] } : {},
      }) as JsonObject;
    case 'IngressClass':
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key), { generation: 1 }),
        spec: { controller: obj.ingressClass.manifest.controller },
      }) as JsonObject;
    case 'Node': {
      const n = obj.node;
      const created = formatTimestamp(n.createdAt);
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key), {
          labels: {
            'beta.kubernetes.io/arch': 'amd64',
            'beta.kubernetes.io/os': 'linux',
            'kubernetes.io/arch': 'amd64',
            'kubernetes.io/hostname': n.name,
            'kubernetes.io/os': 'linux',
            ...(n.role === 'control-plane' ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
            ...n.labels,
          },
        }),
        spec: {
          podCIDR: n.podCIDR,
          podCIDRs: [n.podCIDR],
          providerID: `kind://docker/${state.settings.name}/${n.name}`,
          ...(n.unschedulable ? { unschedulable: true } : {}),
        },
        status: {
          addresses: [
            { address: n.ip, type: 'InternalIP' },
            { address: n.name, type: 'Hostname' },
          ],
          conditions: [
            {
              lastHeartbeatTime: created,
              lastTransitionTime: created,
              message: n.up ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.',
              reason: n.up ? 'KubeletReady' : 'NodeStatusUnknown',
              status: n.up ? 'True' : 'Unknown',
              type: 'Ready',
            },
          ],
          nodeInfo: {
            architecture: NODE_INFO.architecture,
            containerRuntimeVersion: NODE_INFO.containerRuntimeVersion,
            kernelVersion: NODE_INFO.kernelVersion,
            kubeletVersion: NODE_INFO.kubeletVersion,
            operatingSystem: 'linux',
            osImage: NODE_INFO.osImage,
          },
        },
      }) as JsonObject;
    }
    case 'Deployment':
    case 'ReplicationController':
    case 'ReplicaSet':
    case 'DaemonSet': {
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
          terminationGracePeriodSeconds: 30,
        },
      };
      const spec: JsonObject = {
        selector:
          obj.kind === 'ReplicationController' ? { ...m.selector.matchLabels } : selectorJson(m.selector),
        template,
      };
      if (obj.kind !== 'DaemonSet') spec['replicas'] = w.replicas;
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
      if (obj.kind === 'Deployment') delete status['fullyLabeledReplicas'];
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
    }
    case 'EndpointSlice': {
      const e = obj.endpoints;
      const endpoint = ({ address: a, conditions }: SliceEndpoint): JsonObject => ({
        addresses: [a.ip],
        conditions: { ...conditions },
        ...(a.nodeName ? { nodeName: a.nodeName } : {}),
        ...(a.hostname ? { hostname: a.hostname } : {}),
        ...(a.targetRef
          ? { targetRef: { kind: 'Pod', name: a.targetRef.name, namespace: a.targetRef.namespace } }
          : {}),
      });
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key), {
          generateName: `${obj.service}-`,
          generation: 1,
          ownerReferences: [
            {
              apiVersion: 'v1',
              blockOwnerDeletion: true,
              controller: true,
              kind: e.managed ? 'Service' : 'Endpoints',
              name: obj.service,
              uid: uidOf(`${e.managed ? 'Service' : 'Endpoints'}/${obj.namespace}/${obj.service}`),
            },
          ],
        }),
        addressType: 'IPv4',
        endpoints: sliceEndpoints(e).map(endpoint),
        ports: uniquePorts(sliceSubsets(e)).map((p) => ({
          ...(p.name ? { name: p.name } : { name: '' }),
          port: p.port,
          protocol: p.protocol,
        })),
      }) as JsonObject;
    }
    case 'Namespace':
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key)),
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      }) as JsonObject;
    case 'Event': {
      const e = obj.event;
      const slash = e.object.indexOf('/');
      return sortKeys({
        ...head,
        metadata: metadataOf(obj, uidOf(key)),
        involvedObject: {
          kind: e.object.slice(0, slash),
          name: e.object.slice(slash + 1),
          namespace: e.namespace,
        },
        reason: e.reason,
        message: e.message,
        type: e.type,
        count: 1,
        firstTimestamp: formatTimestamp(e.time),
        lastTimestamp: formatTimestamp(e.time),
        source: { component: 'kubelet' },
      }) as JsonObject;
    }
  }
}

/**
 * kubectl's YAML (sigs.k8s.io/yaml over go-yaml) quotes strings a YAML 1.1 reader would take for
 * something else: timestamps (`creationTimestamp: "2026-01-01T09:00:00Z"`) and the old booleans
 * (y/n/yes/no/on/off). The `yaml` package follows YAML 1.2 and leaves them bare.
 */
function quoteLikeGoYaml(text: string): string {
  return text.replace(
    /^(\s*(?:- )?[^\s:#][^:#]*: )(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|y|Y|n|N|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/gm,
    '$1"$2"',
  );
}

/** One object as is, several as a `v1 List` (what kubectl prints for `get pods -o yaml`). */
export function formatObjects(objects: JsonObject[], format: 'json' | 'yaml', asList: boolean): string {
  const value: Json = asList
    ? { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } }
    : (objects[0] ?? {});
  if (format === 'json') return JSON.stringify(value, null, 4) + '\n';
  return quoteLikeGoYaml(stringify(value, { indentSeq: false, lineWidth: 0 }));
}

export function stableSuffix(text: string): string {
  return stableHash(text).slice(0, 5);
}

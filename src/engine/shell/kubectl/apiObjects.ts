/**
 * Objects as a real API server returns them for `kubectl get -o json|yaml`: apiVersion, kind,
 * metadata with uid/creationTimestamp/resourceVersion, the spec with the server's defaults filled in,
 * and the status (podIP, hostIP, conditions, clusterIP(s), loadBalancer.ingress, Endpoints subsets).
 * Keys come out sorted, as kubectl prints unstructured objects (Go maps marshal sorted).
 */
import { kindModule } from '../../kinds/registry.ts';
import { stringify } from 'yaml';
import type { Container, LabelSelector } from '../../model/objects.ts';
import type { ClusterState } from '../../model/state.ts';
import type { ListedObject } from './listing.ts';
import { stableHash } from './listing.ts';
import { apiVersionOf, resourceTypeOfKind } from './resources.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

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

export function sortKeys(value: Json): Json {
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

export function metadataOf(obj: ListedObject, uid: string, extra: JsonObject = {}): JsonObject {
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

export function selectorJson(selector: LabelSelector): JsonObject {
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

export function containerJson(c: Container): JsonObject {
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
      ...(p.initialDelaySeconds !== undefined ? { initialDelaySeconds: p.initialDelaySeconds } : {}),
      periodSeconds: p.periodSeconds ?? 10,
      successThreshold: 1,
      timeoutSeconds: 1,
    };
  }
  return out;
}

/**
 * status.loadBalancer; for a Service the API server defaults `ipMode: VIP` on an IP entry (LoadBalancerIPMode,
 * on by default since 1.30). Ingress status has no ipMode.
 */
export function lbStatus(
  ingress: {
    ip?: string;
    hostname?: string;
    ipMode?: string;
    ports?: { port: number; protocol: string }[];
  }[],
  withIpMode = false,
): JsonObject {
  // cloud-provider-kind writes ipMode Proxy and the ports itself (docs/load-balancers.md)
  const entries = ingress.map(
    (i) =>
      ({
        ...i,
        ...(withIpMode && i.ip ? { ipMode: i.ipMode ?? 'VIP' } : {}),
        ...(i.ports ? { ports: i.ports.map((p) => ({ ...p })) } : {}),
      }) as JsonObject,
  );
  return { loadBalancer: entries.length ? { ingress: entries } : {} };
}

export function toApiObject(obj: ListedObject, state: ClusterState): JsonObject {
  const type = resourceTypeOfKind(obj.kind);
  const head = { apiVersion: apiVersionOf(type), kind: obj.kind };
  const key = `${obj.kind}/${obj.namespace}/${obj.name}`;
  const hook = kindModule(obj.kind).toApiObject;
  return hook
    ? hook(obj, state, { head, key })
    : (sortKeys({ ...head, metadata: metadataOf(obj, uidOf(key)) }) as JsonObject);
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

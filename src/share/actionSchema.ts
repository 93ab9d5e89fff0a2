/**
 * One table that says, for every Action type (src/engine/model/actions.ts), which fields it has, of
 * what type, in what order. restoreAction validates with it; the z1 link format writes actions as
 * positional tuples in this order (`namespace` last but for optional fields after it, so the common
 * `default` can be left off).
 * Changing an existing row's order changes the z1 format: append new types, never reorder (LINKS.md).
 */
import type { Action, ObjectKindName } from '../engine/index.ts';

export type FieldType =
  | 'text' // a YAML document; travels outside the JSON in z1 links
  | 'string'
  | 'kind' // an ObjectKindName
  | 'workloadKind'
  | 'count' // a non-negative int32 (replicas)
  | 'optionalCount' // a non-negative int32 or absent; last in a tuple, left off when absent
  | 'seconds' // a finite non-negative number
  | 'bool'
  | 'strings' // string[]
  | 'record' // Record<string, string>
  | 'namespace'; // a string, `default` when absent from a tuple

export interface FieldSpec {
  name: string;
  type: FieldType;
}

export type ActionType = Action['type'];

export interface ActionSpec {
  type: ActionType;
  /** The tuple's first element in z1 links. One letter, never reused. */
  code: string;
  fields: FieldSpec[];
}

const f = (name: string, type: FieldType): FieldSpec => ({ name, type });

/**
 * Keyed by Action['type'] so that an action type added to the engine fails to compile here until it
 * has a code and fields (otherwise links would silently drop it). Order of fields = z1 wire order.
 */
const SPECS_BY_TYPE: { [T in ActionType]: Omit<ActionSpec, 'type'> } = {
  apply: { code: 'a', fields: [f('yaml', 'text')] },
  delete: {
    code: 'd',
    fields: [
      f('kind', 'kind'),
      f('name', 'string'),
      f('namespace', 'namespace'),
      // kubectl delete --grace-period/--now/--force; added after namespace, so older links read the same
      f('gracePeriodSeconds', 'optionalCount'),
    ],
  },
  scale: {
    code: 's',
    fields: [
      f('kind', 'workloadKind'),
      f('name', 'string'),
      f('replicas', 'count'),
      f('namespace', 'namespace'),
    ],
  },
  node: { code: 'n', fields: [f('name', 'string'), f('up', 'bool')] },
  podReady: { code: 'r', fields: [f('name', 'string'), f('ready', 'bool'), f('namespace', 'namespace')] },
  podFile: {
    code: 'f',
    fields: [f('name', 'string'), f('path', 'string'), f('present', 'bool'), f('namespace', 'namespace')],
  },
  hosts: { code: 'h', fields: [f('client', 'string'), f('ip', 'string'), f('hostnames', 'strings')] },
  client: { code: 'c', fields: [f('name', 'string')] },
  label: {
    code: 'l',
    fields: [
      f('kind', 'kind'),
      f('name', 'string'),
      f('set', 'record'),
      f('remove', 'strings'),
      f('namespace', 'namespace'),
    ],
  },
  annotate: {
    code: 'o',
    fields: [
      f('kind', 'kind'),
      f('name', 'string'),
      f('set', 'record'),
      f('remove', 'strings'),
      f('namespace', 'namespace'),
    ],
  },
  wait: { code: 'w', fields: [f('seconds', 'seconds')] },
  serviceStatus: {
    code: 'p',
    fields: [f('name', 'string'), f('ingress', 'strings'), f('namespace', 'namespace')],
  },
};

export const ACTION_SPECS: readonly ActionSpec[] = Object.entries(SPECS_BY_TYPE).map(([type, spec]) => ({
  type: type as ActionType,
  ...spec,
}));

export function getActionSpec(type: unknown): ActionSpec | undefined {
  return ACTION_SPECS.find((spec) => spec.type === type);
}

export function getActionSpecByCode(code: unknown): ActionSpec | undefined {
  return ACTION_SPECS.find((spec) => spec.code === code);
}

/**
 * kubectl's short names (`kubectl api-resources`), used on the wire; a full kind name is accepted
 * too. Typed as a full Record so that a kind added to ObjectKindName must be added here.
 */
export const KIND_SHORT_NAMES: Record<ObjectKindName, string> = {
  Pod: 'po',
  ReplicationController: 'rc',
  ReplicaSet: 'rs',
  Deployment: 'deploy',
  DaemonSet: 'ds',
  Service: 'svc',
  Endpoints: 'ep',
  // EndpointSlice has no short name: the plural is what kubectl takes
  EndpointSlice: 'endpointslices',
  Ingress: 'ing',
  IngressClass: 'ingressclass',
  NetworkPolicy: 'netpol',
  Namespace: 'ns',
  Node: 'no',
  // MetalLB's CRDs have no short names: the plural is what kubectl takes
  IPAddressPool: 'ipaddresspools',
  L2Advertisement: 'l2advertisements',
};

export const WORKLOAD_KINDS: readonly ObjectKindName[] = [
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'DaemonSet',
];

export function isKindName(value: unknown): value is ObjectKindName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KIND_SHORT_NAMES, value);
}

export function toShortKind(kind: ObjectKindName): string {
  return KIND_SHORT_NAMES[kind];
}

/** The kind for a short or full name, or the input unchanged (restore then rejects it). */
export function fromShortKind(value: unknown): unknown {
  for (const [kind, short] of Object.entries(KIND_SHORT_NAMES)) if (short === value) return kind;
  return value;
}

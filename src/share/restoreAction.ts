/** Validates one untrusted action against ACTION_SPECS and returns a fresh copy with only known fields. */
import type { Action } from '../engine/index.ts';
import { getActionSpec, isKindName, WORKLOAD_KINDS } from './actionSchema.ts';
import type { FieldType } from './actionSchema.ts';
import {
  fail,
  readBoolean,
  readFinite,
  readObject,
  readSafeInteger,
  readString,
  readStringList,
  readStringRecord,
} from './restoreValue.ts';

/** int32, as Kubernetes' `replicas`. */
const MAX_COUNT = 2147483647;

function restoreField(type: FieldType, value: unknown, path: string): unknown {
  switch (type) {
    case 'text':
    case 'string':
    case 'namespace':
      return readString(value, path);
    case 'kind':
      if (!isKindName(value)) fail(path, 'a kind kubeplay knows (Pod, Service, ReplicationController, …)');
      return value;
    case 'workloadKind':
      if (!isKindName(value) || !WORKLOAD_KINDS.includes(value)) {
        fail(path, 'ReplicationController, ReplicaSet, Deployment or DaemonSet');
      }
      return value;
    case 'count':
    case 'optionalCount':
      return readSafeInteger(value, path, 0, MAX_COUNT);
    case 'seconds': {
      const seconds = readFinite(value, path);
      if (seconds < 0) fail(path, 'a number of seconds, 0 or more');
      return seconds;
    }
    case 'bool':
      return readBoolean(value, path);
    case 'strings':
      return readStringList(value, path);
    case 'record':
      return readStringRecord(value, path);
  }
}

export function restoreAction(value: unknown, path: string): Action {
  const source = readObject(value, path);
  const spec = getActionSpec(source.type);
  if (!spec) fail(`${path}.type`, 'a known action type (apply, delete, scale, node, podReady, …)');
  const out: Record<string, unknown> = { type: spec.type };
  for (const field of spec.fields) {
    if (field.type === 'optionalCount' && source[field.name] === undefined) continue;
    out[field.name] = restoreField(field.type, source[field.name], `${path}.${field.name}`);
  }
  // Every field of the spec was checked above, so the object has the shape of its Action variant.
  return out as Action;
}

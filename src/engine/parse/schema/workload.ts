/** ReplicationController (core/v1) and apps/v1 ReplicaSet, Deployment, DaemonSet spec field sets. */
import { labelSelector } from './meta.ts';
import { podTemplateSpec } from './pod.ts';
import { any, bool, int, obj, strMap } from './types.ts';

export const replicationControllerSpec = obj({
  replicas: int,
  minReadySeconds: int,
  selector: strMap,
  template: podTemplateSpec,
});

export const replicaSetSpec = obj({
  replicas: int,
  minReadySeconds: int,
  selector: labelSelector,
  template: podTemplateSpec,
});

export const deploymentSpec = obj({
  replicas: int,
  selector: labelSelector,
  template: podTemplateSpec,
  strategy: any,
  minReadySeconds: int,
  revisionHistoryLimit: int,
  paused: bool,
  progressDeadlineSeconds: int,
  // extensions/v1beta1 and apps/v1beta1 only; harmless to accept for those versions.
  rollbackTo: any,
});

export const daemonSetSpec = obj({
  selector: labelSelector,
  template: podTemplateSpec,
  updateStrategy: any,
  minReadySeconds: int,
  revisionHistoryLimit: int,
  templateGeneration: int,
});

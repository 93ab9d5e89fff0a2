/**
 * Where a pod's spec was written: its own manifest, or the pod template of the workload that made it
 * (a Deployment's pods come from a ReplicaSet whose template is the Deployment's).
 */
import type { SourceRef } from '../model/diagnostic.ts';
import type { ClusterState, PodState, WorkloadState } from '../model/state.ts';

export interface PodOrigin {
  source: SourceRef | undefined;
  /** The path of the pod spec in that source: `spec` or `spec.template.spec`. */
  specPath: string;
  /** The path of the pod labels: `metadata.labels` or `spec.template.metadata.labels`. */
  labelsPath: string;
  /** `Deployment kubia`, `Pod web`: how to name the origin in a sentence. */
  label: string;
  workload?: WorkloadState;
}

function findWorkload(state: ClusterState, namespace: string, kind: string, name: string) {
  return state.workloads.find(
    (w) =>
      w.manifest.metadata.namespace === namespace &&
      w.manifest.kind === kind &&
      w.manifest.metadata.name === name,
  );
}

export function podOrigin(state: ClusterState, pod: PodState): PodOrigin {
  const ns = pod.metadata.namespace;
  let workload = pod.ownerRef ? findWorkload(state, ns, pod.ownerRef.kind, pod.ownerRef.name) : undefined;
  if (workload?.ownerRef)
    workload = findWorkload(state, ns, workload.ownerRef.kind, workload.ownerRef.name) ?? workload;
  if (workload) {
    return {
      source: workload.manifest.source,
      specPath: 'spec.template.spec',
      labelsPath: 'spec.template.metadata.labels',
      label: `${workload.manifest.kind} ${workload.manifest.metadata.name}`,
      workload,
    };
  }
  return {
    source: pod.source,
    specPath: 'spec',
    labelsPath: 'metadata.labels',
    label: `Pod ${pod.metadata.name}`,
  };
}

/**
 * A kind cluster config as tests and benches write it
 * (https://kind.sigs.k8s.io/docs/user/configuration/#nodes); the engine names its nodes
 * kind-control-plane, kind-worker, kind-worker2, ...
 */

/** A kind cluster config: one control plane and `workers` workers. */
export function kindClusterYaml(workers: number): string {
  const workerLines = Array.from({ length: workers }, () => '  - role: worker').join('\n');
  return `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
${workerLines}
`;
}

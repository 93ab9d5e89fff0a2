/**
 * Which component reported an event (the `From` column of `kubectl describe`, an Event's
 * `source.component`): the scheduler for scheduling, the controllers for what they create and delete,
 * the kubelet for what happens to a pod on its node.
 */
export function eventSource(reason: string, object: string): string {
  if (reason === 'Scheduled' || reason === 'FailedScheduling') return 'default-scheduler';
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

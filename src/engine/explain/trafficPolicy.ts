/**
 * externalTrafficPolicy (or internalTrafficPolicy) Local on a node without a ready local endpoint:
 * kube-proxy's DROP "<svc> has no local endpoints", so the client times out
 * (kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip).
 */
import type { ClusterState, ServiceState } from '../model/state.ts';
import { matchesLabels } from '../model/labelSelector.ts';
import { localPolicyMessage } from '../lint/serviceHints.ts';
import { graphIdOfService } from '../trace.ts';
import { blameAt, fixAt } from './blame.ts';
import type { Explanation } from './types.ts';

export function explainNoLocalEndpoint(
  state: ClusterState,
  svc: ServiceState,
  node: string,
  internal: boolean,
): Explanation {
  const m = svc.manifest;
  const field = internal ? 'internalTrafficPolicy' : 'externalTrafficPolicy';
  const selector = m.spec.selector ?? {};
  const ready = state.pods.filter(
    (p) =>
      p.metadata.namespace === m.metadata.namespace &&
      Object.keys(selector).length > 0 &&
      matchesLabels(p.metadata.labels, selector) &&
      p.status.ready,
  );
  const withPod = new Set(ready.map((p) => p.spec.nodeName));
  const empty = state.nodes.filter((n) => n.up && !withPod.has(n.name)).map((n) => n.name);
  const fix = fixAt(m.source, `spec.${field}`, 'Cluster', `set ${field} to Cluster`);
  return {
    kind: internal ? 'internal-traffic-local' : 'external-traffic-local',
    summary: `Service "${m.metadata.name}" has ${field}: Local, and ${node} runs no ready pod of it (they run on ${[...withPod].join(', ') || 'no node'}), so ${node} drops the connection and the client times out.`,
    ...(internal ? {} : { detail: localPolicyMessage(m, empty.length > 0 ? empty : [node]) }),
    blame: blameAt(graphIdOfService(m.metadata.namespace, m.metadata.name), m.source, `spec.${field}`),
    ...(fix ? { fix } : {}),
  };
}

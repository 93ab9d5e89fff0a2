/** A node that is down (`kubeplay node down`): nothing enters or leaves it, so packets to it are lost. */
import type { ClusterState } from '../model/state.ts';
import type { Trace } from '../trace.ts';
import { readHops } from '../readHops.ts';
import { graphIdOfNode } from '../trace.ts';
import type { Explanation } from './types.ts';

export function explainNodeDown(state: ClusterState, trace: Trace, node: string): Explanation {
  const pods = state.pods.filter((p) => p.spec.nodeName === node).length;
  const lost = readHops(trace).find((h) => h.kind === 'drop' && h.at === graphIdOfNode(node));
  const via = lost ? ` The packet for ${lost.dst} was lost there.` : '';
  return {
    kind: 'node-down',
    summary: `node ${node} is down: its kubelet and network are stopped, so nothing on it (${pods} pod${pods === 1 ? '' : 's'}) answers and the packet is lost; the client times out.${via}`,
    detail: `kubeplay node up ${node} brings it back; after 5 minutes down, its pods are evicted and recreated on other nodes.`,
    blame: { object: graphIdOfNode(node) },
  };
}

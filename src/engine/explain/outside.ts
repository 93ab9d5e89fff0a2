/** A request for an address outside the cluster where the scenario declares no server (net/egress.ts). */
import type { Hop } from '../trace.ts';
import { NO_OUTSIDE_HOST } from '../net/egress.ts';
import type { Explanation } from './types.ts';

export function explainNoOutsideHost(hop: Hop): Explanation | undefined {
  if (hop.kind !== 'drop' || !hop.note.includes(NO_OUTSIDE_HOST)) return undefined;
  const ip = hop.dst.slice(0, hop.dst.lastIndexOf(':'));
  return {
    kind: 'outside-undeclared',
    summary: `${ip} is outside the cluster and nothing there answers: the packet leaves through the node's masquerade, but the simulated world has no internet, so the connection times out.`,
    detail: `Declare the server with a kubeplay.dev/v1alpha1 OutsideHost whose spec.address is ${ip} (docs/outside-hosts.md); on a real cluster, check that the nodes can reach ${ip} (routes, firewalls, an egress proxy).`,
  };
}

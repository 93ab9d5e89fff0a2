/**
 * Plays a cloud's service controller for tests and benches: every LoadBalancer Service without an address
 * gets one in its status (TEST-NET-3, 203.0.113.<first>, <first + 1>, …), as `kubectl patch
 * --subresource=status` writes it. The engine then routes to a load balancer in front of the nodes
 * (net/loadBalancer.ts), not MetalLB's layer 2 mode.
 */
import { applyAction } from '../../sim/simulation.ts';
import type { Simulation } from '../../sim/simulation.ts';

export function playCloudController(sim: Simulation, first = 10): Simulation {
  const pending = sim.state.services.filter(
    (s) => s.manifest.spec.type === 'LoadBalancer' && s.status.loadBalancer.ingress.length === 0,
  );
  return pending.reduce(
    (at, s, i) =>
      applyAction(at, {
        type: 'serviceStatus',
        namespace: s.manifest.metadata.namespace,
        name: s.manifest.metadata.name,
        ingress: [`203.0.113.${first + i}`],
      }),
    sim,
  );
}

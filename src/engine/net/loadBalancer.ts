/**
 * The external load balancer in front of the nodes of a LoadBalancer Service (a cloud's, whose status
 * someone wrote; cloud-provider-kind's Envoy below; MetalLB has none: cluster/metallbSpeaker.ts):
 * it spreads connections round robin over the nodes in rotation and hands them to the node port
 * (docs/kubernetes-facts.md#traffic-policy, #loadbalancer). Nodes that are down are out; control-plane nodes carry kubeadm's
 * `node.kubernetes.io/exclude-from-external-load-balancers` label and are out too (when workers
 * exist). With externalTrafficPolicy Local the LB probes healthCheckNodePort, which answers 200 only
 * on nodes with a local ready endpoint: that is how it skips the others. If every node fails, cloud
 * LBs fail open and use them all.
 */
import type { NodeState, ServiceState } from '../model/state.ts';
import { graphIdOfLoadBalancer } from '../trace.ts';
import type { HopFacts } from '../trace.ts';
import type { Flow } from './flow.ts';
import { EXCLUDE_FROM_LOAD_BALANCERS } from '../cluster/topology.ts';
import { getBackends } from './netIndex.ts';
import { addr } from './routeContext.ts';
import type { RouteContext } from './routeContext.ts';

const rotations = new WeakMap<NodeState[], NodeState[]>();

/** The nodes in rotation, once per nodes array (a 50-node cluster must not be filtered per request). */
function inRotation(ctx: RouteContext): NodeState[] {
  let hit = rotations.get(ctx.state.nodes);
  if (!hit) {
    hit = computeRotation(ctx);
    rotations.set(ctx.state.nodes, hit);
  }
  return hit;
}

function computeRotation(ctx: RouteContext): NodeState[] {
  const up = ctx.state.nodes.filter((n) => n.up);
  const workers = up.filter((n) => n.role !== 'control-plane' && !(EXCLUDE_FROM_LOAD_BALANCERS in n.labels));
  return workers.length > 0 ? workers : up;
}

export interface BalanceResult {
  node: NodeState;
  note: string;
  /** The balance hop's facts: the node picked, in turn, among how many. */
  facts: HopFacts;
}

export function hasLocalEndpoint(ctx: RouteContext, service: ServiceState, node: NodeState): boolean {
  return service.manifest.spec.ports.some((p) =>
    getBackends(ctx.index, service, p).some((b) => b.nodeName === node.name),
  );
}

/**
 * cloud-provider-kind's Envoy (pkg/loadbalancer/proxy.go in
 * https://github.com/kubernetes-sigs/cloud-provider-kind, docs/load-balancers.md): every node that is up
 * and not labelled exclude-from-external-load-balancers is a backend at the node port, with no fallback to
 * the excluded control-plane; health checks on kube-proxy's 10256 (or healthCheckNodePort for
 * externalTrafficPolicy Local) keep the others out, and with `healthy_panic_threshold: 0` no healthy node
 * means no upstream at all. The pick is Envoy's RANDOM policy.
 */
function balanceThroughEnvoy(ctx: RouteContext, service: ServiceState): BalanceResult | undefined {
  const { namespace, name } = service.manifest.metadata;
  let pool = ctx.state.nodes.filter((n) => n.up && !(EXCLUDE_FROM_LOAD_BALANCERS in n.labels));
  let health = '';
  if (service.manifest.spec.externalTrafficPolicy === 'Local') {
    const failing = pool.filter((n) => !hasLocalEndpoint(ctx, service, n)).map((n) => n.name);
    pool = pool.filter((n) => hasLocalEndpoint(ctx, service, n));
    if (failing.length > 0 && pool.length > 0)
      health = `; ${failing.join(', ')} ${failing.length === 1 ? 'fails' : 'fail'} the health check on port ${service.manifest.spec.healthCheckNodePort ?? 'healthCheckNodePort'} (no local endpoint)`;
  }
  if (pool.length === 0) return undefined;
  const position = ctx.randomPosition('nftables', pool.length);
  const node = pool[position]!;
  return {
    node,
    note: `cloud-provider-kind's Envoy container picked ${node.name} at random (${pool.length} healthy ${pool.length === 1 ? 'node' : 'nodes'})${health}, connecting from its own address`,
    facts: {
      service: `${namespace}/${name}`,
      pick: pool.length === 1 ? 'only' : 'random',
      chosen: node.name,
      of: pool.length,
      index: position + 1,
    },
  };
}

export function balanceToNode(
  ctx: RouteContext,
  flow: Flow,
  service: ServiceState,
): BalanceResult | undefined {
  if (service.loadBalancerBy === 'cloud-provider-kind') return balanceThroughEnvoy(ctx, service);
  const { namespace, name } = service.manifest.metadata;
  const nodes = inRotation(ctx);
  if (nodes.length === 0) return undefined;
  let pool = nodes;
  let health = '';
  if (service.manifest.spec.externalTrafficPolicy === 'Local') {
    const healthy = nodes.filter((n) => hasLocalEndpoint(ctx, service, n));
    const failing = nodes.filter((n) => !healthy.includes(n)).map((n) => n.name);
    if (healthy.length > 0) {
      pool = healthy;
      if (failing.length > 0) {
        health = `; ${failing.join(', ')} ${failing.length === 1 ? 'fails' : 'fail'} the health check on port ${service.manifest.spec.healthCheckNodePort ?? 'healthCheckNodePort'} (no local endpoint) and ${failing.length === 1 ? 'is' : 'are'} skipped`;
      }
    } else {
      health = '; every node fails the health check, so the load balancer fails open and uses them all';
    }
  }
  const position = ctx.nextRoundRobin('lb', `${namespace}/${name}`, pool.length);
  const node = pool[position]!;
  void flow;
  return {
    node,
    note: `the load balancer picked ${node.name} (${position + 1} of ${pool.length} nodes in rotation, round robin)${health}`,
    facts: {
      service: `${namespace}/${name}`,
      pick: pool.length === 1 ? 'only' : 'round-robin',
      chosen: node.name,
      of: pool.length,
      index: position + 1,
    },
  };
}

export function loadBalancerId(service: ServiceState): string {
  return graphIdOfLoadBalancer(service.manifest.metadata.namespace, service.manifest.metadata.name);
}

export { addr };

/**
 * Looks a graph id up in the cluster state, for the inspector. Plain lookups by name, no Kubernetes
 * rules: what the object *means* is the engine's to say.
 */
import type {
  ClientState,
  ClusterState,
  EndpointsState,
  GraphId,
  IngressState,
  NetworkPolicyState,
  NodeState,
  OutsideHostState,
  PodState,
  ServiceState,
} from '../../engine/index.ts';

export type FoundObject =
  | { kind: 'node'; node: NodeState; pods: PodState[] }
  | { kind: 'pod'; pod: PodState }
  | { kind: 'service'; service: ServiceState; endpoints: EndpointsState | undefined }
  | { kind: 'endpoints'; endpoints: EndpointsState }
  | { kind: 'ingress'; ingress: IngressState }
  | { kind: 'networkpolicy'; policy: NetworkPolicyState }
  | { kind: 'lb'; service: ServiceState }
  | { kind: 'client'; client: ClientState | undefined; name: string }
  | { kind: 'outside'; host: OutsideHostState }
  | { kind: 'dns' };

function splitId(id: GraphId): [string, string, string] {
  const [kind = '', a = '', ...rest] = id.split('/');
  return [kind, a, rest.join('/')];
}

export function findObject(state: ClusterState, id: GraphId): FoundObject | null {
  const [kind, a, b] = splitId(id);
  const isMeta = (m: { namespace: string; name: string }) => m.namespace === a && m.name === b;
  switch (kind) {
    case 'node': {
      const node = state.nodes.find((n) => n.name === a);
      return node ? { kind: 'node', node, pods: state.pods.filter((p) => p.spec.nodeName === a) } : null;
    }
    case 'pod': {
      const pod = state.pods.find((p) => isMeta(p.metadata));
      return pod ? { kind: 'pod', pod } : null;
    }
    case 'svc': {
      const service = state.services.find((s) => isMeta(s.manifest.metadata));
      return service
        ? { kind: 'service', service, endpoints: state.endpoints.find((e) => isMeta(e.metadata)) }
        : null;
    }
    case 'ep': {
      const endpoints = state.endpoints.find((e) => isMeta(e.metadata));
      return endpoints ? { kind: 'endpoints', endpoints } : null;
    }
    case 'ing': {
      const ingress = state.ingresses.find((i) => isMeta(i.manifest.metadata));
      return ingress ? { kind: 'ingress', ingress } : null;
    }
    case 'netpol': {
      const policy = (state.networkPolicies ?? []).find((p) => isMeta(p.manifest.metadata));
      return policy ? { kind: 'networkpolicy', policy } : null;
    }
    case 'lb': {
      const service = state.services.find((s) => isMeta(s.manifest.metadata));
      return service ? { kind: 'lb', service } : null;
    }
    case 'client':
      return { kind: 'client', client: state.clients.find((c) => c.name === a), name: a };
    case 'outside': {
      const host = (state.outsideHosts ?? []).find((h) => h.name === a);
      return host ? { kind: 'outside', host } : null;
    }
    case 'dns':
      return { kind: 'dns' };
    default:
      return null;
  }
}

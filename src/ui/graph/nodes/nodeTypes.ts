/** Declared once at module scope: a new object per render would remount every node (docs/decisions.md#animation). */
import type { NodeTypes } from '@xyflow/react';
import { ClusterNode } from './ClusterNode.tsx';
import { EndpointsNode } from './EndpointsNode.tsx';
import { IngressNode } from './IngressNode.tsx';
import { KubeNode } from './KubeNode.tsx';
import { ClientNode, DnsNode, LoadBalancerNode, OutsideHostNode } from './OutsideNodes.tsx';
import { PodNode } from './PodNode.tsx';
import { ServiceNode } from './ServiceNode.tsx';

export const nodeTypes = {
  cluster: ClusterNode,
  node: KubeNode,
  pod: PodNode,
  service: ServiceNode,
  endpoints: EndpointsNode,
  ingress: IngressNode,
  lb: LoadBalancerNode,
  client: ClientNode,
  outside: OutsideHostNode,
  dns: DnsNode,
} as unknown as NodeTypes;

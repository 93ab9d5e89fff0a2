/**
 * ClusterState -> React Flow nodes and edges, laid out by hand so that the picture reads like the
 * textbook one: outside clients and load balancers on the left, the cluster boundary holding the DNS
 * and Ingresses on top, Services with their Endpoints in the middle, and the nodes (holding their
 * pods) at the bottom. The layout depends only on names and counts, so an edit that changes an IP or a
 * label moves nothing; dragged positions (overrides) always win.
 *
 * Pure: no React, no DOM. Ids are the Trace's graph ids (src/engine/trace.ts).
 */
import type { ClusterState, GraphId, PodState } from '../../engine/index.ts';
import type {
  FlowElements,
  GraphEdge,
  GraphNode,
  GraphNodeData,
  LayoutOverrides,
  ServiceData,
} from './graphData.ts';
import { formatLabels, formatServicePorts, serviceNotes } from './graphLabels.ts';
import { CARD, CLUSTER, getPodColumns, KUBE_NODE, OUTSIDE, POD } from './layoutMetrics.ts';
import { withoutSystemObjects } from './systemObjects.ts';

export { reuseUnchanged, getAbsoluteCenters } from './flowIdentity.ts';
export { formatServicePorts } from './graphLabels.ts';

export interface FlowInput {
  state: ClusterState;
  /** Pods that run an ingress controller serving each Ingress (store/derive). */
  ingressControllers: Record<GraphId, GraphId[]>;
  stale: boolean;
  /**
   * Hide the cluster's own plumbing (CoreDNS pods, the kube-dns and kubernetes Services and their
   * Endpoints); the DNS card stands for them. Ingress controller pods always show.
   */
  hideSystem?: boolean;
}

export const CLUSTER_ID = 'cluster';
export const DNS_ID = 'dns';
export const DEFAULT_CLIENT = 'laptop';

export function podId(pod: PodState): GraphId {
  return `pod/${pod.metadata.namespace}/${pod.metadata.name}`;
}

function place(
  id: string,
  fallback: { x: number; y: number },
  overrides: LayoutOverrides,
): { x: number; y: number } {
  return overrides[id] ?? fallback;
}

function node(
  id: string,
  type: GraphNodeData['kind'],
  data: GraphNodeData,
  position: { x: number; y: number },
  size: { width: number; height: number },
  parentId?: string,
): GraphNode {
  return {
    id,
    type,
    data,
    position,
    width: size.width,
    height: size.height,
    style: { width: size.width, height: size.height },
    ...(parentId ? { parentId } : {}),
    ...(type === 'cluster' ? { selectable: false, draggable: false, zIndex: -1 } : {}),
    ...(type === 'node' ? { dragHandle: '.kp-node-header' } : {}),
  } as GraphNode;
}

function edge(source: string, target: string, className: string, label?: string): GraphEdge {
  return {
    id: `e:${source}->${target}`,
    source,
    target,
    className,
    ...(label ? { label } : {}),
    selectable: false,
    focusable: false,
  };
}

/** Layout + mapping in one pass. Call `reuseUnchanged` on the result to keep React's work small. */
export function toFlowElements(input: FlowInput, overrides: LayoutOverrides = {}): FlowElements {
  const state = input.hideSystem ? withoutSystemObjects(input.state, input.ingressControllers) : input.state;
  const dnsService = input.state.services.find(
    (x) => x.manifest.metadata.namespace === 'kube-system' && x.manifest.metadata.name === 'kube-dns',
  );
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const known = new Set<string>();
  const add = (n: GraphNode) => {
    known.add(n.id);
    nodes.push(n);
  };

  // --- the nodes band (bottom of the cluster), each node a group of its pods
  const podsByNode = new Map<string, PodState[]>();
  for (const pod of state.pods) {
    const list = podsByNode.get(pod.spec.nodeName) ?? [];
    list.push(pod);
    podsByNode.set(pod.spec.nodeName, list);
  }
  const nodeBoxes = state.nodes.map((n) => {
    const pods = podsByNode.get(n.name) ?? [];
    const cols = getPodColumns(pods.length);
    const rows = Math.ceil(pods.length / cols);
    const width = Math.max(
      KUBE_NODE.minWidth,
      KUBE_NODE.padding * 2 + cols * POD.width + (cols - 1) * POD.gap,
    );
    const height = Math.max(
      KUBE_NODE.minHeight,
      KUBE_NODE.header + rows * (POD.height + POD.gap) + KUBE_NODE.padding,
    );
    return { n, pods, cols, width, height };
  });

  // --- the Services band: a grid as wide as the nodes band, each Service with its Endpoints below it.
  // System objects (kube-system) go last, so the user's own come first.
  const systemLast = <T>(items: T[], ns: (item: T) => string) =>
    [...items].sort((a, b) => Number(ns(a) === 'kube-system') - Number(ns(b) === 'kube-system'));
  const services = systemLast(state.services, (s) => s.manifest.metadata.namespace);
  const ingresses = state.ingresses;
  const nodesWidth =
    nodeBoxes.reduce((sum, b) => sum + b.width, 0) + Math.max(0, nodeBoxes.length - 1) * KUBE_NODE.gap;
  const columns = Math.max(3, Math.floor((nodesWidth + CARD.gap) / (CARD.width + CARD.gap)));
  const cellHeight = CARD.serviceHeight + 16 + CARD.endpointsHeight;
  const serviceKeys = new Set(
    services.map((x) => `${x.manifest.metadata.namespace}/${x.manifest.metadata.name}`),
  );
  const orphanEndpoints = state.endpoints.filter(
    (e) => !serviceKeys.has(`${e.metadata.namespace}/${e.metadata.name}`),
  );
  const cellCount = services.length + orphanEndpoints.length;
  const serviceRows = Math.ceil(cellCount / columns);
  const topItems = ingresses.length + 1; // the DNS, then the Ingresses
  const topRows = Math.ceil(topItems / columns);

  const innerLeft = CLUSTER.padding;
  const column = (i: number) => innerLeft + (i % columns) * (CARD.width + CARD.gap);
  let y = CLUSTER.header;
  const topY = y;
  const topRow = (i: number) => topY + Math.floor(i / columns) * (CARD.ingressHeight + CARD.gap);
  y += topRows * (CARD.ingressHeight + CARD.gap) - CARD.gap + CLUSTER.bandGap;
  const servicesY = y;
  const serviceRow = (i: number) => servicesY + Math.floor(i / columns) * (cellHeight + CARD.gap);
  if (cellCount) y += serviceRows * (cellHeight + CARD.gap) - CARD.gap + CLUSTER.bandGap;
  const nodesY = y;
  const nodesHeight = Math.max(0, ...nodeBoxes.map((b) => b.height));

  const gridWidth = Math.min(columns, Math.max(cellCount, topItems)) * (CARD.width + CARD.gap) - CARD.gap;
  const clusterWidth = CLUSTER.padding * 2 + Math.max(nodesWidth, gridWidth, 400);
  const clusterHeight = nodesY + nodesHeight + CLUSTER.padding;

  add(
    node(
      CLUSTER_ID,
      'cluster',
      {
        kind: 'cluster',
        name: state.settings.name,
        podSubnet: state.settings.podSubnet,
        serviceSubnet: state.settings.serviceSubnet,
        proxyMode: state.settings.kubeProxyMode,
        stale: input.stale,
      },
      { x: 0, y: 0 },
      { width: clusterWidth, height: clusterHeight },
    ),
  );

  // DNS first in the top band, then the Ingresses.
  add(
    node(
      DNS_ID,
      'dns',
      { kind: 'dns', domain: state.settings.dnsDomain, ip: dnsService?.manifest.spec.clusterIP ?? '' },
      place(DNS_ID, { x: column(0), y: topRow(0) }, overrides),
      { width: CARD.width, height: CARD.ingressHeight },
      CLUSTER_ID,
    ),
  );
  ingresses.forEach((ing, i) => {
    const meta = ing.manifest.metadata;
    const id = `ing/${meta.namespace}/${meta.name}`;
    const hosts = ing.manifest.spec.rules.map((r) => r.host ?? '*').join(', ');
    add(
      node(
        id,
        'ingress',
        {
          kind: 'ingress',
          name: meta.name,
          hosts: hosts || '*',
          className:
            ing.manifest.spec.ingressClassName ?? meta.annotations['kubernetes.io/ingress.class'] ?? '',
          address: ing.status.loadBalancer.ingress.map((a) => a.ip ?? a.hostname ?? '').join(','),
        },
        place(id, { x: column(i + 1), y: topRow(i + 1) }, overrides),
        { width: CARD.width, height: CARD.ingressHeight },
        CLUSTER_ID,
      ),
    );
  });

  services.forEach((svc, i) => {
    const meta = svc.manifest.metadata;
    const spec = svc.manifest.spec;
    const id = `svc/${meta.namespace}/${meta.name}`;
    const data: ServiceData = {
      kind: 'service',
      name: meta.name,
      namespace: meta.namespace,
      type: spec.type,
      clusterIP: spec.clusterIP ?? '',
      ports: formatServicePorts(svc),
      externalIP: svc.status.loadBalancer.ingress.map((a) => a.ip ?? a.hostname ?? '').join(','),
      notes: serviceNotes(svc),
    };
    add(
      node(
        id,
        'service',
        data,
        place(id, { x: column(i), y: serviceRow(i) }, overrides),
        { width: CARD.width, height: CARD.serviceHeight },
        CLUSTER_ID,
      ),
    );
  });

  for (const ep of state.endpoints) {
    const meta = ep.metadata;
    const id = `ep/${meta.namespace}/${meta.name}`;
    const svcIndex = services.findIndex(
      (s) => s.manifest.metadata.name === meta.name && s.manifest.metadata.namespace === meta.namespace,
    );
    const cell = svcIndex >= 0 ? svcIndex : services.length + orphanEndpoints.indexOf(ep);
    const ready = ep.subsets.reduce((n, s) => n + s.addresses.length, 0);
    const notReady = ep.subsets.reduce((n, s) => n + s.notReadyAddresses.length, 0);
    add(
      node(
        id,
        'endpoints',
        { kind: 'endpoints', name: meta.name, ready, notReady },
        place(id, { x: column(cell), y: serviceRow(cell) + CARD.serviceHeight + 16 }, overrides),
        { width: CARD.width, height: CARD.endpointsHeight },
        CLUSTER_ID,
      ),
    );
  }

  let nodeX = innerLeft;
  for (const box of nodeBoxes) {
    const nodeGraphId = `node/${box.n.name}`;
    add(
      node(
        nodeGraphId,
        'node',
        {
          kind: 'node',
          name: box.n.name,
          ip: box.n.ip,
          podCIDR: box.n.podCIDR,
          up: box.n.up,
          role: box.n.role,
        },
        place(nodeGraphId, { x: nodeX, y: nodesY }, overrides),
        { width: box.width, height: box.height },
        CLUSTER_ID,
      ),
    );
    box.pods.forEach((pod, i) => {
      const id = podId(pod);
      const col = i % box.cols;
      const row = Math.floor(i / box.cols);
      add(
        node(
          id,
          'pod',
          {
            kind: 'pod',
            name: pod.metadata.name,
            namespace: pod.metadata.namespace,
            ip: pod.status.podIP,
            ready: pod.status.ready,
            phase: pod.status.phase,
            labels: formatLabels(pod.metadata.labels),
            ingressController: false,
          },
          place(
            id,
            {
              x: KUBE_NODE.padding + col * (POD.width + POD.gap),
              y: KUBE_NODE.header + row * (POD.height + POD.gap),
            },
            overrides,
          ),
          { width: POD.width, height: POD.height },
          nodeGraphId,
        ),
      );
    });
    nodeX += box.width + KUBE_NODE.gap;
  }

  // --- outside the cluster: clients, then load balancers
  const clients = state.clients.length ? state.clients : [{ name: DEFAULT_CLIENT, ip: '', hosts: [] }];
  clients.forEach((c, i) => {
    const id = `client/${c.name}`;
    add(
      node(
        id,
        'client',
        { kind: 'client', name: c.name, ip: c.ip },
        place(id, { x: OUTSIDE.x, y: topY + i * (OUTSIDE.height + OUTSIDE.gap) }, overrides),
        { width: OUTSIDE.width, height: OUTSIDE.height },
      ),
    );
  });
  const lbTop = Math.max(nodesY, topY + clients.length * (OUTSIDE.height + OUTSIDE.gap) + CLUSTER.bandGap);
  const balanced = services.filter((s) => s.manifest.spec.type === 'LoadBalancer');
  balanced.forEach((svc, i) => {
    const meta = svc.manifest.metadata;
    const id = `lb/${meta.namespace}/${meta.name}`;
    add(
      node(
        id,
        'lb',
        {
          kind: 'lb',
          name: meta.name,
          ip: svc.status.loadBalancer.ingress.map((a) => a.ip ?? a.hostname ?? '').join(',') || '<pending>',
          ports: svc.manifest.spec.ports.map((p) => `${p.port}/${p.protocol}`).join(','),
        },
        place(id, { x: OUTSIDE.x, y: lbTop + i * (OUTSIDE.height + OUTSIDE.gap) }, overrides),
        { width: OUTSIDE.width, height: OUTSIDE.height },
      ),
    );
    for (const n of state.nodes)
      edges.push(edge(id, `node/${n.name}`, n.up ? 'kp-edge-lb' : 'kp-edge-lb kp-edge-down'));
  });

  // --- edges: Service -> its Endpoints -> the pods they list; Ingress -> backends and controllers
  for (const ep of state.endpoints) {
    const epId = `ep/${ep.metadata.namespace}/${ep.metadata.name}`;
    const svcId = `svc/${ep.metadata.namespace}/${ep.metadata.name}`;
    if (known.has(svcId)) edges.push(edge(svcId, epId, 'kp-edge-owns'));
    for (const subset of ep.subsets) {
      for (const [list, cls] of [
        [subset.addresses, 'kp-edge-endpoint'],
        [subset.notReadyAddresses, 'kp-edge-endpoint kp-edge-notready'],
      ] as const) {
        for (const address of list) {
          const ref = address.targetRef;
          if (!ref) continue;
          const target = `pod/${ref.namespace}/${ref.name}`;
          if (known.has(target)) edges.push(edge(epId, target, cls));
        }
      }
    }
  }
  for (const ing of ingresses) {
    const meta = ing.manifest.metadata;
    const id = `ing/${meta.namespace}/${meta.name}`;
    const backends = new Set<string>();
    const spec = ing.manifest.spec;
    if (spec.defaultBackend?.service) backends.add(spec.defaultBackend.service.name);
    for (const rule of spec.rules)
      for (const p of rule.paths) if (p.backend.service) backends.add(p.backend.service.name);
    for (const name of backends) {
      const target = `svc/${meta.namespace}/${name}`;
      if (known.has(target)) edges.push(edge(id, target, 'kp-edge-backend'));
    }
    for (const controller of input.ingressControllers[id] ?? []) {
      if (known.has(controller)) edges.push(edge(controller, id, 'kp-edge-controller'));
    }
  }
  const controllerPods = new Set(Object.values(input.ingressControllers).flat());
  for (const n of nodes) {
    if (n.data.kind === 'pod' && controllerPods.has(n.id)) n.data = { ...n.data, ingressController: true };
  }

  return { nodes, edges };
}

/**
 * Service hints: a selector that matches no pod, and a targetPort no selected pod declares. Kubernetes
 * accepts both silently (the Service just has no endpoints, or leaves pods out of them: FindPort in
 * pkg/api/v1/pod/util.go), which is exactly what a student needs pointed out.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Container, ServiceManifest, ServicePort } from '../model/objects.ts';
import type { ClusterState, PodState, ServiceState } from '../model/state.ts';
import { matchesLabels } from '../model/labelSelector.ts';
import { selectPods } from '../cluster/podIndex.ts';
import type { PodIndex } from '../cluster/podIndex.ts';
import { isIPv4 } from '../parse/validate/names.ts';
import { formatLabels, hintAt } from './locate.ts';

export function declaredPorts(containers: Container[]): string {
  const ports = containers.flatMap((c) =>
    c.ports.map((p) => `${p.containerPort}/${p.protocol}${p.name ? ` (${p.name})` : ''}`),
  );
  return ports.length === 0 ? 'no ports' : [...new Set(ports)].join(', ');
}

/** Why a selector matches no pod, in the words the hint and the request explanation (explain/) share. */
export function selectorNoPodsMessage(
  state: ClusterState,
  svc: ServiceManifest,
  selector: Record<string, string>,
  inNamespace: PodState[],
): string {
  const wanted = formatLabels(selector);
  const ns = svc.metadata.namespace;
  const idle = state.workloads.find(
    (w) =>
      w.manifest.metadata.namespace === ns &&
      w.replicas === 0 &&
      matchesLabels(w.manifest.template.labels, selector),
  );
  if (idle) {
    return `selector ${wanted} matches no running pod: ${idle.manifest.kind} ${idle.manifest.metadata.name} makes matching pods but is scaled to 0 replicas, so the Service has no endpoints. Scale it up (kubectl scale ${idle.manifest.kind.toLowerCase()} ${idle.manifest.metadata.name} --replicas=1).`;
  }
  const elsewhere = state.pods.find(
    (p) => p.metadata.namespace !== ns && matchesLabels(p.metadata.labels, selector),
  );
  if (elsewhere) {
    return `selector ${wanted} matches no pod in namespace "${ns}"; pods with these labels run in namespace "${elsewhere.metadata.namespace}" (e.g. ${elsewhere.metadata.name}), but a Service only selects pods of its own namespace. Create the Service in namespace "${elsewhere.metadata.namespace}".`;
  }
  if (inNamespace.length === 0) {
    return `selector ${wanted} matches no pod: there are no pods in namespace "${ns}" (a Service only selects pods of its own namespace). Create the pods, or put the Service in their namespace.`;
  }
  const seen = [...new Set(inNamespace.map((p) => formatLabels(p.metadata.labels)))].slice(0, 3);
  return `selector ${wanted} matches none of the ${inNamespace.length} pods in namespace "${ns}" (their labels: ${seen.join('; ')}), so the Service has no endpoints and connections to it are refused. Make the selector and the pod template labels agree.`;
}

/** A named targetPort no selected pod declares: the hint's and the explanation's wording. */
export function targetPortNameUnknownMessage(
  port: ServicePort,
  name: string,
  selectedCount: number,
  example: PodState,
): string {
  return `targetPort "${name}" names no ${port.protocol} container port of the ${selectedCount} selected pod(s) (pod ${example.metadata.name} declares ${declaredPorts(example.spec.containers)}), so port ${port.port} has no endpoints. Name a container port "${name}" (ports: - name: ${name}, containerPort: …) or give targetPort as a number.`;
}

/** A numeric targetPort the pods do not declare: the hint's and the explanation's wording. */
export function targetPortUndeclaredMessage(number: number, example: PodState): string {
  return `targetPort ${number} is not a containerPort of the selected pods (pod ${example.metadata.name} declares ${declaredPorts(example.spec.containers)}). kube-proxy forwards to port ${number} anyway, and nothing listens there. Set targetPort to the port the container listens on.`;
}

/**
 * A test of a pod's containers, answered once per containers array: the pods of one template share
 * theirs (cluster/workloadController.ts newPodFromTemplate), so 1,000 pods are a few hundred answers.
 */
function perContainers(test: (containers: Container[]) => boolean): (pod: PodState) => boolean {
  let last: Container[] | undefined;
  let answer = false;
  return (pod) => {
    if (pod.spec.containers !== last) {
      last = pod.spec.containers;
      answer = test(last);
    }
    return answer;
  };
}

function targetPortHints(svc: ServiceManifest, selected: PodState[]): Diagnostic[] {
  const source = svc.source;
  if (!source) return [];
  const out: Diagnostic[] = [];
  svc.spec.ports.forEach((port, i) => {
    const path = `spec.ports[${i}].targetPort`;
    if (typeof port.targetPort === 'string') {
      const name = port.targetPort;
      const declares = perContainers((containers) =>
        containers.some((c) => c.ports.some((cp) => cp.name === name && cp.protocol === port.protocol)),
      );
      const lacking = selected.filter((p) => !declares(p));
      if (lacking.length === 0) return;
      const example = lacking[0] as PodState;
      if (lacking.length === selected.length) {
        out.push(
          hintAt(
            source,
            path,
            'warning',
            targetPortNameUnknownMessage(port, name, selected.length, example),
            'hint-targetport-name-unknown',
          ),
        );
      } else {
        out.push(
          hintAt(
            source,
            path,
            'info',
            `${lacking.length} of the ${selected.length} selected pods (e.g. ${example.metadata.name}) declare no ${port.protocol} container port named "${name}", so they are left out of port ${port.port}'s endpoints.`,
            'hint-targetport-name-partial',
          ),
        );
      }
      return;
    }
    const number = port.targetPort;
    // Numbers are used as-is (Kubernetes never checks them); only say something when the pods declare
    // ports and this one is not among them: the likely mistake is targetPort = the Service port.
    const declaresAny = perContainers((containers) => containers.some((c) => c.ports.length > 0));
    const declaring = selected.filter(declaresAny);
    if (declaring.length === 0) return;
    const declaresNumber = perContainers((containers) =>
      containers.some((c) =>
        c.ports.some((cp) => cp.containerPort === number && cp.protocol === port.protocol),
      ),
    );
    const hit = declaring.some(declaresNumber);
    if (hit) return;
    const example = declaring[0] as PodState;
    out.push(
      hintAt(
        source,
        path,
        'warning',
        targetPortUndeclaredMessage(number, example),
        'hint-targetport-undeclared',
      ),
    );
  });
  return out;
}

/**
 * externalTrafficPolicy: Local (docs/kubernetes-facts.md#traffic-policy): a node with no ready local endpoint DROPs external traffic
 * to the node port, so the client times out there. Worth saying which nodes, since it looks random.
 *
 * Not for a LoadBalancer Service whose load balancer has an address: that load balancer's health check
 * (healthCheckNodePort) already keeps traffic off those nodes, which is the point of Local there
 * (https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/#preserving-the-client-source-ip),
 * so a hint on a correct, common manifest would only be noise. A trace that times out on such a node
 * port is still explained (explain/trafficPolicy.ts).
 */
function localPolicyHint(
  state: ClusterState,
  service: ServiceState,
  selected: PodState[],
): Diagnostic | undefined {
  const svc = service.manifest;
  const source = svc.source;
  if (
    !source ||
    svc.spec.externalTrafficPolicy !== 'Local' ||
    (svc.spec.type !== 'NodePort' && svc.spec.type !== 'LoadBalancer')
  )
    return undefined;
  if (svc.spec.type === 'LoadBalancer' && service.status.loadBalancer.ingress.length > 0) return undefined;
  const withEndpoint = new Set(selected.filter((p) => p.status.ready).map((p) => p.spec.nodeName));
  const empty = state.nodes.filter((n) => n.up && !withEndpoint.has(n.name)).map((n) => n.name);
  if (empty.length === 0 || withEndpoint.size === 0) return undefined;
  return hintAt(
    source,
    'spec.externalTrafficPolicy',
    'info',
    localPolicyMessage(svc, empty),
    'hint-local-policy-nodes',
  );
}

/** Which nodes drop external traffic under externalTrafficPolicy: Local (hint and explanation share it). */
export function localPolicyMessage(svc: ServiceManifest, emptyNodes: string[]): string {
  const nodePort = svc.spec.ports.find((p) => p.nodePort !== undefined)?.nodePort;
  const port = nodePort !== undefined ? `node port ${nodePort}` : 'the node port';
  const lb =
    svc.spec.type === 'LoadBalancer'
      ? ` Through the load balancer this does not show: its health check on healthCheckNodePort${svc.spec.healthCheckNodePort ? ` ${svc.spec.healthCheckNodePort}` : ''} answers 503 on those nodes, so it sends traffic only to the others.`
      : '';
  return `with externalTrafficPolicy: Local, nodes without a ready pod of this Service (${emptyNodes.join(', ')}) drop external connections to ${port}, so clients time out there; the other nodes keep the client's source IP.${lb} Use Cluster to reach every node (with SNAT), or run a pod on each node.`;
}

export function getServiceHints(state: ClusterState, pods: PodIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const service of state.services) {
    const svc = service.manifest;
    const source = svc.source;
    const selector = svc.spec.selector;
    if (
      source &&
      svc.spec.type === 'ExternalName' &&
      svc.spec.externalName &&
      isIPv4(svc.spec.externalName)
    ) {
      // docs/kubernetes-facts.md#externalname: accepted by validation, but DNS answers a CNAME to that "name", which resolves nowhere.
      out.push(
        hintAt(
          source,
          'spec.externalName',
          'warning',
          `externalName ${svc.spec.externalName} is an IP address, but an ExternalName Service only makes DNS answer with a CNAME to that name, which does not resolve. For a fixed IP, use a Service without a selector plus an Endpoints object of the same name listing the IP.`,
          'hint-externalname-ip',
        ),
      );
    }
    if (!source || !selector || Object.keys(selector).length === 0 || svc.spec.type === 'ExternalName')
      continue;
    const selected = selectPods(pods, svc.metadata.namespace, selector);
    if (selected.length === 0) {
      const inNamespace = pods.byNamespace.get(svc.metadata.namespace) ?? [];
      out.push(
        hintAt(
          source,
          'spec.selector',
          'warning',
          selectorNoPodsMessage(state, svc, selector, inNamespace),
          'hint-selector-no-pods',
        ),
      );
      continue;
    }
    out.push(...targetPortHints(svc, selected));
    const local = localPolicyHint(state, service, selected);
    if (local) out.push(local);
  }
  return out;
}

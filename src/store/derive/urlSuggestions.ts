/**
 * What a person can type in the request bar, read straight from the cluster's status fields: Service
 * names and FQDNs, cluster IPs, nodeIP:nodePort, load balancer IPs, Ingress hosts and pod IPs.
 * Reading values only; whether a URL works is the engine's business (`app.unresolvedHost`, and Send).
 */
import type { ClusterState } from '../../engine/index.ts';

export interface UrlSuggestion {
  url: string;
  /** Why it is offered: `Service kubia (ClusterIP)`, `NodePort on kind-worker` … */
  hint: string;
}

function portSuffix(port: number): string {
  return port === 80 ? '' : `:${port}`;
}

export function getUrlSuggestions(state: ClusterState): UrlSuggestion[] {
  const out: UrlSuggestion[] = [];
  const domain = state.settings.dnsDomain;
  for (const svc of state.services) {
    const { name, namespace } = svc.manifest.metadata;
    const spec = svc.manifest.spec;
    const first = spec.ports[0];
    const port = first ? portSuffix(first.port) : '';
    out.push({ url: `http://${name}${port}`, hint: `Service ${name} by short name (${spec.type})` });
    out.push({ url: `http://${name}.${namespace}.svc.${domain}${port}`, hint: `Service ${name}, full name` });
    if (spec.clusterIP && spec.clusterIP !== 'None') {
      out.push({ url: `http://${spec.clusterIP}${port}`, hint: `cluster IP of ${name}` });
    }
    for (const p of spec.ports) {
      if (p.nodePort === undefined) continue;
      for (const node of state.nodes) {
        out.push({ url: `http://${node.ip}:${p.nodePort}`, hint: `NodePort of ${name} on ${node.name}` });
      }
    }
    for (const ingress of svc.status.loadBalancer.ingress) {
      if (ingress.ip) out.push({ url: `http://${ingress.ip}${port}`, hint: `load balancer of ${name}` });
    }
  }
  for (const ing of state.ingresses) {
    for (const rule of ing.manifest.spec.rules) {
      if (rule.host && !rule.host.startsWith('*')) {
        out.push({ url: `http://${rule.host}/`, hint: `Ingress ${ing.manifest.metadata.name}` });
      }
    }
  }
  out.push({ url: 'http://unknown.example.com/', hint: 'a host no Ingress rule names' });
  for (const pod of state.pods) {
    if (!pod.status.podIP) continue;
    const port = pod.spec.containers[0]?.ports[0]?.containerPort;
    out.push({
      url: `http://${pod.status.podIP}${port ? `:${port}` : ''}`,
      hint: `pod ${pod.metadata.name} directly`,
    });
  }
  const seen = new Set<string>();
  return out.filter((s) => (seen.has(s.url) ? false : (seen.add(s.url), true)));
}

/**
 * A name that does not resolve (curl: (6) Could not resolve host). Which of the usual mistakes it is:
 * a laptop outside the cluster using a cluster name (its resolver has no cluster search list), a
 * Service that lives in another namespace (the search list only adds the asker's own namespace:
 * kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services), a node
 * (its resolver knows no cluster names), or a typo (the closest Service name is suggested).
 */
import type { ServiceState } from '../model/state.ts';
import type { ClusterState } from '../model/state.ts';
import type { LookupResult } from '../net/resolver.ts';
import { lookupFromSource } from '../net/resolver.ts';
import { getNetIndex } from '../net/netIndex.ts';
import type { Source } from '../net/source.ts';
import { findSource } from '../net/source.ts';
import { graphIdOfIngress, graphIdOfService } from '../trace.ts';
import { blameAt } from './blame.ts';
import { closestName } from './closestName.ts';
import type { Explanation } from './types.ts';

function serviceId(svc: ServiceState): string {
  return graphIdOfService(svc.manifest.metadata.namespace, svc.manifest.metadata.name);
}

/** `kubia.default.svc.cluster.local (NXDOMAIN), kubia.svc.cluster.local (NXDOMAIN), …` */
function walkText(lookup: LookupResult): string {
  return lookup.tried.map((t) => `${t.name} (${t.rcode})`).join(', ');
}

/** The Service name and namespace a DNS name asks for: `kubia`, `kubia.shop`, `kubia.shop.svc.cluster.local`. */
function wantedService(name: string, ownNamespace: string): { service: string; namespace: string } {
  const labels = name.toLowerCase().replace(/\.$/, '').split('.');
  const service = labels[0] ?? '';
  const second = labels[1];
  return { service, namespace: second !== undefined && second !== 'svc' ? second : ownNamespace };
}

function userServices(state: ClusterState): ServiceState[] {
  return state.services.filter((s) => s.manifest.metadata.namespace !== 'kube-system');
}

/** Whether a name reads like a cluster DNS name: `kubia`, `kubia.shop`, `kubia.shop.svc.cluster.local`. */
function looksLikeClusterName(state: ClusterState, name: string): boolean {
  const labels = name.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length === 1) return true;
  if (name.toLowerCase().endsWith(`.svc.${state.settings.dnsDomain}`)) return true;
  return labels.length === 2 && state.namespaces.some((n) => n.name === labels[1]);
}

function ingressHostFromOutside(state: ClusterState, client: string, name: string): Explanation | undefined {
  const lower = name.toLowerCase();
  const ing = state.ingresses.find((i) => i.manifest.spec.rules.some((r) => r.host === lower));
  if (!ing) return undefined;
  const m = ing.manifest;
  const address = ing.status.loadBalancer.ingress[0]?.ip;
  const rule = m.spec.rules.findIndex((r) => r.host === lower);
  return {
    kind: 'ingress-host-unresolved',
    summary: `${name} is the host of Ingress "${m.metadata.name}", but ${client} has no DNS entry for it, so the name does not resolve. Send the request to the ingress controller's address${address ? ` (${address})` : ''} with the Host header ${name}, or add "${address ?? 'ADDRESS'} ${name}" to ${client}'s /etc/hosts.`,
    detail: `curl: (6) Could not resolve host: ${name}`,
    blame: blameAt(
      graphIdOfIngress(m.metadata.namespace, m.metadata.name),
      m.source,
      `spec.rules[${rule}].host`,
    ),
  };
}

function outsideClient(state: ClusterState, source: Source, name: string): Explanation {
  const client = source.kind === 'client' ? source.client.name : source.id;
  const viaIngress = ingressHostFromOutside(state, client, name);
  if (viaIngress) return viaIngress;
  const { service } = wantedService(name, 'default');
  const svc = looksLikeClusterName(state, name)
    ? userServices(state).find((s) => s.manifest.metadata.name === service)
    : undefined;
  const summary = svc
    ? `${client} is outside the cluster, and "${name}" is a cluster name: only pods ask the cluster DNS (with the search list ${svc.manifest.metadata.namespace}.svc.cluster.local …), so the laptop cannot resolve it. Reach Service ${svc.manifest.metadata.name} from outside through a node port, a load balancer or an Ingress, or send the request from a pod.`
    : `${client} is outside the cluster: its resolver has no cluster search list and its /etc/hosts has no entry for "${name}", so the name does not resolve.`;
  return {
    kind: 'name-outside-cluster',
    summary,
    detail: `curl: (6) Could not resolve host: ${name}. An outside machine knows only its /etc/hosts and real DNS; cluster.local names exist only inside the cluster.`,
    ...(svc ? { blame: blameAt(serviceId(svc), svc.manifest.source, 'spec.type') } : {}),
  };
}

function fromNode(source: Source, name: string, lookup: LookupResult): Explanation {
  return {
    kind: 'name-from-node',
    summary: `${source.id} uses the node's own resolver, which knows node names but no cluster names, so "${name}" does not resolve there. Ask from a pod (dnsPolicy ClusterFirst) or dial the Service's ClusterIP.`,
    detail: `tried: ${walkText(lookup) || name}`,
  };
}

/** The unresolved-name explanation, or undefined when the trace shows no failed look-up. */
export function explainUnresolvedName(
  state: ClusterState,
  from: string,
  name: string,
  port: number,
): Explanation {
  const found = findSource(state, getNetIndex(state), from);
  if (!found.ok) return { kind: 'source-unknown', summary: found.error };
  const source = found.source;
  if (source.kind === 'client') return outsideClient(state, source, name);
  const lookup = lookupFromSource(state, source, { from, name, port, useHosts: true });
  if (lookup.error) {
    return {
      kind: 'dns-unavailable',
      summary: `${source.id} cannot ask DNS at all: ${lookup.error}.`,
      detail: `curl: (6) Could not resolve host: ${name}`,
    };
  }
  if (source.kind === 'node') return fromNode(source, name, lookup);
  const ownNamespace = source.pod.metadata.namespace;
  const searched = lookup.resolvConf?.searches.join(' ') ?? '';
  const detail = `the pod's resolv.conf searches ${searched || '(nothing)'}; tried: ${walkText(lookup) || name}`;
  const wanted = wantedService(name, ownNamespace);
  const services = userServices(state);
  const sameName = services.filter((s) => s.manifest.metadata.name === wanted.service);
  const elsewhere = sameName.find((s) => s.manifest.metadata.namespace !== wanted.namespace);
  if (elsewhere) {
    const ns = elsewhere.manifest.metadata.namespace;
    return {
      kind: 'name-wrong-namespace',
      summary: `no Service "${wanted.service}" in namespace "${wanted.namespace}": it lives in namespace "${ns}", and a short name only finds Services of the asker's own namespace. Use ${wanted.service}.${ns} (or ${wanted.service}.${ns}.svc.cluster.local).`,
      detail,
      blame: blameAt(serviceId(elsewhere), elsewhere.manifest.source, 'metadata.namespace'),
    };
  }
  const inNamespace = services.filter((s) => s.manifest.metadata.namespace === wanted.namespace);
  const guess = closestName(
    wanted.service,
    inNamespace.map((s) => s.manifest.metadata.name),
  );
  const guessed = guess ? inNamespace.find((s) => s.manifest.metadata.name === guess) : undefined;
  if (guessed && guess) {
    return {
      kind: 'name-typo',
      summary: `no Service named "${wanted.service}" in namespace "${wanted.namespace}", so DNS answers NXDOMAIN for every name on the search list. Did you mean "${guess}"?`,
      detail,
      blame: blameAt(serviceId(guessed), guessed.manifest.source, 'metadata.name'),
    };
  }
  const known = inNamespace.map((s) => s.manifest.metadata.name);
  return {
    kind: 'name-unknown',
    summary: `no Service named "${wanted.service}" in namespace "${wanted.namespace}" (Services there: ${known.join(', ') || 'none'}), so DNS answers NXDOMAIN for every name on the search list.`,
    detail,
  };
}

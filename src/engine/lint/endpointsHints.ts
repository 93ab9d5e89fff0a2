/**
 * Endpoints hints: a hand-written Endpoints object only takes effect through a Service of the same name
 * in the same namespace (kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors),
 * and kube-proxy pairs endpoint ports with Service ports by name (pkg/proxy/endpoints.go).
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ServiceManifest } from '../model/objects.ts';
import type { ClusterState } from '../model/state.ts';
import { hintAt } from './locate.ts';

export function getEndpointsHints(state: ClusterState, services: Map<string, ServiceManifest>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const clusterIps = new Map<string, string>();
  for (const { manifest } of state.services) {
    const ip = manifest.spec.clusterIP;
    if (ip && ip !== 'None') clusterIps.set(ip, `${manifest.metadata.namespace}/${manifest.metadata.name}`);
  }
  for (const ep of state.endpoints) {
    const source = ep.source;
    if (ep.managed || !source) continue;
    const { name, namespace } = ep.metadata;
    const svc = services.get(`${namespace}/${name}`);
    if (!svc) {
      out.push(
        hintAt(
          source,
          'metadata.name',
          'warning',
          `no Service named "${name}" in namespace "${namespace}": these addresses are used only through a Service with exactly this name (and no selector). Create that Service, or rename this object to match it.`,
          'hint-endpoints-no-service',
        ),
      );
      continue;
    }
    if (svc.spec.selector && Object.keys(svc.spec.selector).length > 0) {
      out.push(
        hintAt(
          source,
          'metadata.name',
          'warning',
          `Service "${name}" has a selector, so the endpoints controller owns this object and replaces these addresses with the selected pods. Remove the Service's selector to use hand-written endpoints.`,
          'hint-endpoints-selector-service',
        ),
      );
      continue;
    }
    // kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors: endpoint
    // IPs may not be other Services' cluster IPs, because kube-proxy does not chain virtual IPs.
    ep.subsets.forEach((subset, i) =>
      subset.addresses.forEach((a, j) => {
        const vip = clusterIps.get(a.ip);
        if (!vip) return;
        out.push(
          hintAt(
            source,
            `subsets[${i}].addresses[${j}].ip`,
            'warning',
            `${a.ip} is the cluster IP of Service "${vip}"; kube-proxy does not send traffic from one virtual IP to another, so this endpoint is unreachable. List the pod IPs (or an address outside the cluster) instead.`,
            'hint-endpoints-cluster-ip',
          ),
        );
      }),
    );
    const svcNames = new Set(svc.spec.ports.map((p) => p.name ?? ''));
    ep.subsets.forEach((subset, i) =>
      subset.ports.forEach((port, j) => {
        const portName = port.name ?? '';
        if (svcNames.has(portName)) return;
        out.push(
          hintAt(
            source,
            `subsets[${i}].ports[${j}]`,
            'warning',
            `endpoint port ${portName ? `"${portName}"` : '(unnamed)'} matches no port name of Service "${name}" (${[...svcNames].map((n) => (n ? `"${n}"` : '(unnamed)')).join(', ')}); kube-proxy pairs them by name, so traffic for that Service port finds no endpoint. Give both the same name.`,
            'hint-endpoints-port-name',
          ),
        );
      }),
    );
  }
  return out;
}

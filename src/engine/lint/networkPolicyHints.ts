/**
 * NetworkPolicy hints for the three classic mistakes
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/):
 * - a port that is a Service's port, not a container port of the selected pods (policy is enforced
 *   after kube-proxy's DNAT, on pod IPs and container ports);
 * - `namespaceSelector` and `podSelector` as two list items (OR) where one item (AND) was likely meant:
 *   the "stray dash" the docs warn about in "Behavior of to and from selectors";
 * - an Egress policy that leaves the selected pods no way to kube-dns: every name look-up fails.
 */
import { resolveTargetPort } from '../cluster/endpointsController.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { matchesLabels } from '../model/labelSelector.ts';
import type { ClusterState, NetworkPolicyState, PodState } from '../model/state.ts';
import { getNetIndex } from '../net/netIndex.ts';
import { dnsDenial } from '../net/policy/enforce.ts';
import { getPolicyTable } from '../net/policy/policyTable.ts';
import { hintAt } from './locate.ts';

function servicePortHints(state: ClusterState, np: NetworkPolicyState, selected: PodState[]): Diagnostic[] {
  const source = np.manifest.source;
  if (!source || selected.length === 0) return [];
  const out: Diagnostic[] = [];
  const ns = np.manifest.metadata.namespace;
  const services = state.services.filter(
    (s) =>
      s.manifest.metadata.namespace === ns &&
      s.manifest.spec.selector !== undefined &&
      Object.keys(s.manifest.spec.selector).length > 0 &&
      selected.some((p) => matchesLabels(p.metadata.labels, s.manifest.spec.selector ?? {})),
  );
  np.manifest.spec.ingress.forEach((rule, i) =>
    rule.ports.forEach((port, j) => {
      if (typeof port.port !== 'number' || port.endPort !== undefined) return;
      const number = port.port;
      const declared = selected.some((p) =>
        p.spec.containers.some((c) => c.ports.some((cp) => cp.containerPort === number)),
      );
      if (declared) return;
      for (const svc of services) {
        const sp = svc.manifest.spec.ports.find((p) => p.port === number && p.protocol === port.protocol);
        const pod = selected.find((p) => matchesLabels(p.metadata.labels, svc.manifest.spec.selector ?? {}));
        const target = sp && pod ? resolveTargetPort(pod, sp) : undefined;
        if (target === undefined || target === number) continue;
        out.push(
          hintAt(
            source,
            `spec.ingress[${i}].ports[${j}].port`,
            'warning',
            `${number} is the port of Service "${svc.manifest.metadata.name}", not a port of the pods this policy selects: NetworkPolicy is checked after kube-proxy's DNAT, on the pod's container port ${target}. Write ${target}${typeof sp?.targetPort === 'string' ? ` (or its name ${sp.targetPort})` : ''}.`,
            'hint-netpol-service-port',
          ),
        );
        return;
      }
    }),
  );
  return out;
}

function strayDashHints(np: NetworkPolicyState): Diagnostic[] {
  const source = np.manifest.source;
  if (!source) return [];
  const out: Diagnostic[] = [];
  for (const [key, peersKey] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    np.manifest.spec[key].forEach((rule, i) => {
      for (let j = 0; j + 1 < rule.peers.length; j++) {
        const a = rule.peers[j];
        const b = rule.peers[j + 1];
        const onlyNs = (p: typeof a) => !!p?.namespaceSelector && !p.podSelector && !p.ipBlock;
        const onlyPod = (p: typeof a) => !!p?.podSelector && !p.namespaceSelector && !p.ipBlock;
        if (!((onlyNs(a) && onlyPod(b)) || (onlyPod(a) && onlyNs(b)))) continue;
        out.push(
          hintAt(
            source,
            `spec.${key}[${i}].${peersKey}[${j + 1}]`,
            'info',
            `${peersKey}[${j}] and ${peersKey}[${j + 1}] are two peers, so either matches (OR): every pod of the selected namespaces, plus the selected pods of namespace "${np.manifest.metadata.namespace}". For the selected pods IN the selected namespaces (AND), write both selectors in one item: remove the dash before the second selector.`,
            'hint-netpol-stray-dash',
          ),
        );
      }
    });
  }
  return out;
}

export function getNetworkPolicyHints(state: ClusterState): Diagnostic[] {
  if ((state.networkPolicies ?? []).length === 0) return [];
  const index = getNetIndex(state);
  const table = getPolicyTable(state, index);
  const dnsServer = index.servicesByKey.get('kube-system/kube-dns')?.manifest.spec.clusterIP;
  const out: Diagnostic[] = [];
  for (const { compiled, selected } of table.policies) {
    const np = compiled.policy;
    const source = np.manifest.source;
    if (!source) continue;
    out.push(...servicePortHints(state, np, selected), ...strayDashHints(np));
    if (!np.manifest.spec.policyTypes.includes('Egress')) continue;
    const pod = selected.find((p) => p.spec.dnsPolicy === 'ClusterFirst' && p.status.podIP !== '');
    const denial = pod ? dnsDenial(state, index, pod, dnsServer) : undefined;
    if (pod && denial?.direction === 'Egress' && denial.policies.includes(compiled.key)) {
      out.push(
        hintAt(
          source,
          'spec.policyTypes',
          'warning',
          `the pods this policy isolates for Egress (${pod.metadata.name}${selected.length > 1 ? ` and ${selected.length - 1} more` : ''}) may not reach kube-dns, so every name look-up fails (curl: Could not resolve host). Allow UDP and TCP port 53 to the kube-dns pods in kube-system.`,
          'hint-netpol-no-dns',
        ),
      );
    }
  }
  return out;
}

/**
 * The Spec part of `kubectl describe networkpolicy`, line for line as kubectl's describeNetworkPolicySpec
 * writes it (https://github.com/kubernetes/kubectl/blob/master/pkg/describe/describe.go): the pod
 * selector, each direction's rules ("To Port", "From"/"To" peers, `----------` between rules) or
 * "Not affecting … traffic" when the policy does not cover that direction, then the policy types.
 */
import type { NetworkPolicyRule, NetworkPolicySpec } from '../../model/objects.ts';
import { formatLabelSelector } from './printers.ts';

const L1 = '  ';
const L2 = '    ';
const INDENT = '    ';

function ruleLines(rules: NetworkPolicyRule[], direction: 'ingress' | 'egress'): string[] {
  const peerWord = direction === 'ingress' ? 'From' : 'To';
  if (rules.length === 0)
    return [`${INDENT}<none> (Selected pods are isolated for ${direction} connectivity)`];
  const lines: string[] = [];
  rules.forEach((rule, i) => {
    if (rule.ports.length === 0) lines.push(`${INDENT}To Port: <any> (traffic allowed to all ports)`);
    for (const port of rule.ports) {
      // kubectl prints a missing port as Go prints a nil *IntOrString.
      const value = port.port === undefined ? '<nil>' : String(port.port);
      lines.push(
        port.endPort === undefined
          ? `${INDENT}To Port: ${value}/${port.protocol}`
          : `${INDENT}To Port Range: ${value}-${port.endPort}/${port.protocol}`,
      );
    }
    if (rule.peers.length === 0) {
      lines.push(
        `${INDENT}${peerWord}: <any> (traffic not restricted by ${direction === 'ingress' ? 'source' : 'destination'})`,
      );
    }
    for (const peer of rule.peers) {
      lines.push(`${INDENT}${peerWord}:`);
      if (peer.namespaceSelector)
        lines.push(`${L1}${INDENT}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}`);
      if (peer.podSelector) lines.push(`${L1}${INDENT}PodSelector: ${formatLabelSelector(peer.podSelector)}`);
      if (!peer.podSelector && !peer.namespaceSelector && peer.ipBlock) {
        lines.push(`${L1}${INDENT}IPBlock:`);
        lines.push(`${L2}${INDENT}CIDR: ${peer.ipBlock.cidr}`);
        lines.push(`${L2}${INDENT}Except: ${peer.ipBlock.except.join(', ')}`);
      }
    }
    if (i !== rules.length - 1) lines.push(`${INDENT}----------`);
  });
  return lines;
}

export function describeNetworkPolicySpec(spec: NetworkPolicySpec): string[] {
  const selector = formatLabelSelector(spec.podSelector);
  const lines = [
    'Spec:',
    `${L1}PodSelector: ${L2}${selector === '<none>' ? '<none> (Allowing the specific traffic to all pods in this namespace)' : selector}`,
  ];
  if (spec.policyTypes.includes('Ingress'))
    lines.push(`${L1}Allowing ingress traffic:`, ...ruleLines(spec.ingress, 'ingress'));
  else lines.push(`${L1}Not affecting ingress traffic`);
  if (spec.policyTypes.includes('Egress'))
    lines.push(`${L1}Allowing egress traffic:`, ...ruleLines(spec.egress, 'egress'));
  else lines.push(`${L1}Not affecting egress traffic`);
  lines.push(`${L1}Policy Types: ${spec.policyTypes.length ? spec.policyTypes.join(', ') : '<none>'}`);
  return lines;
}

/**
 * networking.k8s.io/v1 NetworkPolicy, defaulted as the API server defaults it
 * (https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/):
 * a port's protocol is TCP; `policyTypes` left out is ["Ingress"], plus "Egress" when the policy has
 * egress rules. validate/networkPolicy.ts checks the raw fields; this only builds.
 */
import type {
  NetworkPolicyManifest,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  PolicyType,
  Protocol,
} from '../../model/objects.ts';
import {
  getArray,
  getIntOrString,
  getMap,
  getNumber,
  getString,
  getStringArray,
  has,
  isPlainMap,
} from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';
import { buildLabelSelector } from './workload.ts';

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

function buildPort(raw: PlainMap): NetworkPolicyPort {
  const protocolText = getString(raw, 'protocol');
  const port: NetworkPolicyPort = { protocol: PROTOCOLS.find((p) => p === protocolText) ?? 'TCP' };
  const value = getIntOrString(raw, 'port');
  if (value !== undefined) port.port = value;
  const endPort = getNumber(raw, 'endPort');
  if (endPort !== undefined) port.endPort = endPort;
  return port;
}

function buildPeer(raw: PlainMap): NetworkPolicyPeer {
  const peer: NetworkPolicyPeer = {};
  if (has(raw, 'podSelector')) peer.podSelector = buildLabelSelector(getMap(raw, 'podSelector'));
  if (has(raw, 'namespaceSelector'))
    peer.namespaceSelector = buildLabelSelector(getMap(raw, 'namespaceSelector'));
  const block = getMap(raw, 'ipBlock');
  if (block) peer.ipBlock = { cidr: getString(block, 'cidr') ?? '', except: getStringArray(block, 'except') };
  return peer;
}

function buildRule(raw: PlainMap, peersKey: 'from' | 'to'): NetworkPolicyRule {
  return {
    peers: getArray(raw, peersKey).filter(isPlainMap).map(buildPeer),
    ports: getArray(raw, 'ports').filter(isPlainMap).map(buildPort),
  };
}

export function buildNetworkPolicy(raw: PlainMap, apiVersion: string): NetworkPolicyManifest {
  const spec = getMap(raw, 'spec');
  // A rule written as `- {}` or `-` (null) allows everything in its direction.
  const rules = (key: string, peersKey: 'from' | 'to') =>
    getArray(spec, key).map((r) => (isPlainMap(r) ? buildRule(r, peersKey) : { peers: [], ports: [] }));
  const ingress = rules('ingress', 'from');
  const egress = rules('egress', 'to');
  const written = getStringArray(spec, 'policyTypes').filter(
    (t): t is PolicyType => t === 'Ingress' || t === 'Egress',
  );
  // The defaulting runs when the list is missing or empty (pkg/apis/networking/v1/defaults.go).
  const policyTypes: PolicyType[] =
    written.length > 0 ? written : egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  return {
    kind: 'NetworkPolicy',
    apiVersion,
    metadata: buildMeta(raw, true),
    spec: { podSelector: buildLabelSelector(getMap(spec, 'podSelector')), policyTypes, ingress, egress },
  };
}

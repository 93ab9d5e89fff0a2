/** The NetworkPolicy kind (networking.k8s.io/v1): stored, listed and described; evaluated on the packet in net/policy. */
import { sameName } from '../cluster/apiServer.ts';
import type { ControlPlane } from '../cluster/controlPlane.ts';
import type { KindModule } from './kindModule.ts';
import { relabelled } from './relabelled.ts';
import { graphIdOfIdentity } from '../sim/objectIdentity.ts';
import { resource } from '../parse/schema/meta.ts';
import { networkPolicySpec } from '../parse/schema/networkPolicy.ts';
import { removedVersion } from '../parse/servedVersion.ts';
import type { NetworkPolicyManifest, NetworkPolicyRule, NetworkPolicySpec } from '../model/objects.ts';
import { buildNetworkPolicy } from '../parse/kinds/networkPolicy.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { validateNetworkPolicy } from '../parse/validate/networkPolicy.ts';
import { metadataOf, selectorJson, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { goTime, multiline } from '../shell/kubectl/describe.ts';
import { describeNetworkPolicySpec } from '../shell/kubectl/describeNetworkPolicy.ts';
import { metaBase } from '../shell/kubectl/listing.ts';
import { formatLabelSelector } from '../shell/kubectl/printers.ts';

export const networkPolicyKind: KindModule<'NetworkPolicy'> = {
  kind: 'NetworkPolicy',
  scope: 'Namespaced',
  graphPrefix: 'netpol',
  versions: {
    'networking.k8s.io/v1': { schema: resource({ spec: networkPolicySpec }) },
    'extensions/v1beta1': {
      schema: resource({ spec: networkPolicySpec }),
      deprecated: removedVersion(
        'extensions/v1beta1',
        'NetworkPolicy',
        '1.9',
        '1.16',
        'networking.k8s.io/v1',
      ),
    },
  },
  resource: {
    plural: 'networkpolicies',
    singular: 'networkpolicy',
    shortNames: ['netpol'],
    group: 'networking.k8s.io',
    version: 'v1',
  },
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion, ctx) {
    const manifest = buildNetworkPolicy(raw, apiVersion);
    validateNetworkPolicy(ctx, raw);
    return manifest;
  },
  apply(cp, manifest) {
    applyNetworkPolicy(cp, manifest);
    return [];
  },
  remove(cp, namespace, name) {
    const { state } = cp;
    const inNs = (m: { name: string; namespace: string }) => m.name === name && m.namespace === namespace;
    const before = state.networkPolicies?.length ?? 0;
    state.networkPolicies = (state.networkPolicies ?? []).filter((p) => !inNs(p.manifest.metadata));
    return state.networkPolicies.length !== before;
  },
  relabel(cp, namespace, name, field, edit) {
    const policy = (cp.state.networkPolicies ?? []).find(
      (p) => p.manifest.metadata.namespace === namespace && p.manifest.metadata.name === name,
    );
    if (!policy) return false;
    policy.manifest = relabelled(policy.manifest, field, edit);
    return true;
  },
  list(state) {
    const kind = 'NetworkPolicy' as const;
    return (state.networkPolicies ?? []).map((networkPolicy) => ({
      kind,
      networkPolicy,
      ...metaBase(networkPolicy.manifest.metadata, networkPolicy.createdAt),
    }));
    // MetalLB keeps no creation time here: its objects are shown as old as the cluster
  },
  headers() {
    return ['NAME', 'POD-SELECTOR', 'AGE'];
    // the CRDs' additionalPrinterColumns (kubebuilder printcolumn markers in MetalLB's api/v1beta1), then AGE
  },
  row(obj, _state, _wide, age) {
    return [obj.name, formatLabelSelector(obj.networkPolicy.manifest.spec.podSelector), age];
  },
  describe(obj) {
    const lines: string[] = describeNetworkPolicy(
      obj.name,
      obj.namespace,
      obj.createdAt,
      obj.labels,
      obj.annotations,
      obj.networkPolicy.manifest.spec,
    );
    return lines;
  },
  toApiObject(obj, _state, { head, key }) {
    return sortKeys({
      ...head,
      metadata: metadataOf(obj, uidOf(key), { generation: 1 }),
      spec: networkPolicySpecJson(obj.networkPolicy.manifest.spec),
    }) as JsonObject;
  },
  graphIds(state, identity) {
    const { namespace, name } = identity;
    return (state.networkPolicies ?? []).some(
      (p) => p.manifest.metadata.namespace === namespace && p.manifest.metadata.name === name,
    )
      ? [graphIdOfIdentity(identity)]
      : [];
  },
};

function applyNetworkPolicy(cp: ControlPlane, manifest: NetworkPolicyManifest): void {
  const { state } = cp;
  const list = [...(state.networkPolicies ?? [])];
  const at = list.findIndex((p) => sameName(p.manifest, manifest));
  const previous = list[at];
  const record = { manifest, createdAt: previous?.createdAt ?? state.clock };
  if (previous) list[at] = record;
  else list.push(record);
  state.networkPolicies = list;
}

/** describeNetworkPolicy: no events section (kubectl does not list them for NetworkPolicy). */
function describeNetworkPolicy(
  name: string,
  namespace: string,
  createdAt: number,
  labels: Record<string, string>,
  annotations: Record<string, string>,
  spec: NetworkPolicySpec,
): string[] {
  const lines = [`Name:\t${name}`, `Namespace:\t${namespace}`, `Created on:\t${goTime(createdAt)}`];
  multiline(lines, 'Labels', labels);
  multiline(lines, 'Annotations', annotations);
  lines.push(...describeNetworkPolicySpec(spec));
  return lines;
}

/** NetworkPolicySpec as the API server returns it: defaulted protocol and policyTypes written out. */
function networkPolicySpecJson(spec: NetworkPolicySpec): JsonObject {
  const rule = (r: NetworkPolicyRule, peersKey: 'from' | 'to'): JsonObject => {
    const out: JsonObject = {};
    if (r.peers.length)
      out[peersKey] = r.peers.map((p) => {
        const peer: JsonObject = {};
        if (p.podSelector) peer['podSelector'] = selectorJson(p.podSelector);
        if (p.namespaceSelector) peer['namespaceSelector'] = selectorJson(p.namespaceSelector);
        if (p.ipBlock)
          peer['ipBlock'] = {
            cidr: p.ipBlock.cidr,
            ...(p.ipBlock.except.length ? { except: [...p.ipBlock.except] } : {}),
          };
        return peer;
      });
    if (r.ports.length)
      out['ports'] = r.ports.map((p) => ({
        protocol: p.protocol,
        ...(p.port !== undefined ? { port: p.port } : {}),
        ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
      }));
    return out;
  };
  const out: JsonObject = { podSelector: selectorJson(spec.podSelector), policyTypes: [...spec.policyTypes] };
  if (spec.ingress.length) out['ingress'] = spec.ingress.map((r) => rule(r, 'from'));
  if (spec.egress.length) out['egress'] = spec.egress.map((r) => rule(r, 'to'));
  return out;
}

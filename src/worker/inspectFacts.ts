/**
 * What the inspector shows beyond the raw objects, asked of the engine in its Worker (so the engine
 * stays out of the page's initial JavaScript):
 * a container's environment as kubelet builds it, the pod's /etc/resolv.conf, a Service's DNS
 * records and the variable names kubelet injects for it; what a NetworkPolicy lets through, rule by
 * rule (the graph draws it as allowed edges when asked, docs/architecture.md#allowed-edges).
 */
import {
  formatResolvConf,
  getContainerEnv,
  getDnsRecords,
  getPodResolvConf,
  getPolicyAllows,
  getPolicySelections,
  serviceEnvVars,
} from '../engine/index.ts';
import type {
  ClusterState,
  EnvVar,
  GraphId,
  PodState,
  PolicyRuleAllows,
  PolicyType,
  ServiceState,
} from '../engine/index.ts';

export interface PodFacts {
  env: EnvVar[];
  resolvConf: string;
}

export interface ServiceFacts {
  /** `kubia.default.svc.cluster.local A 10.96.0.20`, SRV records for named ports … */
  dnsRecords: string[];
  envVarNames: string[];
}

export interface NetworkPolicyFacts {
  /** As the API server defaults them (Ingress unless the policy has egress rules or says otherwise). */
  policyTypes: PolicyType[];
  /** The pods the policy selects (isolates), host-network pods excluded. */
  selected: GraphId[];
  /** Rule by rule, what it lets through; empty for a default deny. */
  allows: PolicyRuleAllows[];
}

export function getPodFacts(state: ClusterState, pod: PodState): PodFacts {
  return {
    env: getContainerEnv(state, pod),
    resolvConf: formatResolvConf(getPodResolvConf(state, pod)),
  };
}

export function getServiceFacts(state: ClusterState, service: ServiceState): ServiceFacts {
  const { name, namespace } = service.manifest.metadata;
  const fqdn = `${name}.${namespace}.svc.${state.settings.dnsDomain}`;
  const dnsRecords = getDnsRecords(state)
    .filter((r) => r.name === fqdn || r.name.endsWith(`.${fqdn}`))
    .map((r) => `${r.name} ${r.type} ${r.port !== undefined ? `${r.port} ` : ''}${r.value}`);
  return { dnsRecords, envVarNames: serviceEnvVars(service.manifest).map((v) => v.name) };
}

export type InspectFacts =
  | ({ kind: 'pod' } & PodFacts)
  | ({ kind: 'service' } & ServiceFacts)
  | ({ kind: 'networkpolicy' } & NetworkPolicyFacts)
  | { kind: 'none' };

/** Facts for a graph id (`pod/ns/name`, `svc/ns/name`, `netpol/ns/name`), against the given state. */
export function getInspectFacts(state: ClusterState, id: string): InspectFacts {
  const [kind, namespace, ...rest] = id.split('/');
  const name = rest.join('/');
  if (kind === 'pod') {
    const pod = state.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
    if (pod) return { kind: 'pod', ...getPodFacts(state, pod) };
  }
  if (kind === 'svc') {
    const svc = state.services.find(
      (s) => s.manifest.metadata.namespace === namespace && s.manifest.metadata.name === name,
    );
    if (svc) return { kind: 'service', ...getServiceFacts(state, svc) };
  }
  if (kind === 'netpol') {
    const selection = getPolicySelections(state).find((p) => p.id === id);
    if (selection)
      return {
        kind: 'networkpolicy',
        policyTypes: selection.policyTypes,
        selected: selection.pods,
        allows: getPolicyAllows(state, id),
      };
  }
  return { kind: 'none' };
}

/**
 * What the inspector shows beyond the raw objects, asked of the engine in its Worker (so the engine
 * stays out of the page's initial JavaScript):
 * a container's environment as kubelet builds it, the pod's /etc/resolv.conf, a Service's DNS
 * records and the variable names kubelet injects for it.
 */
import {
  formatResolvConf,
  getContainerEnv,
  getDnsRecords,
  getPodResolvConf,
  serviceEnvVars,
} from '../engine/index.ts';
import type { ClusterState, EnvVar, PodState, ServiceState } from '../engine/index.ts';

export interface PodFacts {
  env: EnvVar[];
  resolvConf: string;
}

export interface ServiceFacts {
  /** `kubia.default.svc.cluster.local A 10.96.0.20`, SRV records for named ports … */
  dnsRecords: string[];
  envVarNames: string[];
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
  | { kind: 'none' };

/** Facts for a graph id (`pod/ns/name`, `svc/ns/name`), against the given state. */
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
  return { kind: 'none' };
}

/** Pod and pod-template specs with the API server's defaults (pkg/apis/core/v1/defaults.go). */
import type {
  Container,
  ContainerPort,
  DnsPolicy,
  EnvVar,
  PodManifest,
  PodSpec,
  PodTemplate,
  Probe,
  ProbeTiming,
  Protocol,
} from '../../model/objects.ts';
import {
  getArray,
  getBoolean,
  getIntOrString,
  getMap,
  getNumber,
  getString,
  getStringArray,
  getStringMap,
  isPlainMap,
} from '../plain.ts';
import type { PlainMap } from '../plain.ts';
import { buildMeta } from './meta.ts';
import { DEFAULT_GRACE_SECONDS } from '../../model/podDefaults.ts';

export function toProtocol(value: string | undefined): Protocol {
  return value === 'UDP' || value === 'SCTP' ? value : 'TCP';
}

function buildPorts(raw: PlainMap): ContainerPort[] {
  const ports: ContainerPort[] = [];
  for (const p of getArray(raw, 'ports')) {
    if (!isPlainMap(p)) continue;
    const name = getString(p, 'name');
    const hostPort = getNumber(p, 'hostPort');
    ports.push({
      ...(name ? { name } : {}),
      containerPort: getNumber(p, 'containerPort') ?? 0,
      protocol: toProtocol(getString(p, 'protocol')),
      ...(hostPort ? { hostPort } : {}),
    });
  }
  return ports;
}

function buildEnv(raw: PlainMap): EnvVar[] {
  const env: EnvVar[] = [];
  for (const e of getArray(raw, 'env')) {
    if (!isPlainMap(e)) continue;
    // valueFrom (ConfigMap, Secret, fieldRef) is not simulated: the variable exists with an empty value.
    env.push({ name: getString(e, 'name') ?? '', value: getString(e, 'value') ?? '' });
  }
  return env;
}

/**
 * initialDelaySeconds and periodSeconds, only when they differ from the defaults (0 and 10): a template
 * read back from `kubectl get -o yaml` (which prints the defaults) hashes as the one written.
 */
function buildProbeTiming(raw: PlainMap): ProbeTiming {
  const delay = getNumber(raw, 'initialDelaySeconds');
  const period = getNumber(raw, 'periodSeconds');
  const initialDelaySeconds = delay === 0 ? undefined : delay;
  const periodSeconds = period === 10 ? undefined : period;
  return {
    ...(initialDelaySeconds !== undefined ? { initialDelaySeconds } : {}),
    ...(periodSeconds !== undefined ? { periodSeconds } : {}),
  };
}

function buildProbe(raw: PlainMap | undefined): Probe | undefined {
  if (!raw) return undefined;
  const timing = buildProbeTiming(raw);
  const exec = getMap(raw, 'exec');
  if (exec) return { kind: 'exec', command: getStringArray(exec, 'command'), ...timing };
  const http = getMap(raw, 'httpGet');
  if (http)
    return {
      kind: 'httpGet',
      port: getIntOrString(http, 'port') ?? 0,
      path: getString(http, 'path') || '/',
      ...timing,
    };
  const tcp = getMap(raw, 'tcpSocket');
  if (tcp) return { kind: 'tcpSocket', port: getIntOrString(tcp, 'port') ?? 0, ...timing };
  return undefined;
}

export function buildContainer(raw: PlainMap): Container {
  const readinessProbe = buildProbe(getMap(raw, 'readinessProbe'));
  return {
    name: getString(raw, 'name') ?? '',
    image: getString(raw, 'image') ?? '',
    ports: buildPorts(raw),
    env: buildEnv(raw),
    command: getStringArray(raw, 'command'),
    args: getStringArray(raw, 'args'),
    ...(readinessProbe ? { readinessProbe } : {}),
  };
}

const DNS_POLICIES: readonly DnsPolicy[] = ['ClusterFirst', 'Default', 'ClusterFirstWithHostNet', 'None'];

export function buildPodSpec(spec: PlainMap | undefined): PodSpec {
  const hostNetwork = getBoolean(spec, 'hostNetwork') ?? false;
  const containers = getArray(spec, 'containers').filter(isPlainMap).map(buildContainer);
  if (hostNetwork) {
    // SetDefaults_PodSpec: on the host network a container port is a host port of the same number.
    for (const c of containers) for (const p of c.ports) if (!p.hostPort) p.hostPort = p.containerPort;
  }
  const nodeName = getString(spec, 'nodeName');
  const hostname = getString(spec, 'hostname');
  const subdomain = getString(spec, 'subdomain');
  const dnsPolicy = getString(spec, 'dnsPolicy');
  const grace = getNumber(spec, 'terminationGracePeriodSeconds');
  return {
    containers,
    ...(nodeName ? { nodeName } : {}),
    nodeSelector: getStringMap(spec, 'nodeSelector'),
    ...(hostname ? { hostname } : {}),
    ...(subdomain ? { subdomain } : {}),
    enableServiceLinks: getBoolean(spec, 'enableServiceLinks') ?? true,
    dnsPolicy: DNS_POLICIES.find((p) => p === dnsPolicy) ?? 'ClusterFirst',
    hostNetwork,
    // The API server's default (30) is left implicit, as the probe defaults are, so a template read back
    // from `kubectl get -o yaml` (which prints it) hashes as the one written without it.
    ...(grace !== undefined && Number.isInteger(grace) && grace >= 0 && grace !== DEFAULT_GRACE_SECONDS
      ? { terminationGracePeriodSeconds: grace }
      : {}),
  };
}

export function buildPodTemplate(raw: PlainMap | undefined): PodTemplate {
  const meta = getMap(raw, 'metadata');
  return {
    labels: getStringMap(meta, 'labels'),
    annotations: getStringMap(meta, 'annotations'),
    spec: buildPodSpec(getMap(raw, 'spec')),
  };
}

export function buildPod(raw: PlainMap, apiVersion: string): PodManifest {
  return { kind: 'Pod', apiVersion, metadata: buildMeta(raw, true), spec: buildPodSpec(getMap(raw, 'spec')) };
}

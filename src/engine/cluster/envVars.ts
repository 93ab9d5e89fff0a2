/**
 * Service environment variables, exactly as kubelet writes them.
 *
 * Which Services (pkg/kubelet/kubelet_pods.go getServiceEnvVarMap): those of the pod's own namespace
 * with a ClusterIP set (headless and ExternalName skipped), plus the `kubernetes` Service of `default`;
 * `enableServiceLinks: false` keeps only the latter. The set is taken when the pod's containers start,
 * so a Service created later never shows up in a running pod (PodState.serviceEnv is that snapshot).
 *
 * Names and values (pkg/kubelet/envvars/envvars.go FromServices): per Service, `<N>_SERVICE_HOST`,
 * `<N>_SERVICE_PORT` (first port), `<N>_SERVICE_PORT_<PORTNAME>` for named ports, then the Docker-link
 * set `<N>_PORT`, `<N>_PORT_<p>_<PROTO>`, `…_PROTO`, `…_PORT`, `…_ADDR`. kubelet collects them in a map,
 * so their order in a real container is arbitrary; we order Services by name.
 */
import type { EnvVar, Protocol, ServiceManifest } from '../model/objects.ts';
import type { ClusterState, PodState } from '../model/state.ts';

/**
 * makeEnvVariableName in current kubelet: upper-case, `-` -> `_`, nothing else (Service names are
 * DNS-1035 labels, port names IANA names, so no dots; a port named `8083` stays `8083`, as the
 * upstream test's `Q_U_U_X_SERVICE_PORT_8083` shows).
 */
export function toEnvVarName(name: string): string {
  return name.replace(/-/g, '_').toUpperCase();
}

function hasClusterIp(svc: ServiceManifest): boolean {
  const ip = svc.spec.clusterIP;
  return svc.spec.type !== 'ExternalName' && ip !== undefined && ip !== '' && ip !== 'None';
}

/** FromServices for one Service. */
export function serviceEnvVars(svc: ServiceManifest): EnvVar[] {
  const ip = svc.spec.clusterIP ?? '';
  const first = svc.spec.ports[0];
  if (!first) return [];
  const prefix = toEnvVarName(svc.metadata.name);
  const vars: EnvVar[] = [
    { name: `${prefix}_SERVICE_HOST`, value: ip },
    { name: `${prefix}_SERVICE_PORT`, value: String(first.port) },
  ];
  for (const port of svc.spec.ports) {
    if (port.name)
      vars.push({ name: `${prefix}_SERVICE_PORT_${toEnvVarName(port.name)}`, value: String(port.port) });
  }
  svc.spec.ports.forEach((port, i) => {
    const proto = (port.protocol || 'TCP') as Protocol;
    const lower = proto.toLowerCase();
    const url = `${lower}://${ip}:${port.port}`;
    if (i === 0) vars.push({ name: `${prefix}_PORT`, value: url });
    const pp = `${prefix}_PORT_${port.port}_${proto.toUpperCase()}`;
    vars.push(
      { name: pp, value: url },
      { name: `${pp}_PROTO`, value: lower },
      { name: `${pp}_PORT`, value: String(port.port) },
      { name: `${pp}_ADDR`, value: ip },
    );
  });
  return vars;
}

/** The service variables a container starting now in `namespace` receives. */
export function snapshotServiceEnv(
  state: ClusterState,
  namespace: string,
  enableServiceLinks: boolean,
): EnvVar[] {
  const chosen = new Map<string, ServiceManifest>();
  for (const { manifest: svc } of state.services) {
    if (!hasClusterIp(svc)) continue;
    const name = svc.metadata.name;
    if (svc.metadata.namespace === 'default' && name === 'kubernetes') {
      if (!chosen.has(name) || namespace !== 'default') chosen.set(name, svc);
    } else if (svc.metadata.namespace === namespace && enableServiceLinks) {
      // The master service of `default` wins over a same-named one elsewhere (kubelet's map keeps the first).
      if (name === 'kubernetes' && chosen.has(name) && namespace !== 'default') continue;
      chosen.set(name, svc);
    }
  }
  const names = [...chosen.keys()].sort();
  const vars: EnvVar[] = [];
  const seen = new Set<string>();
  let duplicate = false;
  for (const name of names) {
    for (const v of cachedServiceEnvVars(chosen.get(name) as ServiceManifest)) {
      if (seen.has(v.name)) duplicate = true;
      seen.add(v.name);
      vars.push(v);
    }
  }
  if (!duplicate) return vars;
  // Like kubelet's map: a name appears once, with the last value written.
  const byName = new Map<string, string>();
  for (const v of vars) byName.set(v.name, v.value);
  return [...byName].map(([name, value]) => ({ name, value }));
}

/**
 * serviceEnvVars per Service manifest, shared between snapshots: a new Service empties the pods'
 * snapshot cache, and rebuilding every variable of the namespace's other Services each time was most
 * of the bench's pod start-up cost. Manifests are replaced, never edited, when a Service changes, so
 * the manifest object is a safe key; the EnvVar objects are plain data shared like the snapshots.
 */
const envVarsByService = new WeakMap<ServiceManifest, EnvVar[]>();

function cachedServiceEnvVars(svc: ServiceManifest): EnvVar[] {
  let vars = envVarsByService.get(svc);
  if (!vars) envVarsByService.set(svc, (vars = serviceEnvVars(svc)));
  return vars;
}

/**
 * Kubernetes' `$(VAR)` expansion (third_party/forked/golang/expansion): `$(NAME)` is replaced when NAME
 * is defined earlier in the container's env or among the service variables, `$$` gives `$`, and an
 * unknown reference is left as written.
 */
export function expandEnvValue(value: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '$' && i + 1 < value.length) {
      const next = value[i + 1];
      if (next === '$') {
        out += '$';
        i++;
        continue;
      }
      if (next === '(') {
        const close = value.indexOf(')', i + 2);
        if (close !== -1) {
          const name = value.slice(i + 2, close);
          const found = lookup(name);
          out += found ?? `$(${name})`;
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

export const CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The environment a process in the container sees, in the order `env` prints it on a containerd node:
 * PATH (image default), HOSTNAME (the pod's hostname), the container's declared env with `$(VAR)`
 * expanded (declared values win over service variables of the same name, kubelet makeEnvironmentVariables),
 * the service variables snapshotted at start, then HOME=/root (set for the exec'd process).
 * Image-specific variables (NODE_VERSION in node images, …) are not modelled.
 */
export function getContainerEnv(state: ClusterState, pod: PodState, containerName?: string): EnvVar[] {
  void state;
  const container =
    (containerName !== undefined ? pod.spec.containers.find((c) => c.name === containerName) : undefined) ??
    pod.spec.containers[0];
  const service = new Map(pod.serviceEnv.map((v) => [v.name, v.value]));
  const declared = new Map<string, string>();
  const declaredOrder: string[] = [];
  for (const env of container?.env ?? []) {
    const value = expandEnvValue(env.value, (name) => declared.get(name) ?? service.get(name));
    if (!declared.has(env.name)) declaredOrder.push(env.name);
    declared.set(env.name, value);
  }
  const hostname = pod.spec.hostname ?? pod.metadata.name;
  // A declared PATH/HOSTNAME/HOME replaces the runtime's value in place.
  const result: EnvVar[] = [
    { name: 'PATH', value: declared.get('PATH') ?? CONTAINER_PATH },
    { name: 'HOSTNAME', value: declared.get('HOSTNAME') ?? hostname },
  ];
  for (const name of declaredOrder) {
    if (name !== 'PATH' && name !== 'HOSTNAME') result.push({ name, value: declared.get(name) ?? '' });
  }
  for (const v of pod.serviceEnv) if (!declared.has(v.name)) result.push(v);
  if (!declared.has('HOME')) result.push({ name: 'HOME', value: '/root' });
  return result;
}

/**
 * Which ingress controller runs in a pod and on which ports its proxy listens (ingress-nginx:
 * --http-port/--https-port, 80/443 by default; Traefik: its `--entrypoints.<name>.address` flags,
 * :80 by default), cached per container object: an edit gives the pods new objects
 * (sim/copyState.ts) but keeps their containers, which they share with their template
 * (model/controllerContainers.ts), so the answer survives every edit that leaves the controller alone.
 */
import type { Container } from '../../model/objects.ts';
import type { PodState } from '../../model/state.ts';
import type { IngressControllerInfo } from '../../model/ingressControllers.ts';
import { controllerOfContainer } from '../../model/controllerContainers.ts';

export interface ControllerRuntime {
  info: IngressControllerInfo;
  container: Container;
  /** Ports its proxy listens on, and whether each terminates TLS. */
  ports: Map<number, { tls: boolean }>;
  allowEmptyServices: boolean;
}

const runtimeCache = new WeakMap<Container, ControllerRuntime | null>();

function flagValue(args: string[], re: RegExp): string | undefined {
  for (const arg of args) {
    const m = re.exec(arg);
    if (m) return m[1];
  }
  return undefined;
}

function controllerPorts(info: IngressControllerInfo, container: Container): Map<number, { tls: boolean }> {
  const args = [...container.command, ...container.args];
  const ports = new Map<number, { tls: boolean }>();
  if (info.kind === 'ingress-nginx') {
    ports.set(Number(flagValue(args, /^--http-port=(\d+)$/) ?? 80), { tls: false });
    ports.set(Number(flagValue(args, /^--https-port=(\d+)$/) ?? 443), { tls: true });
    return ports;
  }
  // Traefik: `--entrypoints.<name>.address=:<port>` (v2+), `--entryPoints.<name>.address` in files; default :80.
  for (const arg of args) {
    const m = /^--entry[pP]oints\.([^.]+)\.address=[^:]*:(\d+)/.exec(arg);
    if (m)
      ports.set(Number(m[2]), {
        tls: /secure|https|tls/i.test(m[1] ?? '') || m[2] === '443' || m[2] === '8443',
      });
  }
  if (ports.size === 0) ports.set(80, { tls: false });
  return ports;
}

/** The controller running in this pod, if one of its containers is a known ingress controller image. */
export function getIngressController(pod: PodState): ControllerRuntime | undefined {
  for (const container of pod.spec.containers) {
    const runtime = runtimeOf(container);
    if (runtime) return runtime;
  }
  return undefined;
}

/** The controller a container runs (null: none), once per container object. */
function runtimeOf(container: Container): ControllerRuntime | null {
  const hit = runtimeCache.get(container);
  if (hit !== undefined) return hit;
  const info = controllerOfContainer(container);
  let runtime: ControllerRuntime | null = null;
  if (info) {
    const args = [...container.command, ...container.args];
    runtime = {
      info,
      container,
      ports: controllerPorts(info, container),
      allowEmptyServices: args.some((a) =>
        /^--providers\.kubernetesingress\.allowemptyservices(=true)?$/i.test(a),
      ),
    };
  }
  runtimeCache.set(container, runtime);
  return runtime;
}

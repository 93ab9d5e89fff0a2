/**
 * Proposed commands need names only the simulation knows (pod names carry random suffixes, IPs are
 * allocated). A lesson writes placeholders; this fills them in from the current simulation:
 *
 *   {pod:SELECTOR}            a running, ready pod (first by name) — `{pod:app=kubia}`;
 *                             `{pod:app=kubia#2}` the second one
 *   {newestPod:SELECTOR}      the most recently created pod (a controller's replacement)
 *   {podIP:SELECTOR}          the IP of the pod {pod:SELECTOR} names (`#N` too)
 *   {clusterIP:SERVICE}       the Service's cluster IP
 *   {nodePort:SERVICE}        the node port of its first port
 *   {lbIP:SERVICE}            its load balancer address (status.loadBalancer.ingress[0])
 *   {ingressAddress:INGRESS}  the ADDRESS `kubectl get ingress` shows
 *   {nodeIP:NODE}             a node's InternalIP
 *
 * SELECTOR is `-l` style (`app=kubia`, or `kube-system/k8s-app=x`); SERVICE and INGRESS are `name` or
 * `namespace/name`. A placeholder that cannot be resolved is left as written, so the student sees it.
 */
import type { PodState, Simulation } from '../engine/index.ts';
import { findIngress, findNode, findService } from '../engine/index.ts';
import { selectPods } from './selector.ts';

function splitName(ref: string): { namespace: string; name: string } {
  const slash = ref.indexOf('/');
  return slash === -1
    ? { namespace: 'default', name: ref }
    : { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
}

function nodeIsUp(sim: Simulation, nodeName: string): boolean {
  return findNode(sim.state, nodeName)?.up ?? false;
}

/**
 * `SELECTOR` or `SELECTOR#N`: the N-th (1-based, default 1) pod by name, ready pods on nodes that are up
 * first (a proposed command should reach a pod that answers), then the others.
 */
function pickPod(sim: Simulation, arg: string): PodState | undefined {
  const hash = arg.lastIndexOf('#');
  const n = hash === -1 ? 1 : Number(arg.slice(hash + 1));
  if (!Number.isInteger(n) || n < 1) return undefined;
  const pods = selectPods(sim.state, hash === -1 ? arg : arg.slice(0, hash)).sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
  const usable = (p: PodState) => p.status.ready && nodeIsUp(sim, p.spec.nodeName);
  return [...pods.filter(usable), ...pods.filter((p) => !usable(p))][n - 1];
}

function resolveOne(kind: string, arg: string, sim: Simulation): string | undefined {
  const state = sim.state;
  switch (kind) {
    case 'pod':
      return pickPod(sim, arg)?.metadata.name;
    case 'podIP':
      return pickPod(sim, arg)?.status.podIP;
    case 'newestPod': {
      const pods = selectPods(state, arg);
      // newest first; name breaks ties so the choice does not depend on list order
      pods.sort(
        (a, b) =>
          b.metadata.creationTimestamp - a.metadata.creationTimestamp ||
          a.metadata.name.localeCompare(b.metadata.name),
      );
      return pods[0]?.metadata.name;
    }
    case 'clusterIP': {
      const { namespace, name } = splitName(arg);
      return findService(state, namespace, name)?.manifest.spec.clusterIP;
    }
    case 'nodePort': {
      const { namespace, name } = splitName(arg);
      const port = findService(state, namespace, name)?.manifest.spec.ports[0]?.nodePort;
      return port === undefined ? undefined : String(port);
    }
    case 'lbIP': {
      const { namespace, name } = splitName(arg);
      const ingress = findService(state, namespace, name)?.status.loadBalancer.ingress[0];
      return ingress?.ip ?? ingress?.hostname;
    }
    case 'ingressAddress': {
      const { namespace, name } = splitName(arg);
      const ingress = findIngress(state, namespace, name)?.status.loadBalancer.ingress[0];
      return ingress?.ip ?? ingress?.hostname;
    }
    case 'nodeIP':
      return findNode(state, arg)?.ip;
    default:
      return undefined;
  }
}

const PLACEHOLDER = /\{(pod|podIP|newestPod|clusterIP|nodePort|lbIP|ingressAddress|nodeIP):([^{}\s]+)\}/g;

/** `kubectl exec {pod:app=kubia} -- curl -s http://{clusterIP:kubia}` -> `kubectl exec kubia-65mtj -- curl -s http://10.96.…` */
export function resolveCommand(template: string, sim: Simulation): string {
  return template.replace(
    PLACEHOLDER,
    (whole, kind: string, arg: string) => resolveOne(kind, arg, sim) ?? whole,
  );
}

/** The placeholders of `template` that the simulation cannot fill (empty when the command is ready to run). */
export function unresolvedPlaceholders(template: string, sim: Simulation): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .filter((m) => resolveOne(m[1] ?? '', m[2] ?? '', sim) === undefined)
    .map((m) => m[0]);
}

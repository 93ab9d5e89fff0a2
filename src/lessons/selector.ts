/**
 * Pods by an equality label selector as kubectl's `-l` writes it (`app=kubia,tier=web`), optionally
 * prefixed with a namespace (`kube-system/k8s-app=traefik-ingress-lb`); the default namespace otherwise.
 */
import type { ClusterState, PodState } from '../engine/index.ts';
import { matchesLabels } from '../engine/index.ts';

export function parseSelector(text: string): { namespace: string; labels: Record<string, string> } {
  const slash = text.indexOf('/');
  const eq = text.indexOf('=');
  const namespace = slash !== -1 && (eq === -1 || slash < eq) ? text.slice(0, slash) : 'default';
  const rest = slash !== -1 && (eq === -1 || slash < eq) ? text.slice(slash + 1) : text;
  const labels: Record<string, string> = {};
  for (const pair of rest.split(',')) {
    const [key, value] = pair.split('=');
    if (key !== undefined && key.trim() !== '') labels[key.trim()] = (value ?? '').trim();
  }
  return { namespace, labels };
}

export function selectPods(state: ClusterState, selector: string, namespace?: string): PodState[] {
  const parsed = parseSelector(selector);
  const ns = namespace ?? parsed.namespace;
  return state.pods.filter(
    (p) => p.metadata.namespace === ns && matchesLabels(p.metadata.labels, parsed.labels),
  );
}

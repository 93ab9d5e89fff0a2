/**
 * What a user does after the YAML is loaded. Each is a value in an ordered log that replays to the same
 * state; the share link carries the log. Every action also has a command that performs it in the terminal.
 */
import type { WorkloadKind } from './objects.ts';

export type ObjectKindName =
  | 'Pod'
  | WorkloadKind
  | 'Service'
  | 'Endpoints'
  | 'EndpointSlice'
  | 'Ingress'
  | 'IngressClass'
  | 'NetworkPolicy'
  | 'Namespace'
  | 'Node'
  | 'IPAddressPool'
  | 'L2Advertisement';

export type Action =
  /** kubectl apply -f / create -f: YAML text of one or more documents. */
  | { type: 'apply'; yaml: string }
  /**
   * kubectl delete KIND NAME (-n NS). A controller's pod comes back under a new name. A deleted pod
   * terminates for `gracePeriodSeconds` (kubectl delete --grace-period, --now, --force: 0 removes it at
   * once) or, when absent, its own terminationGracePeriodSeconds (cluster/termination.ts).
   */
  | { type: 'delete'; kind: ObjectKindName; namespace: string; name: string; gracePeriodSeconds?: number }
  /** kubectl scale KIND NAME --replicas=N */
  | { type: 'scale'; kind: WorkloadKind; namespace: string; name: string; replicas: number }
  /** kubeplay node down|up NODE */
  | { type: 'node'; name: string; up: boolean }
  /** kubeplay pod unready|ready POD */
  | { type: 'podReady'; namespace: string; name: string; ready: boolean }
  /** touch/rm a file in a pod (the book's readiness probe `ls /var/ready`). */
  | { type: 'podFile'; namespace: string; name: string; path: string; present: boolean }
  /** echo "IP host" >> /etc/hosts on a client */
  | { type: 'hosts'; client: string; ip: string; hostnames: string[] }
  /** A new outside client (another laptop). */
  | { type: 'client'; name: string }
  /** kubectl label / annotate KIND NAME k=v | k- */
  | {
      type: 'label' | 'annotate';
      kind: ObjectKindName;
      namespace: string;
      name: string;
      set: Record<string, string>;
      remove: string[];
    }
  /**
   * kubectl patch svc NAME --subresource=status: what a load-balancer controller writes to
   * status.loadBalancer.ingress (each entry an IP address or a hostname).
   */
  | { type: 'serviceStatus'; namespace: string; name: string; ingress: string[] }
  /** Time passes (session affinity expires, ages grow). */
  | { type: 'wait'; seconds: number };

/**
 * Where the data plane asks NetworkPolicy: the packet as it is at the destination (after DNAT and any
 * SNAT), the drop hop that names the policy and the closest rule, and the DNS query a default-deny
 * egress policy blocks first.
 */
import type { ClusterState, PodState } from '../../model/state.ts';
import { graphIdOfPod } from '../../trace.ts';
import type { Flow } from '../flow.ts';
import { dstAddr, srcAddr } from '../flow.ts';
import type { NetIndex } from '../netIndex.ts';
import { getBackends, objectKey } from '../netIndex.ts';
import type { RouteContext } from '../routeContext.ts';
import type { PacketEnd, PolicyDenial } from './evaluate.ts';
import { checkPacket, endOf } from './evaluate.ts';
import { hasPolicies } from './policyTable.ts';

/** `NetworkPolicy default/deny-all` or `NetworkPolicies default/a, default/b`: the hop's rule. */
export function policyRuleText(denial: PolicyDenial): string {
  return `${denial.policies.length === 1 ? 'NetworkPolicy' : 'NetworkPolicies'} ${denial.policies.join(', ')}`;
}

function shortName(podKey: string): string {
  return podKey.slice(podKey.indexOf('/') + 1);
}

/** The drop hop's sentence: who isolates the pod, what no rule allows, and the rule that came closest. */
export function policyDropNote(denial: PolicyDenial, peer: string): string {
  const who = policyRuleText(denial);
  const verb = denial.policies.length === 1 ? 'selects' : 'select';
  const what =
    denial.direction === 'Ingress'
      ? `${denial.protocol} from ${peer} to port ${denial.port}`
      : `${denial.protocol} to ${peer}:${denial.port}`;
  let note = `${who} ${verb} ${shortName(denial.pod)} for ${denial.direction} and no rule allows ${what}, so the packet is dropped and the client times out`;
  const miss = denial.nearMiss;
  if (miss?.mismatch === 'port') {
    note += `; rule ${miss.rule} of ${miss.policy} matches the ${denial.direction === 'Ingress' ? 'source' : 'destination'} but lists ${miss.ports.join(', ')}, not ${denial.protocol} ${denial.port}`;
  } else if (miss?.mismatch === 'peer') {
    note += `; rule ${miss.rule} of ${miss.policy} allows the port but not ${peer}`;
  }
  return note;
}

/**
 * Checks the packet `flow` carries now, to `dstPod` (or to an address with no pod behind it). An egress
 * denial drops it at the sending pod; an ingress denial is for the receiving pod's node to apply, so the
 * caller moves the packet there first (`beforeIngress`). Returns false when the packet was dropped.
 */
export function admitPacket(
  ctx: RouteContext,
  flow: Flow,
  dstPod: PodState | undefined,
  beforeIngress: () => boolean = () => true,
): boolean {
  if (!hasPolicies(ctx.state)) return beforeIngress();
  const src = endOf(ctx.index, flow.srcIp);
  const dst: PacketEnd = dstPod ? { ip: flow.dstIp, pod: dstPod } : endOf(ctx.index, flow.dstIp);
  const denial = checkPacket(ctx.state, ctx.index, src, dst, flow.dstPort);
  if (denial?.direction === 'Egress' && src.pod) {
    const at = graphIdOfPod(src.pod.metadata.namespace, src.pod.metadata.name);
    ctx.hop(
      at,
      'drop',
      srcAddr(flow),
      dstAddr(flow),
      policyDropNote(denial, flow.dstIp),
      policyRuleText(denial),
      {
        denial,
      },
    );
    return false;
  }
  if (!beforeIngress()) return false;
  if (denial?.direction === 'Ingress' && dst.pod) {
    const at = graphIdOfPod(dst.pod.metadata.namespace, dst.pod.metadata.name);
    ctx.hop(
      at,
      'drop',
      srcAddr(flow),
      dstAddr(flow),
      policyDropNote(denial, flow.srcIp),
      policyRuleText(denial),
      {
        denial,
      },
    );
    return false;
  }
  return true;
}

/** The cluster DNS Service kubeadm (and kind) create: kube-system/kube-dns. */
const KUBE_DNS = objectKey('kube-system', 'kube-dns');

/**
 * A ClusterFirst pod's look-up goes to kube-dns (UDP 53, DNATed to a CoreDNS pod). When NetworkPolicy
 * lets the query reach none of the CoreDNS pods, the name never resolves: a default-deny egress policy
 * breaks DNS before anything else. Returns the denial (for the first CoreDNS pod), or undefined.
 */
export function dnsDenial(
  state: ClusterState,
  index: NetIndex,
  pod: PodState,
  server: string | undefined,
): PolicyDenial | undefined {
  if (!hasPolicies(state)) return undefined;
  const service = index.servicesByKey.get(KUBE_DNS);
  if (!service || service.manifest.spec.clusterIP !== server) return undefined;
  const port = service.manifest.spec.ports.find((p) => p.protocol === 'UDP' && p.port === 53);
  if (!port) return undefined;
  const src: PacketEnd = { ip: pod.status.podIP, pod };
  let first: PolicyDenial | undefined;
  for (const backend of getBackends(index, service, port)) {
    const denial = checkPacket(state, index, src, endOf(index, backend.ip), backend.port, 'UDP');
    if (!denial) return undefined;
    first ??= denial;
  }
  return first;
}

/** The drop hop's sentence for a blocked DNS query. */
export function dnsDropNote(denial: PolicyDenial, name: string): string {
  const who = policyRuleText(denial);
  const side =
    denial.direction === 'Egress'
      ? `${who} ${denial.policies.length === 1 ? 'selects' : 'select'} ${shortName(denial.pod)} for Egress and no rule allows UDP port 53 to the CoreDNS pods`
      : `${who} isolate${denial.policies.length === 1 ? 's' : ''} the CoreDNS pod ${shortName(denial.pod)} for Ingress and no rule allows UDP port 53 from this pod`;
  return `the DNS query for ${name} to kube-dns is dropped: ${side}, so the name never resolves (an egress policy must allow UDP and TCP port 53 to kube-dns)`;
}

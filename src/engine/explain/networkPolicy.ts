/**
 * A packet NetworkPolicy dropped: which policy isolates which pod, and why none of its rules allows the
 * packet. Two mistakes get their own words: a rule written on the Service port (policy is enforced
 * after kube-proxy's DNAT, on the pod's container port), and a default-deny egress policy that forgot
 * DNS (https://kubernetes.io/docs/concepts/services-networking/network-policies/).
 */
import type { ClusterState, NetworkPolicyState } from '../model/state.ts';
import type { PolicyDenial } from '../net/policy/evaluate.ts';
import type { Hop, Trace } from '../trace.ts';
import { readHops } from '../readHops.ts';
import { blameAt, fixAt } from './blame.ts';
import type { Explanation } from './types.ts';

function findPolicy(state: ClusterState, key: string): NetworkPolicyState | undefined {
  return (state.networkPolicies ?? []).find(
    (p) => `${p.manifest.metadata.namespace}/${p.manifest.metadata.name}` === key,
  );
}

function portOf(address: string): number {
  return Number(address.slice(address.lastIndexOf(':') + 1));
}

function who(denial: PolicyDenial): string {
  return denial.policies.length === 1
    ? `NetworkPolicy ${denial.policies[0] ?? ''} selects`
    : `NetworkPolicies ${denial.policies.join(', ')} select`;
}

function dnsExplanation(state: ClusterState, denial: PolicyDenial, name: string): Explanation {
  const policy = findPolicy(state, denial.policies[0] ?? '');
  return {
    kind: 'netpol-dns-egress',
    summary: `${who(denial)} pod ${denial.pod} for ${denial.direction}, and no rule allows DNS: the look-up of ${name} (UDP port 53 to kube-dns) is dropped, so the name never resolves. A default-deny egress policy breaks DNS first.`,
    detail:
      'Add an egress rule that allows UDP and TCP port 53 to the kube-dns pods, e.g. `- to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]` with `ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]`.',
    ...(policy
      ? { blame: blameAt(`netpol/${denial.policies[0] ?? ''}`, policy.manifest.source, 'spec') }
      : {}),
  };
}

export function explainPolicyDrop(state: ClusterState, trace: Trace, hop: Hop): Explanation | undefined {
  const denial = hop.facts?.denial;
  if (!denial) return undefined;
  if (hop.facts?.name !== undefined) return dnsExplanation(state, denial, hop.facts.name);
  const peer = denial.direction === 'Ingress' ? hop.src.slice(0, hop.src.lastIndexOf(':')) : hop.dst;
  const what =
    denial.direction === 'Ingress'
      ? `${denial.protocol} from ${peer} to port ${denial.port}`
      : `${denial.protocol} to ${peer}`;
  const miss = denial.nearMiss;
  const send = readHops(trace).find((h) => h.kind === 'send');
  const dialedPort = send ? portOf(send.dst) : undefined;
  const missPolicy = miss ? findPolicy(state, miss.policy) : undefined;
  if (
    miss?.mismatch === 'port' &&
    dialedPort !== undefined &&
    dialedPort !== denial.port &&
    miss.ports.includes(`${denial.protocol} ${dialedPort}`)
  ) {
    const rule = missPolicy?.manifest.spec[denial.direction === 'Ingress' ? 'ingress' : 'egress'];
    const index = rule?.[Number(/\[(\d+)\]/.exec(miss.rule)?.[1] ?? 0)]?.ports.findIndex(
      (p) => p.port === dialedPort,
    );
    const path = `${miss.rule}.ports[${index ?? 0}].port`;
    const fix = fixAt(missPolicy?.manifest.source, path, denial.port, `set port to ${denial.port}`);
    return {
      kind: 'netpol-service-port',
      summary: `rule ${miss.rule} of NetworkPolicy ${miss.policy} allows port ${dialedPort}, the port the client dialled (the Service port), but NetworkPolicy is checked after kube-proxy's DNAT, on the pod's IP and container port ${denial.port}: no rule allows it, so the packet is dropped and the client times out.`,
      detail: `Write the container port (${denial.port}, or its name) in the policy, not the Service port.`,
      blame: blameAt(`netpol/${miss.policy}`, missPolicy?.manifest.source, path),
      ...(fix ? { fix } : {}),
    };
  }
  const first = findPolicy(state, denial.policies[0] ?? '');
  const closest =
    miss?.mismatch === 'port'
      ? ` The closest rule, ${miss.rule} of ${miss.policy}, matches the ${denial.direction === 'Ingress' ? 'source' : 'destination'} but lists ${miss.ports.join(', ')}.`
      : miss?.mismatch === 'peer'
        ? ` The closest rule, ${miss.rule} of ${miss.policy}, allows the port but its ${denial.direction === 'Ingress' ? 'from' : 'to'} peers do not match ${peer}.`
        : ` No policy allows it: ${denial.policies.length === 1 ? 'the policy has' : 'the policies have'} no ${denial.direction.toLowerCase()} rule for it.`;
  const blamed = miss && missPolicy ? missPolicy : first;
  const blameKey = miss && missPolicy ? miss.policy : (denial.policies[0] ?? '');
  return {
    kind: 'netpol-denied',
    summary: `${who(denial)} pod ${denial.pod} for ${denial.direction}, and no rule allows ${what}: the packet is dropped, so the client times out.${closest}`,
    detail:
      'A pod selected by a policy for a direction accepts only what some rule of those policies allows (policies add up); pods no policy selects accept everything.',
    ...(blamed
      ? {
          blame: blameAt(`netpol/${blameKey}`, blamed.manifest.source, miss ? miss.rule : 'spec.podSelector'),
        }
      : {}),
  };
}

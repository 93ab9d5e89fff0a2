/**
 * ping (iputils): ICMP echo answers only from something that owns the address. A ClusterIP is owned
 * by nothing (kube-proxy only rewrites TCP/UDP/SCTP to `clusterIP:port`), so every packet is lost
 * (docs/kubernetes-facts.md#clusterip); pods and nodes answer; pod IPs are not routed to outside clients.
 */
import { lookupName, firstAddress } from '../../net/resolver.ts';
import { getNetIndex } from '../../net/netIndex.ts';
import { dnsDenial, dnsDropNote, policyRuleText } from '../../net/policy/enforce.ts';
import type { Hop, Trace } from '../../trace.ts';
import { graphIdOfNode, graphIdOfPod, NO_PORTS } from '../../trace.ts';
import type { CommandOutput, ShellContext } from '../context.ts';
import { currentPod, graphIdOfLocation } from '../context.ts';

/** iputils' default is to ping until interrupted; the terminal cannot be interrupted, so 4 it is. */
const DEFAULT_COUNT = 4;

export function pingCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  let count = DEFAULT_COUNT;
  let host: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-c') count = Math.max(1, Number(argv[++i]) || DEFAULT_COUNT);
    else if (a.startsWith('-c')) count = Math.max(1, Number(a.slice(2)) || DEFAULT_COUNT);
    else if (a === '-W' || a === '-w' || a === '-i' || a === '-s') i++;
    else if (!a.startsWith('-')) host ??= a;
  }
  if (!host) return { stdout: '', stderr: 'ping: usage error: Destination address required\n', exitCode: 1 };
  const state = ctx.sim.state;
  const from = graphIdOfLocation(ctx.at);
  const lookup = lookupName(state, { from, name: host, type: 'A', useHosts: true });
  const ip = firstAddress(lookup);
  const pod = currentPod(ctx);
  const client =
    ctx.at.kind === 'client'
      ? state.clients.find((c) => c.name === (ctx.at.kind === 'client' ? ctx.at.client : ''))
      : undefined;
  const srcIp = pod?.status.podIP ?? client?.ip ?? '0.0.0.0';
  // an egress NetworkPolicy that drops the query to kube-dns: no answer, glibc's EAI_AGAIN
  const blocked =
    pod && lookup.source === 'dns' ? dnsDenial(state, getNetIndex(state), pod, lookup.server) : undefined;
  if (blocked) {
    ctx.traces.push({
      from,
      request: { method: 'ICMP', url: host, host, clientIp: srcIp },
      outcome: 'unresolved',
      path: [
        {
          at: from,
          kind: 'drop',
          src: srcIp,
          dst: `${lookup.server ?? ''}:53`,
          note: dnsDropNote(blocked, host),
          rule: policyRuleText(blocked),
          facts: { name: host, denial: blocked },
        },
      ],
      ports: NO_PORTS,
    });
    return { stdout: '', stderr: `ping: ${host}: Temporary failure in name resolution\n`, exitCode: 2 };
  }
  const hops: Hop[] = [];
  if (lookup.source === 'dns' || lookup.source === 'hosts')
    hops.push({
      at: 'dns',
      kind: 'dns',
      src: srcIp,
      dst: lookup.server ?? srcIp,
      note: `${host} resolved to ${ip ?? 'nothing'} (${lookup.source === 'hosts' ? '/etc/hosts' : 'cluster DNS'})`,
    });
  if (!ip) {
    ctx.traces.push({
      from,
      request: { method: 'ICMP', url: host, host, clientIp: srcIp },
      outcome: 'unresolved',
      path: hops,
      ports: NO_PORTS,
    });
    return { stdout: '', stderr: `ping: ${host}: Name or service not known\n`, exitCode: 2 };
  }
  hops.push({ at: from, kind: 'send', src: srcIp, dst: ip, note: `ICMP echo request to ${ip}` });
  const targetPod = state.pods.find(
    (p) => p.status.podIP === ip && p.status.phase === 'Running' && !p.spec.hostNetwork,
  );
  const targetNode = state.nodes.find((n) => n.ip === ip);
  const service = state.services.find((s) => s.manifest.spec.clusterIP === ip);
  let reply = false;
  let endpoint: Trace['endpoint'];
  if (targetPod) {
    const node = state.nodes.find((n) => n.name === targetPod.spec.nodeName);
    reply = (node?.up ?? false) && ctx.at.kind === 'pod';
    endpoint = {
      pod: `${targetPod.metadata.namespace}/${targetPod.metadata.name}`,
      node: targetPod.spec.nodeName,
      ip,
      port: 0,
    };
    if (reply)
      hops.push({
        at: graphIdOfPod(targetPod.metadata.namespace, targetPod.metadata.name),
        kind: 'deliver',
        src: srcIp,
        dst: ip,
        note: 'The pod owns this address and answers the echo request.',
      });
    else
      hops.push({
        at: from,
        kind: 'drop',
        src: srcIp,
        dst: ip,
        note:
          ctx.at.kind === 'client'
            ? 'Pod IPs are not routed outside the cluster network.'
            : "The pod's node is down.",
      });
  } else if (targetNode) {
    reply = targetNode.up;
    endpoint = { node: targetNode.name, ip, port: 0 };
    hops.push(
      reply
        ? {
            at: graphIdOfNode(targetNode.name),
            kind: 'deliver',
            src: srcIp,
            dst: ip,
            note: 'The node owns this address and answers.',
          }
        : {
            at: graphIdOfNode(targetNode.name),
            kind: 'drop',
            src: srcIp,
            dst: ip,
            note: 'The node is down.',
          },
    );
  } else if (service && state.settings.kubeProxyMode === 'ipvs' && ctx.at.kind === 'pod') {
    // IPVS mode binds every ClusterIP to the kube-ipvs0 dummy interface on each node, so the client's
    // own node answers the echo (a known difference from iptables mode, where nothing does)
    reply = true;
    const nodeName = currentPod(ctx)?.spec.nodeName ?? '';
    hops.push({
      at: graphIdOfNode(nodeName),
      kind: 'deliver',
      src: srcIp,
      dst: ip,
      note: 'kube-proxy in IPVS mode puts every ClusterIP on the kube-ipvs0 interface of each node, so the node itself answers ICMP.',
    });
  } else if (service) {
    hops.push({
      at: `svc/${service.manifest.metadata.namespace}/${service.manifest.metadata.name}`,
      kind: 'drop',
      src: srcIp,
      dst: ip,
      note: 'A ClusterIP is virtual: kube-proxy rewrites only TCP/UDP/SCTP to clusterIP:port, and no interface answers ICMP for it.',
    });
  } else {
    hops.push({
      at: from,
      kind: 'drop',
      src: srcIp,
      dst: ip,
      note: 'Nothing on the network owns this address.',
    });
  }
  if (reply) hops.push({ at: from, kind: 'reply', src: ip, dst: srcIp, note: 'ICMP echo reply.' });
  ctx.traces.push({
    from,
    request: { method: 'ICMP', url: host, host, clientIp: srcIp },
    outcome: reply ? 'ok' : 'timeout',
    ...(endpoint ? { endpoint } : {}),
    ...(service
      ? { service: `${service.manifest.metadata.namespace}/${service.manifest.metadata.name}` }
      : {}),
    path: hops,
    ports: NO_PORTS,
  });

  const shownName = lookup.answeredName ?? host;
  let out = `PING ${shownName} (${ip}) 56(84) bytes of data.\n`;
  const time = (n: number): string => (0.045 + ((n * 37) % 50) / 1000).toFixed(3);
  if (reply) {
    const display = lookup.answeredName ? `${lookup.answeredName} (${ip})` : ip;
    for (let n = 1; n <= count; n++)
      out += `64 bytes from ${display}: icmp_seq=${n} ttl=${targetPod ? 63 : 64} time=${time(n)} ms\n`;
  }
  out += `\n--- ${shownName} ping statistics ---\n`;
  const elapsed = (count - 1) * 1000 + 20 + count * 3;
  if (reply) {
    const times = Array.from({ length: count }, (_, k) => Number(time(k + 1)));
    const min = Math.min(...times);
    const max = Math.max(...times);
    const avg = times.reduce((a, b) => a + b, 0) / count;
    const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / count);
    out += `${count} packets transmitted, ${count} received, 0% packet loss, time ${elapsed}ms\n`;
    out += `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n`;
    return { stdout: out, stderr: '', exitCode: 0 };
  }
  out += `${count} packets transmitted, 0 received, 100% packet loss, time ${elapsed}ms\n\n`;
  return { stdout: out, stderr: '', exitCode: 1 };
}

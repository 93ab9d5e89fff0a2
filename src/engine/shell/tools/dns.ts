/**
 * nslookup (bind9's, as in Debian-based images such as the book's luksa/kubia) and dig over the
 * cluster resolver. nslookup walks the search list of /etc/resolv.conf (so `kubia` answers as
 * `kubia.default.svc.cluster.local`); dig does not unless `+search`, so `dig kubia` is NXDOMAIN.
 */
import type { DnsRecord, DnsRecordType } from '../../cluster/dnsRecords.ts';
import { lookupName } from '../../net/resolver.ts';
import { getNetIndex } from '../../net/netIndex.ts';
import { dnsDenial, dnsDropNote, policyRuleText } from '../../net/policy/enforce.ts';
import type { PolicyDenial } from '../../net/policy/evaluate.ts';
import type { LookupResult } from '../../net/resolver.ts';
import type { CommandOutput, ShellContext } from '../context.ts';
import { currentPod, graphIdOfLocation } from '../context.ts';
import type { Hop } from '../../trace.ts';
import { DNS_GRAPH_ID, NO_PORTS } from '../../trace.ts';
import { formatHttpDate } from './httpDate.ts';
import { getImageTools } from './images.ts';

/** systemd-resolved's stub on the laptop. */
const LAPTOP_RESOLVER = '127.0.0.53';

function serverOf(result: LookupResult): string {
  return result.server ?? LAPTOP_RESOLVER;
}

/**
 * A DNS query is a request too: the app animates it from the asking machine to the cluster DNS, one
 * `dns` hop per name of the search-list walk, with the answer code of each.
 */
function recordLookup(ctx: ShellContext, result: LookupResult): void {
  const pod = currentPod(ctx);
  const client =
    ctx.at.kind === 'client'
      ? ctx.sim.state.clients.find((c) => ctx.at.kind === 'client' && c.name === ctx.at.client)
      : undefined;
  const src = `${pod?.status.podIP ?? client?.ip ?? '127.0.0.1'}:53000`;
  const server = serverOf(result);
  const from = graphIdOfLocation(ctx.at);
  const at = result.serverName ? DNS_GRAPH_ID : from;
  const hops: Hop[] = result.tried.map((t) => ({
    at,
    kind: 'dns' as const,
    src,
    dst: `${server}:53`,
    note: `${result.type}? ${t.name} -> ${t.rcode}${t.name === result.answeredName ? ` (${result.answers.map((a) => a.value).join(', ')})` : ''}`,
  }));
  if (hops.length === 0)
    hops.push({
      at: from,
      kind: 'dns',
      src,
      dst: `${server}:53`,
      note: `${result.type}? ${result.name} -> ${result.rcode}${result.error ? `: ${result.error}` : ''}`,
    });
  ctx.traces.push({
    from,
    request: { method: 'DNS', url: result.name, host: result.name, clientIp: src.replace(/:\d+$/, '') },
    outcome: result.answers.length ? 'ok' : 'unresolved',
    path: hops,
    ports: NO_PORTS,
  });
}

/**
 * The NetworkPolicy denial that keeps a pod's query from every CoreDNS pod (a default-deny egress
 * policy without port 53), as the data plane checks a request's look-up (net/policy/enforce.ts). The
 * query then goes unanswered: the tools time out instead of printing an answer.
 */
function blockedLookup(ctx: ShellContext, result: LookupResult): PolicyDenial | undefined {
  const pod = currentPod(ctx);
  if (!pod || result.source !== 'dns') return undefined;
  return dnsDenial(ctx.sim.state, getNetIndex(ctx.sim.state), pod, result.server);
}

/** The unanswered query on the graph: one drop hop at the pod that names the policy. */
function recordBlockedLookup(ctx: ShellContext, result: LookupResult, denial: PolicyDenial): void {
  const pod = currentPod(ctx);
  const src = `${pod?.status.podIP ?? '127.0.0.1'}:53000`;
  const from = graphIdOfLocation(ctx.at);
  ctx.traces.push({
    from,
    request: { method: 'DNS', url: result.name, host: result.name, clientIp: src.replace(/:\d+$/, '') },
    outcome: 'unresolved',
    path: [
      {
        at: from,
        kind: 'drop',
        src,
        dst: `${serverOf(result)}:53`,
        note: dnsDropNote(denial, result.name),
        rule: policyRuleText(denial),
        facts: { name: result.name, denial },
      },
    ],
    ports: NO_PORTS,
  });
}

/**
 * bind9 9.18 (dig, and nslookup of Debian images) reports each unanswered try, three by default
 * (`+tries=3`): `;; communications error to 10.96.0.10#53: timed out`.
 */
function timedOutTries(server: string): string {
  return `;; communications error to ${server}#53: timed out\n`.repeat(3);
}

export function nslookupCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  const args = argv.slice(1).filter((a) => !a.startsWith('-'));
  const typeArg = argv.slice(1).find((a) => a.startsWith('-type=') || a.startsWith('-query='));
  const name = args[0];
  if (!name) return { stdout: '', stderr: 'Usage: nslookup [-opt ...] host\n', exitCode: 1 };
  const type = (typeArg?.split('=')[1]?.toUpperCase() ?? undefined) as DnsRecordType | undefined;
  const result = lookupName(ctx.sim.state, {
    from: graphIdOfLocation(ctx.at),
    name,
    ...(type ? { type } : {}),
  });
  const server = serverOf(result);
  // bind9's nslookup writes the server as `ip#53`; busybox's (Alpine/busybox images) as `ip:53`
  const image = currentPod(ctx)?.spec.containers[0]?.image;
  const busybox = image !== undefined && getImageTools(image).shell === 'ash';
  const denial = blockedLookup(ctx, result);
  if (denial) {
    recordBlockedLookup(ctx, result, denial);
    // no answer ever comes: busybox gives up in one line, bind9 reports each try
    const stdout = busybox
      ? ';; connection timed out; no servers could be reached\n\n'
      : `${timedOutTries(server)};; no servers could be reached\n\n`;
    return { stdout, stderr: '', exitCode: 1 };
  }
  recordLookup(ctx, result);
  const separator = busybox ? ':' : '#';
  let out = `Server:\t\t${server}\nAddress:\t${server}${separator}53\n\n`;
  if (result.answers.length === 0) {
    const shown = result.type === 'PTR' ? name.split('.').reverse().join('.') + '.in-addr.arpa' : name;
    out += `** server can't find ${shown}: ${result.rcode === 'NOERROR' ? 'NXDOMAIN' : result.rcode}\n\n`;
    return { stdout: out, stderr: '', exitCode: 1 };
  }
  for (const record of result.answers) {
    switch (record.type) {
      case 'CNAME':
        out += `${record.name}\tcanonical name = ${record.value}.\n`;
        break;
      case 'A':
        out += `Name:\t${record.name}\nAddress: ${record.value}\n`;
        break;
      case 'SRV':
        out += `${record.name}\tservice = ${record.priority ?? 0} ${record.weight ?? 100} ${record.port ?? 0} ${record.value}.\n`;
        break;
      case 'PTR':
        out += `${record.name}\tname = ${record.value}.\n`;
        break;
    }
  }
  return { stdout: out + '\n', stderr: '', exitCode: 0 };
}

function digRecord(r: DnsRecord): string {
  const value =
    r.type === 'A'
      ? r.value
      : r.type === 'SRV'
        ? `${r.priority ?? 0} ${r.weight ?? 100} ${r.port ?? 0} ${r.value}.`
        : `${r.value}.`;
  return `${r.name}.\t\t${r.ttl}\tIN\t${r.type}\t${value}`;
}

function shortValue(r: DnsRecord): string {
  if (r.type === 'A') return r.value;
  if (r.type === 'SRV') return `${r.priority ?? 0} ${r.weight ?? 100} ${r.port ?? 0} ${r.value}.`;
  return `${r.value}.`;
}

/** `Thu Jan 01 09:02:06 UTC 2026`, as dig's `;; WHEN:` line prints the time. */
function digDate(seconds: number): string {
  const [day = '', date = '', month = '', year = '', time = ''] = formatHttpDate(seconds)
    .replace(',', '')
    .split(' ');
  return `${day} ${month} ${date} ${time} UTC ${year}`;
}

export function digCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  let short = false;
  let search = false;
  let type: DnsRecordType = 'A';
  let name: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a.startsWith('+') || a.startsWith('@')) continue;
    else if (a === '-x') {
      const ip = argv[++i] ?? '';
      name = ip;
      type = 'PTR';
    } else if (a === '-t') type = (argv[++i] ?? 'A').toUpperCase() as DnsRecordType;
    else if (['A', 'SRV', 'PTR', 'CNAME'].includes(a)) type = a as DnsRecordType;
    else name ??= a;
  }
  if (!name) name = '.';
  const absolute = search || name.endsWith('.') || type === 'PTR' ? name : `${name}.`;
  const result = lookupName(ctx.sim.state, { from: graphIdOfLocation(ctx.at), name: absolute, type });
  const denial = blockedLookup(ctx, result);
  if (denial) {
    recordBlockedLookup(ctx, result, denial);
    // dig's exit status 9: no reply from server
    const tries = timedOutTries(serverOf(result));
    const stdout = short
      ? tries
      : `${tries}\n; <<>> DiG 9.18.33-1~deb12u2-Debian <<>> ${argv.slice(1).join(' ')}\n;; global options: +cmd\n;; no servers could be reached\n`;
    return { stdout, stderr: '', exitCode: 9 };
  }
  recordLookup(ctx, result);
  if (short)
    return { stdout: result.answers.map((r) => shortValue(r) + '\n').join(''), stderr: '', exitCode: 0 };
  const server = serverOf(result);
  const qname =
    type === 'PTR'
      ? `${name.split('.').reverse().join('.')}.in-addr.arpa.`
      : `${(result.answeredName ?? name).replace(/\.$/, '')}.`;
  const status = result.answers.length ? 'NOERROR' : result.rcode === 'NOERROR' ? 'NXDOMAIN' : result.rcode;
  const lines = [
    '',
    `; <<>> DiG 9.18.33-1~deb12u2-Debian <<>> ${argv.slice(1).join(' ')}`,
    ';; global options: +cmd',
    ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: ${10000 + (Math.floor(ctx.sim.state.clock * 7919) % 50000)}`,
    `;; flags: qr aa rd; QUERY: 1, ANSWER: ${result.answers.length}, AUTHORITY: 0, ADDITIONAL: 1`,
    ';; WARNING: recursion requested but not available',
    '',
    ';; OPT PSEUDOSECTION:',
    '; EDNS: version: 0, flags:; udp: 1232',
    ';; QUESTION SECTION:',
    `;${qname}\t\tIN\t${type}`,
    '',
  ];
  if (result.answers.length) lines.push(';; ANSWER SECTION:', ...result.answers.map(digRecord), '');
  lines.push(
    ';; Query time: 0 msec',
    `;; SERVER: ${server}#53(${server}) (UDP)`,
    `;; WHEN: ${digDate(ctx.sim.state.clock)}`,
    `;; MSG SIZE  rcvd: ${60 + result.answers.length * 40}`,
    '',
  );
  return { stdout: lines.join('\n') + '\n', stderr: '', exitCode: 0 };
}

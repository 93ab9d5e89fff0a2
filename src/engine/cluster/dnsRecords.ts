/**
 * The cluster DNS zone as CoreDNS's kubernetes plugin serves it, derived from the state (never stored).
 * Follows the Kubernetes DNS-Based Service Discovery spec 1.1.0
 * (https://github.com/kubernetes/dns/blob/master/docs/specification.md)
 * and "DNS for Services and Pods" (docs/kubernetes-facts.md#dns):
 * - ClusterIP Service: `<svc>.<ns>.svc.<zone>` A -> ClusterIP (whether or not it has endpoints);
 * - headless: one A per READY endpoint (NXDOMAIN when none), plus `<hostname>.<svc>.<ns>.svc.<zone>`
 *   per endpoint (its hostname, else the dashed IP, as CoreDNS names endpoints);
 * - ExternalName: CNAME to the external name;
 * - SRV for NAMED ports only: `_<port>._<proto>.<svc>.<ns>.svc.<zone>`;
 * - PTR for ClusterIPs and for every Service endpoint IP (`<hostname|dashed-ip>.<svc>.<ns>.svc.<zone>`);
 * - pod A records `a-b-c-d.<ns>.pod.<zone>` (kind's Corefile says `pods insecure`: any well-formed
 *   dashed IP answers).
 * TTL 30 as in the kubeadm/kind Corefile (`ttl 30`).
 * Endpoints come from the Service's EndpointSlices, ready ones only, as the kubernetes plugin watches
 * them (https://github.com/coredns/coredns/tree/master/plugin/kubernetes, docs/kubernetes-facts.md#endpointslices).
 */
import type { ClusterState, EndpointSliceState, PodState, ServiceState } from '../model/state.ts';
import type { EndpointAddress, EndpointPort } from '../model/objects.ts';

export type DnsRecordType = 'A' | 'CNAME' | 'SRV' | 'PTR';
export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';

export interface DnsRecord {
  /** Fully qualified, lowercase, without the trailing dot. */
  name: string;
  type: DnsRecordType;
  ttl: number;
  /** IP for A; target name for CNAME, SRV and PTR. */
  value: string;
  /** SRV only. */
  port?: number;
  priority?: number;
  weight?: number;
}

export interface DnsAnswer {
  rcode: Rcode;
  /** In answer-section order: a CNAME first, then what it points to. */
  answers: DnsRecord[];
  /** Which part of the resolver chain answered. */
  authority: 'cluster' | 'upstream';
}

export const DNS_TTL = 30;

interface Zone {
  records: Map<string, DnsRecord[]>;
  /** Names that exist only as parents of records (`default.svc.cluster.local`): NOERROR, no data. */
  parents: Set<string>;
  zone: string;
}

interface ZoneCacheEntry {
  zone: Zone;
  endpointSlices: EndpointSliceState[];
  pods: PodState[];
  domain: string;
}

/** A Service's ready endpoints and their ports, one group per IPv4 slice (what CoreDNS publishes). */
interface EndpointGroup {
  addresses: EndpointAddress[];
  ports: EndpointPort[];
}

function endpointGroups(state: ClusterState): Map<string, EndpointGroup[]> {
  const groups = new Map<string, EndpointGroup[]>();
  for (const slice of state.endpointSlices) {
    const service = slice.metadata.labels['kubernetes.io/service-name'];
    if (service === undefined || slice.addressType !== 'IPv4') continue;
    const addresses: EndpointAddress[] = [];
    for (const e of slice.endpoints) {
      const ip = e.addresses[0];
      if (ip === undefined || e.conditions.ready === false) continue;
      const ref = e.targetRef;
      addresses.push({
        ip,
        ...(e.hostname ? { hostname: e.hostname } : {}),
        ...(ref?.kind === 'Pod'
          ? { targetRef: { kind: 'Pod', namespace: ref.namespace, name: ref.name } }
          : {}),
      });
    }
    const ports: EndpointPort[] = [];
    for (const p of slice.ports)
      if (p.port !== undefined)
        ports.push({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol });
    const key = `${slice.metadata.namespace}/${service}`;
    const list = groups.get(key);
    if (list) list.push({ addresses, ports });
    else groups.set(key, [{ addresses, ports }]);
  }
  return groups;
}

const zoneCache = new WeakMap<ServiceState[], ZoneCacheEntry>();

function add(records: Map<string, DnsRecord[]>, record: DnsRecord): void {
  const list = records.get(record.name);
  if (list) list.push(record);
  else records.set(record.name, [record]);
}

export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

function dashed(ip: string): string {
  return ip.replaceAll('.', '-');
}

/** The hostname an endpoint publishes: its own, or (for pods with hostname+subdomain) the pod's. */
function endpointHostname(
  address: EndpointAddress,
  service: string,
  pods: Map<string, PodState>,
): string | undefined {
  if (address.hostname) return address.hostname;
  if (!address.targetRef) return undefined;
  const pod = pods.get(`${address.targetRef.namespace}/${address.targetRef.name}`);
  if (pod?.spec.hostname && pod.spec.subdomain === service) return pod.spec.hostname;
  return undefined;
}

function buildZone(state: ClusterState): Zone {
  const zone = state.settings.dnsDomain.toLowerCase();
  const records = new Map<string, DnsRecord[]>();
  const endpointsByKey = endpointGroups(state);
  const podsByKey = new Map<string, PodState>();
  for (const p of state.pods) podsByKey.set(`${p.metadata.namespace}/${p.metadata.name}`, p);

  for (const service of state.services) {
    const { metadata, spec } = service.manifest;
    const fqdn = `${metadata.name}.${metadata.namespace}.svc.${zone}`.toLowerCase();
    if (spec.type === 'ExternalName') {
      if (spec.externalName) {
        add(records, {
          name: fqdn,
          type: 'CNAME',
          ttl: DNS_TTL,
          value: spec.externalName.replace(/\.$/, '').toLowerCase(),
        });
      }
      continue;
    }
    const namedPorts = spec.ports.filter((p) => p.name);
    if (spec.clusterIP && spec.clusterIP !== 'None') {
      add(records, { name: fqdn, type: 'A', ttl: DNS_TTL, value: spec.clusterIP });
      add(records, { name: reverseName(spec.clusterIP), type: 'PTR', ttl: DNS_TTL, value: fqdn });
      for (const port of namedPorts) {
        add(records, {
          name: `_${port.name}._${port.protocol.toLowerCase()}.${fqdn}`,
          type: 'SRV',
          ttl: DNS_TTL,
          value: fqdn,
          port: port.port,
          priority: 0,
          weight: 100,
        });
      }
      // CoreDNS also answers reverse look-ups for the endpoints of ClusterIP Services, naming them
      // `<hostname or dashed IP>.<svc>.<ns>.svc.<zone>` (coredns plugin/kubernetes reverse.go).
      for (const subset of endpointsByKey.get(`${metadata.namespace}/${metadata.name}`) ?? []) {
        for (const address of subset.addresses) {
          const hostname = endpointHostname(address, metadata.name, podsByKey) ?? dashed(address.ip);
          const ptr = `${hostname}.${fqdn}`.toLowerCase();
          const existing = records.get(reverseName(address.ip));
          if (!existing?.some((r) => r.value === ptr)) {
            add(records, { name: reverseName(address.ip), type: 'PTR', ttl: DNS_TTL, value: ptr });
          }
        }
      }
      continue;
    }
    // Headless: the ready endpoints themselves (publishNotReadyAddresses already made unready ones ready).
    const seen = new Set<string>();
    for (const subset of endpointsByKey.get(`${metadata.namespace}/${metadata.name}`) ?? []) {
      for (const address of subset.addresses) {
        const hostname = endpointHostname(address, metadata.name, podsByKey) ?? dashed(address.ip);
        const hostFqdn = `${hostname}.${fqdn}`.toLowerCase();
        if (!seen.has(address.ip)) {
          seen.add(address.ip);
          add(records, { name: fqdn, type: 'A', ttl: DNS_TTL, value: address.ip });
          add(records, { name: hostFqdn, type: 'A', ttl: DNS_TTL, value: address.ip });
          add(records, { name: reverseName(address.ip), type: 'PTR', ttl: DNS_TTL, value: hostFqdn });
        }
        for (const port of subset.ports) {
          if (!port.name) continue;
          add(records, {
            name: `_${port.name}._${port.protocol.toLowerCase()}.${fqdn}`,
            type: 'SRV',
            ttl: DNS_TTL,
            value: hostFqdn,
            port: port.port,
            priority: 0,
            weight: 100,
          });
        }
      }
    }
  }
  const parents = new Set<string>();
  for (const name of records.keys()) {
    let rest = name;
    for (let dot = rest.indexOf('.'); dot >= 0; dot = rest.indexOf('.')) {
      rest = rest.slice(dot + 1);
      if (parents.has(rest)) break;
      parents.add(rest);
    }
  }
  return { records, parents, zone };
}

function getZone(state: ClusterState): Zone {
  const hit = zoneCache.get(state.services);
  if (
    hit &&
    hit.endpointSlices === state.endpointSlices &&
    hit.pods === state.pods &&
    hit.domain === state.settings.dnsDomain
  ) {
    return hit.zone;
  }
  const zone = buildZone(state);
  zoneCache.set(state.services, {
    zone,
    endpointSlices: state.endpointSlices,
    pods: state.pods,
    domain: state.settings.dnsDomain,
  });
  return zone;
}

/** Every record of the cluster zone (pod A records excepted: they are synthesised on demand). */
export function getDnsRecords(state: ClusterState): DnsRecord[] {
  return [...getZone(state).records.values()].flat();
}

const POD_NAME = /^(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.([a-z0-9-]+)\.pod\.(.+)$/;

function podRecord(name: string, zone: string): DnsRecord | undefined {
  const m = POD_NAME.exec(name);
  if (!m || m[6] !== zone) return undefined;
  const octets = [m[1], m[2], m[3], m[4]].map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return { name, type: 'A', ttl: DNS_TTL, value: octets.join('.') };
}

/**
 * What the cluster DNS (CoreDNS) answers for one fully qualified query. Names outside the zone are
 * forwarded upstream, to the node's resolver: in a kind cluster that is Docker's DNS, which knows the
 * node containers by name and, in this simulation, nothing on the internet.
 */
export function queryClusterDns(state: ClusterState, rawName: string, type: DnsRecordType): DnsAnswer {
  const name = rawName.toLowerCase().replace(/\.$/, '');
  const { records, parents, zone } = getZone(state);
  const inZone = name === zone || name.endsWith(`.${zone}`) || name.endsWith('.in-addr.arpa');
  if (!inZone) return queryUpstream(state, name, type);
  const all = records.get(name) ?? [];
  const pod = all.length === 0 ? podRecord(name, zone) : undefined;
  if (pod) return { rcode: 'NOERROR', answers: type === 'A' ? [pod] : [], authority: 'cluster' };
  if (all.length === 0) {
    // `fallthrough in-addr.arpa`: reverse names the plugin does not know go upstream.
    if (name.endsWith('.in-addr.arpa')) return queryUpstream(state, name, type);
    // Empty non-terminals (`default.svc.cluster.local`) exist with no data; other names do not.
    return { rcode: parents.has(name) ? 'NOERROR' : 'NXDOMAIN', answers: [], authority: 'cluster' };
  }
  const direct = all.filter((r) => r.type === type);
  if (direct.length > 0) return { rcode: 'NOERROR', answers: direct, authority: 'cluster' };
  const cname = all.find((r) => r.type === 'CNAME');
  if (cname && type !== 'CNAME') {
    // CoreDNS returns the CNAME and chases it when the target is something it can resolve.
    const chased = queryClusterDns(state, cname.value, type);
    return {
      rcode: chased.rcode === 'NXDOMAIN' ? 'NOERROR' : chased.rcode,
      answers: [cname, ...chased.answers],
      authority: 'cluster',
    };
  }
  return { rcode: 'NOERROR', answers: [], authority: 'cluster' };
}

/**
 * The node's resolver (Docker's embedded DNS on kind): node names, and what it forwards to the host's
 * own resolvers, the world's DNS. In the simulation the world knows only the declared outside hosts
 * (docs/outside-hosts.md): any other internet name is NXDOMAIN, as in a cluster without internet.
 */
export function queryUpstream(state: ClusterState, rawName: string, type: DnsRecordType): DnsAnswer {
  const name = rawName.toLowerCase().replace(/\.$/, '');
  for (const host of state.outsideHosts ?? []) {
    if (host.hostnames.includes(name)) {
      return {
        rcode: 'NOERROR',
        answers: type === 'A' ? [{ name, type: 'A', ttl: 300, value: host.address }] : [],
        authority: 'upstream',
      };
    }
    if (type === 'PTR' && name === reverseName(host.address) && host.hostnames[0] !== undefined) {
      return {
        rcode: 'NOERROR',
        answers: [{ name, type: 'PTR', ttl: 300, value: host.hostnames[0] }],
        authority: 'upstream',
      };
    }
  }
  for (const node of state.nodes) {
    if (node.name.toLowerCase() === name) {
      return {
        rcode: 'NOERROR',
        answers: type === 'A' ? [{ name, type: 'A', ttl: 600, value: node.ip }] : [],
        authority: 'upstream',
      };
    }
    if (type === 'PTR' && name === reverseName(node.ip)) {
      return {
        rcode: 'NOERROR',
        answers: [{ name, type: 'PTR', ttl: 600, value: node.name }],
        authority: 'upstream',
      };
    }
  }
  return { rcode: 'NXDOMAIN', answers: [], authority: 'upstream' };
}

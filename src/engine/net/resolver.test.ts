import { describe, it, expect } from 'vitest';
import { formatResolvConf, getPodResolvConf, getSearchCandidates } from '../cluster/resolvConf.ts';
import { getDnsRecords, queryClusterDns } from '../cluster/dnsRecords.ts';
import { lookupName } from './resolver.ts';
import { routeRequest } from './request.ts';
import { clusterIpOf, makeState, nodeIpOf, podIpOf } from './testing/fixtures.ts';
import type { PodFixture, ServiceFixture } from './testing/fixtures.ts';
import { readHops } from '../readHops.ts';

const pods: PodFixture[] = [
  { name: 'client', node: 'kind-worker', image: 'busybox', ports: [] },
  { name: 'tool', namespace: 'other', node: 'kind-worker', image: 'busybox', ports: [] },
  {
    name: 'web-0',
    node: 'kind-worker',
    labels: { app: 'web' },
    hostname: 'web-0',
    subdomain: 'web-headless',
    ports: [{ name: 'http', containerPort: 8080 }],
  },
  {
    name: 'web-1',
    node: 'kind-worker2',
    labels: { app: 'web' },
    ports: [{ name: 'http', containerPort: 8080 }],
  },
  {
    name: 'web-2',
    node: 'kind-worker2',
    labels: { app: 'web' },
    ready: false,
    ports: [{ name: 'http', containerPort: 8080 }],
  },
  { name: 'hostnet', node: 'kind-worker', hostNetwork: true, image: 'busybox', ports: [] },
];
const services: ServiceFixture[] = [
  {
    name: 'kubia',
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  },
  {
    name: 'web-headless',
    clusterIP: 'None',
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 8080 }],
  },
  { name: 'empty-headless', clusterIP: 'None', selector: { app: 'none' }, ports: [{ port: 80 }] },
  { name: 'external-service', type: 'ExternalName', spec: { externalName: 'api.somecompany.com' } },
  { name: 'alias', type: 'ExternalName', spec: { externalName: 'kubia.default.svc.cluster.local' } },
  {
    name: 'kubia',
    namespace: 'other',
    selector: { app: 'x' },
    ports: [{ port: 80 }],
  },
];
const state = makeState({ pods, services });
const kubiaIp = clusterIpOf(state, 'kubia');
// web-0 and web-1 are ready (web-2 is not); CoreDNS names a pod by its dashed IP (10-244-2-2)
const [web0, web1] = [podIpOf(state, 'web-0'), podIpOf(state, 'web-1')];
const web1Dashed = web1.replaceAll('.', '-');

describe('resolv.conf', () => {
  it('ClusterFirst: kube-dns, the namespace search list, ndots:5', () => {
    const pod = state.pods.find((p) => p.metadata.name === 'tool');
    expect(formatResolvConf(getPodResolvConf(state, pod!))).toBe(
      'search other.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });
  it("hostNetwork with ClusterFirst falls back to the node's file", () => {
    const pod = state.pods.find((p) => p.metadata.name === 'hostnet');
    expect(formatResolvConf(getPodResolvConf(state, pod!))).toBe('nameserver 172.18.0.1\n');
  });
  it('orders candidates by ndots; a trailing dot is absolute', () => {
    const conf = {
      nameservers: ['10.96.0.10'],
      searches: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      ndots: 5,
    };
    expect(getSearchCandidates(conf, 'kubia.default.svc.cluster.local')[0]).toBe(
      'kubia.default.svc.cluster.local.default.svc.cluster.local',
    );
    expect(getSearchCandidates(conf, 'a.b.c.d.e.f')[0]).toBe('a.b.c.d.e.f');
    expect(getSearchCandidates(conf, 'kubia.default.svc.cluster.local.')).toEqual([
      'kubia.default.svc.cluster.local',
    ]);
  });
});

describe('lookupName: the search-list walk', () => {
  it("a short name finds the Service of the pod's own namespace first", () => {
    const r = lookupName(state, { from: 'pod/default/client', name: 'kubia' });
    expect(r).toMatchObject({
      source: 'dns',
      server: '10.96.0.10',
      serverName: 'kube-dns.kube-system.svc.cluster.local',
      rcode: 'NOERROR',
    });
    expect(r.tried).toEqual([{ name: 'kubia.default.svc.cluster.local', rcode: 'NOERROR' }]);
    expect(r.answers.map((a) => a.value)).toEqual([kubiaIp]);
    expect(lookupName(state, { from: 'pod/other/tool', name: 'kubia' }).answers[0]?.value).toBe(
      clusterIpOf(state, 'kubia', 'other'),
    );
  });
  it('reaches another namespace with <svc>.<ns> (second suffix) and <svc>.<ns>.svc (third)', () => {
    const r = lookupName(state, { from: 'pod/other/tool', name: 'kubia.default' });
    expect(r.tried).toEqual([
      { name: 'kubia.default.other.svc.cluster.local', rcode: 'NXDOMAIN' },
      { name: 'kubia.default.svc.cluster.local', rcode: 'NOERROR' },
    ]);
    const svc = lookupName(state, { from: 'pod/other/tool', name: 'kubia.default.svc' });
    expect(svc.tried.map((t) => t.rcode)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NOERROR']);
    expect(svc.answeredName).toBe('kubia.default.svc.cluster.local');
  });
  it('even a 4-dot FQDN walks the suffixes first under ndots:5, unless it ends with a dot', () => {
    const r = lookupName(state, { from: 'pod/default/client', name: 'kubia.default.svc.cluster.local' });
    expect(r.tried.map((t) => t.rcode)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'NOERROR']);
    const abs = lookupName(state, { from: 'pod/default/client', name: 'kubia.default.svc.cluster.local.' });
    expect(abs.tried).toHaveLength(1);
  });
  it('an unknown name is NXDOMAIN after trying every candidate', () => {
    const r = lookupName(state, { from: 'pod/default/client', name: 'nope' });
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.tried.map((t) => t.name)).toEqual([
      'nope.default.svc.cluster.local',
      'nope.svc.cluster.local',
      'nope.cluster.local',
      'nope',
    ]);
  });
  it('headless: one A per READY endpoint; pods with hostname+subdomain get their own name; none ready -> NXDOMAIN', () => {
    const r = lookupName(state, { from: 'pod/default/client', name: 'web-headless' });
    expect(r.answers.map((a) => a.value).sort()).toEqual([web0, web1].sort());
    expect(
      lookupName(state, { from: 'pod/default/client', name: 'web-0.web-headless' }).answers[0]?.value,
    ).toBe(web0);
    expect(lookupName(state, { from: 'pod/default/client', name: 'empty-headless' }).rcode).toBe('NXDOMAIN');
  });
  it('ExternalName answers a CNAME (chased when it points into the cluster)', () => {
    const ext = lookupName(state, { from: 'pod/default/client', name: 'external-service' });
    expect(ext.answers).toEqual([
      {
        name: 'external-service.default.svc.cluster.local',
        type: 'CNAME',
        ttl: 30,
        value: 'api.somecompany.com',
      },
    ]);
    const alias = lookupName(state, { from: 'pod/default/client', name: 'alias' });
    expect(alias.answers.map((a) => `${a.type} ${a.value}`)).toEqual([
      'CNAME kubia.default.svc.cluster.local',
      `A ${kubiaIp}`,
    ]);
    const t = routeRequest(state, { from: 'pod/default/client', url: 'http://external-service' }).trace;
    expect(t).toMatchObject({
      outcome: 'unresolved',
      body: 'curl: (6) Could not resolve host: external-service\n',
    });
  });
  it('SRV for named ports only, PTR for ClusterIPs and headless endpoints, pod A records', () => {
    const srv = queryClusterDns(state, '_http._tcp.kubia.default.svc.cluster.local', 'SRV');
    expect(srv.answers).toEqual([
      {
        name: '_http._tcp.kubia.default.svc.cluster.local',
        type: 'SRV',
        ttl: 30,
        value: 'kubia.default.svc.cluster.local',
        port: 80,
        priority: 0,
        weight: 100,
      },
    ]);
    expect(
      getDnsRecords(state).filter((r) => r.type === 'SRV' && r.name.includes('.kubia.default.')),
    ).toHaveLength(1);
    // other/kubia's one port has no name (the API server requires names only when there are several)
    expect(getDnsRecords(state).filter((r) => r.type === 'SRV' && r.name.includes('.kubia.other.'))).toEqual(
      [],
    );
    const headlessSrv = queryClusterDns(state, '_http._tcp.web-headless.default.svc.cluster.local', 'SRV');
    expect(headlessSrv.answers.map((a) => `${a.value}:${a.port}`).sort()).toEqual([
      `${web1Dashed}.web-headless.default.svc.cluster.local:8080`,
      'web-0.web-headless.default.svc.cluster.local:8080',
    ]);
    expect(
      lookupName(state, { from: 'pod/default/client', name: kubiaIp, type: 'PTR' }).answers[0]?.value,
    ).toBe('kubia.default.svc.cluster.local');
    expect(
      lookupName(state, { from: 'pod/default/client', name: '10-244-1-3.default.pod.cluster.local' })
        .answers[0]?.value,
    ).toBe('10.244.1.3');
    // A pod behind a ClusterIP Service: its dashed IP under the Service name (and under every Service it backs).
    const ptr = lookupName(state, { from: 'pod/default/client', name: web1, type: 'PTR' });
    expect(ptr.answers.map((a) => a.value).sort()).toEqual([
      `${web1Dashed}.kubia.default.svc.cluster.local`,
      `${web1Dashed}.web-headless.default.svc.cluster.local`,
    ]);
  });
  it('nodes and dnsPolicy Default know no cluster names, only node names', () => {
    const r = lookupName(state, { from: 'node/kind-worker', name: 'kubia.default.svc.cluster.local' });
    expect(r).toMatchObject({ server: '172.18.0.1', rcode: 'NXDOMAIN' });
    expect(lookupName(state, { from: 'node/kind-worker', name: 'kind-worker2' }).answers[0]?.value).toBe(
      nodeIpOf(state, 'kind-worker2'),
    );
    const t = routeRequest(state, { from: 'node/kind-worker', url: 'http://kubia' }).trace;
    expect(t.outcome).toBe('unresolved');
  });
  it('outside clients do not know cluster names; unknown sources are reported, not thrown', () => {
    expect(lookupName(state, { from: 'client/laptop', name: 'kubia' }).rcode).toBe('NXDOMAIN');
    expect(lookupName(state, { from: 'pod/default/ghost', name: 'kubia' }).error).toContain('not found');
  });
  it('no ready CoreDNS, or CoreDNS only on a node that is down: no servers could be reached', () => {
    // Both CoreDNS pods report not ready (kubectl's view: 0/1), so kube-dns has no ready endpoint.
    const unreadyDns = makeState({ pods, services, dnsReady: false });
    const refused = lookupName(unreadyDns, { from: 'pod/default/client', name: 'kubia' });
    expect(refused).toMatchObject({ rcode: 'SERVFAIL', server: '10.96.0.10' });
    expect(refused.error).toContain('no ready endpoints');
    const down = makeState({
      pods,
      services,
      nodes: [{ name: 'kind-control-plane', up: false }, { name: 'kind-worker' }, { name: 'kind-worker2' }],
    });
    const lost = lookupName(down, { from: 'pod/default/client', name: 'kubia' });
    expect(lost).toMatchObject({ rcode: 'SERVFAIL', tried: [] });
    expect(lost.error).toContain('no servers could be reached');
    const t = routeRequest(down, { from: 'pod/default/client', url: 'http://kubia' }).trace;
    expect(t.outcome).toBe('unresolved');
    expect(readHops(t)[0]?.note).toContain('no servers could be reached');
  });
});

import { describe, it, expect } from 'vitest';
import type { Hop } from '../../engine/index.ts';
import { translator } from '../../i18n/testing/translator.ts';
import { plainHopText } from './plainHop.ts';

const hop = (h: Partial<Hop> & Pick<Hop, 'kind' | 'at'>): Hop => ({
  src: '10.244.1.3:46130',
  dst: '',
  note: '',
  ...h,
});

/** One hop of every kind, as the engine writes them for `curl http://kubia` from a pod. */
const hops: Record<Hop['kind'], Hop> = {
  dns: hop({ kind: 'dns', at: 'dns', dst: '10.96.0.10:53', facts: { name: 'kubia', answer: '10.96.50.1' } }),
  send: hop({ kind: 'send', at: 'pod/default/client', dst: '10.96.50.1:80' }),
  dnat: hop({
    kind: 'dnat',
    at: 'node/kind-worker',
    dst: '10.244.2.3:8080',
    facts: {
      service: 'default/kubia',
      pick: 'random',
      chosen: '10.244.2.3:8080',
      pod: 'default/kubia-w446j',
      of: 3,
      index: 3,
      probability: 1,
      chain: 'KUBE-SVC-4LEAQQBWDM4SV2YZ',
      node: 'kind-worker',
    },
  }),
  snat: hop({ kind: 'snat', at: 'node/kind-worker', facts: { node: 'kind-worker' } }),
  forward: hop({
    kind: 'forward',
    at: 'node/kind-worker2',
    facts: { from: 'kind-worker', node: 'kind-worker2' },
  }),
  balance: hop({
    kind: 'balance',
    at: 'lb/default/kubia-lb',
    facts: { service: 'default/kubia-lb', pick: 'round-robin', chosen: 'kind-worker2', of: 2, index: 2 },
  }),
  route: hop({
    kind: 'route',
    at: 'ing/default/kubia',
    facts: {
      service: 'default/kubia',
      pick: 'round-robin',
      chosen: '10.244.1.4:8080',
      pod: 'default/kubia-abcde',
      of: 3,
      index: 1,
    },
  }),
  deliver: hop({ kind: 'deliver', at: 'pod/default/kubia-w446j', facts: { status: 200 } }),
  reply: hop({ kind: 'reply', at: 'pod/default/client' }),
  drop: hop({ kind: 'drop', at: 'node/kind-worker2' }),
  reject: hop({ kind: 'reject', at: 'pod/default/kubia-w446j' }),
};

describe('plain hop sentences', () => {
  it('English, one per hop kind', () => {
    const t = translator('en');
    const texts = Object.fromEntries(Object.entries(hops).map(([kind, h]) => [kind, plainHopText(h, t)]));
    expect(texts).toEqual({
      dns: 'The name “kubia” is looked up: it is 10.96.50.1',
      send: 'client sends the request to 10.96.50.1:80',
      dnat: 'kube-proxy on kind-worker sends it to one of the 3 kubia pods at random — this time kubia-w446j',
      snat: 'kind-worker writes its own address on the packet as the sender, so the answer comes back through it',
      forward: 'The pod network carries the packet from kind-worker to kind-worker2',
      balance: 'The load balancer sends it to node kind-worker2 — the 2 nodes take turns',
      route:
        'The ingress controller reads the host name and path and picks the kubia Service: one of its 3 pods in turn — this time kubia-abcde',
      deliver: 'kubia-w446j gets the request and answers 200',
      reply: 'The answer travels back to client',
      drop: 'The packet is lost at kind-worker2: nothing answers, so the client waits until it gives up',
      reject: 'kubia-w446j refuses the connection: the client hears “connection refused” at once',
    });
  });

  it('Chinese, one per hop kind, with the same names and numbers', () => {
    const t = translator('zh-CN');
    const texts = Object.fromEntries(Object.entries(hops).map(([kind, h]) => [kind, plainHopText(h, t)]));
    expect(texts).toEqual({
      dns: '查询名字“kubia”：它是 10.96.50.1',
      send: 'client 把请求发往 10.96.50.1:80',
      dnat: 'kind-worker 上的 kube-proxy 从 kubia 的 3 个 Pod 中随机选一个 —— 这次是 kubia-w446j',
      snat: 'kind-worker 把发送方地址改成自己的地址，这样回复会经过它返回',
      forward: 'Pod 网络把数据包从 kind-worker 送到 kind-worker2',
      balance: '负载均衡器把它发给节点 kind-worker2 —— 2 个节点轮流接收',
      route:
        'Ingress 控制器读取主机名和路径，选中 kubia Service：让它的 3 个 Pod 轮流接收 —— 这次是 kubia-abcde',
      deliver: 'kubia-w446j 收到请求，回复 200',
      reply: '回复沿原路返回 client',
      drop: '数据包在 kind-worker2 丢失：没有人回应，客户端一直等到超时',
      reject: 'kubia-w446j 拒绝连接：客户端立刻看到“connection refused”',
    });
  });

  it('words the other ways kube-proxy chooses: the only endpoint, round robin (IPVS), session affinity', () => {
    const base = hops.dnat.facts!;
    const t = translator('en');
    const with_ = (facts: Partial<typeof base>) =>
      plainHopText({ ...hops.dnat, facts: { ...base, ...facts } }, t);
    expect(with_({ pick: 'only', of: 1, index: 1 })).toBe(
      'kube-proxy on kind-worker sends it to kubia-w446j, the only endpoint of kubia',
    );
    expect(with_({ pick: 'round-robin' })).toBe(
      'kube-proxy (IPVS) on kind-worker takes the 3 kubia pods in turn — this time kubia-w446j',
    );
    expect(with_({ pick: 'affinity' })).toBe(
      'kube-proxy on kind-worker remembers this client and sends it to the same kubia endpoint as before: kubia-w446j',
    );
    // An endpoint written by hand is no pod; another namespace stays in the Service's name.
    expect(with_({ pod: undefined, chosen: '192.168.1.9:80', service: 'shop/cart' })).toBe(
      'kube-proxy on kind-worker sends it to one of the 3 shop/cart endpoints at random — this time 192.168.1.9:80',
    );
  });

  it("words MetalLB's speaker taking the packet in, in both languages", () => {
    const announced = hop({
      kind: 'route',
      at: 'node/kind-worker2',
      dst: '172.18.255.200:80',
      facts: { service: 'default/kubia-loadbalancer', node: 'kind-worker2', address: '172.18.255.200' },
    });
    expect(plainHopText(announced, translator('en'))).toBe(
      'MetalLB on kind-worker2 answers for 172.18.255.200, so the packet goes straight to kind-worker2; kube-proxy there takes it on',
    );
    expect(plainHopText(announced, translator('zh-CN'))).toBe(
      'kind-worker2 上的 MetalLB 应答 172.18.255.200 的 ARP，所以数据包直接发到 kind-worker2，由那里的 kube-proxy 接手',
    );
  });

  it('falls back to the hop kind and place when a hop has no facts (terminal tools)', () => {
    const t = translator('en');
    expect(plainHopText(hop({ kind: 'dns', at: 'pod/default/client' }), t)).toBe('A name is looked up');
    expect(plainHopText(hop({ kind: 'dnat', at: 'node/kind-worker', dst: '10.244.1.2:80' }), t)).toBe(
      'kube-proxy on kind-worker rewrites the destination to 10.244.1.2:80',
    );
    expect(plainHopText(hop({ kind: 'deliver', at: 'node/kind-worker' }), t)).toBe(
      'kind-worker gets the packet',
    );
    expect(plainHopText(hop({ kind: 'drop', at: 'cluster' }), t)).toContain('the cluster');
    expect(plainHopText(hop({ kind: 'dns', at: 'dns', facts: { name: 'nope' } }), t)).toBe(
      'The name “nope” is looked up, but nobody knows it',
    );
  });
});

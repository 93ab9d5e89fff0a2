/**
 * NetworkPolicy on the packet, one semantic point a test, each from
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/ (cited as "docs §section").
 */
import { describe, expect, it, vi } from 'vitest';
import type { ClusterState } from '../../model/state.ts';
import { errorsOf, simulate } from '../../sim/testing/simTesting.ts';
import type { Trace } from '../../trace.ts';
import { getHints } from '../../lint/hints.ts';
import { routeRequest } from '../request.ts';
import { withoutPlans } from '../testing/plansSwitch.ts';
import { getNetIndex } from '../netIndex.ts';
import { checkPacket } from './evaluate.ts';
import { printedTrace, readHops } from '../../readHops.ts';

vi.mock('../routePlan.ts', async (original) =>
  (await import('../testing/plansSwitch.ts')).withPlansSwitch(await original()),
);

const routeRequestInFull = (state: ClusterState, request: Parameters<typeof routeRequest>[1]) =>
  withoutPlans(() => routeRequest(state, request));

/** Two web pods (kubia on container port 8080, named http) behind Service web 80 -> http; a client pod. */
const BASE = `apiVersion: v1
kind: Namespace
metadata: {name: other, labels: {team: blue}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: luksa/kubia
        ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: web-local}
spec:
  type: NodePort
  externalTrafficPolicy: Local
  selector: {app: web}
  ports: [{port: 80, targetPort: http, nodePort: 30080}]
---
apiVersion: v1
kind: Service
metadata: {name: web-cluster}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, targetPort: http, nodePort: 30081}]
---
apiVersion: v1
kind: Pod
metadata: {name: client, labels: {app: client}}
spec:
  containers: [{name: c, image: curlimages/curl}]
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: other, labels: {app: client}}
spec:
  containers: [{name: c, image: curlimages/curl}]
---
apiVersion: v1
kind: Pod
metadata: {name: tool, namespace: other, labels: {app: tool}}
spec:
  containers: [{name: c, image: curlimages/curl}]
`;

function policy(name: string, spec: string, namespace = 'default'): string {
  return `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec}\n`;
}

const DENY_INGRESS = policy('deny-ingress', '  podSelector: {}\n  policyTypes: [Ingress]');

function cluster(...policies: string[]): ClusterState {
  const sim = simulate(BASE + policies.join(''));
  expect(errorsOf(sim)).toEqual([]);
  return sim.state;
}

function curl(state: ClusterState, from: string, url: string): Trace {
  return routeRequest(state, { from, url }).trace;
}

/** Every web pod, by its IP: a request to the Service may reach either. */
function webIps(state: ClusterState): string[] {
  return state.pods.filter((p) => p.metadata.labels['app'] === 'web').map((p) => p.status.podIP);
}

const CLIENT = 'pod/default/client';
const OTHER_CLIENT = 'pod/other/client';
const OTHER_TOOL = 'pod/other/tool';

describe('isolation (docs §The two sorts of pod isolation)', () => {
  it('without any policy every pod accepts every connection', () => {
    expect(curl(cluster(), CLIENT, 'http://web').outcome).toBe('ok');
  });

  it('a default-deny ingress policy drops the packet at the pod, naming the policy', () => {
    const s = cluster(DENY_INGRESS);
    const t = curl(s, CLIENT, 'http://web');
    expect(t.outcome).toBe('timeout');
    const drop = readHops(t).at(-1)!;
    expect(drop.kind).toBe('drop');
    expect(drop.at).toMatch(/^pod\/default\/web-/);
    expect(drop.rule).toBe('NetworkPolicy default/deny-ingress');
    expect(drop.note).toMatch(
      /selects web-.* for Ingress and no rule allows TCP from 10\.244\.\d+\.\d+ to port 8080/,
    );
    expect(drop.facts?.denial).toMatchObject({ direction: 'Ingress', policies: ['default/deny-ingress'] });
  });

  it('only selected pods are isolated: a policy for app=web leaves the client pod open', () => {
    const s = cluster(policy('web-only', '  podSelector: {matchLabels: {app: web}}'));
    const clientIp = s.pods.find((p) => p.metadata.name === 'client' && p.metadata.namespace === 'default')!
      .status.podIP;
    expect(curl(s, OTHER_TOOL, `http://${clientIp}:8080`).outcome).toBe('refused'); // reached; nothing listens
    expect(curl(s, OTHER_TOOL, `http://${webIps(s)[0]}:8080`).outcome).toBe('timeout');
  });

  it('policies are additive: one policy allowing is enough', () => {
    const allow = policy(
      'allow-client',
      '  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - from: [{podSelector: {matchLabels: {app: client}}}]',
    );
    expect(curl(cluster(DENY_INGRESS, allow), CLIENT, 'http://web').outcome).toBe('ok');
  });

  it('policyTypes defaults to Ingress, plus Egress when the policy has egress rules (API reference)', () => {
    const sim = simulate(
      BASE +
        policy('i', '  podSelector: {}\n  ingress: [{}]') +
        policy('e', '  podSelector: {matchLabels: {app: none}}\n  egress: [{}]'),
    );
    const types = (sim.state.networkPolicies ?? []).map((p) => p.manifest.spec.policyTypes);
    expect(types).toEqual([['Ingress'], ['Ingress', 'Egress']]);
  });

  it('the node is its own by any address: its pod-network gateway too (docs: "regardless of the IP address of the Pod or the node")', () => {
    // kube-proxy's masquerade toward a pod on the same node leaves from the node's gateway on the pod
    // network (the first address of its podCIDR), e.g. eTP Cluster traffic served by a local endpoint
    const s = cluster(DENY_INGRESS);
    const index = getNetIndex(s);
    const web = s.pods.find((p) => p.metadata.labels['app'] === 'web')!;
    const gatewayOf = (nodeName: string) => {
      const cidr = s.nodes.find((n) => n.name === nodeName)!.podCIDR;
      return cidr.replace(/\.0\/\d+$/, '.1');
    };
    const other = s.nodes.find((n) => n.role === 'worker' && n.name !== web.spec.nodeName)!;
    const packet = (ip: string) => checkPacket(s, index, { ip }, { ip: web.status.podIP, pod: web }, 8080);
    expect(packet(gatewayOf(web.spec.nodeName))).toBeUndefined();
    expect(packet(gatewayOf(other.name))?.policies).toEqual(['default/deny-ingress']);
  });

  it('a pod cannot block traffic from the node it runs on (docs §Network traffic filtering)', () => {
    const s = cluster(DENY_INGRESS);
    const web = s.pods.find((p) => p.metadata.labels['app'] === 'web')!;
    expect(curl(s, `node/${web.spec.nodeName}`, `http://${web.status.podIP}:8080`).outcome).toBe('ok');
  });
});

describe('rules and peers (docs §Behavior of to and from selectors)', () => {
  const allowFrom = (from: string) =>
    policy('allow', `  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - from:\n${from}`);

  it('podSelector alone names pods in the policy namespace only', () => {
    const s = cluster(allowFrom('    - podSelector: {matchLabels: {app: client}}'));
    expect(curl(s, CLIENT, 'http://web').outcome).toBe('ok');
    expect(curl(s, OTHER_CLIENT, 'http://web.default').outcome).toBe('timeout');
  });

  it('namespaceSelector alone names every pod of the matching namespaces', () => {
    const s = cluster(allowFrom('    - namespaceSelector: {matchLabels: {team: blue}}'));
    expect(curl(s, OTHER_TOOL, 'http://web.default').outcome).toBe('ok');
    expect(curl(s, CLIENT, 'http://web').outcome).toBe('timeout');
  });

  it('namespaceSelector and podSelector in ONE peer: both must match (AND)', () => {
    const s = cluster(
      allowFrom(
        '    - namespaceSelector: {matchLabels: {team: blue}}\n      podSelector: {matchLabels: {app: client}}',
      ),
    );
    expect(curl(s, OTHER_CLIENT, 'http://web.default').outcome).toBe('ok');
    expect(curl(s, OTHER_TOOL, 'http://web.default').outcome).toBe('timeout');
    expect(curl(s, CLIENT, 'http://web').outcome).toBe('timeout');
  });

  it('the same two selectors as TWO peers (a stray dash): either may match (OR)', () => {
    const s = cluster(
      allowFrom(
        '    - namespaceSelector: {matchLabels: {team: blue}}\n    - podSelector: {matchLabels: {app: client}}',
      ),
    );
    expect(curl(s, OTHER_TOOL, 'http://web.default').outcome).toBe('ok');
    expect(curl(s, CLIENT, 'http://web').outcome).toBe('ok');
  });

  it('every namespace carries kubernetes.io/metadata.name, so a namespace can be named by it', () => {
    const s = cluster(
      allowFrom('    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: other}}'),
    );
    expect(curl(s, OTHER_TOOL, 'http://web.default').outcome).toBe('ok');
  });

  it('an empty rule `- {}` allows every source; no rule at all allows none', () => {
    expect(
      curl(cluster(policy('all', '  podSelector: {}\n  ingress: [{}]')), CLIENT, 'http://web').outcome,
    ).toBe('ok');
    expect(
      curl(cluster(policy('none', '  podSelector: {}\n  ingress: []')), CLIENT, 'http://web').outcome,
    ).toBe('timeout');
  });
});

describe('ports (docs §Targeting a range of ports; API reference NetworkPolicyPort)', () => {
  const allowPorts = (ports: string) =>
    policy('allow', `  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: ${ports}`);

  it('the container port matches: policy is checked after DNAT', () => {
    expect(curl(cluster(allowPorts('[{port: 8080}]')), CLIENT, 'http://web').outcome).toBe('ok');
  });

  it('the Service port does not match, and the drop names the rule that came closest', () => {
    const t = curl(cluster(allowPorts('[{port: 80}]')), CLIENT, 'http://web');
    expect(t.outcome).toBe('timeout');
    expect(readHops(t).at(-1)?.facts?.denial?.nearMiss).toEqual({
      policy: 'default/allow',
      rule: 'spec.ingress[0]',
      mismatch: 'port',
      ports: ['TCP 80'],
    });
    expect(readHops(t).at(-1)?.note).toContain(
      'rule spec.ingress[0] of default/allow matches the source but lists TCP 80, not TCP 8080',
    );
  });

  it('a named port means the pod’s container port of that name', () => {
    expect(curl(cluster(allowPorts('[{port: http}]')), CLIENT, 'http://web').outcome).toBe('ok');
    expect(curl(cluster(allowPorts('[{port: metrics}]')), CLIENT, 'http://web').outcome).toBe('timeout');
  });

  it('endPort makes a range, both ends included', () => {
    expect(curl(cluster(allowPorts('[{port: 8000, endPort: 8080}]')), CLIENT, 'http://web').outcome).toBe(
      'ok',
    );
    expect(curl(cluster(allowPorts('[{port: 8081, endPort: 9000}]')), CLIENT, 'http://web').outcome).toBe(
      'timeout',
    );
  });

  it('the protocol defaults to TCP; a UDP rule does not allow a TCP connection', () => {
    expect(curl(cluster(allowPorts('[{protocol: UDP, port: 8080}]')), CLIENT, 'http://web').outcome).toBe(
      'timeout',
    );
  });
});

describe('ipBlock and traffic from outside (docs §NetworkPolicy resource: ipBlock)', () => {
  const allowBlock = (block: string) =>
    policy('allow', `  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - from: [{ipBlock: ${block}}]`);
  const nodeOf = (s: ClusterState, i: number) => {
    const web = s.pods.filter((p) => p.metadata.labels['app'] === 'web')[i]!;
    return s.nodes.find((n) => n.name === web.spec.nodeName)!;
  };

  it('externalTrafficPolicy Local keeps the client IP, so an ipBlock for it matches', () => {
    const s = cluster(allowBlock('{cidr: 172.18.0.1/32}'));
    expect(curl(s, 'client/laptop', `http://${nodeOf(s, 0).ip}:30080`).outcome).toBe('ok');
  });

  it('except carves addresses out of the block', () => {
    const s = cluster(allowBlock('{cidr: 172.18.0.0/16, except: [172.18.0.1/32]}'));
    const t = curl(s, 'client/laptop', `http://${nodeOf(s, 0).ip}:30080`);
    expect(t.outcome).toBe('timeout');
    expect(readHops(t).at(-1)?.note).toContain('from 172.18.0.1 to port 8080');
  });

  it('externalTrafficPolicy Cluster masquerades to the node IP: the ipBlock for the client no longer matches', () => {
    const s = cluster(allowBlock('{cidr: 172.18.0.1/32}'));
    // A node with no web pod, so the packet is SNATed and forwarded to a pod on another node.
    const busy = new Set(
      s.pods.filter((p) => p.metadata.labels['app'] === 'web').map((p) => p.spec.nodeName),
    );
    const idle = s.nodes.find((n) => !busy.has(n.name))!;
    const t = curl(s, 'client/laptop', `http://${idle.ip}:30081`);
    expect(readHops(t).some((h) => h.kind === 'snat')).toBe(true);
    expect(t.outcome).toBe('timeout');
    expect(readHops(t).at(-1)?.note).toContain(`from ${idle.ip} to port 8080`);
  });
});

describe('egress (docs §Default deny all egress traffic)', () => {
  const DENY_EGRESS = policy(
    'deny-egress',
    '  podSelector: {matchLabels: {app: client}}\n  policyTypes: [Egress]',
  );
  const ALLOW_DNS = policy(
    'allow-dns',
    `  podSelector: {matchLabels: {app: client}}
  policyTypes: [Egress]
  egress:
  - to:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
      podSelector: {matchLabels: {k8s-app: kube-dns}}
    ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]`,
  );
  const ALLOW_WEB = policy(
    'allow-web',
    '  podSelector: {matchLabels: {app: client}}\n  policyTypes: [Egress]\n  egress:\n  - to: [{podSelector: {matchLabels: {app: web}}}]',
  );

  it('default-deny egress breaks DNS first: the query to kube-dns is dropped, the name never resolves', () => {
    const t = curl(cluster(DENY_EGRESS), CLIENT, 'http://web');
    expect(t.outcome).toBe('unresolved');
    expect(t.body).toBe('curl: (6) Could not resolve host: web\n');
    const drop = readHops(t).at(-1)!;
    expect(drop).toMatchObject({
      at: CLIENT,
      kind: 'drop',
      dst: '10.96.0.10:53',
      rule: 'NetworkPolicy default/deny-egress',
    });
    expect(drop.note).toContain('the DNS query for web to kube-dns is dropped');
    expect(drop.note).toContain('UDP and TCP port 53');
  });

  it('by IP the connection itself is dropped at the sending pod', () => {
    const s = cluster(DENY_EGRESS);
    const ip = s.services.find((x) => x.manifest.metadata.name === 'web')!.manifest.spec.clusterIP;
    const t = curl(s, CLIENT, `http://${ip}`);
    expect(t.outcome).toBe('timeout');
    expect(readHops(t).at(-1)).toMatchObject({ at: CLIENT, kind: 'drop' });
    expect(readHops(t).at(-1)?.note).toContain('for Egress and no rule allows TCP to 10.244.');
  });

  it('allowing DNS and the web pods makes it work again', () => {
    expect(curl(cluster(DENY_EGRESS, ALLOW_DNS), CLIENT, 'http://web').outcome).toBe('timeout');
    expect(curl(cluster(DENY_EGRESS, ALLOW_DNS, ALLOW_WEB), CLIENT, 'http://web').outcome).toBe('ok');
  });

  it('replies of an allowed connection are allowed even when the server is egress-isolated', () => {
    const s = cluster(
      policy('web-no-egress', '  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Egress]'),
    );
    const t = curl(s, CLIENT, 'http://web');
    expect(t.outcome).toBe('ok');
    expect(readHops(t).at(-1)?.kind).toBe('reply');
  });
});

describe('the cached plan agrees with the general path', () => {
  it('every request to a default-deny Service is dropped the same way by both', () => {
    const s = cluster(DENY_INGRESS);
    let state = s;
    for (let i = 0; i < 10; i++) {
      const fast = routeRequest(state, { from: CLIENT, url: 'http://web' });
      const full = routeRequestInFull(state, { from: CLIENT, url: 'http://web' });
      expect(printedTrace(fast.trace)).toEqual(printedTrace(full.trace));
      expect(fast.trace.outcome).toBe('timeout');
      state = fast.state;
    }
  });
});

describe('validation (pkg/apis/networking/validation)', () => {
  const errors = (spec: string) => errorsOf(simulate(policy('bad', spec)));
  it('reports bad ports, peers and CIDRs with the API server’s wording (in the order they are written)', () => {
    expect(
      errors(
        `  podSelector: {}
  ingress:
  - from: [{}, {ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}, {ipBlock: {cidr: 10.0.0.0/33}}, {ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}}]
    ports: [{protocol: HTTP, port: 80}, {port: 0}, {port: http, endPort: 90}, {port: 90, endPort: 80}, {endPort: 3}]
  policyTypes: [Ingress, Sideways]`,
      ),
    ).toEqual([
      'spec.ingress[0].from[0]: Required value: must specify a peer',
      'spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer',
      'spec.ingress[0].from[2].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      'spec.ingress[0].from[3].ipBlock.except[0]: Invalid value: "11.0.0.0/16": must be a strict subset of `cidr`',
      'spec.ingress[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.ingress[0].ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ingress[0].ports[2].endPort: Invalid value: 90: may not be specified when `port` is non-numeric',
      'spec.ingress[0].ports[3].endPort: Invalid value: 90: must be greater than or equal to `port`',
      'spec.ingress[0].ports[4].endPort: Invalid value: 3: may not be specified when `port` is not specified',
      'spec.policyTypes[1]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"',
    ]);
  });
});

describe('the request explanation names the policy and the mistake', () => {
  it('a rule on the Service port: says the policy is checked after DNAT and offers the container port', () => {
    const s = cluster(
      policy('allow', '  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: 80}]'),
    );
    const e = curl(s, CLIENT, 'http://web').explanation;
    expect(e?.kind).toBe('netpol-service-port');
    expect(e?.summary).toContain(
      "rule spec.ingress[0] of NetworkPolicy default/allow allows port 80, the port the client dialled (the Service port), but NetworkPolicy is checked after kube-proxy's DNAT",
    );
    expect(e?.fix).toMatchObject({ path: 'spec.ingress[0].ports[0].port', value: 8080 });
  });

  it('default deny: names the policy and says no rule allows it', () => {
    const e = curl(cluster(DENY_INGRESS), CLIENT, 'http://web').explanation;
    expect(e?.kind).toBe('netpol-denied');
    expect(e?.summary).toMatch(
      /^NetworkPolicy default\/deny-ingress selects pod default\/web-.* for Ingress, and no rule allows TCP from 10\.244\.\d+\.\d+ to port 8080/,
    );
    expect(e?.summary).toContain('No policy allows it');
  });

  it('egress without DNS: says DNS breaks first and how to allow it', () => {
    const s = cluster(policy('deny-egress', '  podSelector: {}\n  policyTypes: [Egress]'));
    const e = curl(s, CLIENT, 'http://web').explanation;
    expect(e?.kind).toBe('netpol-dns-egress');
    expect(e?.summary).toContain('A default-deny egress policy breaks DNS first.');
  });
});

describe('lint hints for the common mistakes', () => {
  const hints = (...policies: string[]) =>
    getHints(cluster(...policies))
      .filter((d) => d.code.startsWith('hint-netpol'))
      .map((d) => `${d.path} ${d.code}: ${d.message}`);

  it('a Service port in an ingress rule', () => {
    expect(
      hints(policy('allow', '  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: 80}]')),
    ).toEqual([
      'spec.ingress[0].ports[0].port hint-netpol-service-port: 80 is the port of Service "web", not a port of the pods this policy selects: NetworkPolicy is checked after kube-proxy\'s DNAT, on the pod\'s container port 8080. Write 8080 (or its name http).',
    ]);
  });

  it('namespaceSelector and podSelector split into two peers by a stray dash', () => {
    const found = hints(
      policy(
        'allow',
        '  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - from:\n    - namespaceSelector: {matchLabels: {team: blue}}\n    - podSelector: {matchLabels: {app: client}}',
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^spec\.ingress\[0\]\.from\[1\] hint-netpol-stray-dash: from\[0\] and from\[1\] are two peers/,
    );
  });

  it('an Egress policy that forgets DNS', () => {
    const found = hints(
      policy('deny-egress', '  podSelector: {matchLabels: {app: client}}\n  policyTypes: [Egress]'),
    );
    expect(found).toEqual([
      'spec.policyTypes hint-netpol-no-dns: the pods this policy isolates for Egress (client) may not reach kube-dns, so every name look-up fails (curl: Could not resolve host). Allow UDP and TCP port 53 to the kube-dns pods in kube-system.',
    ]);
  });

  it('no hint for a correct policy', () => {
    expect(
      hints(
        policy('allow', '  podSelector: {matchLabels: {app: web}}\n  ingress:\n  - ports: [{port: http}]'),
      ),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type {
  IngressManifest,
  ServiceManifest,
  WorkloadManifest,
  ClusterConfigManifest,
  EndpointsManifest,
  PodManifest,
} from '../model/objects.ts';
import { parseManifests } from './parseManifests.ts';
import * as F from './test/fixtures.ts';
import { errors, format, parse, problems } from './test/helpers.ts';

describe('real manifests parse clean', () => {
  const clean: [string, string][] = [
    ['kubia-rc-readinessprobe.yaml', F.KUBIA_RC],
    ['kubia-svc.yaml', F.KUBIA_SVC],
    ['kubia-svc-named-ports.yaml', F.KUBIA_SVC_NAMED_PORTS],
    ['kubia-svc-client-ip-session-affinity.yaml', F.KUBIA_SVC_AFFINITY],
    ['kubia-svc-nodeport.yaml', F.KUBIA_SVC_NODEPORT],
    ['kubia-svc-nodeport-onlylocal.yaml', F.KUBIA_SVC_ONLYLOCAL],
    ['kubia-svc-loadbalancer.yaml', F.KUBIA_SVC_LB],
    ['kubia-svc-headless.yaml', F.KUBIA_SVC_HEADLESS],
    ['external-service.yaml', F.EXTERNAL_SERVICE],
    ['external-service-endpoints.yaml', F.EXTERNAL_SERVICE_ENDPOINTS],
    ['external-service-externalname.yaml', F.EXTERNAL_SERVICE_EXTERNALNAME],
    ['docs deployment', F.DOCS_NGINX_DEPLOYMENT],
    ['docs ingress', F.DOCS_INGRESS],
    ['kind config', F.KIND_CLUSTER],
    ['fields real-world manifests carry (and kubectl get -o yaml output)', F.KITCHEN_SINK],
  ];
  for (const [name, text] of clean) {
    it(name, () => {
      const r = parse(text, name);
      expect(r.diagnostics.map(format)).toEqual([]);
      expect(r.manifests.length).toBeGreaterThan(0);
    });
  }

  it('the book Ingress (extensions/v1beta1) parses with only the deprecation warning', () => {
    for (const text of [F.KUBIA_INGRESS_BETA, F.KUBIA_INGRESS_TLS_BETA]) {
      const r = parse(text);
      expect(r.diagnostics.map((d) => [d.severity, d.code, d.path])).toEqual([
        ['warning', 'deprecated-ingress-version', 'apiVersion'],
      ]);
      expect(r.manifests).toHaveLength(1);
    }
  });

  it('kubia-svc-publish-not-ready.yaml gives the strict-decoding unknown-field error at the key', () => {
    const r = parse(F.KUBIA_SVC_PUBLISH_NOT_READY);
    expect(r.diagnostics.map(format)).toEqual([
      '11:3 error spec.publishNotReadyEndpoints: unknown field "spec.publishNotReadyEndpoints"',
    ]);
    expect(r.diagnostics[0]?.code).toBe('unknown-field');
    expect(r.manifests).toEqual([]);
  });
});

describe('defaults as the API server applies them', () => {
  it('Service: ClusterIP, TCP, targetPort = port, affinity None/10800, policies Cluster, LB node ports on', () => {
    const svc = parse(F.EXTERNAL_SERVICE).manifests[0] as ServiceManifest;
    expect(svc.metadata).toEqual({
      name: 'external-service',
      namespace: 'default',
      labels: {},
      annotations: {},
    });
    expect(svc.spec).toEqual({
      type: 'ClusterIP',
      ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }],
      externalIPs: [],
      sessionAffinity: 'None',
      sessionAffinityTimeoutSeconds: 10800,
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      allocateLoadBalancerNodePorts: true,
      publishNotReadyAddresses: false,
    });
    expect('selector' in svc.spec).toBe(false);
  });

  it('Service: named targetPort kept as a name, nodePort and headless clusterIP kept', () => {
    const named = parse(F.KUBIA_SVC_NAMED_PORTS).manifests[0] as ServiceManifest;
    expect(named.spec.ports).toEqual([
      { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' },
      { name: 'https', protocol: 'TCP', port: 443, targetPort: 'https' },
    ]);
    expect(named.spec.selector).toEqual({ app: 'kubia' });
    expect((parse(F.KUBIA_SVC_NODEPORT).manifests[0] as ServiceManifest).spec.ports[0]?.nodePort).toBe(30123);
    expect((parse(F.KUBIA_SVC_HEADLESS).manifests[0] as ServiceManifest).spec.clusterIP).toBe('None');
    const local = parse(F.KUBIA_SVC_ONLYLOCAL).manifests[0] as ServiceManifest;
    expect(local.spec.externalTrafficPolicy).toBe('Local');
    const ext = parse(F.EXTERNAL_SERVICE_EXTERNALNAME).manifests[0] as ServiceManifest;
    expect(ext.spec.type).toBe('ExternalName');
    expect(ext.spec.externalName).toBe('api.somecompany.com');
    expect(ext.spec.clusterIP).toBeUndefined();
  });

  it('ReplicationController: selector from the spec, replicas, probe; pod defaults', () => {
    const rc = parse(F.KUBIA_RC).manifests[0] as WorkloadManifest;
    expect(rc.kind).toBe('ReplicationController');
    expect(rc.replicas).toBe(3);
    expect(rc.selector).toEqual({ matchLabels: { app: 'kubia' }, matchExpressions: [] });
    expect(rc.template.spec).toEqual({
      containers: [
        {
          name: 'kubia',
          image: 'luksa/kubia',
          ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
          env: [],
          command: [],
          args: [],
          readinessProbe: { kind: 'exec', command: ['ls', '/var/ready'] },
        },
      ],
      nodeSelector: {},
      enableServiceLinks: true,
      dnsPolicy: 'ClusterFirst',
      hostNetwork: false,
    });
  });

  it('an RC without labels of its own takes its template labels (SetDefaults_ReplicationController)', () => {
    const rc = parse(F.KUBIA_RC).manifests[0] as WorkloadManifest;
    expect(rc.metadata.labels).toEqual({ app: 'kubia' });
    const apps = parse(F.DOCS_NGINX_DEPLOYMENT.replace('  labels:\n    app: nginx\n', ''))
      .manifests[0] as WorkloadManifest;
    expect(apps.metadata.labels).toEqual({});
  });

  it('RC without a selector takes the template labels; replicas default to 1', () => {
    const text = F.KUBIA_RC.replace('  replicas: 3\n  selector:\n    app: kubia\n', '');
    const rc = parse(text).manifests[0] as WorkloadManifest;
    expect(rc.replicas).toBe(1);
    expect(rc.selector.matchLabels).toEqual({ app: 'kubia' });
  });

  it('Pod: namespace kept, probes and env read', () => {
    const pod = parse(`apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  hostname: web-0
  subdomain: web
  enableServiceLinks: false
  containers:
  - name: c
    image: nginx
    env: [{name: A, value: "1"}]
    readinessProbe: {httpGet: {port: 8080}}
`).manifests[0] as PodManifest;
    expect(pod.metadata.namespace).toBe('shop');
    expect(pod.spec.enableServiceLinks).toBe(false);
    expect(pod.spec.hostname).toBe('web-0');
    expect(pod.spec.containers[0]?.env).toEqual([{ name: 'A', value: '1' }]);
    expect(pod.spec.containers[0]?.readinessProbe).toEqual({ kind: 'httpGet', port: 8080, path: '/' });
  });

  it('Endpoints keep their addresses and ports', () => {
    const ep = parse(F.EXTERNAL_SERVICE_ENDPOINTS).manifests[0] as EndpointsManifest;
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: '11.11.11.11' }, { ip: '22.22.22.22' }],
        notReadyAddresses: [],
        ports: [{ port: 80, protocol: 'TCP' }],
      },
    ]);
  });

  it('kind cluster config: nodes, labels, subnets, proxy mode; extraPortMappings ignored', () => {
    const c = parse(F.KIND_CLUSTER).manifests[0] as ClusterConfigManifest;
    expect(c).toMatchObject({
      kind: 'Cluster',
      name: 'demo',
      nodes: [
        { role: 'control-plane', labels: {} },
        { role: 'worker', labels: { tier: 'frontend' } },
        { role: 'worker', labels: {} },
      ],
      podSubnet: '10.240.0.0/16',
      serviceSubnet: '10.100.0.0/16',
      kubeProxyMode: 'ipvs',
    });
    const bare = parse('kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n')
      .manifests[0] as ClusterConfigManifest;
    expect(bare).toMatchObject({
      name: 'kind',
      nodes: [{ role: 'control-plane' }],
      podSubnet: '10.244.0.0/16',
      serviceSubnet: '10.96.0.0/16',
      kubeProxyMode: 'iptables',
    });
  });
});

describe('kind cluster config validation', () => {
  const kind = (body: string) => `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n${body}`;
  it('roles, a control plane, proxy mode, subnets', () => {
    expect(problems(kind('nodes:\n- role: master\n'))).toEqual([
      '4:9 error nodes[0].role: Unsupported value: "master": supported values: "control-plane", "worker"',
    ]);
    expect(problems(kind('nodes:\n- role: worker\n'))).toEqual([
      '4:1 error nodes: must have at least one control-plane node',
    ]);
    expect(problems(kind('networking:\n  kubeProxyMode: userspace\n'))[0]).toContain(
      'Unsupported value: "userspace"',
    );
    expect(problems(kind('networking:\n  podSubnet: 10.244.0.0/33\n'))).toEqual([
      '4:14 error networking.podSubnet: invalid pod subnet invalid CIDR address: 10.244.0.0/33',
    ]);
    expect(problems(kind('networking:\n  serviceSubnet: fd00:10:96::/112\n'))[0]).toContain(
      'kubeplay simulates IPv4 clusters only',
    );
    expect(problems(kind('networking:\n  kubeProxyMode: none\n'))[0]).toContain(
      'warning networking.kubeProxyMode',
    );
  });
});

describe('Ingress shapes', () => {
  it('extensions/v1beta1 is converted to the v1 shape', () => {
    const ing = parse(F.KUBIA_INGRESS_TLS_BETA).manifests[0] as IngressManifest;
    expect(ing.apiVersion).toBe('extensions/v1beta1');
    expect(ing.spec).toEqual({
      rules: [
        {
          host: 'kubia.example.com',
          paths: [
            {
              path: '/',
              pathType: 'ImplementationSpecific',
              backend: { service: { name: 'kubia-nodeport', port: { number: 80 } } },
            },
          ],
        },
      ],
      tls: [{ hosts: ['kubia.example.com'], secretName: 'tls-secret' }],
    });
  });

  it('networking.k8s.io/v1beta1: string servicePort becomes port.name, spec.backend becomes defaultBackend', () => {
    const r = parse(`apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata: {name: web}
spec:
  backend: {serviceName: fallback, servicePort: 8080}
  rules:
  - http:
      paths:
      - path: /api
        pathType: Prefix
        backend: {serviceName: api, servicePort: http}
`);
    const ing = r.manifests[0] as IngressManifest;
    expect(ing.spec.defaultBackend).toEqual({ service: { name: 'fallback', port: { number: 8080 } } });
    expect(ing.spec.rules[0]?.paths[0]).toEqual({
      path: '/api',
      pathType: 'Prefix',
      backend: { service: { name: 'api', port: { name: 'http' } } },
    });
    const warning = r.diagnostics[0];
    expect(warning?.message).toContain(
      'networking.k8s.io/v1beta1 Ingress is deprecated in v1.19+, unavailable in v1.22+; use networking.k8s.io/v1 Ingress',
    );
    expect(warning?.message).toContain(
      'defaultBackend: { service: { name: fallback, port: { number: 8080 } } }',
    );
    expect(warning?.line).toBe(1);
  });

  it('networking.k8s.io/v1 with the beta field names gives unknown-field errors', () => {
    const text = F.KUBIA_INGRESS_BETA.replace('extensions/v1beta1', 'networking.k8s.io/v1');
    expect(errors(text).map((d) => d.message)).toEqual([
      'unknown field "spec.rules[0].http.paths[0].backend.serviceName"',
      'unknown field "spec.rules[0].http.paths[0].backend.servicePort"',
    ]);
  });

  it('v1 Ingress reads ingressClassName, defaultBackend, port names', () => {
    const ing = parse(F.DOCS_INGRESS).manifests[0] as IngressManifest;
    expect(ing.spec.ingressClassName).toBe('nginx-example');
    expect(ing.spec.rules[0]).toEqual({
      paths: [
        {
          path: '/testpath',
          pathType: 'Prefix',
          backend: { service: { name: 'test', port: { number: 80 } } },
        },
      ],
    });
  });
});

describe('kinds and versions', () => {
  it('List: items flattened with their own positions and paths', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: a
  spec:
    ports:
    - port: 0
- apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: c
      image: nginx
      bogus: 1
- apiVersion: v1
  kind: Service
  metadata: {name: b}
  spec:
    ports: [{port: 80}]
`;
    const r = parse(text);
    expect(r.diagnostics.map(format)).toEqual([
      '10:13 error spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      // The API server defaults targetPort to port (0 here) and then rejects it too.
      '10:7 error spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      '19:7 error spec.containers[0].bogus: unknown field "spec.containers[0].bogus"',
    ]);
    expect(r.manifests.map((m) => m.kind === 'Service' && m.metadata.name)).toEqual(['b']);
    const b = r.manifests[0] as ServiceManifest;
    expect(b.source?.positions['spec.ports[0].port']).toEqual([24, 20]);
    expect(b.source?.line).toBe(20);
  });

  it('a typed list (ServiceList) is flattened like List', () => {
    const r = parse(`apiVersion: v1
kind: ServiceList
items:
- apiVersion: v1
  kind: Service
  metadata: {name: a}
  spec: {ports: [{port: 80}], bogus: 1}
- apiVersion: v1
  kind: Service
  metadata: {name: b}
  spec: {ports: [{port: 80}]}
`);
    expect(r.diagnostics.map(format)).toEqual(['7:31 error spec.bogus: unknown field "spec.bogus"']);
    expect(r.manifests.map((m) => (m.kind === 'Service' ? m.metadata.name : ''))).toEqual(['b']);
  });

  it('unknown kinds are a warning and skipped; the rest goes on', () => {
    const r = parse(`apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {a: b}
---
${F.KUBIA_SVC}`);
    expect(r.diagnostics.map(format)).toEqual([
      '2:7 warning kind: kubeplay does not simulate ConfigMap objects (apiVersion "v1"); this one is skipped',
    ]);
    expect(r.manifests.map((m) => m.kind)).toEqual(['Service']);
  });

  it('skipping a kind that matters to traffic says what that means', () => {
    expect(problems('apiVersion: batch/v1\nkind: Job\nmetadata: {name: once}\n')).toEqual([
      '2:7 warning kind: kubeplay does not simulate Job objects (apiVersion "batch/v1"); this one is skipped: its pods are not created',
    ]);
    expect(
      problems(
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}\n',
      ),
    ).toEqual([]);
    expect(problems('apiVersion: v1\nkind: constructor\n')[0]).toMatch(/skipped$/);
  });

  it('a known kind in a version that does not serve it', () => {
    expect(problems(F.KUBIA_INGRESS_BETA.replace('extensions/v1beta1', 'extensions/v1beta2'))).toEqual([
      '1:13 error apiVersion: no matches for kind "Ingress" in version "extensions/v1beta2"',
    ]);
    expect(problems('apiVersion: apps/v1\nkind: Service\nmetadata: {name: x}\n')).toEqual([
      '1:13 error apiVersion: no matches for kind "Service" in version "apps/v1"',
    ]);
  });

  it('kinds are case-sensitive', () => {
    expect(problems('apiVersion: v1\nkind: service\nmetadata: {name: x}\n')).toEqual([
      '2:7 error kind: no matches for kind "service" in version "v1"',
    ]);
  });

  it('unquoted YAML 1.1 booleans are booleans, as kubectl (go-yaml v2) reads them', () => {
    const pod = (v: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  enableServiceLinks: ${v}\n  containers:\n  - name: c\n    image: i\n    env: [{name: DEBUG, value: ${v}}]\n`;
    expect(problems(pod('yes'))).toEqual([
      '9:32 error spec.containers[0].env[0].value: Invalid value: "boolean": spec.containers[0].env[0].value in body must be of type string: "boolean"',
    ]);
    expect(problems(pod('"yes"'))[0]).toContain(
      'spec.enableServiceLinks in body must be of type boolean: "string"',
    );
    const off = parse(pod('off').replace('value: off', 'value: "off"')).manifests[0] as PodManifest;
    expect(off.spec.enableServiceLinks).toBe(false);
  });

  it('missing apiVersion, kind and name, worded as kubectl does', () => {
    expect(problems('metadata: {name: x}\n')).toEqual([
      '1:1 error apiVersion: apiVersion not set',
      '1:1 error kind: kind not set',
    ]);
    expect(problems('apiVersion: v1\nkind: Service\nspec:\n  ports: [{port: 80}]\n')).toEqual([
      '1:1 error metadata.name: Required value: name or generateName is required',
    ]);
    expect(
      problems('apiVersion: v1\nkind: Service\nmetadata:\n  labels: {a: b}\nspec:\n  ports: [{port: 80}]\n'),
    ).toEqual(['3:1 error metadata.name: Required value: name or generateName is required']);
  });

  it('generateName alone is refused as kubectl apply refuses it', () => {
    expect(
      problems(
        'apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-}\nspec: {containers: [{name: c, image: i}]}\n',
      ),
    ).toEqual(['3:26 error metadata.generateName: from web-: cannot use generate name with apply']);
  });

  it('old apps versions are accepted with the API server deprecation warning', () => {
    const text = F.DOCS_NGINX_DEPLOYMENT.replace('apps/v1', 'extensions/v1beta1');
    const r = parse(text);
    expect(r.diagnostics.map(format)).toEqual([
      '1:13 warning apiVersion: extensions/v1beta1 Deployment is deprecated in v1.8+, unavailable in v1.16+; use apps/v1 Deployment',
    ]);
    expect(r.manifests).toHaveLength(1);
  });

  it('extensions/v1beta1 Deployment without a selector takes the template labels', () => {
    const r = parse(`apiVersion: extensions/v1beta1
kind: Deployment
metadata: {name: web}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`);
    expect((r.manifests[0] as WorkloadManifest).selector.matchLabels).toEqual({ app: 'web' });
  });

  it('several files keep their own names and document indexes', () => {
    const r = parseManifests([
      { file: 'a.yaml', text: F.KUBIA_SVC },
      { file: 'b.yaml', text: `${F.KUBIA_SVC_NODEPORT}---\n${F.KUBIA_SVC_PUBLISH_NOT_READY}` },
    ]);
    expect(r.manifests.map((m) => [m.source?.file, m.source?.doc])).toEqual([
      ['a.yaml', 0],
      ['b.yaml', 0],
    ]);
    expect(r.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual(['b.yaml:24']);
  });

  it('cluster-scoped kinds have no namespace; IngressClass default annotation read', () => {
    const r = parse(F.DOCS_INGRESS);
    const cls = r.manifests[2];
    expect(cls).toMatchObject({
      kind: 'IngressClass',
      controller: 'example.com/ingress-controller',
      isDefault: true,
      metadata: { namespace: '' },
    });
  });

  it('Node objects: role from the label, InternalIP from status', () => {
    const r = parse(`apiVersion: v1
kind: Node
metadata:
  name: cp
  labels: {node-role.kubernetes.io/control-plane: ""}
spec: {podCIDR: 10.244.0.0/24}
status:
  addresses: [{type: InternalIP, address: 172.18.0.2}]
`);
    expect(r.manifests[0]).toMatchObject({
      kind: 'Node',
      role: 'control-plane',
      internalIP: '172.18.0.2',
      podCIDR: '10.244.0.0/24',
      unschedulable: false,
    });
  });
});

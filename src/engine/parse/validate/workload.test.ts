import { describe, expect, it } from 'vitest';
import type { PodManifest } from '../../model/objects.ts';
import { errors, parse, problems } from '../test/helpers.ts';

const deploy = (spec: string, apiVersion = 'apps/v1') =>
  `apiVersion: ${apiVersion}\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`;
const template = (labels: string, containers = '      - name: web\n        image: nginx\n') =>
  `  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers:\n${containers}`;

describe('workload controllers', () => {
  it('selector must match the template labels, worded as the API server does', () => {
    expect(problems(deploy(`  selector:\n    matchLabels: {app: web}\n${template('{app: x}')}`))).toEqual([
      '10:15 error spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]);
    const rc = `apiVersion: v1\nkind: ReplicationController\nmetadata: {name: kubia}\nspec:\n  selector: {app: kubia}\n${template('{app: kubia, tier: web}')}`;
    expect(problems(rc)).toEqual([]);
    expect(problems(rc.replace('{app: kubia, tier: web}', '{tier: web}'))).toEqual([
      '8:15 error spec.template.metadata.labels: Invalid value: map[string]string{"tier":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('matchExpressions count when matching', () => {
    const spec = `  selector:\n    matchExpressions:\n    - {key: app, operator: In, values: [web, api]}\n${template('{app: api}')}`;
    expect(problems(deploy(spec))).toEqual([]);
    expect(errors(deploy(spec.replace('{app: api}', '{app: db}')))[0]?.code).toBe(
      'workload-selector-mismatch',
    );
    expect(errors(deploy(spec.replace('operator: In', 'operator: Has'))).map((d) => d.message)).toEqual([
      'Invalid value: "Has": not a valid selector operator',
    ]);
  });

  it('apps/v1 requires a selector; an empty one is invalid', () => {
    expect(problems(deploy(template('{app: web}')))).toEqual(['5:1 error spec.selector: Required value']);
    expect(errors(deploy(`  selector: {}\n${template('{app: web}')}`))[0]?.message).toBe(
      'Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    );
  });

  it('replicas may not be negative; a controller pod restarts Always', () => {
    expect(
      problems(deploy(`  replicas: -1\n  selector: {matchLabels: {app: web}}\n${template('{app: web}')}`)),
    ).toEqual(['6:13 error spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
    const spec = `  selector: {matchLabels: {app: web}}\n${template('{app: web}')}      restartPolicy: Never\n`;
    expect(errors(deploy(spec)).map((d) => `${d.path}: ${d.message}`)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it('DaemonSet and ReplicaSet follow the same rules', () => {
    const ds = `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n${template('{app: agent}')}`;
    expect(problems(ds)).toEqual([]);
    expect(
      errors(ds.replace('DaemonSet', 'ReplicaSet').replace('{app: agent}\n', '{app: other}\n'))[0]?.code,
    ).toBe('workload-selector-mismatch');
  });
});

describe('pods and containers', () => {
  const pod = (containers: string, extra = '') =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${extra}  containers:\n${containers}`;

  it('containers are required; name and image required; names unique DNS-1123 labels', () => {
    expect(problems('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {}\n')).toEqual([
      '4:1 error spec.containers: Required value',
    ]);
    expect(problems(pod('  - ports: [{containerPort: 80}]\n'))).toEqual([
      '7:5 error spec.containers[0].name: Required value',
      '7:5 error spec.containers[0].image: Required value',
    ]);
    expect(problems(pod('  - {name: web, image: nginx}\n  - {name: web, image: nginx}\n'))).toEqual([
      '8:12 error spec.containers[1].name: Duplicate value: "web"',
    ]);
    expect(problems(pod('  - {name: Web_1, image: nginx}\n'))[0]).toContain(
      'spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label',
    );
  });

  it('container ports: number range, IANA names, unique names, protocol', () => {
    expect(problems(pod('  - name: web\n    image: nginx\n    ports:\n    - containerPort: 0\n'))).toEqual([
      '10:22 error spec.containers[0].ports[0].containerPort: Required value',
    ]);
    expect(
      problems(
        pod('  - name: web\n    image: nginx\n    ports:\n    - {containerPort: 80, name: http--alt}\n'),
      ),
    ).toEqual([
      '10:33 error spec.containers[0].ports[0].name: Invalid value: "http--alt": must not contain consecutive hyphens',
    ]);
    expect(
      problems(
        pod(
          '  - name: web\n    image: nginx\n    ports:\n    - {containerPort: 80, name: web-server-http-1}\n',
        ),
      ).map((p) => p.split(': ').pop()),
    ).toEqual(['must be no more than 15 characters']);
    expect(
      problems(
        pod(
          '  - name: web\n    image: nginx\n    ports:\n    - {containerPort: 80, name: http}\n    - {containerPort: 81, name: http}\n',
        ),
      ),
    ).toEqual(['11:33 error spec.containers[0].ports[1].name: Duplicate value: "http"']);
    expect(
      problems(
        pod('  - name: web\n    image: nginx\n    ports:\n    - {containerPort: 80, protocol: tcp}\n'),
      )[0],
    ).toContain('Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"');
  });

  it('hostNetwork: host ports default to the container port and may not differ from it', () => {
    const text = pod(
      '  - name: web\n    image: nginx\n    ports:\n    - {containerPort: 80}\n    - {containerPort: 443, hostPort: 8443}\n',
      '  hostNetwork: true\n',
    );
    expect(problems(text)).toEqual([
      '12:38 error spec.containers[0].ports[1].hostPort: Invalid value: 8443: must match `containerPort` when `hostNetwork` is true',
    ]);
    const ok = parse(text.replace(', hostPort: 8443', '')).manifests[0] as PodManifest;
    expect(ok.spec.containers[0]?.ports.map((p) => p.hostPort)).toEqual([80, 443]);
  });

  it('dnsPolicy values, and None requires dnsConfig', () => {
    expect(problems(pod('  - {name: web, image: nginx}\n', '  dnsPolicy: ClusterFirstt\n'))[0]).toContain(
      'spec.dnsPolicy: Unsupported value: "ClusterFirstt": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"',
    );
    expect(problems(pod('  - {name: web, image: nginx}\n', '  dnsPolicy: None\n'))).toEqual([
      '5:1 error spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None',
    ]);
  });

  it('metadata: names are DNS-1123 subdomains, namespace a label, labels checked', () => {
    expect(
      problems(
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: My.Pod\n  namespace: Shop\n  labels: {"bad key!": x}\nspec: {containers: [{name: c, image: i}]}\n',
      ),
    ).toEqual([
      `4:9 error metadata.name: Invalid value: "My.Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      `5:14 error metadata.namespace: Invalid value: "Shop": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      `6:24 error metadata.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });
});

describe('Endpoints', () => {
  const ep = (subsets: string) =>
    `apiVersion: v1\nkind: Endpoints\nmetadata: {name: ext}\nsubsets:\n${subsets}`;
  it('addresses must be real, non-special IPs; ports in range; names when several', () => {
    expect(problems(ep('- addresses: [{ip: 127.0.0.1}]\n  ports: [{port: 80}]\n'))).toEqual([
      '5:20 error subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ]);
    expect(problems(ep('- addresses: [{ip: 169.254.1.1}]\n  ports: [{port: 80}]\n'))[0]).toContain(
      'may not be in the link-local range (169.254.0.0/16, fe80::/10)',
    );
    expect(problems(ep('- addresses: [{ip: db.example.com}]\n  ports: [{port: 80}]\n'))[0]).toContain(
      'must be a valid IP address',
    );
    expect(
      problems(ep('- addresses: [{ip: 10.0.0.1}]\n  ports: [{port: 80}, {port: 81, name: b}]\n')),
    ).toEqual(['6:11 error subsets[0].ports[0].name: Required value']);
  });
});

import { describe, it, expect } from 'vitest';
import type { ServiceManifest } from '../model/objects.ts';
import { podsOf, simulate } from '../sim/testing/simTesting.ts';
import { applyAction } from '../sim/simulation.ts';
import { expandEnvValue, getContainerEnv, serviceEnvVars, toEnvVarName } from './envVars.ts';
import { serviceSpecDefaults } from './serviceSpecDefaults.ts';

function service(name: string, ip: string, ports: ServiceManifest['spec']['ports']): ServiceManifest {
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, namespace: 'default', labels: {}, annotations: {} },
    spec: {
      type: 'ClusterIP',
      ports,
      clusterIP: ip,
      ...serviceSpecDefaults(),
    },
  };
}

describe('service environment variables (kubelet envvars.go)', () => {
  it('matches the upstream unit test for foo-bar', () => {
    expect(
      serviceEnvVars(service('foo-bar', '1.2.3.4', [{ protocol: 'TCP', port: 8080, targetPort: 8080 }])),
    ).toEqual([
      { name: 'FOO_BAR_SERVICE_HOST', value: '1.2.3.4' },
      { name: 'FOO_BAR_SERVICE_PORT', value: '8080' },
      { name: 'FOO_BAR_PORT', value: 'tcp://1.2.3.4:8080' },
      { name: 'FOO_BAR_PORT_8080_TCP', value: 'tcp://1.2.3.4:8080' },
      { name: 'FOO_BAR_PORT_8080_TCP_PROTO', value: 'tcp' },
      { name: 'FOO_BAR_PORT_8080_TCP_PORT', value: '8080' },
      { name: 'FOO_BAR_PORT_8080_TCP_ADDR', value: '1.2.3.4' },
    ]);
  });

  it('names only named ports and keeps the first port as SERVICE_PORT (q-u-u-x)', () => {
    const vars = serviceEnvVars(
      service('q-u-u-x', '9.8.7.6', [
        { protocol: 'TCP', port: 8082, targetPort: 8082 },
        { name: '8083', protocol: 'TCP', port: 8083, targetPort: 8083 },
      ]),
    );
    const map = Object.fromEntries(vars.map((v) => [v.name, v.value]));
    expect(map.Q_U_U_X_SERVICE_PORT).toBe('8082');
    expect(map.Q_U_U_X_SERVICE_PORT_8083).toBe('8083');
    expect(map.Q_U_U_X_PORT).toBe('tcp://9.8.7.6:8082');
    expect(map.Q_U_U_X_PORT_8083_TCP_ADDR).toBe('9.8.7.6');
    expect(toEnvVarName('backend-database')).toBe('BACKEND_DATABASE');
  });

  it('expands $(VAR) references, $$ escapes, and leaves unknown references', () => {
    const lookup = (n: string) => ({ A: 'x', KUBIA_SERVICE_HOST: '10.96.5.5' })[n];
    expect(expandEnvValue('http://$(KUBIA_SERVICE_HOST):80/$(NOPE)/$$(A)', lookup)).toBe(
      'http://10.96.5.5:80/$(NOPE)/$(A)',
    );
  });
});

const kubiaRc = `
apiVersion: v1
kind: ReplicationController
metadata: {name: kubia}
spec:
  replicas: 3
  selector: {app: kubia}
  template:
    metadata: {labels: {app: kubia}}
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        env:
        - {name: GREETING, value: "hi $(KUBIA_SERVICE_HOST)"}
`;
const kubiaSvc = `
apiVersion: v1
kind: Service
metadata: {name: kubia}
spec:
  selector: {app: kubia}
  ports: [{port: 80, targetPort: 8080}]
`;

describe('env snapshot at pod start', () => {
  it('a pod created before the Service lacks KUBIA_SERVICE_HOST; its replacement has it', () => {
    const sim = simulate(`${kubiaRc}---${kubiaSvc}`);
    const pod = podsOf(sim, 'kubia-')[0];
    if (!pod) throw new Error('no pod');
    const before = getContainerEnv(sim.state, pod);
    expect(before.map((v) => v.name)).not.toContain('KUBIA_SERVICE_HOST');
    expect(before.find((v) => v.name === 'KUBERNETES_SERVICE_HOST')?.value).toBe('10.96.0.1');
    expect(before.find((v) => v.name === 'GREETING')?.value).toBe('hi $(KUBIA_SERVICE_HOST)');

    const after = applyAction(sim, {
      type: 'delete',
      kind: 'Pod',
      namespace: 'default',
      name: pod.metadata.name,
    });
    const fresh = podsOf(after, 'kubia-').find(
      (p) => !podsOf(sim, 'kubia-').some((q) => q.metadata.name === p.metadata.name),
    );
    if (!fresh) throw new Error('no replacement');
    const ip = after.state.services.find((s) => s.manifest.metadata.name === 'kubia')?.manifest.spec
      .clusterIP;
    const env = getContainerEnv(after.state, fresh);
    const map = Object.fromEntries(env.map((v) => [v.name, v.value]));
    expect(map.KUBIA_SERVICE_HOST).toBe(ip);
    expect(map.KUBIA_SERVICE_PORT).toBe('80');
    expect(map.KUBIA_PORT_80_TCP).toBe(`tcp://${ip}:80`);
    expect(map.GREETING).toBe(`hi ${ip}`);
    expect(env.slice(0, 3).map((v) => v.name)).toEqual(['PATH', 'HOSTNAME', 'GREETING']);
    expect(map.HOSTNAME).toBe(fresh.metadata.name);
    expect(env[env.length - 1]).toEqual({ name: 'HOME', value: '/root' });
  });

  it('enableServiceLinks: false keeps only the kubernetes Service variables', () => {
    const sim = simulate(
      `${kubiaSvc}---
apiVersion: v1
kind: Pod
metadata: {name: quiet}
spec:
  enableServiceLinks: false
  containers: [{name: c, image: busybox}]
`,
    );
    const pod = podsOf(sim, 'quiet')[0];
    if (!pod) throw new Error('no pod');
    const names = pod.serviceEnv.map((v) => v.name);
    expect(names).toContain('KUBERNETES_SERVICE_PORT_HTTPS');
    expect(names.some((n) => n.startsWith('KUBIA_'))).toBe(false);
  });

  it('only Services of the pod namespace with a ClusterIP count (headless and ExternalName skipped)', () => {
    const sim = simulate(`
apiVersion: v1
kind: Namespace
metadata: {name: other}
---
apiVersion: v1
kind: Service
metadata: {name: elsewhere, namespace: other}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: headless}
spec:
  clusterIP: None
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec:
  type: ExternalName
  externalName: example.com
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: busybox}]
`);
    const prefixes = new Set(podsOf(sim, 'p')[0]?.serviceEnv.map((v) => v.name.split('_')[0]));
    expect([...prefixes]).toEqual(['KUBERNETES']);
  });
});

/**
 * fast-check generators for the property tests: small scenarios that a real cluster accepts (a kind
 * config, a few apps, Services over them, a client pod), described as data so a test can work out what
 * Kubernetes must do with them, and rendered to YAML for the engine.
 */
import fc from 'fast-check';

export type ServiceKind = 'ClusterIP' | 'NodePort' | 'LoadBalancer';
/** How the Service's targetPort names the app's port: by number, by name, or by a name no container has. */
export type TargetMode = 'number' | 'name' | 'missing-name';

export interface AppSpec {
  name: string;
  replicas: number;
  image: 'luksa/kubia' | 'nginx';
}

export interface ServiceSpecGen {
  name: string;
  /** Index into apps, or -1 for a selector that matches nothing. */
  app: number;
  type: ServiceKind;
  port: number;
  target: TargetMode;
  affinity: boolean;
  local: boolean;
}

export interface ScenarioSpec {
  workers: number;
  proxyMode: 'iptables' | 'ipvs';
  apps: AppSpec[];
  services: ServiceSpecGen[];
}

/** What each image listens on (luksa/kubia's app.js: 8080; nginx: 80). */
export const LISTEN_PORT: Record<AppSpec['image'], number> = { 'luksa/kubia': 8080, nginx: 80 };

const appArb = (name: string) =>
  fc.record({
    name: fc.constant(name),
    replicas: fc.integer({ min: 0, max: 4 }),
    image: fc.constantFrom<AppSpec['image']>('luksa/kubia', 'nginx'),
  });

export const scenarioSpecArb: fc.Arbitrary<ScenarioSpec> = fc
  .record({
    workers: fc.integer({ min: 1, max: 3 }),
    proxyMode: fc.constantFrom<'iptables' | 'ipvs'>('iptables', 'ipvs'),
    appCount: fc.integer({ min: 1, max: 3 }),
    services: fc.array(
      fc.record({
        app: fc.integer({ min: -1, max: 2 }),
        type: fc.constantFrom<ServiceKind>('ClusterIP', 'NodePort', 'LoadBalancer'),
        port: fc.constantFrom(80, 8000),
        target: fc.constantFrom<TargetMode>('number', 'name', 'name', 'number', 'missing-name'),
        affinity: fc.boolean(),
        local: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .chain(({ workers, proxyMode, appCount, services }) =>
    fc.tuple(...['alpha', 'beta', 'gamma'].slice(0, appCount).map(appArb)).map((apps) => ({
      workers,
      proxyMode,
      apps,
      services: services.map((s, i) => ({
        ...s,
        name: `svc-${i}`,
        app: s.app >= apps.length ? -1 : s.app,
        local: s.local && s.type !== 'ClusterIP',
      })),
    })),
  );

export function selectorOf(spec: ScenarioSpec, svc: ServiceSpecGen): string {
  return svc.app === -1 ? 'nobody' : (spec.apps[svc.app]?.name ?? 'nobody');
}

export function renderScenario(spec: ScenarioSpec): string {
  const docs: string[] = [
    `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
${'  - role: worker\n'.repeat(spec.workers)}networking:
  kubeProxyMode: ${spec.proxyMode}
`,
  ];
  for (const app of spec.apps) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app.name}
spec:
  replicas: ${app.replicas}
  selector:
    matchLabels:
      app: ${app.name}
  template:
    metadata:
      labels:
        app: ${app.name}
    spec:
      containers:
        - name: main
          image: ${app.image}
          ports:
            - name: http
              containerPort: ${LISTEN_PORT[app.image]}
`);
  }
  for (const svc of spec.services) {
    const app = spec.apps[svc.app];
    const target =
      svc.target === 'name'
        ? 'http'
        : svc.target === 'missing-name'
          ? 'nope'
          : app
            ? LISTEN_PORT[app.image]
            : 8080;
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${svc.name}
spec:
  type: ${svc.type}
  selector:
    app: ${selectorOf(spec, svc)}
  sessionAffinity: ${svc.affinity ? 'ClientIP' : 'None'}
${svc.local ? '  externalTrafficPolicy: Local\n' : ''}  ports:
    - name: web
      port: ${svc.port}
      targetPort: ${target}
`);
  }
  docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: client
      image: curlimages/curl
      command: ["sleep", "infinity"]
`);
  return docs.join('---\n');
}

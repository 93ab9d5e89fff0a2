import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/simulation.ts';
import { getHints } from './hints.ts';

function hints(yaml: string) {
  const sim = createSimulation({ files: [{ file: 'm.yaml', text: yaml }], seed: 1 });
  return getHints(sim.state).map((d) => ({
    at: `${d.line}:${d.column}`,
    severity: d.severity,
    code: d.code,
    path: d.path,
    message: d.message,
  }));
}

const RC = (
  labels = 'app: kubia',
  ports = '        - name: http\n          containerPort: 8080\n',
) => `apiVersion: v1
kind: ReplicationController
metadata: {name: kubia}
spec:
  replicas: 2
  template:
    metadata:
      labels: {${labels}}
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
${ports}`;

const SVC = (selector: string, targetPort: string | number, name = 'kubia') => `---
apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  selector: {${selector}}
  ports:
  - port: 80
    targetPort: ${targetPort}
`;

describe('Service hints', () => {
  it('a clean book setup gives no hints', () => {
    expect(hints(RC() + SVC('app: kubia', 8080))).toEqual([]);
    expect(hints(RC() + SVC('app: kubia', 'http'))).toEqual([]);
  });

  it('a selector that matches no pod, located on spec.selector, naming what the pods carry', () => {
    const h = hints(RC() + SVC('app: kubai', 8080));
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({
      at: '21:13',
      severity: 'warning',
      code: 'hint-selector-no-pods',
      path: 'spec.selector',
    });
    expect(h[0]?.message).toContain(
      'selector app=kubai matches none of the 2 pods in namespace "default" (their labels: app=kubia)',
    );
  });

  it('a selector in a namespace without pods says so', () => {
    const h = hints(
      `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`,
    );
    expect(h.map((x) => x.code)).toEqual(['hint-selector-no-pods']);
    expect(h[0]?.message).toContain('there are no pods in namespace "shop"');
  });

  it('pods with the labels in another namespace are pointed out', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: web, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`;
    const h = hints(text);
    expect(h.map((x) => x.code)).toEqual(['hint-selector-no-pods']);
    expect(h[0]?.message).toContain('pods with these labels run in namespace "shop" (e.g. web)');
  });

  it('a named targetPort no selected container declares', () => {
    const h = hints(RC() + SVC('app: kubia', 'web'));
    expect(h).toEqual([
      expect.objectContaining({
        at: '24:17',
        severity: 'warning',
        code: 'hint-targetport-name-unknown',
        path: 'spec.ports[0].targetPort',
      }),
    ]);
    expect(h[0]?.message).toContain(
      'targetPort "web" names no TCP container port of the 2 selected pod(s) (pod kubia-',
    );
    expect(h[0]?.message).toContain('declares 8080/TCP (http)');
  });

  it('a numeric targetPort that the pods do not declare (the service port by mistake)', () => {
    const h = hints(RC() + SVC('app: kubia', 80));
    expect(h.map((x) => [x.code, x.path])).toEqual([
      ['hint-targetport-undeclared', 'spec.ports[0].targetPort'],
    ]);
  });

  it('a named targetPort only some selected pods declare, whatever their order', () => {
    const pod = (name: string, ports: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, labels: {app: web}}\nspec:\n  containers: [{name: web, image: nginx${ports}}]\n---\n`;
    const named = ', ports: [{name: http, containerPort: 80}]';
    const numbered = ', ports: [{containerPort: 80}]';
    const text =
      pod('web-a', named) + pod('web-b', numbered) + pod('web-c', named) + SVC('app: web', 'http', 'web');
    const h = hints(text);
    expect(h.map((x) => [x.code, x.severity])).toEqual([['hint-targetport-name-partial', 'info']]);
    expect(h[0]?.message).toContain('1 of the 3 selected pods (e.g. web-b)');
  });

  it('pods that declare no ports at all are not second-guessed', () => {
    const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers: [{name: web, image: nginx}]\n`;
    expect(hints(pod + SVC('app: web', 80, 'web'))).toEqual([]);
  });

  it('externalTrafficPolicy Local: which nodes drop external traffic', () => {
    const local = `---\napiVersion: v1\nkind: Service\nmetadata: {name: kubia-nodeport-onlylocal}\nspec:\n  type: NodePort\n  externalTrafficPolicy: Local\n  selector: {app: kubia}\n  ports:\n  - {port: 80, targetPort: 8080, nodePort: 30124}\n`;
    const h = hints(RC().replace('replicas: 2', 'replicas: 1') + local);
    expect(h.map((x) => [x.code, x.severity, x.path])).toEqual([
      ['hint-local-policy-nodes', 'info', 'spec.externalTrafficPolicy'],
    ]);
    expect(h[0]?.message).toContain('drop external connections to node port 30124');
  });

  it('an ExternalName that is an IP address', () => {
    const h = hints(
      `apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  type: ExternalName\n  externalName: 10.1.2.3\n`,
    );
    expect(h.map((x) => [x.code, x.path, x.at])).toEqual([
      ['hint-externalname-ip', 'spec.externalName', '6:17'],
    ]);
    expect(
      hints(
        `apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  type: ExternalName\n  externalName: db.example.com\n`,
      ),
    ).toEqual([]);
  });

  it('system objects and selector-less Services get no hints', () => {
    expect(
      hints(`apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec:\n  ports: [{port: 80}]\n`),
    ).toEqual([]);
  });
});

const NGINX = `apiVersion: v1
kind: Namespace
metadata: {name: ingress-nginx}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ingress-nginx-controller, namespace: ingress-nginx}
spec:
  selector: {matchLabels: {app: ingress-nginx}}
  template:
    metadata: {labels: {app: ingress-nginx}}
    spec:
      containers:
      - name: controller
        image: registry.k8s.io/ingress-nginx/controller:v1.11.2
        args: [/nginx-ingress-controller, --ingress-class=nginx]
        ports: [{name: http, containerPort: 80}]
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
---
`;

const ING = (spec: string, meta = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
${meta}spec:
${spec}`;

describe('Ingress hints', () => {
  const backend = (name: string, port: string) =>
    `  ingressClassName: nginx\n  rules:\n  - host: web.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: ${name}\n            port: ${port}\n`;

  it('a served Ingress with a good backend gives no hints', () => {
    expect(
      hints(NGINX + RC() + SVC('app: kubia', 8080) + '---\n' + ING(backend('kubia', '{number: 80}'))),
    ).toEqual([]);
  });

  it('a backend naming a missing Service', () => {
    const h = hints(NGINX + ING(backend('kubia', '{number: 80}')));
    expect(h.map((x) => [x.code, x.path, x.at])).toEqual([
      ['hint-ingress-service-missing', 'spec.rules[0].http.paths[0].backend.service.name', '38:19'],
    ]);
    expect(h[0]?.message).toContain('the backend Service "kubia" does not exist in namespace "default"');
  });

  it('a backend port the Service lacks (number or name)', () => {
    const base = NGINX + RC() + SVC('app: kubia', 8080) + '---\n';
    const h = hints(base + ING(backend('kubia', '{number: 8080}')));
    expect(h.map((x) => [x.code, x.path])).toEqual([
      ['hint-ingress-service-port', 'spec.rules[0].http.paths[0].backend.service.port.number'],
    ]);
    expect(h[0]?.message).toBe(
      `Service "kubia" has no port 8080 (its ports: 80). Use one of the Service's ports here, not the container's.`,
    );
    expect(hints(base + ING(backend('kubia', '{name: http}'))).map((x) => x.code)).toEqual([
      'hint-ingress-service-port',
    ]);
  });

  it('ClientIP affinity on a backend Service does not apply through ingress-nginx', () => {
    const affine = SVC('app: kubia', 8080).replace('  selector:', '  sessionAffinity: ClientIP\n  selector:');
    const h = hints(NGINX + RC() + affine + '---\n' + ING(backend('kubia', '{number: 80}')));
    expect(h.map((x) => [x.code, x.severity])).toEqual([['hint-ingress-affinity-bypassed', 'info']]);
    const upstream = hints(
      NGINX +
        RC() +
        affine +
        '---\n' +
        ING(
          backend('kubia', '{number: 80}'),
          '  annotations: {nginx.ingress.kubernetes.io/service-upstream: "true"}\n',
        ),
    );
    expect(upstream).toEqual([]);
  });

  it('beta Ingress hints point at serviceName / servicePort as written', () => {
    const beta = `apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: kubia\n  annotations: {kubernetes.io/ingress.class: nginx}\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        backend:\n          serviceName: kubia-nodeport\n          servicePort: 80\n`;
    const h = hints(NGINX + beta);
    expect(h.map((x) => [x.code, x.path, x.at])).toEqual([
      ['hint-ingress-service-missing', 'spec.rules[0].http.paths[0].backend.serviceName', '35:24'],
    ]);
  });

  it('no controller at all', () => {
    const h = hints(RC() + SVC('app: kubia', 8080) + '---\n' + ING(backend('kubia', '{number: 80}')));
    expect(h.map((x) => [x.code, x.path])).toEqual([['hint-ingress-no-controller', 'spec.ingressClassName']]);
  });

  it('a class no running controller serves, and a class-less Ingress with ingress-nginx', () => {
    const base = NGINX + RC() + SVC('app: kubia', 8080) + '---\n';
    const other = hints(
      base +
        ING(backend('kubia', '{number: 80}').replace('ingressClassName: nginx', 'ingressClassName: traefik')),
    );
    expect(other.map((x) => [x.code, x.path])).toEqual([['hint-ingress-unserved', 'spec.ingressClassName']]);
    expect(other[0]?.message).toContain('IngressClass "traefik" does not exist');
    expect(other[0]?.message).toContain(
      'ingress-nginx serves ingressClassName "nginx", annotation kubernetes.io/ingress.class: "nginx"',
    );
    const classless = hints(
      base + ING(backend('kubia', '{number: 80}').replace('  ingressClassName: nginx\n', '')),
    );
    expect(classless.map((x) => [x.code, x.path])).toEqual([['hint-ingress-unserved', 'metadata.name']]);
    expect(classless[0]?.message).toContain('it names no class');
    const annotated = hints(
      base +
        ING(
          backend('kubia', '{number: 80}').replace('  ingressClassName: nginx\n', ''),
          '  annotations: {kubernetes.io/ingress.class: gce}\n',
        ),
    );
    expect(annotated.map((x) => [x.code, x.path])).toEqual([
      ['hint-ingress-unserved', 'metadata.annotations.kubernetes.io/ingress.class'],
    ]);
  });
});

describe('Endpoints hints', () => {
  const EP = (name: string, port = '{port: 80}') =>
    `apiVersion: v1\nkind: Endpoints\nmetadata: {name: ${name}}\nsubsets:\n- addresses: [{ip: 11.11.11.11}]\n  ports: [${port}]\n`;
  const EXT = `apiVersion: v1\nkind: Service\nmetadata: {name: external-service}\nspec:\n  ports: [{port: 80}]\n---\n`;

  it('the book pair (Service without selector + Endpoints) is clean', () => {
    expect(hints(EXT + EP('external-service'))).toEqual([]);
  });

  it('Endpoints with no Service of their name', () => {
    const h = hints(EXT + EP('external-svc'));
    expect(h.map((x) => [x.code, x.path, x.at])).toEqual([
      ['hint-endpoints-no-service', 'metadata.name', '9:18'],
    ]);
  });

  it('an endpoint address that is another Service cluster IP', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata: {name: backend}\nspec:\n  clusterIP: 10.96.100.100\n  ports: [{port: 80}]\n---\n${EXT}${EP('external-service').replace('11.11.11.11', '10.96.100.100')}`;
    const h = hints(text);
    expect(h.map((x) => [x.code, x.path])).toEqual([
      ['hint-endpoints-cluster-ip', 'subsets[0].addresses[0].ip'],
    ]);
    expect(h[0]?.message).toContain('10.96.100.100 is the cluster IP of Service "default/backend"');
  });

  it('endpoint port names must line up with the Service port names', () => {
    const h = hints(EXT + EP('external-service', '{port: 80, name: http}'));
    expect(h.map((x) => [x.code, x.path])).toEqual([['hint-endpoints-port-name', 'subsets[0].ports[0]']]);
  });
});

describe('getHints on a hand-built state', () => {
  it('returns nothing for an empty cluster', () => {
    const sim = createSimulation({ files: [], seed: 1 });
    expect(getHints(sim.state)).toEqual([]);
  });
});

describe('hints reach the simulation diagnostics', () => {
  it('createSimulation appends them, located in the user file', () => {
    const sim = createSimulation({
      files: [{ file: 'm.yaml', text: RC() + SVC('app: kubai', 8080) }],
      seed: 1,
    });
    const hint = sim.diagnostics.find((d) => d.code === 'hint-selector-no-pods');
    expect(hint).toMatchObject({ file: 'm.yaml', line: 21, severity: 'warning', path: 'spec.selector' });
  });

  it('hints follow actions: scaling the pods away makes the selector match nothing', () => {
    const sim = createSimulation({
      files: [{ file: 'm.yaml', text: RC() + SVC('app: kubia', 8080) }],
      seed: 1,
      actions: [
        { type: 'scale', kind: 'ReplicationController', namespace: 'default', name: 'kubia', replicas: 0 },
      ],
    });
    const hint = sim.diagnostics.find((d) => d.code === 'hint-selector-no-pods');
    expect(hint?.message).toContain(
      'ReplicationController kubia makes matching pods but is scaled to 0 replicas',
    );
  });
});

/**
 * A large, realistic scenario for the benchmark: a kind cluster of 50 nodes (1 control plane, 49
 * workers), 200 apps (Deployments and ReplicationControllers of 3-7 replicas: 1,000 pods) spread over
 * 5 namespaces, one Service per app (mostly ClusterIP with a named targetPort, every 10th a NodePort,
 * every 25th a LoadBalancer), 50 Ingresses of 4 paths each over those Services, and one ingress-nginx
 * controller with its IngressClass and LoadBalancer Service. Deterministic: same options, same text.
 */
export interface ScenarioSize {
  nodes: number;
  apps: number;
  ingresses: number;
  namespaces: number;
}

export const BENCH_SIZE: ScenarioSize = { nodes: 50, apps: 200, ingresses: 50, namespaces: 5 };

/** 3,4,5,6,7 repeating: a mean of 5, so 200 apps make 1,000 pods. */
export function replicasOf(app: number): number {
  return 3 + (app % 5);
}

export function namespaceOf(app: number, size: ScenarioSize): string {
  return `team-${app % size.namespaces}`;
}

export function appName(app: number): string {
  return `app-${app}`;
}

const IMAGES = ['luksa/kubia', 'nginx:1.27', 'traefik/whoami:v1.10'];
const PORTS = [8080, 80, 80];

function clusterConfig(size: ScenarioSize): string {
  const nodes = [
    '  - role: control-plane',
    ...Array.from({ length: size.nodes - 1 }, () => '  - role: worker'),
  ];
  return `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
${nodes.join('\n')}
networking:
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.96.0.0/16
`;
}

function namespaceDoc(name: string): string {
  return `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
`;
}

function podTemplate(app: number): string {
  const image = IMAGES[app % IMAGES.length] ?? 'luksa/kubia';
  const port = PORTS[app % PORTS.length] ?? 8080;
  return `  template:
    metadata:
      labels:
        app: ${appName(app)}
        tier: backend
    spec:
      containers:
        - name: main
          image: ${image}
          ports:
            - name: http
              containerPort: ${port}`;
}

function workloadDoc(app: number, size: ScenarioSize): string {
  const meta = `metadata:
  name: ${appName(app)}
  namespace: ${namespaceOf(app, size)}
  labels:
    app: ${appName(app)}`;
  if (app % 2 === 0) {
    return `apiVersion: apps/v1
kind: Deployment
${meta}
spec:
  replicas: ${replicasOf(app)}
  selector:
    matchLabels:
      app: ${appName(app)}
${podTemplate(app)}
`;
  }
  return `apiVersion: v1
kind: ReplicationController
${meta}
spec:
  replicas: ${replicasOf(app)}
  selector:
    app: ${appName(app)}
${podTemplate(app)}
`;
}

function serviceDoc(app: number, size: ScenarioSize): string {
  const type = app % 25 === 0 ? 'LoadBalancer' : app % 10 === 0 ? 'NodePort' : 'ClusterIP';
  return `apiVersion: v1
kind: Service
metadata:
  name: ${appName(app)}
  namespace: ${namespaceOf(app, size)}
spec:
  type: ${type}
  selector:
    app: ${appName(app)}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

/** Ingress i serves host `shop-<i>.example.com` with 4 paths over 4 apps of one namespace. */
function ingressDoc(index: number, size: ScenarioSize): string {
  const ns = index % size.namespaces;
  const paths = [0, 1, 2, 3].map((k) => {
    // Apps in namespace `ns` are ns, ns + namespaces, ns + 2*namespaces, ...
    const app =
      (ns + size.namespaces * ((index * 4 + k) % Math.floor(size.apps / size.namespaces))) % size.apps;
    return `          - path: /${k === 0 ? '' : `part-${k}`}
            pathType: Prefix
            backend:
              service:
                name: ${appName(app)}
                port:
                  name: http`;
  });
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop-${index}
  namespace: team-${ns}
spec:
  ingressClassName: nginx
  rules:
    - host: shop-${index}.example.com
      http:
        paths:
${paths.join('\n')}
`;
}

const CONTROLLER = `apiVersion: v1
kind: Namespace
metadata:
  name: ingress-nginx
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
spec:
  controller: k8s.io/ingress-nginx
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ingress-nginx
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ingress-nginx
    spec:
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.10.1
          args:
            - /nginx-ingress-controller
            - --controller-class=k8s.io/ingress-nginx
          ports:
            - name: http
              containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  type: LoadBalancer
  selector:
    app.kubernetes.io/name: ingress-nginx
  ports:
    - name: http
      port: 80
      targetPort: http
`;

export function generateScenario(size: ScenarioSize = BENCH_SIZE): string {
  const docs: string[] = [clusterConfig(size), CONTROLLER];
  for (let n = 0; n < size.namespaces; n++) docs.push(namespaceDoc(`team-${n}`));
  for (let app = 0; app < size.apps; app++) docs.push(workloadDoc(app, size));
  for (let app = 0; app < size.apps; app++) docs.push(serviceDoc(app, size));
  for (let i = 0; i < size.ingresses; i++) docs.push(ingressDoc(i, size));
  return docs.join('---\n');
}

/**
 * `count` NetworkPolicies, one per app from app-0 on: each isolates the app's pods for Ingress and
 * allows every pod of the cluster's team namespaces (a namespaceSelector) on any port, so requests in
 * the bench still succeed but every one to these apps is checked against a policy.
 */
export function generateNetworkPolicies(count: number, size: ScenarioSize = BENCH_SIZE): string {
  const docs: string[] = [];
  for (let app = 0; app < count; app++) {
    docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${appName(app)}-ingress
  namespace: ${namespaceOf(app, size)}
spec:
  podSelector:
    matchLabels:
      app: ${appName(app)}
  ingress:
  - from:
    - namespaceSelector:
        matchExpressions:
        - {key: kubernetes.io/metadata.name, operator: Exists}
`);
  }
  return docs.join('---\n');
}

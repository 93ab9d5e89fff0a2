/**
 * The kubia manifests of Kubernetes in Action (https://github.com/luksa/kubernetes-in-action) that
 * many engine tests simulate, written once. Parse tests keep the book's files word for word in
 * src/engine/parse/test/fixtures.ts; these are the shapes the controller, routing and shell tests vary.
 */

/** Chapter04's kubia-rc.yaml: ReplicationController kubia, `replicas` luksa/kubia pods on 8080. */
export function kubiaRcYaml(replicas = 3): string {
  return `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
  replicas: ${replicas}
  selector:
    app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
      - name: kubia
        image: luksa/kubia
        ports:
        - containerPort: 8080
`;
}

/**
 * Chapter09's kubia Deployment: 3 replicas of a container `nodejs` running `image`. `spec` lines go
 * into the Deployment's spec before the selector (a strategy, minReadySeconds), `container` lines
 * after the image (ports, a readinessProbe).
 */
export function kubiaDeploymentYaml(image: string, spec = '', container = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
${spec}  selector:
    matchLabels: {app: kubia}
  template:
    metadata:
      labels: {app: kubia}
    spec:
      containers:
      - name: nodejs
        image: ${image}
${container}`;
}

/** Service kubia: port 80 to the kubia pods' 8080. */
export const KUBIA_SERVICE = `apiVersion: v1
kind: Service
metadata: {name: kubia}
spec:
  selector: {app: kubia}
  ports: [{port: 80, targetPort: 8080}]
`;

/** A busybox pod `client` to curl from. */
export const CLIENT_POD = `apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: busybox}]
`;

/**
 * ReplicationController kubia of `replicas` pods behind Service kubia, and a client pod. `podSpec`
 * lines go into the pod template's spec before its containers (e.g. terminationGracePeriodSeconds).
 */
export function kubiaBehindServiceYaml(replicas: number, podSpec = ''): string {
  return `apiVersion: v1
kind: ReplicationController
metadata: {name: kubia}
spec:
  replicas: ${replicas}
  template:
    metadata:
      labels: {app: kubia}
    spec:
${podSpec}      containers:
      - name: kubia
        image: luksa/kubia
        ports: [{containerPort: 8080}]
---
${KUBIA_SERVICE}---
${CLIENT_POD}`;
}

/**
 * The `web` app several tests and benches simulate: a Deployment of luksa/kubia pods labelled
 * `app: web` behind a NodePort Service (e2e/largeCluster.ts puts it on a kind cluster of many
 * workers). One text, so a change to it reaches the Worker's delta test, the legibility spec and the
 * UI benches alike.
 */

/** The `web` Deployment of `replicas` pods; its container declares port 8080 unless `containerPort` is false. */
export function webDeploymentYaml(replicas: number, containerPort = true): string {
  const ports = containerPort
    ? `          ports:
            - containerPort: 8080
`
    : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: luksa/kubia
${ports}`;
}

/** The NodePort Service `web` in front of the Deployment's port 8080. */
export const WEB_NODEPORT_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 8080
`;

/** The Deployment and its Service. */
export function webAppYaml(replicas: number): string {
  return `${webDeploymentYaml(replicas)}---\n${WEB_NODEPORT_SERVICE}`;
}

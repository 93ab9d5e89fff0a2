/**
 * The large cluster the legibility spec and the UI bench draw: a kind cluster with `workers` workers and
 * one `replicas`-pod Deployment behind a NodePort Service, and the `#lz.` link that opens it.
 */
import LZString from 'lz-string';

export function largeClusterYaml(workers: number, replicas: number): string {
  const workerLines = Array.from({ length: workers }, () => '  - role: worker').join('\n');
  return `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
${workerLines}
---
apiVersion: apps/v1
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
          ports:
            - containerPort: 8080
---
apiVersion: v1
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
}

export function largeClusterLink(workers: number, replicas: number): string {
  return `#lz.${LZString.compressToEncodedURIComponent(JSON.stringify({ yaml: largeClusterYaml(workers, replicas) }))}`;
}

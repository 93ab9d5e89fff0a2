/**
 * Manifests from luksa/kubernetes-in-action Chapter05 (and Chapter04's RC) and from the Kubernetes
 * docs, as a student would paste them: they must parse clean (except the book's publish-not-ready trap).
 */
export const KUBIA_RC = `apiVersion: v1
kind: ReplicationController
metadata:
  name: kubia
spec:
  replicas: 3
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
        - name: http
          containerPort: 8080
        readinessProbe:
          exec:
            command:
            - ls
            - /var/ready
`;

export const KUBIA_SVC = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: kubia
`;

export const KUBIA_SVC_NAMED_PORTS = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  ports:
  - name: http
    port: 80
    targetPort: http
  - name: https
    port: 443
    targetPort: https
  selector:
    app: kubia
`;

export const KUBIA_SVC_AFFINITY = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  sessionAffinity: ClientIP
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: kubia
`;

export const KUBIA_SVC_NODEPORT = `apiVersion: v1
kind: Service
metadata:
  name: kubia-nodeport
spec:
  type: NodePort
  ports:
  - port: 80
    targetPort: 8080
    nodePort: 30123
  selector:
    app: kubia
`;

export const KUBIA_SVC_ONLYLOCAL = `apiVersion: v1
kind: Service
metadata:
  name: kubia-nodeport-onlylocal
spec:
  type: NodePort
  externalTrafficPolicy: Local
  ports:
  - port: 80
    targetPort: 8080
    nodePort: 30124
  selector:
    app: kubia
`;

export const KUBIA_SVC_LB = `apiVersion: v1
kind: Service
metadata:
  name: kubia-loadbalancer
spec:
  type: LoadBalancer
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: kubia
`;

export const KUBIA_SVC_HEADLESS = `apiVersion: v1
kind: Service
metadata:
  name: kubia-headless
spec:
  clusterIP: None
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: kubia
`;

export const KUBIA_SVC_PUBLISH_NOT_READY = `apiVersion: v1
kind: Service
metadata:
  name: kubia-all
spec:
  ports:
  - port: 80
    targetPort: 8080
  selector:
    app: kubia
  publishNotReadyEndpoints: true

`;

export const EXTERNAL_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: external-service
spec:
  ports:
  - port: 80
`;

export const EXTERNAL_SERVICE_ENDPOINTS = `apiVersion: v1
kind: Endpoints
metadata:
  name: external-service
subsets:
  - addresses:
    - ip: 11.11.11.11
    - ip: 22.22.22.22
    ports:
    - port: 80 
`;

export const EXTERNAL_SERVICE_EXTERNALNAME = `apiVersion: v1
kind: Service
metadata:
  name: external-service
spec:
  type: ExternalName
  externalName: api.somecompany.com
  ports:
  - port: 80
`;

export const KUBIA_INGRESS_BETA = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: kubia
spec:
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: kubia-nodeport
          servicePort: 80
`;

export const KUBIA_INGRESS_TLS_BETA = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: kubia
spec:
  tls:
  - hosts: 
    - kubia.example.com
    secretName: tls-secret
  rules:
  - host: kubia.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: kubia-nodeport
          servicePort: 80
`;

/** kubernetes.io/docs/concepts/workloads/controllers/deployment/ with the extras real manifests carry. */
export const DOCS_NGINX_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app: nginx
spec:
  replicas: 3
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 1
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app: nginx
    matchExpressions:
    - key: tier
      operator: NotIn
      values: [db]
  template:
    metadata:
      labels:
        app: nginx
      annotations:
        prometheus.io/scrape: "true"
    spec:
      serviceAccountName: default
      securityContext:
        runAsNonRoot: true
        fsGroup: 2000
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 100
            podAffinityTerm:
              labelSelector:
                matchLabels:
                  app: nginx
              topologyKey: kubernetes.io/hostname
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      volumes:
      - name: html
        emptyDir: {}
      - name: config
        configMap:
          name: nginx-config
      initContainers:
      - name: init
        image: busybox:1.36
        command: ["sh", "-c", "echo hi > /html/index.html"]
        volumeMounts:
        - name: html
          mountPath: /html
      containers:
      - name: nginx
        image: nginx:1.14.2
        imagePullPolicy: IfNotPresent
        ports:
        - containerPort: 80
          name: http
        env:
        - name: POD_IP
          valueFrom:
            fieldRef:
              fieldPath: status.podIP
        - name: MODE
          value: "demo"
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
          limits:
            cpu: 1
            memory: 256Mi
        livenessProbe:
          httpGet:
            path: /healthz
            port: http
          initialDelaySeconds: 3
          periodSeconds: 3
        readinessProbe:
          tcpSocket:
            port: 80
        lifecycle:
          preStop:
            exec:
              command: ["sleep", "5"]
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            drop: ["ALL"]
        volumeMounts:
        - name: html
          mountPath: /usr/share/nginx/html
`;

/** kubernetes.io/docs/concepts/services-networking/ingress/ (minimal-ingress and a resource backend). */
export const DOCS_INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: minimal-ingress
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  ingressClassName: nginx-example
  rules:
  - http:
      paths:
      - path: /testpath
        pathType: Prefix
        backend:
          service:
            name: test
            port:
              number: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ingress-resource-backend
spec:
  defaultBackend:
    resource:
      apiGroup: k8s.example.com
      kind: StorageBucket
      name: static-assets
  rules:
    - http:
        paths:
          - path: /icons
            pathType: ImplementationSpecific
            backend:
              resource:
                apiGroup: k8s.example.com
                kind: StorageBucket
                name: icon-assets
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: external-lb
  annotations:
    ingressclass.kubernetes.io/is-default-class: "true"
spec:
  controller: example.com/ingress-controller
  parameters:
    apiGroup: k8s.example.com
    kind: IngressParameters
    name: external-lb
`;

export const KIND_CLUSTER = `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
name: demo
nodes:
- role: control-plane
  kubeadmConfigPatches:
  - |
    kind: InitConfiguration
    nodeRegistration:
      kubeletExtraArgs:
        node-labels: "ingress-ready=true"
  extraPortMappings:
  - containerPort: 80
    hostPort: 80
    protocol: TCP
- role: worker
  labels:
    tier: frontend
- role: worker
networking:
  podSubnet: "10.240.0.0/16"
  serviceSubnet: "10.100.0.0/16"
  kubeProxyMode: ipvs
`;

/** Fields real-world Services and controllers carry, all valid: none may give a false error. */
export const KITCHEN_SINK = `apiVersion: v1
kind: Service
metadata:
  name: web-lb
  namespace: default
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-type: nlb
    metallb.universe.tf/address-pool: public
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  internalTrafficPolicy: Cluster
  healthCheckNodePort: 32100
  allocateLoadBalancerNodePorts: true
  loadBalancerSourceRanges: [203.0.113.0/24]
  loadBalancerClass: example.com/lb
  ipFamilyPolicy: SingleStack
  ipFamilies: [IPv4]
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 600
  publishNotReadyAddresses: false
  selector:
    app.kubernetes.io/name: web
  ports:
  - name: http
    appProtocol: http
    port: 80
    targetPort: http
    nodePort: 30080
  - name: dns
    protocol: UDP
    port: 53
  - name: dns-tcp
    port: 53
    targetPort: 5353
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: traefik
  namespace: default
spec:
  replicas: 1
  selector:
    matchLabels: {app: traefik}
  template:
    metadata:
      labels: {app: traefik}
    spec:
      serviceAccountName: traefik
      terminationGracePeriodSeconds: 60
      hostNetwork: false
      dnsPolicy: ClusterFirstWithHostNet
      dnsConfig:
        options: [{name: ndots, value: "2"}]
      containers:
      - name: traefik
        image: traefik:v3.1
        args:
        - --entrypoints.web.address=:8000
        - --providers.kubernetesingress
        ports:
        - {name: web, containerPort: 8000}
        - {name: websecure, containerPort: 8443, protocol: TCP}
        - {name: admin, containerPort: 8080, hostIP: 127.0.0.1, hostPort: 9000}
        readinessProbe:
          httpGet: {path: /ping, port: admin, scheme: HTTP, httpHeaders: [{name: X-Probe, value: "1"}]}
          failureThreshold: 1
        startupProbe:
          grpc: {port: 9090}
        envFrom:
        - configMapRef: {name: traefik-env}
        securityContext:
          readOnlyRootFilesystem: true
          runAsUser: 65532
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: ScheduleAnyway
        labelSelector: {matchLabels: {app: traefik}}
      priorityClassName: system-cluster-critical
      hostAliases:
      - ip: 127.0.0.1
        hostnames: [foo.local]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, labels: {app: agent}}
spec:
  selector: {matchLabels: {app: agent}}
  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      tolerations: [{operator: Exists}]
      containers:
      - name: agent
        image: busybox
        command: [sh, -c, 'while true; do sleep 3600; done']
        resources: {limits: {memory: 64Mi}}
---
apiVersion: v1
kind: List
metadata: {resourceVersion: ""}
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: kubia
    namespace: default
    uid: 0b1c2d3e-1111-2222-3333-444455556666
    resourceVersion: "1234"
    creationTimestamp: "2026-01-01T00:00:00Z"
  spec:
    clusterIP: 10.96.12.7
    clusterIPs: [10.96.12.7]
    ports: [{port: 80, protocol: TCP, targetPort: 8080}]
    selector: {app: kubia}
    type: ClusterIP
    sessionAffinity: None
    internalTrafficPolicy: Cluster
    ipFamilies: [IPv4]
    ipFamilyPolicy: SingleStack
  status:
    loadBalancer: {}
`;

/**
 * core/v1 PodSpec and Container field sets (k8s.io/api/core/v1/types.go). Sub-objects that do not touch
 * networking (volumes, affinity, securityContext, resources…) are `any`: accepted whatever they hold.
 */
import { objectMeta } from './meta.ts';
import { any, arr, bool, int, intOrStr, obj, str, strList, strMap } from './types.ts';

const containerPort = obj({ name: str, containerPort: int, protocol: str, hostPort: int, hostIP: str });

const envVar = obj({ name: str, value: str, valueFrom: any });

const httpGet = obj({ path: str, port: intOrStr, host: str, scheme: str, httpHeaders: any });
const probe = obj({
  exec: obj({ command: strList }),
  httpGet,
  tcpSocket: obj({ port: intOrStr, host: str }),
  grpc: any,
  initialDelaySeconds: int,
  timeoutSeconds: int,
  periodSeconds: int,
  successThreshold: int,
  failureThreshold: int,
  terminationGracePeriodSeconds: int,
});

export const container = obj({
  name: str,
  image: str,
  command: strList,
  args: strList,
  workingDir: str,
  ports: arr(containerPort),
  envFrom: any,
  env: arr(envVar),
  resources: any,
  resizePolicy: any,
  restartPolicy: str,
  restartPolicyRules: any,
  volumeMounts: any,
  volumeDevices: any,
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: any,
  terminationMessagePath: str,
  terminationMessagePolicy: str,
  imagePullPolicy: str,
  securityContext: any,
  stdin: bool,
  stdinOnce: bool,
  tty: bool,
});

export const podSpec = obj({
  volumes: any,
  initContainers: arr(container),
  containers: arr(container),
  ephemeralContainers: any,
  restartPolicy: str,
  terminationGracePeriodSeconds: int,
  activeDeadlineSeconds: int,
  dnsPolicy: str,
  nodeSelector: strMap,
  serviceAccountName: str,
  serviceAccount: str,
  automountServiceAccountToken: bool,
  nodeName: str,
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  shareProcessNamespace: bool,
  securityContext: any,
  imagePullSecrets: any,
  hostname: str,
  subdomain: str,
  affinity: any,
  schedulerName: str,
  tolerations: any,
  hostAliases: any,
  priorityClassName: str,
  priority: int,
  dnsConfig: any,
  readinessGates: any,
  runtimeClassName: str,
  enableServiceLinks: bool,
  preemptionPolicy: str,
  overhead: any,
  topologySpreadConstraints: any,
  setHostnameAsFQDN: bool,
  os: any,
  hostUsers: bool,
  schedulingGates: any,
  resourceClaims: any,
  resources: any,
  hostnameOverride: str,
});

export const podTemplateSpec = obj({ metadata: objectMeta, spec: podSpec });

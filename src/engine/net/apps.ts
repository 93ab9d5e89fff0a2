/**
 * What the process in a container answers, decided by its image (docs/architecture.md#apps). A port the
 * process does not listen on refuses the connection, even when a Service targets it (the book's
 * `https` 443 -> 8443 on kubia refuses: faithful). The annotation `kubeplay.io/response: "text"` on a
 * pod overrides the body of every HTTP answer it gives.
 *
 * https to a plain-HTTP listener: curl's TLS ClientHello meets an HTTP server, which answers
 * `400 Bad Request` in clear text; curl reports `(35) ... wrong version number` and gets no HTTP answer.
 * We return that as `tls-error` (outcome http-error without a status). Plain http to a TLS port (the
 * API server's 6443) gets Go's `400 Client sent an HTTP request to an HTTPS server.`
 */
import type { Container } from '../model/objects.ts';
import type { PodState } from '../model/state.ts';
import { recognizeIngressController } from '../model/ingressControllers.ts';

export interface AppRequest {
  method: string;
  scheme: 'http' | 'https';
  /** Path and query. */
  path: string;
  host: string;
  /** Headers as sent (after any proxy added its own). */
  headers: [string, string][];
  /** The source address the process sees (after SNAT, or the ingress controller's pod IP). */
  remoteIp: string;
  remotePort: number;
  /** Simulation clock, for apps that print the time. */
  clock: number;
}

export type AppAnswer =
  | { kind: 'http'; status: number; body: string; app: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'tls-error'; reason: string }
  | { kind: 'empty'; reason: string };

export const RESPONSE_ANNOTATION = 'kubeplay.io/response';

type Listener = {
  port: number;
  app: string;
  tls?: boolean;
  answer: (req: AppRequest, pod: PodState) => AppAnswer;
};

/** `registry.k8s.io/e2e-test-images/agnhost:2.39` -> `e2e-test-images/agnhost`; `nginx:1.25` -> `nginx`. */
export function imageRepository(image: string): string {
  let name = image.split('@')[0] ?? image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) name = name.slice(0, colon);
  const parts = name.split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? '')) parts.shift();
  if (parts[0] === 'library') parts.shift();
  return parts.join('/').toLowerCase();
}

function imageTag(image: string): string | undefined {
  const name = image.split('@')[0] ?? image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  return colon > slash ? name.slice(colon + 1) : undefined;
}

/** `--port=8080`, `--port 8080`, `-port=8080`, `-listen=:5678`. */
function flag(args: string[], names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    for (const name of names) {
      if (arg === name) return args[i + 1];
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
  }
  return undefined;
}

function portFrom(value: string | undefined, fallback: number): number {
  const n = Number((value ?? '').replace(/^.*:/, ''));
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : fallback;
}

export function podHostname(pod: PodState): string {
  return pod.spec.hostname ?? pod.metadata.name;
}

const kubiaBodies = new WeakMap<PodState, string>();

/** luksa/kubia's app.js: `You've hit ${os.hostname()}` (cached per pod: it is the hot path of `kubeplay load`). */
function kubiaBody(pod: PodState): string {
  let body = kubiaBodies.get(pod);
  if (body === undefined) {
    body = `You've hit ${podHostname(pod)}\n`;
    kubiaBodies.set(pod, body);
  }
  return body;
}

const ok = (app: string, body: string, status = 200): AppAnswer => ({ kind: 'http', status, body, app });

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

function whoamiBody(req: AppRequest, pod: PodState): string {
  const lines = [
    `Hostname: ${podHostname(pod)}`,
    'IP: 127.0.0.1',
    `IP: ${pod.status.podIP}`,
    `RemoteAddr: ${req.remoteIp}:${req.remotePort}`,
    `${req.method} ${req.path} HTTP/1.1`,
    `Host: ${req.host}`,
    ...req.headers.map(([k, v]) => `${k}: ${v}`),
  ];
  return lines.join('\n') + '\n\n';
}

function agnhostListeners(container: Container): Listener[] {
  const all = [...container.command, ...container.args];
  const sub = all.find((a) => a === 'serve-hostname' || a === 'netexec' || a === 'pause');
  if (sub === 'serve-hostname') {
    return [
      {
        port: portFrom(flag(all, ['--port', '-port']), 9376),
        app: 'agnhost serve-hostname',
        answer: (_r, pod) => ok('agnhost serve-hostname', podHostname(pod)),
      },
    ];
  }
  if (sub === 'netexec') {
    return [
      {
        port: portFrom(flag(all, ['--http-port', '-http-port']), 8080),
        app: 'agnhost netexec',
        answer: (req, pod) => {
          const [path, query = ''] = req.path.split('?');
          if (path === '/hostname') return ok('agnhost netexec', podHostname(pod));
          if (path === '/clientip') return ok('agnhost netexec', `${req.remoteIp}:${req.remotePort}`);
          if (path === '/echo') {
            const msg = /(?:^|&)msg=([^&]*)/.exec(query)?.[1] ?? '';
            return ok('agnhost netexec', decodeURIComponent(msg.replace(/\+/g, ' ')));
          }
          if (path === '/healthz' || path === '/readyz') return ok('agnhost netexec', 'ok');
          return ok('agnhost netexec', `NOW: simulation time ${req.clock}s`);
        },
      },
    ];
  }
  return [];
}

function envValue(container: Container, name: string): string | undefined {
  return container.env.find((e) => e.name === name)?.value;
}

/**
 * The side ports of ingress controllers (their proxy ports are handled by net/ingress): Traefik's
 * API and dashboard on the `traefik` entrypoint :8080 with `--api.insecure`, and ingress-nginx's
 * health and metrics server on :10254.
 */
function controllerSideListeners(kind: 'ingress-nginx' | 'traefik', args: string[]): Listener[] {
  if (kind === 'ingress-nginx') {
    return [
      {
        port: 10254,
        app: 'ingress-nginx health server',
        answer: (req) =>
          req.path.startsWith('/healthz')
            ? ok('ingress-nginx', 'ok')
            : ok('ingress-nginx', '404 page not found\n', 404),
      },
    ];
  }
  if (!args.some((a) => a === '--api.insecure' || a === '--api.insecure=true' || a === '--api')) return [];
  return [
    {
      port: 8080,
      app: 'Traefik dashboard',
      answer: (req) => {
        const path = req.path.split('?')[0] ?? '/';
        if (path === '/') return ok('Traefik dashboard', '<a href="/dashboard/">Found</a>.\n\n', 302);
        if (path.startsWith('/dashboard'))
          return ok(
            'Traefik dashboard',
            '<!DOCTYPE html><html><head><title>Traefik</title></head><body><div id="q-app"></div></body></html>\n',
          );
        if (path.startsWith('/api/')) return ok('Traefik API', '{}\n');
        return ok('Traefik dashboard', '404 page not found\n', 404);
      },
    },
  ];
}

/** The listeners a container's process opens, by image; unknown images: their declared containerPorts. */
export function getContainerListeners(container: Container): Listener[] {
  const repo = imageRepository(container.image);
  const args = [...container.command, ...container.args];
  const controller = recognizeIngressController(container);
  if (controller) return controllerSideListeners(controller.kind, args); // the proxy ports are net/ingress's
  if (repo.startsWith('luksa/kubia')) {
    return [{ port: 8080, app: 'kubia', answer: (_r, pod) => ok('kubia', kubiaBody(pod)) }];
  }
  if (repo === 'nginx' || repo === 'nginxinc/nginx-unprivileged' || repo === 'bitnami/nginx') {
    const port = repo === 'nginx' ? 80 : 8080;
    return [{ port, app: 'nginx', answer: () => ok('nginx', NGINX_WELCOME) }];
  }
  if (repo === 'httpd') {
    return [
      { port: 80, app: 'httpd', answer: () => ok('httpd', '<html><body><h1>It works!</h1></body></html>\n') },
    ];
  }
  if (repo === 'traefik/whoami' || repo === 'containous/whoami') {
    const port = portFrom(flag(args, ['--port', '-port']) ?? envValue(container, 'WHOAMI_PORT_NUMBER'), 80);
    return [{ port, app: 'whoami', answer: (req, pod) => ok('whoami', whoamiBody(req, pod)) }];
  }
  if (repo === 'hashicorp/http-echo') {
    const port = portFrom(flag(args, ['-listen', '--listen']), 5678);
    const text = flag(args, ['-text', '--text']) ?? '';
    const status = portFrom(flag(args, ['-status-code', '--status-code']), 200);
    return [{ port, app: 'http-echo', answer: () => ok('http-echo', `${text}\n`, status) }];
  }
  if (repo.endsWith('google-samples/hello-app') || repo.endsWith('google-samples/containers/gke/hello-app')) {
    const port = portFrom(envValue(container, 'PORT'), 8080);
    const tag = imageTag(container.image) ?? '1.0';
    const version = /^\d+\.\d+$/.test(tag) ? `${tag}.0` : tag;
    return [
      {
        port,
        app: 'hello-app',
        answer: (_r, pod) =>
          ok('hello-app', `Hello, world!\nVersion: ${version}\nHostname: ${podHostname(pod)}\n`),
      },
    ];
  }
  if (repo.endsWith('agnhost')) return agnhostListeners(container);
  if (repo.endsWith('coredns')) {
    return [
      {
        port: 53,
        app: 'coredns',
        answer: () => ({
          kind: 'empty',
          reason: 'port 53 speaks DNS, not HTTP: curl: (52) Empty reply from server',
        }),
      },
      { port: 8080, app: 'coredns health', answer: () => ok('coredns health', 'OK') },
      { port: 8181, app: 'coredns ready', answer: () => ok('coredns ready', 'OK') },
    ];
  }
  return container.ports
    .filter((p) => p.protocol === 'TCP')
    .map((p) => ({
      port: p.containerPort,
      app: repo,
      answer: (_r: AppRequest, pod: PodState) =>
        ok(repo, `Hello from ${podHostname(pod)} (${repo}, port ${p.containerPort})\n`),
    }));
}

/** Listeners per container object, so routing 100,000 requests parses each image once. */
const listenerCache = new WeakMap<Container, Listener[]>();

function cachedListeners(container: Container): Listener[] {
  let hit = listenerCache.get(container);
  if (!hit) {
    hit = getContainerListeners(container);
    listenerCache.set(container, hit);
  }
  return hit;
}

function findListener(pod: PodState, port: number): Listener | undefined {
  for (const container of pod.spec.containers) {
    for (const listener of cachedListeners(container)) if (listener.port === port) return listener;
  }
  return undefined;
}

/** The TCP ports the pod's processes listen on. */
export function getListeningPorts(pod: PodState): number[] {
  return pod.spec.containers.flatMap((c) => cachedListeners(c).map((l) => l.port));
}

/** What the pod answers on this port. */
export function answerRequest(pod: PodState, port: number, request: AppRequest): AppAnswer {
  const listener = findListener(pod, port);
  if (!listener) {
    return {
      kind: 'refused',
      reason: `nothing in ${pod.metadata.name} listens on port ${port}, so its kernel answers with a TCP reset`,
    };
  }
  if (request.scheme === 'https' && !listener.tls) {
    return {
      kind: 'tls-error',
      reason: `${listener.app} on port ${port} speaks plain HTTP, so the TLS handshake fails (curl: (35) wrong version number)`,
    };
  }
  const answer = listener.answer(request, pod);
  const override = pod.metadata.annotations[RESPONSE_ANNOTATION];
  if (answer.kind === 'http' && override !== undefined)
    return { ...answer, body: override.endsWith('\n') ? override : `${override}\n` };
  return answer;
}

/**
 * What a node itself answers on a port (host network): the API server on 6443 of a control-plane
 * node (TLS: anonymous requests are Forbidden), else nothing listens.
 */
export function answerNodeRequest(
  role: 'control-plane' | 'worker',
  port: number,
  request: AppRequest,
): AppAnswer {
  if (role === 'control-plane' && port === 6443) {
    if (request.scheme === 'http')
      return ok('kube-apiserver', 'Client sent an HTTP request to an HTTPS server.\n', 400);
    return ok(
      'kube-apiserver',
      `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"forbidden: User \\"system:anonymous\\" cannot get path \\"${request.path}\\"","reason":"Forbidden","details":{},"code":403}\n`,
      403,
    );
  }
  return { kind: 'refused', reason: `nothing on the node listens on port ${port}` };
}

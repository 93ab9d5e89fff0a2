import { describe, it, expect } from 'vitest';
import type { ClusterState } from '../../model/state.ts';
import type { Trace } from '../../trace.ts';
import { routeRequest } from '../request.ts';
import { makeState, podIpOf, rule } from '../testing/fixtures.ts';
import type { IngressFixture, PodFixture, ServiceFixture, StateFixture } from '../testing/fixtures.ts';
import { readHops } from '../../readHops.ts';

// An ingress-nginx controller and Traefik (pods on kind-worker) and backends of three apps.
const NGINX: PodFixture = {
  name: 'ingress-nginx-controller',
  namespace: 'ingress-nginx',
  node: 'kind-worker',
  image: 'registry.k8s.io/ingress-nginx/controller:v1.10.0',
  labels: { app: 'ingress-nginx' },
  ports: [{ containerPort: 80 }, { containerPort: 443 }],
};
const TRAEFIK: PodFixture = {
  name: 'traefik',
  namespace: 'kube-system',
  node: 'kind-worker',
  image: 'traefik:v2.10',
  args: ['--entrypoints.web.address=:80', '--providers.kubernetesingress'],
  labels: { app: 'traefik' },
  ports: [{ containerPort: 80 }],
};
const apps: PodFixture[] = [
  {
    name: 'foo-1',
    node: 'kind-worker2',
    image: 'hashicorp/http-echo',
    args: ['-text=foo'],
    labels: { app: 'foo' },
    ports: [{ name: 'web', containerPort: 5678 }],
  },
  {
    name: 'bar-1',
    node: 'kind-worker2',
    image: 'hashicorp/http-echo',
    args: ['-text=bar'],
    labels: { app: 'bar' },
    ports: [{ containerPort: 5678 }],
  },
  {
    name: 'baz-1',
    node: 'kind-worker',
    image: 'hashicorp/http-echo',
    args: ['-text=baz'],
    labels: { app: 'baz' },
    ports: [{ containerPort: 5678 }],
  },
  {
    name: 'down-1',
    node: 'kind-worker',
    image: 'hashicorp/http-echo',
    labels: { app: 'down' },
    ready: false,
    ports: [{ containerPort: 5678 }],
  },
];
const services: ServiceFixture[] = [
  { name: 'foo', selector: { app: 'foo' }, ports: [{ name: 'http', port: 80, targetPort: 'web' }] },
  { name: 'bar', selector: { app: 'bar' }, ports: [{ port: 80, targetPort: 5678 }] },
  { name: 'baz', selector: { app: 'baz' }, ports: [{ port: 8080, targetPort: 5678 }] },
  { name: 'down', selector: { app: 'down' }, ports: [{ port: 80, targetPort: 5678 }] },
];
const nginxClass = { name: 'nginx', controller: 'k8s.io/ingress-nginx' };

function state(ingresses: IngressFixture[], extra: Partial<StateFixture> = {}): ClusterState {
  return makeState({
    pods: [NGINX, TRAEFIK, ...apps],
    services,
    ingresses,
    ingressClasses: [nginxClass],
    ...extra,
  });
}

/** Straight to the controller pod IP with a Host header, as `curl -H 'Host: …' http://<pod IP>/path`. */
function via(s: ClusterState, controllerIp: string, host: string, path = '/'): Trace {
  return routeRequest(s, {
    from: 'pod/default/foo-1',
    url: `http://${controllerIp}${path}`,
    headers: { Host: host },
  }).trace;
}
// Every state() places the same pods in the same order, so the controllers' pod IPs are the same in each.
const nginxIp = podIpOf(state([]), 'ingress-nginx-controller', 'ingress-nginx');
const traefikIp = podIpOf(state([]), 'traefik', 'kube-system');

describe('ingress-nginx routing', () => {
  const s = state([
    {
      name: 'site',
      className: 'nginx',
      rules: [rule('foo.bar.com', ['/', 'Prefix', 'foo', 'http'], ['/bar', 'Prefix', 'bar', 80])],
    },
    { name: 'more', className: 'nginx', rules: [rule('foo.bar.com', ['/baz', 'Exact', 'baz', 8080])] },
    { name: 'wild', className: 'nginx', rules: [rule('*.example.com', ['/', 'Prefix', 'bar', 80])] },
    { name: 'catch', className: 'nginx', rules: [rule(undefined, ['/', 'Prefix', 'baz', 8080])] },
  ]);

  it('routes by host and path, straight to a pod endpoint with a new connection from the controller', () => {
    const t = via(s, nginxIp, 'foo.bar.com', '/bar/x');
    expect(t.outcome).toBe('ok');
    expect(t.body).toBe('bar\n');
    expect(t.service).toBe('default/bar');
    const route = readHops(t).find((h) => h.kind === 'route');
    expect(route).toMatchObject({
      at: 'ing/default/site',
      dst: '10.244.2.3:5678',
      rule: 'foo.bar.com/bar (Prefix) -> bar:80',
    });
    expect(route?.src.startsWith(`${nginxIp}:`)).toBe(true);
    expect(readHops(t).map((h) => h.kind)).toEqual([
      'send',
      'forward',
      'deliver',
      'route',
      'forward',
      'deliver',
      'reply',
      'reply',
    ]);
  });

  it('merges the paths of every Ingress of a host (ingress-nginx)', () => {
    expect(via(s, nginxIp, 'foo.bar.com', '/baz').body).toBe('baz\n');
    expect(via(s, nginxIp, 'foo.bar.com', '/baz/x').body).toBe('foo\n'); // Exact /baz does not cover /baz/x
  });

  it('resolves a named backend port to the endpoint port', () => {
    const t = via(s, nginxIp, 'foo.bar.com', '/');
    expect(t.endpoint).toMatchObject({ pod: 'default/foo-1', port: 5678 });
  });

  it('wildcard hosts cover exactly one label; other hosts fall to the host-less rule', () => {
    expect(via(s, nginxIp, 'a.example.com').body).toBe('bar\n');
    expect(via(s, nginxIp, 'a.b.example.com').body).toBe('baz\n');
    expect(via(s, nginxIp, 'example.com').body).toBe('baz\n');
    expect(via(s, nginxIp, 'FOO.bar.com:8080', '/bar').body).toBe('bar\n');
  });

  it("a host with no matching path and no catch-all answers 404 with nginx's page", () => {
    const only = state([
      { name: 'site', className: 'nginx', rules: [rule('foo.bar.com', ['/api', 'Prefix', 'foo', 'http'])] },
    ]);
    const t = via(only, nginxIp, 'foo.bar.com', '/other');
    expect(t).toMatchObject({ outcome: 'http-error', status: 404 });
    expect(t.body).toContain('<center><h1>404 Not Found</h1></center>');
    expect(via(only, nginxIp, 'nobody.com').status).toBe(404);
  });

  it("ingress-nginx: an Ingress with rules uses its defaultBackend for its own hosts' unmatched paths only", () => {
    const d = state([
      {
        name: 'site',
        className: 'nginx',
        defaultBackend: { service: 'baz', port: 8080 },
        rules: [rule('foo.bar.com', ['/api', 'Prefix', 'foo', 'http'])],
      },
    ]);
    expect(via(d, nginxIp, 'foo.bar.com', '/other').body).toBe('baz\n');
    expect(via(d, nginxIp, 'other.com')).toMatchObject({ outcome: 'http-error', status: 404 });
  });

  it('ingress-nginx: an Ingress with only a defaultBackend configures the catch-all server', () => {
    const d = state([
      { name: 'site', className: 'nginx', rules: [rule('foo.bar.com', ['/api', 'Prefix', 'foo', 'http'])] },
      { name: 'catch-all', className: 'nginx', defaultBackend: { service: 'baz', port: 8080 }, rules: [] },
    ]);
    expect(via(d, nginxIp, 'other.com').body).toBe('baz\n');
    expect(via(d, nginxIp, 'foo.bar.com', '/api').body).toBe('foo\n');
  });

  it('503 when the backend Service has no ready endpoint or does not exist', () => {
    const d = state([
      { name: 'a', className: 'nginx', rules: [rule('down.com', ['/', 'Prefix', 'down', 80])] },
      { name: 'b', className: 'nginx', rules: [rule('missing.com', ['/', 'Prefix', 'nope', 80])] },
    ]);
    const t = via(d, nginxIp, 'down.com');
    expect(t).toMatchObject({ outcome: 'http-error', status: 503 });
    expect(t.body).toContain('503 Service Temporarily Unavailable');
    expect(readHops(t).find((h) => h.kind === 'route')?.note).toContain('has no ready endpoints');
    expect(via(d, nginxIp, 'missing.com').status).toBe(503);
  });

  it('service-upstream: "true" sends the request to the ClusterIP, where kube-proxy chooses', () => {
    const d = state([
      {
        name: 'a',
        className: 'nginx',
        annotations: { 'nginx.ingress.kubernetes.io/service-upstream': 'true' },
        rules: [rule('foo.bar.com', ['/', 'Prefix', 'bar', 80])],
      },
    ]);
    const t = via(d, nginxIp, 'foo.bar.com');
    expect(t.body).toBe('bar\n');
    expect(readHops(t).find((h) => h.kind === 'route')?.dst).toMatch(/^10\.96\.\d+\.\d+:80$/);
    expect(readHops(t).find((h) => h.kind === 'dnat')?.at).toBe('node/kind-worker');
  });

  it('serves only Ingresses of its class: IngressClass, annotation, or the default class', () => {
    const d = state([
      { name: 'byclass', className: 'nginx', rules: [rule('a.com', ['/', 'Prefix', 'foo', 'http'])] },
      {
        name: 'byannotation',
        annotations: { 'kubernetes.io/ingress.class': 'nginx' },
        rules: [rule('b.com', ['/', 'Prefix', 'foo', 'http'])],
      },
      { name: 'classless', rules: [rule('c.com', ['/', 'Prefix', 'foo', 'http'])] },
      {
        name: 'traefikonly',
        annotations: { 'kubernetes.io/ingress.class': 'traefik' },
        rules: [rule('d.com', ['/', 'Prefix', 'foo', 'http'])],
      },
    ]);
    expect(via(d, nginxIp, 'a.com').outcome).toBe('ok');
    expect(via(d, nginxIp, 'b.com').outcome).toBe('ok');
    expect(via(d, nginxIp, 'c.com').status).toBe(404); // ingress-nginx >= 1.0 ignores class-less Ingresses
    expect(via(d, nginxIp, 'd.com').status).toBe(404);
    const withDefault = state(
      [{ name: 'classless', rules: [rule('c.com', ['/', 'Prefix', 'foo', 'http'])] }],
      {
        ingressClasses: [{ ...nginxClass, isDefault: true }],
      },
    );
    expect(via(withDefault, nginxIp, 'c.com').outcome).toBe('ok');
  });

  it('https on 443 is terminated by the controller; plain http to 443 gets 400', () => {
    const t = routeRequest(s, {
      from: 'pod/default/foo-1',
      url: `https://${nginxIp}/bar`,
      headers: { Host: 'foo.bar.com' },
    }).trace;
    expect(t.body).toBe('bar\n');
    expect(routeRequest(s, { from: 'pod/default/foo-1', url: `http://${nginxIp}:443/` }).trace.status).toBe(
      400,
    );
  });
});

describe('Traefik routing', () => {
  const s = state([
    {
      name: 'site',
      annotations: { 'kubernetes.io/ingress.class': 'traefik' },
      rules: [rule('foo.bar.com', ['/api', 'Prefix', 'foo', 'http'])],
    },
    { name: 'plain', rules: [rule(undefined, ['/', 'Prefix', 'bar', 80])] },
    { name: 'down', rules: [rule('down.com', ['/', 'Prefix', 'down', 80])] },
    { name: 'nginxonly', className: 'nginx', rules: [rule('n.com', ['/', 'Prefix', 'foo', 'http'])] },
  ]);
  it('serves annotation traefik and class-less Ingresses, not nginx-class ones', () => {
    expect(via(s, traefikIp, 'foo.bar.com', '/api').body).toBe('foo\n');
    expect(via(s, traefikIp, 'x.com', '/').body).toBe('bar\n');
    // Traefik routers are per host+path: an unmatched path of a known host still reaches the host-less rule.
    expect(via(s, traefikIp, 'foo.bar.com', '/other').body).toBe('bar\n');
    expect(via(s, traefikIp, 'n.com').body).toBe('bar\n');
  });
  it('answers "404 page not found" when nothing matches and 404 for a Service without endpoints', () => {
    const only = state([
      { name: 'site', rules: [rule('foo.bar.com', ['/', 'Prefix', 'foo', 'http'])] },
      { name: 'down', rules: [rule('down.com', ['/', 'Prefix', 'down', 80])] },
    ]);
    expect(via(only, traefikIp, 'other.com')).toMatchObject({ status: 404, body: '404 page not found\n' });
    expect(via(only, traefikIp, 'down.com')).toMatchObject({ status: 404, outcome: 'http-error' });
  });
});

describe('golden ingress trace', () => {
  it('client -> controller pod -> Ingress rule -> backend pod, and back through both connections', () => {
    const s = state([
      { name: 'site', className: 'nginx', rules: [rule('foo.bar.com', ['/', 'Prefix', 'foo', 'http'])] },
    ]);
    const t = via(s, nginxIp, 'foo.bar.com', '/');
    expect([t.outcome, t.status, ...readHops(t).map((h) => `${h.kind} @${h.at} ${h.src} -> ${h.dst}`)])
      .toMatchInlineSnapshot(`
        [
          "ok",
          200,
          "send @pod/default/foo-1 10.244.2.2:45639 -> 10.244.1.2:80",
          "forward @node/kind-worker 10.244.2.2:45639 -> 10.244.1.2:80",
          "deliver @pod/ingress-nginx/ingress-nginx-controller 10.244.2.2:45639 -> 10.244.1.2:80",
          "route @ing/default/site 10.244.1.2:52593 -> 10.244.2.2:5678",
          "forward @node/kind-worker2 10.244.1.2:52593 -> 10.244.2.2:5678",
          "deliver @pod/default/foo-1 10.244.1.2:52593 -> 10.244.2.2:5678",
          "reply @pod/ingress-nginx/ingress-nginx-controller 10.244.2.2:5678 -> 10.244.1.2:52593",
          "reply @pod/default/foo-1 10.244.1.2:80 -> 10.244.2.2:45639",
        ]
      `);
  });
});

import { describe, it, expect } from 'vitest';
import { answerRequest, getListeningPorts, imageRepository } from './apps.ts';
import type { AppRequest } from './apps.ts';
import { makeState, podOf } from './testing/fixtures.ts';
import type { PodFixture } from './testing/fixtures.ts';

const request: AppRequest = {
  method: 'GET',
  scheme: 'http',
  path: '/hello?x=1',
  host: 'web',
  headers: [['User-Agent', 'curl/8.5.0']],
  remoteIp: '10.244.2.5',
  remotePort: 40000,
  clock: 5,
};

function pod(fixture: Omit<PodFixture, 'name' | 'node'> & { name?: string }) {
  const name = fixture.name ?? 'p';
  return podOf(makeState({ pods: [{ node: 'kind-worker', ...fixture, name }] }), name);
}

describe('apps by image', () => {
  it('normalises image references', () => {
    expect(imageRepository('registry.k8s.io/e2e-test-images/agnhost:2.39')).toBe('e2e-test-images/agnhost');
    expect(imageRepository('docker.io/library/nginx:1.25@sha256:abc')).toBe('nginx');
    expect(imageRepository('localhost:5000/luksa/kubia')).toBe('luksa/kubia');
  });
  it('luksa/kubia answers on 8080 with its hostname and refuses other ports', () => {
    const p = pod({ name: 'kubia-x7k2p', image: 'luksa/kubia:v1' });
    expect(answerRequest(p, 8080, request)).toMatchObject({
      kind: 'http',
      status: 200,
      body: "You've hit kubia-x7k2p\n",
    });
    expect(answerRequest(p, 8443, request).kind).toBe('refused');
    expect(answerRequest(p, 8080, { ...request, scheme: 'https' }).kind).toBe('tls-error');
  });
  it('whoami echoes the request and the address it sees', () => {
    const whoami = pod({ image: 'traefik/whoami:v1.10' });
    expect(whoami.status.podIP).toMatch(/^10\.244\.1\.\d+$/); // a pod IP of kind-worker's range
    const answer = answerRequest(whoami, 80, request);
    expect(answer.kind === 'http' && answer.body).toBe(
      `Hostname: p\nIP: 127.0.0.1\nIP: ${whoami.status.podIP}\nRemoteAddr: 10.244.2.5:40000\nGET /hello?x=1 HTTP/1.1\nHost: web\nUser-Agent: curl/8.5.0\n\n`,
    );
  });
  it('http-echo, hello-app, agnhost, httpd, nginx', () => {
    expect(
      answerRequest(
        pod({ image: 'hashicorp/http-echo', args: ['-listen=:9000', '-text=hi'] }),
        9000,
        request,
      ),
    ).toMatchObject({ body: 'hi\n' });
    expect(answerRequest(pod({ image: 'gcr.io/google-samples/hello-app:2.0' }), 8080, request)).toMatchObject(
      { body: 'Hello, world!\nVersion: 2.0.0\nHostname: p\n' },
    );
    expect(
      answerRequest(
        pod({ image: 'registry.k8s.io/e2e-test-images/agnhost:2.39', args: ['serve-hostname'] }),
        9376,
        request,
      ),
    ).toMatchObject({ body: 'p' });
    const netexec = pod({
      image: 'registry.k8s.io/e2e-test-images/agnhost:2.39',
      args: ['netexec', '--http-port=8080'],
    });
    expect(answerRequest(netexec, 8080, { ...request, path: '/clientip' })).toMatchObject({
      body: '10.244.2.5:40000',
    });
    expect(answerRequest(netexec, 8080, { ...request, path: '/echo?msg=hello+there' })).toMatchObject({
      body: 'hello there',
    });
    expect(answerRequest(pod({ image: 'httpd:2.4' }), 80, request)).toMatchObject({
      body: '<html><body><h1>It works!</h1></body></html>\n',
    });
    expect(getListeningPorts(pod({ image: 'nginx:1.27' }))).toEqual([80]);
  });
  it('unknown images listen on their declared containerPorts; the annotation overrides the body', () => {
    const p = pod({ image: 'example.com/shop/api:3', ports: [{ containerPort: 7000 }] });
    expect(answerRequest(p, 7000, request)).toMatchObject({
      status: 200,
      body: 'Hello from p (shop/api, port 7000)\n',
    });
    expect(answerRequest(p, 7001, request).kind).toBe('refused');
    const annotated = pod({ image: 'luksa/kubia', annotations: { 'kubeplay.io/response': 'v2 here' } });
    expect(answerRequest(annotated, 8080, request)).toMatchObject({ body: 'v2 here\n' });
  });
});

describe('ingress controller side ports', () => {
  it('Traefik with --api.insecure serves its dashboard on 8080; ingress-nginx its healthz on 10254', () => {
    const traefik = pod({
      image: 'traefik:v2.10',
      args: ['--api.insecure=true', '--entrypoints.web.address=:80'],
    });
    expect(answerRequest(traefik, 8080, { ...request, path: '/' })).toMatchObject({ status: 302 });
    expect(answerRequest(traefik, 8080, { ...request, path: '/dashboard/' })).toMatchObject({ status: 200 });
    expect(answerRequest(pod({ image: 'traefik:v2.10' }), 8080, request).kind).toBe('refused');
    const nginx = pod({ image: 'registry.k8s.io/ingress-nginx/controller:v1.10.1' });
    expect(answerRequest(nginx, 10254, { ...request, path: '/healthz' })).toMatchObject({
      status: 200,
      body: 'ok',
    });
  });
});

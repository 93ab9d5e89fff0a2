import { describe, expect, it } from 'vitest';
import { errors, problems } from '../test/helpers.ts';

const ing = (spec: string, meta = '') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n${meta}spec:\n${spec}`;
const rule = (path: string) => `  rules:\n  - host: web.example.com\n    http:\n      paths:\n${path}`;
const backend =
  '        backend:\n          service:\n            name: web\n            port: {number: 80}\n';

describe('Ingress validation (docs/kubernetes-facts.md §15–§17, §22)', () => {
  it('needs rules or a default backend', () => {
    expect(problems(ing('  tls: []\n'))).toEqual([
      '6:3 error spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified',
    ]);
  });

  it('v1 requires pathType; unknown pathType is unsupported', () => {
    expect(problems(ing(rule(`      - path: /\n${backend}`)))).toEqual([
      '10:9 error spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
    ]);
    expect(problems(ing(rule(`      - path: /\n        pathType: Regex\n${backend}`)))).toEqual([
      '11:19 error spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ]);
  });

  it('Exact and Prefix paths must be absolute and clean', () => {
    expect(problems(ing(rule(`      - path: api\n        pathType: Prefix\n${backend}`)))).toEqual([
      '10:15 error spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
    ]);
    expect(
      errors(ing(rule(`      - path: /a//b/..\n        pathType: Exact\n${backend}`))).map((d) => d.message),
    ).toEqual([
      `Invalid value: "/a//b/..": must not contain '//'`,
      `Invalid value: "/a//b/..": cannot end with '/..'`,
    ]);
    // ImplementationSpecific may be anything the controller understands, but still absolute.
    expect(
      problems(ing(rule(`      - path: /foo/.*\n        pathType: ImplementationSpecific\n${backend}`))),
    ).toEqual([]);
  });

  it('hosts: not an IP, wildcard only as a whole first label', () => {
    const withHost = (h: string) =>
      ing(
        `  rules:\n  - host: "${h}"\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n${backend}`,
      );
    expect(problems(withHost('10.0.0.1'))).toEqual([
      '7:11 error spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
    ]);
    expect(problems(withHost('*.foo.com'))).toEqual([]);
    for (const bad of ['*', '*.*.foo.com', 'foo.*.com', 'f*.foo.com']) {
      expect(errors(withHost(bad))[0]?.message).toContain(
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain",
      );
    }
    expect(errors(withHost('Foo.com'))[0]?.message).toContain(
      'a lowercase RFC 1123 subdomain must consist of',
    );
  });

  it('backends: service name, exactly one of port name / number', () => {
    const withBackend = (b: string) => ing(`  defaultBackend:\n${b}`);
    expect(problems(withBackend('    service: {name: web, port: {name: http, number: 80}}\n'))).toEqual([
      '7:5 error spec.defaultBackend: Invalid value: "": cannot set both port name & port number',
    ]);
    expect(problems(withBackend('    service: {name: web, port: {}}\n'))).toEqual([
      '7:5 error spec.defaultBackend: Required value: port name or number is required',
    ]);
    expect(problems(withBackend('    service: {port: {number: 80}}\n'))).toEqual([
      '7:5 error spec.defaultBackend.service.name: Required value',
    ]);
    expect(problems(withBackend('    service: {name: web, port: {number: 0}}\n'))[0]).toContain(
      'spec.defaultBackend: Required value: port name or number is required',
    );
    expect(problems(withBackend('    service: {name: web, port: {number: 65536}}\n'))).toEqual([
      '7:41 error spec.defaultBackend.service.port.number: Invalid value: 65536: must be between 1 and 65535, inclusive',
    ]);
    expect(
      problems(
        withBackend('    resource: {kind: Bucket, name: b}\n    service: {name: web, port: {number: 80}}\n'),
      ),
    ).toEqual([
      '7:5 error spec.defaultBackend: Invalid value: "": cannot set both resource and service backends',
    ]);
  });

  it('a beta Ingress with servicePort missing is invalid after conversion', () => {
    const text = `apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  backend:\n    serviceName: web\n`;
    expect(errors(text).map((d) => `${d.path}: ${d.message}`)).toEqual([
      'spec.backend: Required value: port name or number is required',
    ]);
  });

  it('ingressClassName and the class annotation must agree when both are set', () => {
    const meta = '  annotations:\n    kubernetes.io/ingress.class: traefik\n';
    expect(
      problems(
        ing(
          '  ingressClassName: nginx\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n',
          meta,
        ),
      ),
    ).toEqual([
      '6:34 error annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified',
    ]);
    expect(
      problems(
        ing(
          '  ingressClassName: traefik\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n',
          meta,
        ),
      ),
    ).toEqual([]);
  });
});

describe('IngressClass validation', () => {
  const cls = (spec: string) =>
    `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec:\n${spec}`;
  it('controller is required and domain-prefixed', () => {
    expect(problems(cls('  parameters: null\n'))).toEqual(['4:1 error spec.controller: Required value']);
    expect(problems(cls('  controller: nginx\n'))).toEqual([
      '5:15 error spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
    ]);
    expect(problems(cls('  controller: k8s.io/ingress-nginx\n'))).toEqual([]);
  });
});

import { describe, it, expect } from 'vitest';
import type { PathType } from '../../model/objects.ts';
import { normalizeHost, selectPath, wildcardMatches } from './pathMatch.ts';

type P = { path: string; pathType: PathType; id: string };
const p = (pathType: PathType, path: string, id = `${pathType} ${path}`): P => ({ path, pathType, id });

/** The 18 cases of the Ingress concept page's "Examples" table (docs/kubernetes-facts.md#ingress-paths). */
const cases: { n: number; paths: P[]; request: string; expect: string | undefined }[] = [
  { n: 1, paths: [p('Prefix', '/')], request: '/anything/at/all', expect: 'Prefix /' },
  { n: 2, paths: [p('Exact', '/foo')], request: '/foo', expect: 'Exact /foo' },
  { n: 3, paths: [p('Exact', '/foo')], request: '/bar', expect: undefined },
  { n: 4, paths: [p('Exact', '/foo')], request: '/foo/', expect: undefined },
  { n: 5, paths: [p('Exact', '/foo/')], request: '/foo', expect: undefined },
  { n: 6, paths: [p('Prefix', '/foo')], request: '/foo/', expect: 'Prefix /foo' },
  { n: 7, paths: [p('Prefix', '/foo/')], request: '/foo', expect: 'Prefix /foo/' },
  { n: 8, paths: [p('Prefix', '/aaa/bb')], request: '/aaa/bbb', expect: undefined },
  { n: 9, paths: [p('Prefix', '/aaa/bbb')], request: '/aaa/bbb', expect: 'Prefix /aaa/bbb' },
  { n: 10, paths: [p('Prefix', '/aaa/bbb/')], request: '/aaa/bbb', expect: 'Prefix /aaa/bbb/' },
  { n: 11, paths: [p('Prefix', '/aaa/bbb')], request: '/aaa/bbb/', expect: 'Prefix /aaa/bbb' },
  { n: 12, paths: [p('Prefix', '/aaa/bbb')], request: '/aaa/bbb/ccc', expect: 'Prefix /aaa/bbb' },
  { n: 13, paths: [p('Prefix', '/aaa/bbb')], request: '/aaa/bbbxyz', expect: undefined },
  { n: 14, paths: [p('Prefix', '/'), p('Prefix', '/aaa')], request: '/aaa/ccc', expect: 'Prefix /aaa' },
  {
    n: 15,
    paths: [p('Prefix', '/'), p('Prefix', '/aaa'), p('Prefix', '/aaa/bbb')],
    request: '/aaa/bbb',
    expect: 'Prefix /aaa/bbb',
  },
  {
    n: 16,
    paths: [p('Prefix', '/'), p('Prefix', '/aaa'), p('Prefix', '/aaa/bbb')],
    request: '/ccc',
    expect: 'Prefix /',
  },
  { n: 17, paths: [p('Prefix', '/aaa')], request: '/ccc', expect: undefined },
  { n: 18, paths: [p('Prefix', '/foo'), p('Exact', '/foo')], request: '/foo', expect: 'Exact /foo' },
];

describe('Ingress path matching: the Kubernetes examples table', () => {
  for (const c of cases) {
    it(`case ${c.n}: ${c.paths.map((x) => x.id).join(' + ')} vs ${c.request}`, () => {
      expect(selectPath(c.paths, c.request)?.id).toBe(c.expect);
    });
  }
  it('Exact wins the tie whichever order the paths come in', () => {
    expect(selectPath([p('Exact', '/foo'), p('Prefix', '/foo')], '/foo')?.id).toBe('Exact /foo');
    expect(selectPath([p('Exact', '/foo'), p('Prefix', '/foo')], '/foo/x')?.id).toBe('Prefix /foo');
  });
  it('ImplementationSpecific is a plain string prefix (nginx location, Traefik PathPrefix)', () => {
    expect(selectPath([p('ImplementationSpecific', '/foo')], '/foobar')?.id).toBe(
      'ImplementationSpecific /foo',
    );
    expect(selectPath([p('ImplementationSpecific', '/foo')], '/bar')).toBeUndefined();
  });
  it('regex mode: the ingress-nginx doc example (/foo/bar, /foo/bar/, /foo/bar/(.+))', () => {
    const paths = [
      p('Prefix', '/foo/bar', 's1'),
      p('Prefix', '/foo/bar/', 's2'),
      p('ImplementationSpecific', '/foo/bar/(.+)', 's3'),
    ];
    expect(selectPath(paths, '/foo/bar/1', true)?.id).toBe('s3');
    expect(selectPath(paths, '/foo/bar/', true)?.id).toBe('s2');
    expect(selectPath(paths, '/foo/bar', true)?.id).toBe('s1');
  });
  it('regex mode makes matching case-insensitive and the longer regex wins (the docs warning)', () => {
    const paths = [
      p('Prefix', '/foo/bar/bar', 'plain'),
      p('ImplementationSpecific', '/foo/bar/[A-Z0-9]{3}', 'regex'),
    ];
    expect(selectPath(paths, '/foo/bar/bar', true)?.id).toBe('regex');
  });
});

describe('Ingress host matching', () => {
  it('a wildcard covers exactly one label', () => {
    expect(wildcardMatches('*.foo.com', 'bar.foo.com')).toBe(true);
    expect(wildcardMatches('*.foo.com', 'baz.bar.foo.com')).toBe(false);
    expect(wildcardMatches('*.foo.com', 'foo.com')).toBe(false);
  });
  it('drops the port and case of the Host header', () => {
    expect(normalizeHost('Kubia.Example.com:8080')).toBe('kubia.example.com');
  });
});

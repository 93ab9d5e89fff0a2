/**
 * The three patch formats of `kubectl patch --type`, on the examples of their specifications:
 * - merge: RFC 7386 section 3's example and its appendix A test cases (https://www.rfc-editor.org/rfc/rfc7386);
 * - json: RFC 6902 appendix A (https://www.rfc-editor.org/rfc/rfc6902#appendix-A);
 * - strategic: the Deployment examples of
 *   https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/
 *   (containers merged by name, tolerations replaced… here keyed; `$patch: delete`, `$patch: replace`).
 */
import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from './jsonPatch.ts';
import type { Json } from './jsonValue.ts';
import { applyMergePatch } from './mergePatch.ts';
import { applyStrategicMerge } from './strategicMerge.ts';

describe('JSON merge patch (RFC 7386)', () => {
  it('section 3: merges maps, null deletes, replaces lists', () => {
    const target = {
      title: 'Goodbye!',
      author: { givenName: 'John', familyName: 'Doe' },
      tags: ['example', 'sample'],
      content: 'This will be unchanged',
    };
    const patch = {
      title: 'Hello!',
      phoneNumber: '+01-123-456-7890',
      author: { familyName: null },
      tags: ['example'],
    };
    expect(applyMergePatch(target, patch)).toEqual({
      title: 'Hello!',
      author: { givenName: 'John' },
      tags: ['example'],
      content: 'This will be unchanged',
      phoneNumber: '+01-123-456-7890',
    });
  });

  it.each<[Json, Json, Json]>([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('appendix A: %j patched with %j is %j', (target, patch, result) => {
    expect(applyMergePatch(target, patch)).toEqual(result);
  });
});

describe('JSON patch (RFC 6902)', () => {
  const run = (doc: Json, patch: Json) => applyJsonPatch(doc, patch);

  it('A.1 adds an object member, A.2 inserts into an array, A.16 appends with -', () => {
    expect(run({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }])).toEqual({
      ok: true,
      value: { foo: 'bar', baz: 'qux' },
    });
    expect(run({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }])).toEqual({
      ok: true,
      value: { foo: ['bar', 'qux', 'baz'] },
    });
    expect(run({ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }])).toEqual({
      ok: true,
      value: { foo: ['bar', ['abc', 'def']] },
    });
  });

  it('A.3/A.4 remove, A.5 replace, A.6/A.7 move, A.8 test', () => {
    expect(run({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }])).toEqual({
      ok: true,
      value: { foo: 'bar' },
    });
    expect(run({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }])).toEqual({
      ok: true,
      value: { foo: ['bar', 'baz'] },
    });
    expect(run({ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }])).toEqual({
      ok: true,
      value: { baz: 'boo', foo: 'bar' },
    });
    expect(
      run({ foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } }, [
        { op: 'move', from: '/foo/waldo', path: '/qux/thud' },
      ]),
    ).toEqual({ ok: true, value: { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } } });
    expect(
      run({ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }]),
    ).toEqual({ ok: true, value: { foo: ['all', 'cows', 'eat', 'grass'] } });
    expect(
      run({ baz: 'qux', foo: ['a', 2, 'c'] }, [
        { op: 'test', path: '/baz', value: 'qux' },
        { op: 'test', path: '/foo/1', value: 2 },
      ]),
    ).toEqual({ ok: true, value: { baz: 'qux', foo: ['a', 2, 'c'] } });
  });

  it('A.9 a failed test fails the whole patch; A.12 adding under a missing parent fails; A.14 ~1 escapes /', () => {
    expect(run({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }]).ok).toBe(false);
    expect(run({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }])).toEqual({
      ok: false,
      error: 'add operation does not apply: doc is missing path: "/baz/bat"',
      unprocessable: true,
    });
    expect(run({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: 10 }]).ok).toBe(true);
    const original = { a: 1 };
    run(original, [
      { op: 'add', path: '/b', value: 2 },
      { op: 'remove', path: '/missing' },
    ]);
    expect(original).toEqual({ a: 1 });
  });

  it('refuses a patch that is not a list of operations, as kubectl does', () => {
    expect(run({}, { op: 'add' })).toEqual({
      ok: false,
      error: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    });
  });
});

describe('strategic merge patch (Kubernetes)', () => {
  const deployment = {
    spec: {
      template: {
        spec: {
          containers: [{ name: 'patch-demo-ctr', image: 'nginx' }],
          tolerations: [{ effect: 'NoSchedule', key: 'dedicated', value: 'test-team' }],
        },
      },
    },
  };

  it('merges the containers list by name (the docs: a second container is added, the first kept)', () => {
    const patch = {
      spec: { template: { spec: { containers: [{ name: 'patch-demo-ctr-2', image: 'redis' }] } } },
    };
    expect(applyStrategicMerge(deployment, patch)).toEqual({
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'patch-demo-ctr', image: 'nginx' },
              { name: 'patch-demo-ctr-2', image: 'redis' },
            ],
            tolerations: deployment.spec.template.spec.tolerations,
          },
        },
      },
    });
    // a JSON merge patch replaces the list instead (the docs' "Notice that the containers list was replaced")
    expect(applyMergePatch(deployment, patch)).toEqual({
      spec: {
        template: {
          spec: {
            containers: [{ name: 'patch-demo-ctr-2', image: 'redis' }],
            tolerations: deployment.spec.template.spec.tolerations,
          },
        },
      },
    });
  });

  it("merges a Service's ports by port, a container's by containerPort; $patch: delete removes one", () => {
    const svc = {
      spec: {
        ports: [
          { port: 80, targetPort: 8080 },
          { port: 443, targetPort: 8443 },
        ],
      },
    };
    expect(applyStrategicMerge(svc, { spec: { ports: [{ port: 80, nodePort: 30080 }] } })).toEqual({
      spec: {
        ports: [
          { port: 80, targetPort: 8080, nodePort: 30080 },
          { port: 443, targetPort: 8443 },
        ],
      },
    });
    expect(applyStrategicMerge(svc, { spec: { ports: [{ port: 443, $patch: 'delete' }] } })).toEqual({
      spec: { ports: [{ port: 80, targetPort: 8080 }] },
    });
    const ctr = { ports: [{ containerPort: 8080, name: 'http' }] };
    expect(applyStrategicMerge(ctr, { ports: [{ containerPort: 9090 }] })).toEqual({
      ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 9090 }],
    });
  });

  it('replaces a map marked $patch: replace and deletes a key set to null', () => {
    expect(
      applyStrategicMerge(
        { metadata: { labels: { a: '1', b: '2' } } },
        { metadata: { labels: { $patch: 'replace', c: '3' } } },
      ),
    ).toEqual({ metadata: { labels: { c: '3' } } });
    expect(
      applyStrategicMerge(
        { metadata: { labels: { a: '1', b: '2' } } },
        { metadata: { labels: { a: null } } },
      ),
    ).toEqual({ metadata: { labels: { b: '2' } } });
  });
});

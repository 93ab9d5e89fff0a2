import { describe, expect, it } from 'vitest';
import { parseLesson } from './parseLesson.ts';

const MINIMAL = `id: tiny
title: { en: Tiny, zh: 小例子 }
scenario: kubia
steps:
  - text: { en: List the Services., zh: 列出 Service。 }
    highlight: [svc/default/kubia, pod/default/kubia-*]
    try: kubectl get svc
    done:
      command: ^kubectl get svc
`;

describe('parseLesson', () => {
  it('reads a minimal lesson', () => {
    const r = parseLesson(MINIMAL);
    expect(r.errors).toEqual([]);
    expect(r.lesson).toEqual({
      id: 'tiny',
      title: { en: 'Tiny', zh: '小例子' },
      scenario: { id: 'kubia' },
      steps: [
        {
          text: { en: 'List the Services.', zh: '列出 Service。' },
          highlight: ['svc/default/kubia', 'pod/default/kubia-*'],
          try: 'kubectl get svc',
          done: { command: '^kubectl get svc' },
        },
      ],
    });
  });

  it('reads the same lesson written as JSON, with inline YAML, files, seed and state checks', () => {
    const json = JSON.stringify({
      id: 'json-one',
      title: { en: 'J', zh: 'J' },
      scenario: { yaml: 'apiVersion: v1\nkind: Pod\n' },
      seed: 4,
      files: { 'a.yaml': 'kind: Service\n' },
      steps: [
        {
          text: { en: 'a', zh: 'a' },
          done: { state: { service: { name: 'kubia', sessionAffinity: 'ClientIP' } } },
        },
      ],
    });
    const r = parseLesson(json);
    expect(r.errors).toEqual([]);
    expect(r.lesson?.scenario).toEqual({ yaml: 'apiVersion: v1\nkind: Pod\n' });
    expect(r.lesson?.seed).toBe(4);
    expect(r.lesson?.files).toEqual({ 'a.yaml': 'kind: Service\n' });
    expect(r.lesson?.steps[0]?.done.state).toEqual([
      { service: { name: 'kubia', sessionAffinity: 'ClientIP' } },
    ]);
    expect(r.lesson?.steps[0]?.highlight).toEqual([]);
  });

  it('locates a YAML syntax error', () => {
    const r = parseLesson('id: x\ntitle: [unclosed\n');
    expect(r.lesson).toBeUndefined();
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('locates a missing Chinese text at its step', () => {
    const r = parseLesson(MINIMAL.replace(', zh: 列出 Service。', ''));
    expect(r.lesson).toBeUndefined();
    expect(r.errors).toEqual([{ line: 5, column: 11, path: 'steps[0].text.zh', message: 'Required value' }]);
  });

  it('reports a bad regular expression where it is written', () => {
    const r = parseLesson(MINIMAL.replace('^kubectl get svc', '"kubectl get (svc"'));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 9, column: 16, path: 'steps[0].done.command' });
    expect(r.errors[0]?.message).toMatch(/^invalid regular expression/);
  });

  it('accepts nested repetition (matched in linear time by RE2) but refuses a backreference, saying why', () => {
    expect(parseLesson(MINIMAL.replace('^kubectl get svc', '"^(a+)+$"')).errors).toEqual([]);
    const r = parseLesson(MINIMAL.replace('^kubectl get svc', '"(a)\\\\1"'));
    expect(r.lesson).toBeUndefined();
    expect(r.errors[0]).toMatchObject({ line: 9, path: 'steps[0].done.command' });
    expect(r.errors[0]?.message).toMatch(/^invalid regular expression: .*no backreferences or lookaround/);
  });

  it('rejects unknown fields, highlight ids that are not graph ids, and empty checks', () => {
    const text = MINIMAL.replace('    try:', '    tyr: x\n    try:')
      .replace('svc/default/kubia,', 'kubia,')
      .replace('      command: ^kubectl get svc\n', '      {}\n')
      .replace('    done:\n      {}', '    done: {}');
    const r = parseLesson(text);
    expect(r.errors.map((e) => e.path)).toEqual(['steps[0].tyr', 'steps[0].highlight[0]', 'steps[0].done']);
    expect(r.errors[0]).toMatchObject({ line: 7, column: 5 });
  });

  it('checks state predicates and trace outcomes', () => {
    const r = parseLesson(
      MINIMAL.replace(
        '      command: ^kubectl get svc\n',
        '      trace: { outcome: success }\n      state:\n        - pods: { selector: app=kubia, count: many }\n        - weather: { sunny: true }\n',
      ),
    );
    expect(r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'steps[0].done.trace.outcome: Unsupported value: "success": supported values: ok, refused, timeout, unresolved, http-error',
      'steps[0].done.state[0].pods.count: must be a whole number, 0 or more',
      'steps[0].done.state[1]: must have exactly one of: service, pods, endpoints, hosts, node, podEnv, ingress, networkPolicy',
    ]);
  });

  it('knows the bundled scenarios when told them', () => {
    const r = parseLesson(MINIMAL.replace('scenario: kubia', 'scenario: kubla'), { scenarioIds: ['kubia'] });
    expect(r.errors).toEqual([
      { line: 3, column: 11, path: 'scenario', message: 'unknown scenario "kubla" (bundled: kubia)' },
    ]);
  });

  it('a lesson nested 1,000 levels deep is refused with a located message, not a JavaScript error', () => {
    // Found by npm run fuzz (seed 1, #33988): a link's lesson gave `Maximum call stack size exceeded`.
    for (const text of [
      `id: x\nsteps: ${'['.repeat(1000)}${']'.repeat(1000)}\n`,
      `id: x\nsteps:\n${'- '.repeat(1000)}x\n`,
    ]) {
      const r = parseLesson(text);
      expect(r.lesson).toBeUndefined();
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
      expect(r.errors[0]?.line).toBeGreaterThanOrEqual(2);
      expect(r.errors[0]?.message).toBe('nesting deeper than 100 levels; kubeplay does not read this lesson');
    }
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', '42', '- a\n- b', 'steps: 3', '{', 'id: Bad_Id', '---\na: 1\n---\nb: 2', '*x'])
      expect(parseLesson(text).errors.length, text).toBeGreaterThan(0);
    expect(parseLesson(undefined as unknown as string).errors.length).toBeGreaterThan(0);
  });
});

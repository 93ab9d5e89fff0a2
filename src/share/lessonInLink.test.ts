/** A teacher's own lesson travels inside the link, beside the scenario it runs on. */
import { describe, it, expect } from 'vitest';
import { decodeScenario, encodeScenario } from './index.ts';
import { encodeAs } from './testing/encodeLz.ts';
import type { SharedScenario } from './index.ts';
import { encodePayloadV1 } from './codecV1.ts';
import { MAX_LESSON_CHARS } from './limits.ts';

const lessonFile = [
  'id: my-lesson',
  'title: { en: My lesson, zh: 我的课 }',
  'scenario: kubia',
  'steps:',
  '  - text: { en: "List the Services: `kubectl get svc`", zh: 列出 Service。 }',
  '    try: kubectl get svc',
  '    done: { command: "^kubectl get svc" }',
  '',
].join('\n');

const scenario: SharedScenario = {
  yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers: [{name: c, image: nginx}]\n',
  seed: 4,
  actions: [{ type: 'apply', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n' }],
  lesson: { id: 'my-lesson', step: 1, source: lessonFile },
};

const z1 = (payload: string) => encodePayloadV1(new TextEncoder().encode(payload));

describe('a lesson file in a link', () => {
  it.each(['z1', 'lz'] as const)(
    '%s: round-trips the lesson text, the step and the applied YAML',
    (format) => {
      const decoded = decodeScenario(encodeAs(scenario, format));
      expect(decoded).toEqual({ ok: true, scenario });
    },
  );

  it('a bundled lesson still travels as [id, step] only', () => {
    const bundled = { ...scenario, lesson: { id: 'services', step: 2 } };
    expect(decodeScenario(encodeScenario(bundled))).toEqual({ ok: true, scenario: bundled });
  });

  it('refuses a lesson length longer than the link, and a lesson text over the limit', () => {
    const tooLong = decodeScenario(z1(`kind: Pod\0{"L":["x",0,999]}`));
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid', path: 'lesson.source' } });
    const huge = 'x'.repeat(MAX_LESSON_CHARS + 1);
    const over = decodeScenario(z1(`kind: Pod\n${huge}\0{"L":["x",0,${huge.length}]}`));
    expect(over.ok).toBe(false);
  });
});

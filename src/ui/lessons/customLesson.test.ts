import { describe, it, expect } from 'vitest';
import { bundledLessons, LESSON_TEXTS } from '../../lessons/content/index.ts';
import {
  CUSTOM_LESSON_STORAGE_KEY,
  formatLessonErrors,
  loadLessonFile,
  readSavedCustomLesson,
  saveCustomLesson,
  withCustomLesson,
} from './customLesson.ts';

const IDS = ['kubia', 'nodeport'];
const OWN = [
  'id: my-lesson',
  'title: { en: My lesson, zh: 我的课 }',
  'scenario: kubia',
  'steps:',
  '  - text: { en: List the Services., zh: 列出 Service。 }',
  '    try: kubectl get svc',
  '    done: { command: "^kubectl get svc" }',
  '',
].join('\n');

function memory() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

describe('a lesson file of the teacher’s own', () => {
  it('loads, and comes first in the list', () => {
    const loaded = loadLessonFile(OWN, IDS);
    expect(loaded.ok && loaded.custom).toEqual({ id: 'my-lesson', source: OWN });
    const { lessons, customId } = withCustomLesson(bundledLessons(), { id: 'my-lesson', source: OWN }, IDS);
    expect(customId).toBe('my-lesson');
    expect(lessons[0]?.id).toBe('my-lesson');
    expect(lessons).toHaveLength(bundledLessons().length + 1);
  });

  it('an edited copy of a bundled lesson takes that lesson’s place', () => {
    const first = LESSON_TEXTS[0] ?? '';
    const id = bundledLessons()[0]?.id ?? '';
    const edited = first.replace(/^( {2}en: ).*$/m, '$1My own title');
    const { lessons } = withCustomLesson(bundledLessons(), { id, source: edited }, [
      'kubia',
      'clusterip',
      'nodeport',
      'loadbalancer',
      'ingress',
    ]);
    expect(lessons.filter((l) => l.id === id)).toHaveLength(1);
    expect(lessons[0]?.title.en).toBe('My own title');
  });

  it('a broken file says where, and the list stays the bundled one', () => {
    const broken = OWN.replace('scenario: kubia', 'scenario: nowhere');
    const loaded = loadLessonFile(broken, IDS);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(formatLessonErrors(loaded.errors)[0]).toMatch(/^3:\d+ scenario: /);
    expect(withCustomLesson(bundledLessons(), { id: 'x', source: broken }, IDS).customId).toBeNull();
  });

  it('is kept in storage, and a hand-edited value reads as nothing', () => {
    const storage = memory();
    saveCustomLesson(storage, { id: 'my-lesson', source: OWN });
    expect(readSavedCustomLesson(storage)).toEqual({ id: 'my-lesson', source: OWN });
    storage.map.set(CUSTOM_LESSON_STORAGE_KEY, '{"id": 3, "__proto__": {"x": 1}}');
    expect(readSavedCustomLesson(storage)).toBeNull();
    storage.map.set(CUSTOM_LESSON_STORAGE_KEY, 'not json');
    expect(readSavedCustomLesson(storage)).toBeNull();
    saveCustomLesson(storage, null);
    expect(storage.map.has(CUSTOM_LESSON_STORAGE_KEY)).toBe(false);
  });
});

import { describe, it, expect } from 'vitest';
import { describeHang, findHangCulprit } from './hangReport.ts';

const file = (text: string) => ({ files: [{ file: 'manifest.yaml', text }] });
const BEFORE = 'kind: Deployment\nspec:\n  replicas: 3\n  template: {}\n';

describe('hang report', () => {
  it('names the changed line with the largest number', () => {
    const after = BEFORE.replace('replicas: 3', 'replicas: 1000000').replace('{}', '{ port: 8080 }');
    expect(findHangCulprit(file(after), file(BEFORE))).toEqual({
      file: 'manifest.yaml',
      line: 3,
      text: 'replicas: 1000000',
    });
  });

  it('looks at every line on a first run (a link)', () => {
    const text = BEFORE.replace('replicas: 3', 'replicas: 1000000');
    expect(describeHang({ input: file(text), lastGood: null, budgetMs: 3000 })).toBe(
      'The simulation took longer than 3 s and was stopped. The input that caused it: manifest.yaml line 3: replicas: 1000000',
    );
  });

  it('names the last action when the text did not change', () => {
    const message = describeHang({
      input: { ...file(BEFORE), actions: [{ type: 'scale', target: 'deploy/kubia', replicas: 9 } as never] },
      lastGood: file(BEFORE),
      budgetMs: 3000,
    });
    expect(message).toContain('last one that finished');
    expect(message).toContain('the last action (scale)');
  });
});

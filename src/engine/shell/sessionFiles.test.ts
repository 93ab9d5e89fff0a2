import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { runScript } from './runScript.ts';

const sim = createSimulation({ files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }] });

// Found by `npm run fuzz`: `cat __proto__` printed "[object Object]" (Object.prototype read as a file).
describe('files named like Object members', () => {
  it('do not exist until written', () => {
    const [cat, ctor, apply] = runScript(sim, [
      'cat __proto__',
      'cat constructor',
      'kubectl apply -f constructor',
    ]);
    expect(cat).toMatchObject({ output: 'cat: __proto__: No such file or directory\n', exitCode: 1 });
    expect(ctor).toMatchObject({ output: 'cat: constructor: No such file or directory\n', exitCode: 1 });
    expect(apply?.exitCode).toBe(1);
    expect(apply?.output).toMatch(/^error: the path "constructor" does not exist\n$/);
  });

  it('hold what was written to them', () => {
    const [, cat, , listed] = runScript(sim, [
      'echo hi > __proto__',
      'cat __proto__',
      'touch toString',
      'cat toString && echo empty',
    ]);
    expect(cat).toMatchObject({ output: 'hi\n', exitCode: 0 });
    expect(listed).toMatchObject({ output: 'empty\n', exitCode: 0 });
  });
});

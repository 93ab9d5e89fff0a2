/**
 * A list or mapping used as a key, wherever YAML enters: kubectl's answer ("invalid map key",
 * https://github.com/go-yaml/yaml/blob/v2/decode.go `mapping`) with a place, never the yaml library's
 * "Keys with collection values will be stringified…" warning on the console.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { createSimulation } from '../index.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { runScript } from '../shell/runScript.ts';
import { parseLesson } from '../../lessons/parseLesson.ts';
import { COLLECTION_KEY_MESSAGE } from './readYaml.ts';

const sim = createSimulation({ files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }] });
const run = (line: string) => runScript(sim, [line])[0];

let warnings: MockInstance;
beforeEach(() => {
  warnings = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
});
afterEach(() => {
  expect(process.emitWarning).not.toHaveBeenCalled();
  warnings.mockRestore();
});

describe('a list or mapping used as a key', () => {
  it('kubectl patch refuses it as kubectl does, before any request', () => {
    expect(run(`kubectl patch svc kubia -p '{a: 1}: x'`)).toMatchObject({
      output: 'error: unable to parse "{a: 1}: x": yaml: invalid map key: {"a":1}\n',
      exitCode: 1,
    });
    expect(run(`kubectl patch svc kubia -p '{spec: {selector: {[a]: 1}}}'`)?.output).toBe(
      'error: unable to parse "{spec: {selector: {[a]: 1}}}": yaml: invalid map key: ["a"]\n',
    );
  });

  it('kubectl apply refuses the file as kubectl does, and does not fail inside', () => {
    const manifest = (metadata: string) =>
      `cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Service\nmetadata:\n  name: z\n${metadata}spec:\n  ports:\n  - port: 80\nEOF`;
    const refused = `error: error parsing STDIN: error converting YAML to JSON: yaml: ${COLLECTION_KEY_MESSAGE}\n`;
    expect(run(manifest('  {a: 1}: x\n'))).toMatchObject({ output: refused, exitCode: 1 });
    expect(run(manifest('  ? [a]\n  : x\n'))).toMatchObject({ output: refused, exitCode: 1 });
  });

  it('kubectl apply refuses a tag its value cannot hold the same way (go-yaml decodes before any object)', () => {
    const line =
      'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Service\nmetadata:\n  name: z\nspec:\n  ports:\n  - port: !!float abc\nEOF';
    expect(run(line)).toMatchObject({
      output:
        'error: error parsing STDIN: error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!float\n',
      exitCode: 1,
    });
  });

  it('a lesson says where it is, with the path of the mapping that holds it', () => {
    expect(parseLesson('id: x\ntitle: t\n{a: 1}: x\n').errors).toEqual([
      { line: 3, column: 1, path: '', message: COLLECTION_KEY_MESSAGE },
    ]);
    expect(parseLesson('id: x\nsteps:\n  - text: t\n    ? [a]\n    : 2\n').errors).toEqual([
      { line: 4, column: 7, path: 'steps[0]', message: COLLECTION_KEY_MESSAGE },
    ]);
  });
});

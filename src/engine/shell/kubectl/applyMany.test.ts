/**
 * `kubectl apply|create -f` of several documents, one of them rejected: kubectl creates every valid
 * object, prints one error per rejected one and exits 1. Alone, an error is printed by checkErr
 * (`The Service "x" is invalid: …`); among several, as MultipleErrors prints the aggregate, each
 * message wrapped by cmdutil.AddSourceToErr (`error when creating "FILE": …`).
 * https://github.com/kubernetes/kubectl/blob/master/pkg/cmd/apply/apply.go
 * https://github.com/kubernetes/kubectl/blob/master/pkg/cmd/util/helpers.go
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index.ts';
import { SCENARIO_TEXTS } from '../../../scenarios/scenarioTexts.ts';
import { runScriptWithState } from '../runScript.ts';
import { createShellSession } from '../session.ts';

const kubia = () =>
  createSimulation({ files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }], seed: 1 });

const service = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: kubia\n  ports:\n  - port: 80\n${extra}`;
const badPort = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 29999\n`;
const names = (sim: ReturnType<typeof kubia>) => sim.state.services.map((s) => s.manifest.metadata.name);

describe('kubectl apply/create -f with a rejected document among valid ones', () => {
  const three = [service('one'), badPort('two'), service('three')].join('---\n');

  it.each(['apply', 'create'])(
    '%s creates the first and the third, prints the second once, exits 1',
    (verb) => {
      const session = createShellSession({ files: { 'three.yaml': three } });
      const r = runScriptWithState(kubia(), [`kubectl ${verb} -f three.yaml`], session);
      const step = r.steps[0];
      expect(step?.exitCode).toBe(1);
      expect(step?.output).toBe(
        'service/one created\nservice/three created\n' +
          'The Service "two" is invalid: spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
      );
      expect(names(r.sim)).toEqual(expect.arrayContaining(['one', 'three']));
      expect(names(r.sim)).not.toContain('two');
    },
  );

  it('reads the same from standard input', () => {
    const session = createShellSession({ files: { 'three.yaml': three } });
    const r = runScriptWithState(kubia(), ['cat three.yaml | kubectl apply -f -'], session);
    expect(r.steps[0]?.output).toContain('service/three created\n');
    expect(r.steps[0]?.output.match(/is invalid/g)).toHaveLength(1);
  });

  it('names standard input "STDIN" in each error of the aggregate (cli-runtime visitor.go constSTDINstr)', () => {
    const text = [badPort('a'), service('b'), badPort('c')].join('---\n');
    const session = createShellSession({ files: { 'bad.yaml': text } });
    const r = runScriptWithState(kubia(), ['cat bad.yaml | kubectl create -f -'], session);
    expect(r.steps[0]?.exitCode).toBe(1);
    expect(r.steps[0]?.output).toMatch(
      /^service\/b created\nError from server \(Invalid\): error when creating "STDIN": Service "a" is invalid: .*\nError from server \(Invalid\): error when creating "STDIN": Service "c" is invalid: /,
    );
  });

  it('prints several errors as an aggregate, each with its source', () => {
    const text = [badPort('a'), service('b'), badPort('c')].join('---\n');
    const session = createShellSession({ files: { 'bad.yaml': text } });
    const r = runScriptWithState(kubia(), ['kubectl apply -f bad.yaml'], session);
    const msg =
      'spec.ports[0].nodePort: Invalid value: 29999: provided port is not in the valid range. The range of valid ports is 30000-32767';
    expect(r.steps[0]?.output).toBe(
      'service/b created\n' +
        `Error from server (Invalid): error when creating "bad.yaml": Service "a" is invalid: ${msg}\n` +
        `Error from server (Invalid): error when creating "bad.yaml": Service "c" is invalid: ${msg}\n`,
    );
    expect(r.steps[0]?.exitCode).toBe(1);
  });

  it('lists several causes of one object as kubectl’s MultilineError does', () => {
    const twoCauses = badPort('x').replace('  - port: 80\n', '  - port: 80\n    protocol: XTP\n');
    const session = createShellSession({ files: { 'x.yaml': twoCauses } });
    const out = runScriptWithState(kubia(), ['kubectl apply -f x.yaml'], session).steps[0]?.output ?? '';
    expect(out.startsWith('The Service "x" is invalid: \n* ')).toBe(true);
    expect(out.split('\n').filter((l) => l.startsWith('* '))).toHaveLength(2);
  });

  it('keeps the AlreadyExists of create beside an invalid document', () => {
    const session = createShellSession({
      files: { 'k.yaml': [service('kubia'), badPort('y')].join('---\n') },
    });
    const out = runScriptWithState(kubia(), ['kubectl create -f k.yaml'], session).steps[0]?.output ?? '';
    expect(out).toContain(
      'Error from server (AlreadyExists): error when creating "k.yaml": services "kubia" already exists\n',
    );
    expect(out).toContain(
      'Error from server (Invalid): error when creating "k.yaml": Service "y" is invalid:',
    );
  });
});

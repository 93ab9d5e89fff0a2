import { describe, expect, it } from 'vitest';
import type { CommandReply, EngineRequestMessage } from './engineApi.ts';
import { lateReply, TIMED_OUT_EXIT_CODE } from './lateReply.ts';

const HANG = 'The engine stopped: replicas: 999999 took longer than 3 s.';
const noPrompt = () => Promise.reject(new Error('only a command asks for a prompt'));
const session = { location: { kind: 'laptop' } } as unknown as CommandReply['session'];

describe('late reply', () => {
  it('answers a simulation with its generation and the hang as its error', async () => {
    const message: EngineRequestMessage = { op: 'simulate', id: 4, generation: 9, input: { files: [] } };
    expect(await lateReply(message, HANG, noPrompt)).toEqual({
      generation: 9,
      sim: null,
      graph: null,
      time: null,
      error: HANG,
    });
  });

  it('answers a route and an export with the hang, the others empty', async () => {
    expect(await lateReply({ op: 'route', id: 1, requests: [] }, HANG, noPrompt)).toEqual({
      traces: [],
      error: HANG,
    });
    expect(
      await lateReply(
        { op: 'exportFiles', id: 2, input: { yaml: '', actions: [], baseName: 'x' } },
        HANG,
        noPrompt,
      ),
    ).toEqual({
      ok: false,
      message: HANG,
    });
    expect(await lateReply({ op: 'inspect', id: 3, target: 'pod/x' }, HANG, noPrompt)).toEqual({
      kind: 'none',
    });
    expect(
      await lateReply({ op: 'complete', id: 5, line: 'k', cursor: 1, session }, HANG, noPrompt),
    ).toBeNull();
  });

  it("prints the hang as a command's output, with timeout's exit status and the new Worker's prompt", async () => {
    const asked: unknown[] = [];
    const prompt: CommandReply = {
      output: '',
      exitCode: 0,
      traces: [],
      actions: [],
      session,
      prompt: 'student@laptop:~$ ',
      clear: false,
    };
    const reply = await lateReply({ op: 'runCommand', id: 6, line: 'curl x', session }, HANG, (s) => {
      asked.push(s);
      return Promise.resolve(prompt);
    });
    expect(asked).toEqual([session]);
    expect(reply).toEqual({ ...prompt, output: `${HANG}\n`, exitCode: TIMED_OUT_EXIT_CODE });
  });
});

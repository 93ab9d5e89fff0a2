/**
 * A big file's schema check, definitions and links wait until typing pauses; a small file's go through
 * at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Monaco from 'monaco-editor/editor';
import { BIG_FILE_CHARS, BIG_FILE_VALIDATION_PAUSE_MS, validateWhenTypingPauses } from './bigFile.ts';

function fakeModel(length: number) {
  let version = 1;
  const model = {
    getValueLength: () => length,
    getVersionId: () => version,
    isDisposed: () => false,
  };
  return { model: model as unknown as Monaco.editor.ITextModel, type: () => (version += 1) };
}

function fakeWorker() {
  const asked: string[] = [];
  return {
    asked,
    proxy: {
      doValidation: (uri: string) => {
        asked.push(uri);
        return Promise.resolve([`checked ${uri}`]);
      },
      doHover: (uri: string) => Promise.resolve(`hover ${uri}`),
      findLinks: (uri: string) => {
        asked.push(`links ${uri}`);
        return Promise.resolve([`a link in ${uri}`]);
      },
      doDefinition: (uri: string, position: { line: number }) => {
        asked.push(`definition ${uri}:${position.line}`);
        return Promise.resolve([`defined at ${position.line}`]);
      },
    },
  };
}

describe('validateWhenTypingPauses', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('checks a small file at once, and leaves other requests alone', async () => {
    const { model } = fakeModel(5_000);
    const worker = fakeWorker();
    const proxy = validateWhenTypingPauses(worker.proxy, () => model);
    expect(await proxy.doValidation('file:///a.yaml')).toEqual(['checked file:///a.yaml']);
    expect(await proxy.doHover('file:///a.yaml')).toBe('hover file:///a.yaml');
    expect(await proxy.findLinks('file:///a.yaml')).toEqual(['a link in file:///a.yaml']);
  });

  type Proxy = ReturnType<typeof fakeWorker>['proxy'];
  /** The requests that wait, each as Monaco asks it (a definition: Ctrl held over the text just pasted). */
  const waiting: {
    request: string;
    ask: (proxy: Proxy, line: number) => Promise<unknown>;
    asked: string;
    answer: unknown;
  }[] = [
    {
      request: 'the schema check',
      ask: (p) => p.doValidation('file:///big.yaml'),
      asked: 'file:///big.yaml',
      answer: ['checked file:///big.yaml'],
    },
    {
      request: 'a definition',
      ask: (p, line) => p.doDefinition('file:///big.yaml', { line }),
      asked: 'definition file:///big.yaml:4',
      answer: ['defined at 4'],
    },
    {
      request: 'the links',
      ask: (p) => p.findLinks('file:///big.yaml'),
      asked: 'links file:///big.yaml',
      answer: ['a link in file:///big.yaml'],
    },
  ];

  it.each(waiting)(
    'asks a big file for $request once typing paused, and not at all when a newer change came meanwhile',
    async ({ ask, asked, answer }) => {
      vi.useFakeTimers();
      const file = fakeModel(BIG_FILE_CHARS + 1);
      const worker = fakeWorker();
      const proxy = validateWhenTypingPauses(worker.proxy, () => file.model);

      const overtaken = ask(proxy, 3);
      file.type();
      await vi.advanceTimersByTimeAsync(BIG_FILE_VALIDATION_PAUSE_MS);
      expect(await overtaken).toBeUndefined();
      expect(worker.asked).toEqual([]);

      const paused = ask(proxy, 4);
      await vi.advanceTimersByTimeAsync(BIG_FILE_VALIDATION_PAUSE_MS - 1);
      expect(worker.asked).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(await paused).toEqual(answer);
      expect(worker.asked).toEqual([asked]);
    },
  );

  it('asks a small file for a definition at once', async () => {
    const worker = fakeWorker();
    const proxy = validateWhenTypingPauses(worker.proxy, () => fakeModel(5_000).model);
    expect(await proxy.doDefinition('file:///a.yaml', { line: 1 })).toEqual(['defined at 1']);
  });
});

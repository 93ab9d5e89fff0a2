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

  it("looks for a big file's links once typing paused (Monaco asks after every change)", async () => {
    vi.useFakeTimers();
    const file = fakeModel(BIG_FILE_CHARS + 1);
    const worker = fakeWorker();
    const proxy = validateWhenTypingPauses(worker.proxy, () => file.model);

    const overtaken = proxy.findLinks('file:///big.yaml');
    file.type();
    await vi.advanceTimersByTimeAsync(BIG_FILE_VALIDATION_PAUSE_MS);
    expect(await overtaken).toBeUndefined();
    expect(worker.asked).toEqual([]);

    const paused = proxy.findLinks('file:///big.yaml');
    await vi.advanceTimersByTimeAsync(BIG_FILE_VALIDATION_PAUSE_MS);
    expect(await paused).toEqual(['a link in file:///big.yaml']);
    expect(worker.asked).toEqual(['links file:///big.yaml']);
  });

  it('checks a big file once typing paused, and not at all when a newer change came meanwhile', async () => {
    vi.useFakeTimers();
    const file = fakeModel(BIG_FILE_CHARS + 1);
    const worker = fakeWorker();
    const proxy = validateWhenTypingPauses(worker.proxy, () => file.model);

    const overtaken = proxy.doValidation('file:///big.yaml');
    file.type();
    await vi.advanceTimersByTimeAsync(BIG_FILE_VALIDATION_PAUSE_MS);
    expect(await overtaken).toBeUndefined();
    expect(worker.asked).toEqual([]);

    const paused = proxy.doValidation('file:///big.yaml');
    await vi.advanceTimersByTimeAsync(BIG_FILE_VALIDATION_PAUSE_MS - 1);
    expect(worker.asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await paused).toEqual(['checked file:///big.yaml']);
  });

  it('asks a big file for a definition once typing paused (Ctrl held over the text just pasted asks at once)', async () => {
    vi.useFakeTimers();
    const file = fakeModel(BIG_FILE_CHARS + 1);
    const worker = fakeWorker();
    const proxy = validateWhenTypingPauses(worker.proxy, () => file.model);

    const overtaken = proxy.doDefinition('file:///big.yaml', { line: 3 });
    file.type();
    await vi.advanceTimersByTimeAsync(BIG_FILE_VALIDATION_PAUSE_MS);
    expect(await overtaken).toBeUndefined();
    expect(worker.asked).toEqual([]);

    const paused = proxy.doDefinition('file:///big.yaml', { line: 4 });
    await vi.advanceTimersByTimeAsync(BIG_FILE_VALIDATION_PAUSE_MS);
    expect(await paused).toEqual(['defined at 4']);
    expect(worker.asked).toEqual(['definition file:///big.yaml:4']);
    expect(
      await validateWhenTypingPauses(worker.proxy, () => fakeModel(5_000).model).doDefinition(
        'file:///a.yaml',
        { line: 1 },
      ),
    ).toEqual(['defined at 1']);
  });
});

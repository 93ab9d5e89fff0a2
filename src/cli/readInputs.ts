/**
 * Reads the FILE arguments in order (`-` = standard input, read once) into the engine's SourceFile list.
 * A file that cannot be read is a usage problem, reported as text, never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import type { SourceFile } from '../engine/index.ts';

export type ReadOutcome = { ok: true; files: SourceFile[] } | { ok: false; error: string };

export async function readStream(stream: AsyncIterable<unknown>): Promise<string> {
  const chunks: string[] = [];
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
  }
  chunks.push(decoder.decode());
  return chunks.join('');
}

export async function readInputs(
  paths: string[],
  stdin: AsyncIterable<unknown>,
  read: (path: string) => Promise<string> = (path) => readFile(path, 'utf8'),
): Promise<ReadOutcome> {
  const files: SourceFile[] = [];
  let stdinText: string | undefined;
  for (const path of paths) {
    if (path === '-') {
      stdinText ??= await readStream(stdin);
      files.push({ file: '-', text: stdinText });
      continue;
    }
    try {
      files.push({ file: path, text: await read(path) });
    } catch (err) {
      const code = (err as { code?: string }).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(err);
      return { ok: false, error: `cannot read ${path}: ${reason}` };
    }
  }
  return { ok: true, files };
}

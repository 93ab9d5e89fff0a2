/**
 * Small checkers for untrusted values. They throw RestoreFailure, which only restoreScenario catches
 * and turns into a ShareError: deep validation reads far better with early exits than with a result
 * threaded through every level, and no throw ever leaves this folder.
 */
import type { ShareError } from './types.ts';

export class RestoreFailure extends Error {
  constructor(readonly shareError: ShareError) {
    super(shareError.message);
  }
}

/** `path.key`, with a hostile megabyte-long key shortened so error messages stay readable. */
export function keyPath(path: string, key: string): string {
  return `${path}.${key.length > 64 ? `${key.slice(0, 64)}…` : key}`;
}

export function fail(path: string, expected: string): never {
  throw new RestoreFailure({ code: 'invalid', message: `${path}: expected ${expected}`, path });
}

/** Keys that reach Object.prototype when assigned or read carelessly (prototype pollution). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The first unsafe key anywhere in a JSON value, as a ShareError. Iterative, so a deeply nested
 * hostile value cannot overflow the stack.
 */
export function findUnsafeKey(root: unknown, rootPath: string): ShareError | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: rootPath }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]` }));
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      const at = keyPath(path, key);
      if (UNSAFE_KEYS.has(key))
        return { code: 'unsafe-key', message: `${at}: the key "${key}" is not allowed`, path: at };
      stack.push({ value: item, path: at });
    }
  }
  return undefined;
}

/** A plain object's own keys, after refusing the whole link if any key is unsafe. */
export function readObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (UNSAFE_KEYS.has(key)) {
      const at = keyPath(path, key);
      throw new RestoreFailure({
        code: 'unsafe-key',
        message: `${at}: the key "${key}" is not allowed`,
        path: at,
      });
    }
  }
  return record;
}

export function readArray(value: unknown, path: string, maxLength: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'a list');
  if (value.length > maxLength) fail(path, `at most ${maxLength} items`);
  return value;
}

export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'a string');
  return value;
}

export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false');
  return value;
}

export function readFinite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a finite number');
  return value;
}

export function readSafeInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(path, `an integer from ${min} to ${max}`);
  }
  return value;
}

export function readStringList(value: unknown, path: string): string[] {
  return readArray(value, path, Number.MAX_SAFE_INTEGER).map((item, i) => readString(item, `${path}[${i}]`));
}

/** A fresh Record<string, string>: built key by key after readObject refused unsafe keys. */
export function readStringRecord(value: unknown, path: string): Record<string, string> {
  const source = readObject(value, path);
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(source)) out[key] = readString(item, keyPath(path, key));
  return out;
}

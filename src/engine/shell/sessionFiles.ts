/**
 * The laptop's files (`echo hi > notes.txt`, `curl -o`, here-documents) live in a plain object keyed by
 * path. A student may name a file anything, `__proto__` and `constructor` included: those must read as
 * files that do not exist yet, not as members every object inherits (`cat __proto__` printed
 * "[object Object]"), and writing one must store a file, not change the object's prototype.
 */
export type SessionFiles = Record<string, string>;

export function hasSessionFile(files: SessionFiles, path: string): boolean {
  return Object.hasOwn(files, path);
}

export function readSessionFile(files: SessionFiles, path: string): string | undefined {
  return Object.hasOwn(files, path) ? files[path] : undefined;
}

export function writeSessionFile(files: SessionFiles, path: string, text: string): void {
  // defineProperty, not `files[path] = text`: assigning to `__proto__` would set the prototype instead.
  Object.defineProperty(files, path, { value: text, writable: true, enumerable: true, configurable: true });
}

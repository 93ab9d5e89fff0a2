/**
 * vitest runs most test files in one shared module cache (vitest.config.ts, isolate: false). A file that
 * replaces a module, stubs a global or asks for a DOM would leak that into the files after it, or find
 * the real module already loaded, so it must be listed to run alone. This keeps the list true.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED } from '../vitest.config.ts';

const NEEDS_ISOLATION = /vi\.mock\(|vi\.doMock\(|vi\.stubGlobal\(|@vitest-environment/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the isolated test files', () => {
  it('lists every test file that mocks a module, stubs a global or asks for a DOM', () => {
    const needing = testFiles('src')
      .filter((file) => file !== join('src', 'testIsolation.test.ts'))
      .filter((file) => NEEDS_ISOLATION.test(readFileSync(file, 'utf8')))
      .sort();
    expect(needing).toEqual([...ISOLATED].sort());
  });

  it('lists only files that exist', () => {
    expect(ISOLATED.filter((file) => !existsSync(file))).toEqual([]);
  });
});

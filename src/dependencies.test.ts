/**
 * package.json says what the shipped code needs: every package the app, the engine, the worker and the
 * CLI import at run time (src/ outside tests, `testing/` and `test/` folders and benches, and bin/) is in
 * `dependencies`, and every entry of `dependencies` is imported by them. Packages only tests, benches,
 * e2e specs and the build use belong in `devDependencies` (issue 13: elkjs and @testing-library were
 * listed but never imported; lz-string's encoder was used only by tests).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, keep);
    return keep(path) ? [path] : [];
  });
}

const isShipped = (path: string) =>
  /\.(ts|tsx|mjs)$/.test(path) &&
  !/\.test\.tsx?$/.test(path) &&
  !path.split(/[\\/]/).some((folder) => folder === 'testing' || folder === 'test') &&
  !path.startsWith(join('src', 'bench'));

/** The package a module specifier names (`@xyflow/react`, `zustand/vanilla` → `zustand`); none for relative ones and Node's. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Packages a file imports at run time (`import type` is erased, so it does not count). */
function runtimeImports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const found: string[] = [];
  for (const [, specifier = ''] of text.matchAll(/^\s*import\s+(?!type\s)[^'";]*?\s*['"]([^'"]+)['"]/gm))
    found.push(specifier);
  for (const [, specifier = ''] of text.matchAll(
    /^\s*export\s+(?!type\s)[^'";]*?\sfrom\s+['"]([^'"]+)['"]/gm,
  ))
    found.push(specifier);
  for (const [, specifier = ''] of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push(specifier);
  return found.flatMap((s) => packageOf(s.replace(/\?.*$/, '')) ?? []);
}

describe('package.json dependencies', () => {
  const shipped = [...files('src', isShipped), ...files('bin', isShipped)];
  const imported = new Set(shipped.flatMap(runtimeImports));

  it('lists every package the shipped code imports under dependencies', () => {
    expect(shipped.length).toBeGreaterThan(100);
    expect([...imported].filter((name) => !(name in pkg.dependencies)).sort()).toEqual([]);
  });

  it('lists under dependencies only packages the shipped code imports', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !imported.has(name))).toEqual([]);
  });

  it('reads the imports a file makes', () => {
    expect(packageOf('@xyflow/react')).toBe('@xyflow/react');
    expect(packageOf('zustand/vanilla')).toBe('zustand');
    expect(packageOf('./x.ts')).toBeUndefined();
    expect(packageOf('node:fs')).toBeUndefined();
  });
});

/**
 * The routing layer has no runtime import cycle (docs/architecture.md#request-path): a cycle makes
 * the load order decide which module sees the other's bindings still uninitialised. `import type`
 * is erased at build time and does not count. Also: cluster/ (the control loops) imports nothing
 * from sim/, the layer that drives it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(import.meta.dirname, '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The relative modules `file` imports at run time (not `import type`, not `export type`). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const pattern = /^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) continue;
    out.push(resolve(dirname(file), match[2] ?? ''));
  }
  return out;
}

/** Every cycle through the given files' runtime imports, as paths relative to src/engine. */
function cyclesIn(files: string[]): string[][] {
  const graph = new Map(files.map((f) => [f, runtimeImports(f).filter((t) => files.includes(t))]));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return cycles.map((c) => c.map((f) => relative(ENGINE, f)));
}

describe('import structure', () => {
  it('net/ has no runtime import cycle', () => {
    expect(cyclesIn(sourcesUnder(join(ENGINE, 'net')))).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const files = sourcesUnder(join(ENGINE, 'net'));
    const graph = files.filter((f) => runtimeImports(f).length > 0);
    expect(graph.length).toBeGreaterThan(10);
    expect(runtimeImports(join(ENGINE, 'net', 'request.ts'))).toContain(join(ENGINE, 'net', 'entry.ts'));
  });

  it('cluster/ imports nothing from sim/', () => {
    const offenders = sourcesUnder(join(ENGINE, 'cluster')).flatMap((file) =>
      runtimeImports(file)
        .filter((target) => target.startsWith(join(ENGINE, 'sim')))
        .map((target) => `${relative(ENGINE, file)} -> ${relative(ENGINE, target)}`),
    );
    expect(offenders).toEqual([]);
  });
});

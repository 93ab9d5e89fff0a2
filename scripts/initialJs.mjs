// The page's initial JavaScript: each script index.html loads at once (its entry and modulepreloads),
// with its gzip size (level 9). Issues 10 and 11 keep it under 200 kB; npm test checks that budget and
// scripts/initial-js-report.mjs says what it is made of (docs/performance.md, "What the first page loads").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget in bytes of gzip: 200 kB. */
export const INITIAL_JS_BUDGET = 200_000;

/** The initial scripts of a build in `dist`, as paths relative to it, with their code and gzip size. */
export function initialScripts(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...new Set([...html.matchAll(/(?:src|href)="[^"]*?(assets\/[^"]+\.js)"/g)].map((m) => m[1])),
  ];
  return files.map((file) => {
    const code = readFileSync(join(dist, file), 'utf8');
    return { file, code, gzip: gzipSync(code, { level: 9 }).length };
  });
}

export function initialJsGzip(dist) {
  return initialScripts(dist).reduce((sum, s) => sum + s.gzip, 0);
}

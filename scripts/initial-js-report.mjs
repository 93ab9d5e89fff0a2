// What the first page load's JavaScript is made of: each script index.html loads at once (its entry and
// modulepreloads), split by source file and package through the build's source maps.
//   npx vite build --outDir dist-x --sourcemap && node scripts/initial-js-report.mjs dist-x [top]
// Each generated character is charged to the source its mapping segment points at; the gzip share is
// estimated in proportion (gzip of the whole file, level 9, as e2e/bench/ui.bench.ts measures it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initialScripts } from './initialJs.mjs';

const dist = process.argv[2] ?? 'dist';
const top = Number(process.argv[3] ?? 40);

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Decodes one mapping segment's base64 VLQ fields. */
function decodeSegment(text) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Characters of the generated file charged to each source. */
function charsBySource(code, map) {
  const lines = code.split('\n');
  const result = new Map();
  const add = (source, n) => result.set(source, (result.get(source) ?? 0) + n);
  let sourceIndex = 0;
  map.mappings.split(';').forEach((group, lineNo) => {
    const line = lines[lineNo] ?? '';
    let column = 0;
    const segments = [];
    for (const seg of group.split(',')) {
      if (!seg) continue;
      const f = decodeSegment(seg);
      column += f[0];
      if (f.length > 1) sourceIndex += f[1];
      segments.push({ column, source: f.length > 1 ? map.sources[sourceIndex] : '(unmapped)' });
      // Lines and original columns are not needed; they still advance in the VLQ state.
    }
    if (segments.length === 0) {
      add('(unmapped)', line.length + 1);
      return;
    }
    add('(unmapped)', segments[0].column);
    segments.forEach((s, i) => {
      const end = i + 1 < segments.length ? segments[i + 1].column : line.length + 1;
      add(s.source, Math.max(0, end - s.column));
    });
  });
  return result;
}

function packageOf(source) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (m) return m[1];
  const src = /(?:^|\/)(src\/[^/]+(?:\/[^/]+)?)/.exec(source);
  return src ? src[1] : source;
}

let totalGzip = 0;
const bySource = new Map();
const byPackage = new Map();
for (const { file, code, gzip } of initialScripts(dist)) {
  totalGzip += gzip;
  const mapFile = join(dist, `${file}.map`);
  if (!existsSync(mapFile)) {
    console.log(`${file}: ${(gzip / 1024).toFixed(1)} KiB gzip (no source map)`);
    continue;
  }
  const chars = charsBySource(code, JSON.parse(readFileSync(mapFile, 'utf8')));
  for (const [source, n] of chars) {
    const share = (n / code.length) * gzip;
    bySource.set(source, (bySource.get(source) ?? 0) + share);
    byPackage.set(packageOf(source), (byPackage.get(packageOf(source)) ?? 0) + share);
  }
  console.log(`${file}: ${(code.length / 1024).toFixed(1)} KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip`);
}
const show = (title, m) => {
  console.log(`\n${title}`);
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, v]) => console.log(`${(v / 1024).toFixed(1).padStart(7)} KiB  ${k}`));
};
console.log(`initial JS gzip: ${(totalGzip / 1024).toFixed(1)} KiB = ${(totalGzip / 1000).toFixed(1)} kB`);
show('by package / src folder (estimated gzip)', byPackage);
show('by source file (estimated gzip)', bySource);

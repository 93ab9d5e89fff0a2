/**
 * `npm run bench:share`: how long a share link is for each bundled scenario (src/scenarios/*.yaml),
 * beside lz-string's `compressToEncodedURIComponent` of the same scenario JSON, plus the same with a
 * few typical actions, and the encode/decode time. Figures, not a test: linkSize.test.ts holds the
 * targets (≤ 400 characters for the default scenario with actions, ≤ 50% of lz-string for every one).
 *
 * The bundled scenarios are stored word for word in the dictionary, so their ratios flatter it. The
 * figure that counts is the last table: realistic manifests held out of the dictionary
 * (src/share/testdata/held-out/, see its README), each file's link length beside lz-string's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import LZString from 'lz-string';
import QRCode from 'qrcode';
import { decodeScenario, encodeScenario, toScenarioJson, toShareUrl } from '../share/index.ts';
import type { SharedScenario } from '../share/index.ts';

const scenariosDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');
/** The book's manifests as written in the book: not in the dictionary, so they show the generic part. */
const unbundledDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'share', 'testdata');
const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
const files = [...yamlFiles(scenariosDir), ...yamlFiles(unbundledDir)];
const heldOutDir = join(unbundledDir, 'held-out');

/** What a teacher typically does before sharing: scale, make a pod unready, take a node down. */
const fewActions: SharedScenario['actions'] = [
  { type: 'scale', kind: 'ReplicationController', namespace: 'default', name: 'kubia', replicas: 5 },
  { type: 'podReady', namespace: 'default', name: 'kubia-x7k2p', ready: false },
  { type: 'node', name: 'kind-worker', up: false },
];

const lzLength = (s: SharedScenario) =>
  LZString.compressToEncodedURIComponent(JSON.stringify(toScenarioJson(s))).length;

function timeMs(run: () => void, times = 20): number {
  const started = performance.now();
  for (let i = 0; i < times; i++) run();
  return (performance.now() - started) / times;
}

const rows = files.map((file) => {
  const yaml = readFileSync(file, 'utf8');
  const bare: SharedScenario = { yaml, seed: 1, actions: [] };
  const busy: SharedScenario = { yaml, seed: 7, actions: fewActions };
  const link = encodeScenario(bare);
  const busyLink = encodeScenario(busy);
  return {
    scenario: (file.startsWith(unbundledDir) ? 'testdata/' : '') + basename(file, '.yaml'),
    yamlBytes: new TextEncoder().encode(yaml).length,
    z1: link.length,
    lzString: lzLength(bare),
    ratio: +(link.length / lzLength(bare)).toFixed(3),
    z1WithActions: busyLink.length,
    lzStringWithActions: lzLength(busy),
    /** QR version (size) of the whole URL with actions, error correction M (linkQr.test.ts allows 12). */
    qrVersion: QRCode.create(toShareUrl('https://kubeplay.example.org/', busy), { errorCorrectionLevel: 'M' })
      .version,
    encodeMs: +timeMs(() => encodeScenario(busy)).toFixed(2),
    decodeMs: +timeMs(() => decodeScenario(busyLink)).toFixed(2),
  };
});

console.table(rows);
const total = (key: 'z1' | 'lzString') => rows.reduce((n, r) => n + r[key], 0);
console.log(
  `all scenarios: z1 ${total('z1')} chars vs lz-string ${total('lzString')} (ratio ${(total('z1') / total('lzString')).toFixed(3)})`,
);

/** Links to clusters the dictionary never saw: per file and in aggregate (sum of lengths, and median ratio). */
const heldOut = yamlFiles(heldOutDir).map((file) => {
  const scenario: SharedScenario = { yaml: readFileSync(file, 'utf8'), seed: 1, actions: [] };
  const z1 = encodeScenario(scenario).length;
  const lzString = lzLength(scenario);
  return { heldOut: basename(file, '.yaml'), z1, lzString, ratio: +(z1 / lzString).toFixed(3) };
});
console.log('\nheld out of the dictionary (the figure that counts):');
console.table(heldOut);
const sum = (key: 'z1' | 'lzString') => heldOut.reduce((n, r) => n + r[key], 0);
const ratios = heldOut.map((r) => r.ratio).sort((a, b) => a - b);
console.log(
  `held out, ${heldOut.length} files: z1 ${sum('z1')} chars vs lz-string ${sum('lzString')} (ratio ${(sum('z1') / sum('lzString')).toFixed(3)}); ` +
    `per file: median ${ratios[Math.floor(ratios.length / 2)]}, worst ${ratios[ratios.length - 1]}, ` +
    `${heldOut.filter((r) => r.ratio <= 0.5).length} of ${heldOut.length} at least 50% shorter`,
);

/**
 * The graph as a picture for slides, on the production build: Export -> SVG gives a real vector
 * drawing of the whole graph (every node, whatever the pan and zoom; names and IPs as text; no
 * foreignObject), Export -> PNG a crisp (>= 2x) raster of the same drawing, in the current theme.
 */
import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';
import { settled } from './pages/stageGeometry.ts';

async function exportGraph(page: Page, format: 'svg' | 'png'): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('export-button').click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`export-${format}`).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: await readDownload(file) };
}

async function readDownload(file: Download): Promise<Buffer> {
  return readFile(await file.path());
}

interface SvgFacts {
  error: string | null;
  width: number;
  height: number;
  viewBox: string;
  title: string;
  texts: string[];
  cardTitles: string[];
  foreignObjects: number;
  tags: string[];
  background: string;
}

/** Parses the SVG with the browser's XML parser and reports what a slide tool would see. */
function readSvg(page: Page, svg: string): Promise<SvgFacts> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox') ?? '',
      title: root.querySelector(':scope > title')?.textContent ?? '',
      texts: Array.from(doc.querySelectorAll('text'), (t) => t.textContent ?? ''),
      cardTitles: Array.from(doc.querySelectorAll('g > title'), (t) => t.textContent ?? ''),
      foreignObjects: doc.getElementsByTagName('foreignObject').length,
      tags: [...new Set(Array.from(doc.getElementsByTagName('*'), (e) => e.localName))].sort(),
      background: root.querySelector(':scope > rect')?.getAttribute('fill') ?? '',
    };
  }, svg);
}

/** Width and height from the PNG's IHDR chunk, after checking the 8-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes the PNG in the browser and counts its distinct colours (a blank image has one). */
function pngColours(page: Page, bytes: Buffer): Promise<{ width: number; height: number; colours: number }> {
  return page.evaluate(async (base64) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < pixels.length && seen.size < 1000; i += 4 * 7)
      seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
    return { width: bitmap.width, height: bitmap.height, colours: seen.size };
  }, bytes.toString('base64'));
}

/** Shows the exported SVG on its own in the browser, for a screenshot beside the live graph. */
async function screenshotSvg(page: Page, svg: string, path: string): Promise<void> {
  const view = await page.context().newPage();
  await view.setContent(
    `<!doctype html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body>`,
  );
  await view.locator('svg').first().screenshot({ path });
  await view.close();
}

test.describe('graph export for slides', () => {
  test('SVG and PNG of the whole graph, whatever the zoom, in light and dark', async ({
    page,
    playground,
    consoleErrors,
    offHostRequests,
  }) => {
    await playground.open();
    await expect(playground.kubiaPods()).toHaveCount(3);
    const podNames = (await playground.call('pods'))
      .filter((id) => id.startsWith('pod/default/kubia-'))
      .map((id) => id.split('/')[2]!);
    expect(podNames).toHaveLength(3);
    const clusterIp = (
      await page.locator('[data-graph-id="svc/default/kubia"] .kp-small .kp-mono').textContent()
    )?.trim();
    expect(clusterIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const graphIds = await page
      .locator('.react-flow__node')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
    await page.locator('.kp-graph').screenshot({ path: 'screenshots/e2e/graph-export-live-light.png' });

    // Zoom far in: most of the graph is off screen, yet the export must hold all of it.
    for (let i = 0; i < 5; i++) await page.locator('.react-flow__controls-zoomin').click();
    await expect(page.locator('[data-graph-id="client/laptop"]')).not.toBeInViewport();

    const svgFile = await exportGraph(page, 'svg');
    expect(svgFile.name).toBe('kubia-graph.svg');
    const svg = svgFile.bytes.toString('utf8');
    const facts = await readSvg(page, svg);
    expect(facts.error).toBeNull();
    expect(facts.foreignObjects).toBe(0);
    expect(svg).not.toMatch(/foreignObject|<image|@font-face|xlink:href/i);
    expect(
      facts.tags.every((tag) =>
        ['svg', 'title', 'g', 'rect', 'circle', 'path', 'text', 'tspan'].includes(tag),
      ),
    ).toBe(true);
    expect(facts.title).toContain('kubia');
    expect(facts.viewBox.split(' ').slice(2).map(Number)).toEqual([facts.width, facts.height]);
    for (const name of podNames) expect(facts.texts).toContain(name);
    expect(facts.texts.some((t) => t.includes(clusterIp!))).toBe(true);
    // Every node React Flow holds is in the drawing, even those zoomed out of view.
    expect([...facts.cardTitles].sort()).toEqual([...graphIds].sort());
    const lightBg = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
    );
    expect(facts.background).toBe(lightBg);
    await screenshotSvg(page, svg, 'screenshots/e2e/graph-export-svg-light.png');

    const pngFile = await exportGraph(page, 'png');
    expect(pngFile.name).toBe('kubia-graph.png');
    const size = pngSize(pngFile.bytes);
    expect(size.width).toBeGreaterThanOrEqual(2 * facts.width);
    expect(size.height).toBeGreaterThanOrEqual(2 * facts.height);
    const decoded = await pngColours(page, pngFile.bytes);
    expect(decoded).toMatchObject({ width: size.width, height: size.height });
    expect(decoded.colours).toBeGreaterThan(8);
    await expect(page.getByTestId('export-error')).toHaveCount(0);

    // Dark theme: the export follows it.
    await page.getByRole('button', { name: /dark/i }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.locator('.react-flow__controls-fitview').click();
    await page.locator('.kp-graph').screenshot({ path: 'screenshots/e2e/graph-export-live-dark.png' });
    const darkSvg = (await exportGraph(page, 'svg')).bytes.toString('utf8');
    const dark = await readSvg(page, darkSvg);
    const darkBg = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
    );
    expect(dark.error).toBeNull();
    expect(dark.background).toBe(darkBg);
    expect(darkBg).not.toBe(lightBg);
    await screenshotSvg(page, darkSvg, 'screenshots/e2e/graph-export-svg-dark.png');
    const darkPng = await exportGraph(page, 'png');
    expect((await pngColours(page, darkPng.bytes)).colours).toBeGreaterThan(8);

    expect(consoleErrors).toEqual([]);
    expect(offHostRequests).toEqual([]);
  });

  test('draws each line as the stage does: the bus, the load balancer routes and the Ingress routes round the cards', async ({
    page,
    playground,
  }) => {
    await playground.open();
    await page.getByTestId('scenario-picker').selectOption('ingress');
    await expect(page.locator('.react-flow__edge[data-id^="e:lb/"]').first()).toBeAttached();
    await expect(page.locator('.react-flow__edge.kp-edge-backend').first()).toBeAttached();
    await settled(page);
    // Every path the stage draws for an edge (in flow coordinates, inside the viewport's transform),
    // keyed as the export names its groups; a bus's not-ready branches are a path of their own.
    const onStage = await page.locator('.react-flow__edge').evaluateAll((edges) =>
      edges.flatMap((edge) => {
        const key = `kp-${(edge.getAttribute('data-id') ?? '').replace(/[^A-Za-z0-9_.-]/g, '-')}`;
        const main = edge.querySelector('path.react-flow__edge-path')?.getAttribute('d') ?? '';
        const notReady = edge.querySelector('path.kp-bus-notready')?.getAttribute('d');
        return [
          { key, d: main, routed: !/C/.test(main) },
          ...(notReady ? [{ key: `${key}-notready`, d: notReady, routed: true }] : []),
        ];
      }),
    );
    expect(onStage.filter((e) => e.routed).length).toBeGreaterThanOrEqual(6);
    const svg = (await exportGraph(page, 'svg')).bytes.toString('utf8');
    const exported = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return Object.fromEntries(
        Array.from(doc.querySelectorAll('g.kp-edge'), (g) => [
          g.id,
          g.querySelector('path')?.getAttribute('d') ?? '',
        ]),
      );
    }, svg);
    await screenshotSvg(page, svg, 'screenshots/e2e/graph-export-svg-ingress.png');
    // The same commands through the same points (within half a unit: the page measures its handles).
    const shape = (d: string) => ({
      commands: d.replace(/[^A-Za-z]/g, ''),
      numbers: (d.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? []).map(Number),
    });
    const differ: string[] = [];
    for (const { key, d } of onStage) {
      const ours = shape(d);
      const theirs = shape(exported[key] ?? '');
      const same =
        ours.commands === theirs.commands &&
        ours.numbers.length === theirs.numbers.length &&
        ours.numbers.every((v, i) => Math.abs(v - theirs.numbers[i]!) <= 0.5);
      if (!same)
        differ.push(`${key}: stage ${d.slice(0, 60)} / export ${(exported[key] ?? 'none').slice(0, 60)}`);
    }
    expect(differ).toEqual([]);
  });
});

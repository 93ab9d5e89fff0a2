/**
 * The graph as a standalone SVG document for slides: plain <rect>, <circle>, <path>, <text> and <g>
 * (no <foreignObject>, no fonts or images), drawn from the graph's own data, fitted to every node
 * with a margin. Pure: unit tests call it directly; the browser part only gathers the snapshot and
 * a text measurer.
 */
import { getBezier } from './bezierPath.ts';
import { getCardContent, type CardContent, type Frame, type Tone } from './cardContent.ts';
import { getEdgeStyle } from './edgeStyle.ts';
import type { GraphSnapshot, SnapshotEdge, SnapshotNode } from './graphSnapshot.ts';
import type { GraphTheme } from './graphTheme.ts';
import { pathPoints } from './pathPoints.ts';
import { paint } from './svgPaint.ts';
import {
  escapeXml,
  estimateTextWidth,
  truncateText,
  wrapRuns,
  type FontSpec,
  type MeasureText,
  type Run,
} from './svgText.ts';

export interface SvgOptions {
  /** The document's <title> (shown by viewers, read by screen readers). */
  title: string;
  measureText?: MeasureText;
  /** Space around the graph, in px. */
  margin?: number;
}

export interface SvgImage {
  svg: string;
  /** The drawing's size in CSS px (its width/height attributes). */
  width: number;
  height: number;
}

const BORDER = 2;
const EMPTY = { x: 0, y: 0, width: 320, height: 120 };

const num = (v: number) => String(Math.round(v * 100) / 100);

interface Ctx {
  theme: GraphTheme;
  measure: MeasureText;
}

function toneColor(theme: GraphTheme, tone: Tone): string {
  return theme[tone];
}

function textAttrs(ctx: Ctx, font: FontSpec, tone: Tone): string {
  return (
    (font.family === 'mono' ? ` font-family="${escapeXml(ctx.theme.mono)}"` : '') +
    ` font-size="${num(font.size)}"` +
    (font.weight !== 400 ? ` font-weight="${font.weight}"` : '') +
    (font.letterSpacing ? ` letter-spacing="${num(font.letterSpacing)}"` : '') +
    paint('fill', toneColor(ctx.theme, tone))
  );
}

/** Baseline of a text of `size` vertically centred in a line box (system faces: ~0.35em below the middle). */
const baselineIn = (top: number, lineHeight: number, size: number) => top + lineHeight / 2 + size * 0.35;

function frameSvg(ctx: Ctx, frame: Frame, node: SnapshotNode): string {
  const { x, y, width, height } = node;
  const fill = ctx.theme[frame.fill];
  const stroke = ctx.theme[frame.stroke];
  const dash =
    frame.dash === 'dashed'
      ? ' stroke-dasharray="6 4"'
      : frame.dash === 'dotted'
        ? ' stroke-dasharray="2 2"'
        : '';
  // A CSS border lies inside the box, an SVG stroke is centred on the path: inset by half the width.
  const inner = `x="${num(x + BORDER / 2)}" y="${num(y + BORDER / 2)}" width="${num(Math.max(0, width - BORDER))}" height="${num(Math.max(0, height - BORDER))}" rx="${num(frame.radius - BORDER / 2)}"`;
  const outer = `x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" rx="${num(frame.radius)}"`;
  const parts = [`<rect ${outer}${paint('fill', fill)}/>`];
  if (frame.wash) parts.push(`<rect ${outer}${paint('fill', frame.wash.color, frame.wash.opacity)}/>`);
  parts.push(`<rect ${inner} fill="none"${paint('stroke', stroke)} stroke-width="${BORDER}"${dash}/>`);
  return parts.join('');
}

const BADGE = {
  font: { family: 'sans', size: 12, weight: 600 } as FontSpec,
  padX: 6,
  border: 1,
  marginLeft: 4,
};
const badgeWidth = (ctx: Ctx, text: string) =>
  ctx.measure(text, BADGE.font) + 2 * (BADGE.padX + BADGE.border);

function titleSvg(ctx: Ctx, content: CardContent, node: SnapshotNode): string {
  const { items, gap, lineHeight, align } = content.title;
  const left = node.x + content.inset.x;
  const right = node.x + node.width - content.inset.x;
  const top = node.y + content.inset.y;
  const middle = top + lineHeight / 2;
  const nameSize = Math.max(...items.map((i) => (i.kind === 'text' && i.role === 'name' ? i.font.size : 0)));
  const sharedBaseline = baselineIn(top, lineHeight, nameSize);
  const widthOf = (i: number): number => {
    const item = items[i];
    if (!item) return 0;
    if (item.kind === 'dot') return 10;
    if (item.kind === 'badge') return badgeWidth(ctx, item.text);
    return ctx.measure(item.text, item.font);
  };
  const gapBefore = (i: number) => (i === 0 ? 0 : gap + (items[i]?.kind === 'badge' ? BADGE.marginLeft : 0));
  // Room kept for what follows a name: warning badges (node down, stale YAML) stay visible; an `up` or
  // class badge shows only when the name leaves room (the page clips it then).
  const reservedAfter = (i: number) =>
    items.slice(i + 1).reduce((sum, item, k) => {
      const j = i + 1 + k;
      const fixed =
        item.kind === 'dot' ||
        (item.kind === 'text' && item.role === 'kind') ||
        (item.kind === 'badge' && item.keep);
      return fixed ? sum + gapBefore(j) + widthOf(j) : sum;
    }, 0);

  const out: string[] = [];
  let x = left;
  items.forEach((item, i) => {
    x += gapBefore(i);
    const room = right - x;
    if (item.kind === 'dot') {
      if (room < 10) return;
      out.push(
        `<circle cx="${num(x + 5)}" cy="${num(middle)}" r="5"${paint('fill', toneColor(ctx.theme, item.tone))}/>`,
      );
      x += 10;
      return;
    }
    if (item.kind === 'badge') {
      const w = widthOf(i);
      if (w > room) return;
      const h = BADGE.font.size * 1.4 + 2 * (1 + BADGE.border);
      const stroke = item.tone === 'text' ? ctx.theme.border : toneColor(ctx.theme, item.tone);
      out.push(
        `<g><rect x="${num(x + 0.5)}" y="${num(middle - h / 2 + 0.5)}" width="${num(w - 1)}" height="${num(h - 1)}" rx="${num(h / 2)}"${paint('fill', ctx.theme[item.bg])}${paint('stroke', stroke)} stroke-width="1"/>` +
          `<text x="${num(x + BADGE.padX + BADGE.border)}" y="${num(baselineIn(middle - lineHeight / 2, lineHeight, BADGE.font.size))}"${textAttrs(ctx, BADGE.font, item.tone)}>${escapeXml(item.text)}</text></g>`,
      );
      x += w;
      return;
    }
    const text =
      item.role === 'kind'
        ? item.text
        : truncateText(item.text, room - reservedAfter(i), item.font, ctx.measure);
    if (!text || ctx.measure(text, item.font) > room + 0.5) return;
    const y = align === 'baseline' ? sharedBaseline : baselineIn(top, lineHeight, item.font.size);
    out.push(
      `<text x="${num(x)}" y="${num(y)}"${textAttrs(ctx, item.font, item.tone)}>${escapeXml(text)}</text>`,
    );
    x += ctx.measure(text, item.font);
  });
  return out.join('');
}

function runsSvg(ctx: Ctx, runs: Run[]): string {
  return runs.map((r) => `<tspan${textAttrs(ctx, r.font, r.tone)}>${escapeXml(r.text)}</tspan>`).join('');
}

function linesSvg(ctx: Ctx, content: CardContent, node: SnapshotNode): string {
  const left = node.x + content.inset.x;
  const width = node.width - 2 * content.inset.x;
  const bottom = node.y + node.height - BORDER;
  let top = node.y + content.inset.y + content.title.lineHeight;
  const out: string[] = [];
  for (const line of content.lines) {
    const size = Math.max(...line.runs.map((r) => r.font.size));
    // `overflow: hidden` clips at the padding box; keep only lines whose glyphs fit inside it.
    const fits = (t: number) => t + line.lineHeight / 2 + size * 0.6 <= bottom;
    let maxLines = 0;
    while (fits(top + maxLines * line.lineHeight)) maxLines++;
    if (maxLines === 0) break;
    for (const runs of wrapRuns(line.runs, width, maxLines, ctx.measure)) {
      if (runs.length)
        out.push(
          `<text x="${num(left)}" y="${num(baselineIn(top, line.lineHeight, size))}">${runsSvg(ctx, runs)}</text>`,
        );
      top += line.lineHeight;
    }
  }
  return out.join('');
}

function usedIds(): (graphId: string) => string {
  const seen = new Set<string>();
  return (graphId) => {
    const base = `kp-${graphId.replace(/[^A-Za-z0-9_.-]/g, '-')}`;
    let id = base;
    for (let i = 2; seen.has(id); i++) id = `${base}-${i}`;
    seen.add(id);
    return id;
  };
}

function nodeSvg(ctx: Ctx, node: SnapshotNode, id: string): string {
  const content = getCardContent(node.data);
  const opacity = content.frame.opacity !== undefined ? ` opacity="${content.frame.opacity}"` : '';
  return (
    `<g id="${escapeXml(id)}" class="kp-${node.data.kind}"${opacity}><title>${escapeXml(node.id)}</title>` +
    frameSvg(ctx, content.frame, node) +
    titleSvg(ctx, content, node) +
    linesSvg(ctx, content, node) +
    '</g>'
  );
}

const LABEL_FONT: FontSpec = { family: 'sans', size: 10, weight: 400 };

/** The line as drawn: the stage's own path for a routed edge, React Flow's bezier for the others. */
function lineOf(edge: SnapshotEdge): {
  d: string;
  arrivesFrom: { x: number; y: number };
  middle: { x: number; y: number };
} {
  if (edge.path) {
    const points = pathPoints(edge.path);
    const last = points[points.length - 1] ?? edge.target;
    const before = points.length > 1 ? points[points.length - 2]! : last;
    return { d: edge.path, arrivesFrom: before, middle: points[Math.floor(points.length / 2)] ?? last };
  }
  const curve = getBezier(edge.source, edge.target);
  return { d: curve.d, arrivesFrom: curve.targetControl, middle: curve.label };
}

function edgeSvg(ctx: Ctx, edge: SnapshotEdge): string {
  const line = lineOf(edge);
  const style = getEdgeStyle(edge.className, edge.animated);
  const color = ctx.theme[style.stroke];
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  const parts = [
    `<path d="${escapeXml(line.d)}" fill="none"${paint('stroke', color)} stroke-width="1"${dash}/>`,
  ];
  if (edge.arrow) parts.push(arrowSvg(edge, line.arrivesFrom, color));
  if (edge.label) {
    const w = ctx.measure(edge.label, LABEL_FONT) + 8;
    const { x, y } = line.middle;
    parts.push(
      `<rect x="${num(x - w / 2)}" y="${num(y - 8)}" width="${num(w)}" height="16" rx="2"${paint('fill', ctx.theme.surface)}/>` +
        `<text x="${num(x)}" y="${num(y + 3.5)}" text-anchor="middle"${textAttrs(ctx, LABEL_FONT, 'text')}>${escapeXml(edge.label)}</text>`,
    );
  }
  return `<g class="kp-edge" id="${escapeXml(`kp-${edge.id.replace(/[^A-Za-z0-9_.-]/g, '-')}`)}">${parts.join('')}</g>`;
}

/** A filled arrowhead at the target, along the direction the curve arrives from. */
function arrowSvg(edge: SnapshotEdge, from: { x: number; y: number }, color: string): string {
  const { x, y } = edge.target;
  let dx = x - from.x;
  let dy = y - from.y;
  const length = Math.hypot(dx, dy);
  if (length < 0.01) {
    const inward = { top: [0, 1], bottom: [0, -1], left: [1, 0], right: [-1, 0] }[edge.target.side];
    [dx, dy] = inward as [number, number];
  } else {
    dx /= length;
    dy /= length;
  }
  const size = 9;
  const half = 4.5;
  const bx = x - dx * size;
  const by = y - dy * size;
  const points = [
    [x, y],
    [bx - dy * half, by + dx * half],
    [bx + dy * half, by - dx * half],
  ];
  return `<path d="M${points.map(([px, py]) => `${num(px ?? 0)},${num(py ?? 0)}`).join(' L')} Z"${paint('fill', color)}/>`;
}

function boundsOf(snapshot: GraphSnapshot): { x: number; y: number; width: number; height: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const n of snapshot.nodes) {
    add(n.x, n.y);
    add(n.x + n.width, n.y + n.height);
  }
  for (const e of snapshot.edges)
    for (const p of e.path ? pathPoints(e.path) : getBezier(e.source, e.target).points) add(p.x, p.y);
  if (!Number.isFinite(minX)) return EMPTY;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export function graphToSvg(snapshot: GraphSnapshot, theme: GraphTheme, options: SvgOptions): SvgImage {
  const ctx: Ctx = { theme, measure: options.measureText ?? estimateTextWidth };
  const margin = options.margin ?? 32;
  const box = boundsOf(snapshot);
  const x = Math.floor(box.x - margin);
  const y = Math.floor(box.y - margin);
  const width = Math.ceil(box.x + box.width + margin) - x;
  const height = Math.ceil(box.y + box.height + margin) - y;

  // Layers as React Flow stacks them: by level, and at each level the edges under the nodes.
  const levels = [...new Set([...snapshot.nodes.map((n) => n.z), ...snapshot.edges.map((e) => e.z)])].sort(
    (a, b) => a - b,
  );
  const idFor = usedIds();
  const body: string[] = [];
  for (const level of levels) {
    const edges = snapshot.edges.filter((e) => e.z === level);
    if (edges.length) body.push(`<g class="kp-edges">${edges.map((e) => edgeSvg(ctx, e)).join('')}</g>`);
    for (const node of snapshot.nodes.filter((n) => n.z === level))
      body.push(nodeSvg(ctx, node, idFor(node.id)));
  }

  const svg =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="${x} ${y} ${width} ${height}">\n` +
    `<title>${escapeXml(options.title)}</title>\n` +
    `<rect x="${x}" y="${y}" width="${width}" height="${height}"${paint('fill', theme.bg)}/>\n` +
    `<g font-family="${escapeXml(theme.font)}" font-size="15">\n${body.join('\n')}\n</g>\n` +
    '</svg>\n';
  return { svg, width, height };
}

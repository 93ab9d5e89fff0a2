/** File name, title and PNG scale of an export: pure helpers. */
import type { GraphSnapshot } from './graphSnapshot.ts';

/** `<base>-graph.<format>`, with characters that file systems refuse replaced. */
export function toExportFileName(fileBaseName: string, format: 'svg' | 'png'): string {
  const printable = [...fileBaseName].map((c) => (c.charCodeAt(0) < 32 ? '-' : c)).join('');
  const base =
    printable
      .replace(/[\\/:*?"<>|]+/g, '-')
      .replace(/^[\s.-]+|[\s.-]+$/g, '')
      .slice(0, 120) || 'kubeplay';
  return `${base}-graph.${format}`;
}

/** The SVG's <title>: what the picture is, for viewers' tab names and screen readers. */
export function getExportTitle(snapshot: GraphSnapshot, fileBaseName: string): string {
  const cluster = snapshot.nodes.find((n) => n.data.kind === 'cluster');
  const name = cluster?.data.kind === 'cluster' ? cluster.data.name : '';
  const what = name ? `Kubernetes cluster ${name}` : 'Kubernetes cluster';
  return fileBaseName ? `${what}: ${fileBaseName} (kubeplay)` : `${what} (kubeplay)`;
}

/** Canvas limits in Chromium and Firefox: 16384 px a side (Safari is lower in area). */
const MAX_SIDE = 16384;
const MAX_AREA = 64_000_000;

/**
 * Device pixels per CSS px for the PNG: at least 2 (crisp on a projector and on retina slides),
 * less only when a huge cluster would exceed what a canvas can hold.
 */
export function getPngScale(width: number, height: number, devicePixelRatio: number): number {
  const wanted = Math.max(2, devicePixelRatio || 1);
  const bySide = MAX_SIDE / Math.max(width, height, 1);
  const byArea = Math.sqrt(MAX_AREA / Math.max(width * height, 1));
  return Math.min(wanted, bySide, byArea);
}

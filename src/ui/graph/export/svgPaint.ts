/**
 * CSS colours as SVG paint attributes. `rgba()` becomes a hex colour plus an opacity attribute:
 * PowerPoint and older Inkscape ignore colours with alpha, but all of them read `fill-opacity`.
 */
import { escapeXml } from './svgText.ts';

const hex2 = (v: number) =>
  Math.max(0, Math.min(255, Math.round(v)))
    .toString(16)
    .padStart(2, '0');

export function splitColor(css: string): { color: string; opacity: number } {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(
    css.trim(),
  );
  if (!m) return { color: css.trim(), opacity: 1 };
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return { color: `#${hex2(Number(m[1]))}${hex2(Number(m[2]))}${hex2(Number(m[3]))}`, opacity: alpha };
}

/** ` fill="#…"` (and ` fill-opacity="…"` when translucent); `kind` may be `stroke`. */
export function paint(kind: 'fill' | 'stroke', css: string, extraOpacity = 1): string {
  const { color, opacity } = splitColor(css);
  const total = Math.round(opacity * extraOpacity * 1000) / 1000;
  return ` ${kind}="${escapeXml(color)}"${total < 1 ? ` ${kind}-opacity="${total}"` : ''}`;
}

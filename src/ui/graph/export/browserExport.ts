/**
 * The browser half of the export (loaded on first use): the theme from the page's CSS variables, text
 * measured on a canvas with the page's fonts, rasterizing the SVG to a PNG and the download itself.
 */
import { DARK_THEME, LIGHT_THEME, readGraphTheme, type GraphTheme } from './graphTheme.ts';
import type { FontSpec, MeasureText } from './svgText.ts';

export function readPageTheme(): GraphTheme {
  const root = document.documentElement;
  const style = getComputedStyle(root);
  return readGraphTheme(
    (name) => style.getPropertyValue(name),
    root.dataset.theme === 'dark' ? DARK_THEME : LIGHT_THEME,
  );
}

/** Widths from canvas measureText with the same font stacks the SVG names, cached per text and font. */
export function createCanvasMeasure(theme: GraphTheme, fallback: MeasureText): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return fallback;
  const cache = new Map<string, number>();
  return (text: string, font: FontSpec) => {
    const css = `${font.weight} ${font.size}px ${font.family === 'mono' ? theme.mono : theme.font}`;
    const key = `${css}\u0000${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      context.font = css;
      width = context.measureText(text).width + [...text].length * (font.letterSpacing ?? 0);
      cache.set(key, width);
    }
    return width;
  };
}

/** The SVG drawn on a canvas `scale` times its size, as a PNG (the SVG brings its own background). */
export async function rasterizeSvg(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas, so the PNG could not be made.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

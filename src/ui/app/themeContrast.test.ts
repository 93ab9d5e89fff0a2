/**
 * The graph's lines against the graph's backgrounds, from the theme tokens in app.css (issue 11, quiet
 * edges, loud path): every line that carries meaning at 3:1 or more in both themes (WCAG 2.x success
 * criterion 1.4.11, non-text contrast, https://www.w3.org/TR/WCAG21/#non-text-contrast), and the
 * request's own path the strongest line of all.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DARK_THEME, LIGHT_THEME } from '../graph/export/graphTheme.ts';

const APP_CSS = readFileSync(new URL('./app.css', import.meta.url), 'utf8');
const GRAPH_CSS = readFileSync(new URL('../graph/graph.css', import.meta.url), 'utf8');

type Rgba = [number, number, number, number];

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function tokens(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule ${selector}`);
  const body = css.slice(start, css.indexOf('}', start));
  const found = new Map<string, string>();
  for (const [, name, value] of body.matchAll(/(--[\w-]+):\s*([^;]+);/g)) found.set(name!, value!.trim());
  return found;
}

function parseColor(value: string): Rgba {
  const hex = /^#([\da-f]{6})$/i.exec(value);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgba = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value);
  if (rgba) return [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), rgba[4] ? Number(rgba[4]) : 1];
  throw new Error(`unsupported colour ${value}`);
}

/** `top` painted over the opaque `under` (source-over). */
function over(top: Rgba, under: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)).concat(1) as Rgba;
}

/** WCAG 2.x relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The lines that carry meaning, by the token that colours them (app.css, graph.css). */
const LINES = {
  '--line-quiet': 'a Service to its Endpoints, a load balancer to its nodes',
  '--line-svc': 'the Endpoints bus to the pods',
  '--line-ing': "an Ingress to its backends, its controller's link",
  '--line-warn': 'the bus to a pod that is not ready',
  '--line-bad': 'a load balancer to a node that is down',
};

const THEMES = {
  light: tokens(APP_CSS, ':root'),
  // The dark theme overrides the light one's tokens.
  dark: new Map([...tokens(APP_CSS, ':root'), ...tokens(APP_CSS, ":root[data-theme='dark']")]),
};

describe.each(Object.entries(THEMES))('graph lines in the %s theme', (_theme, theme) => {
  const color = (name: string) => parseColor(theme.get(name) ?? '');
  const page = color('--bg');
  // Lines run over the page (load balancer routes), the cluster's tint and a node's lanes (the bus).
  const backgrounds = {
    page,
    cluster: over(color('--cluster-bg'), page),
    node: over(color('--node-bg'), page),
  };
  const weakest = (line: Rgba) => Math.min(...Object.values(backgrounds).map((bg) => contrast(line, bg)));

  it.each(Object.entries(LINES))('%s (%s) is at least 3:1 on every background', (token) => {
    expect(weakest(color(token))).toBeGreaterThanOrEqual(3);
  });

  it("the packet's path is stronger than every structural line", () => {
    const path = weakest(color('--packet'));
    expect(path).toBeGreaterThanOrEqual(4.5);
    for (const token of Object.keys(LINES)) expect(path).toBeGreaterThan(weakest(color(token)) + 1);
  });
});

describe('the line rules', () => {
  it('draw the lines with the tokens, unfaded (an opacity would take them under 3:1 again)', () => {
    for (const css of [APP_CSS, GRAPH_CSS]) expect(css).not.toMatch(/stroke-opacity/);
    const edgeRules = [
      ...`${APP_CSS}\n${GRAPH_CSS}`.matchAll(/([^{}]*(?:edge|kp-bus|kp-path)[^{}]*)\{([^}]*)\}/g),
    ];
    expect(edgeRules.length).toBeGreaterThan(5);
    for (const [, selector, body] of edgeRules) {
      const stroke = /(?:^|;|\s)stroke:\s*([^;]+);/.exec(body!)?.[1]?.trim();
      if (stroke && !selector!.includes('kp-packet-label'))
        expect(stroke, selector).toMatch(/^var\(--(line-[a-z]+|packet)\)$/);
      const opacity = /(?:^|;|\s)opacity:\s*([\d.]+)/.exec(body!)?.[1];
      if (opacity && /react-flow__edge|kp-bus|\.kp-graph \.kp-path/.test(selector!))
        expect(Number(opacity), selector).toBe(1);
    }
    expect(APP_CSS).toMatch(/--xy-edge-stroke:\s*var\(--line-quiet\)/);
  });
});

describe("the slide export's line colours", () => {
  it('are the stage tokens in both themes (graphTheme.ts falls back to them outside a browser)', () => {
    const all = {
      lineQuiet: '--line-quiet',
      lineSvc: '--line-svc',
      lineIng: '--line-ing',
      lineWarn: '--line-warn',
      lineBad: '--line-bad',
    } as const;
    for (const [key, token] of Object.entries(all)) {
      expect(LIGHT_THEME[key as keyof typeof all], token).toBe(THEMES.light.get(token));
      expect(DARK_THEME[key as keyof typeof all], token).toBe(THEMES.dark.get(token));
    }
  });
});

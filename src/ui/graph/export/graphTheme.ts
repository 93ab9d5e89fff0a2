/**
 * The colours and fonts of the graph, as the page's CSS variables define them (src/ui/app/app.css).
 * The tables are the fallback and what unit tests use; in the browser the live values are read from
 * the root element, so presenter mode's stronger contrast is exported as shown.
 */
export interface GraphTheme {
  bg: string;
  surface: string;
  surface2: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
  ok: string;
  bad: string;
  warn: string;
  warnBg: string;
  pod: string;
  podBorder: string;
  svc: string;
  svcBorder: string;
  ing: string;
  ingBorder: string;
  nodeBg: string;
  clusterBg: string;
  /** The graph's lines (app.css --line-*): opaque, 3:1 on the graph's backgrounds (WCAG 1.4.11). */
  lineQuiet: string;
  lineSvc: string;
  lineIng: string;
  lineWarn: string;
  lineBad: string;
  font: string;
  mono: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const MONO = "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace";

export const LIGHT_THEME: GraphTheme = {
  bg: '#f6f7f9',
  surface: '#ffffff',
  surface2: '#eef1f5',
  text: '#17202c',
  muted: '#566173',
  border: '#cfd6e0',
  accent: '#2457c5',
  ok: '#0f6b37',
  bad: '#b42318',
  warn: '#9a5b00',
  warnBg: '#fff4d6',
  pod: '#e8f0ff',
  podBorder: '#7aa2e8',
  svc: '#f1ebff',
  svcBorder: '#8b6ad8',
  ing: '#e6f6f0',
  ingBorder: '#4aa583',
  nodeBg: '#f9fafc',
  clusterBg: 'rgba(36, 87, 197, 0.035)',
  lineQuiet: '#7e8694',
  lineSvc: '#9274da',
  lineIng: '#429375',
  lineWarn: '#ad7c34',
  lineBad: '#ca6962',
  font: FONT,
  mono: MONO,
};

export const DARK_THEME: GraphTheme = {
  bg: '#10141b',
  surface: '#171c25',
  surface2: '#202735',
  text: '#e8edf5',
  muted: '#a3afc2',
  border: '#364154',
  accent: '#7aa7ff',
  ok: '#4ade80',
  bad: '#f87171',
  warn: '#fbbf24',
  warnBg: '#3a2f10',
  pod: '#1b2a45',
  podBorder: '#4f7bd0',
  svc: '#2a2143',
  svcBorder: '#9b7cf0',
  ing: '#143329',
  ingBorder: '#4fbf95',
  nodeBg: '#151a23',
  clusterBg: 'rgba(122, 167, 255, 0.05)',
  lineQuiet: '#656e7c',
  lineSvc: '#735eb2',
  lineIng: '#357963',
  lineWarn: '#866a20',
  lineBad: '#a95154',
  font: FONT,
  mono: MONO,
};

/** Theme key -> the CSS custom property the page sets. */
const CSS_VARIABLES: Record<keyof GraphTheme, string> = {
  bg: '--bg',
  surface: '--surface',
  surface2: '--surface-2',
  text: '--text',
  muted: '--muted',
  border: '--border',
  accent: '--accent',
  ok: '--ok',
  bad: '--bad',
  warn: '--warn',
  warnBg: '--warn-bg',
  pod: '--pod',
  podBorder: '--pod-border',
  svc: '--svc',
  svcBorder: '--svc-border',
  ing: '--ing',
  ingBorder: '--ing-border',
  nodeBg: '--node-bg',
  clusterBg: '--cluster-bg',
  lineQuiet: '--line-quiet',
  lineSvc: '--line-svc',
  lineIng: '--line-ing',
  lineWarn: '--line-warn',
  lineBad: '--line-bad',
  font: '--font',
  mono: '--mono',
};

/**
 * The theme as the page has it now: each CSS variable read through `lookup` (e.g. getComputedStyle's
 * getPropertyValue), the table's value where one is missing.
 */
export function readGraphTheme(lookup: (cssVariable: string) => string, fallback: GraphTheme): GraphTheme {
  const theme = { ...fallback };
  for (const key of Object.keys(CSS_VARIABLES) as (keyof GraphTheme)[]) {
    const value = lookup(CSS_VARIABLES[key]).trim();
    if (value) theme[key] = value;
  }
  return theme;
}

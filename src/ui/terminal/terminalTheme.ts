/**
 * xterm colours for the app's light and dark themes. Chosen for a projector: dark-on-white or
 * light-on-near-black with contrast above WCAG AA (7:1 for the body text), and a cursor and selection
 * that stay visible on washed-out screens.
 */
import type { ITheme } from '@xterm/xterm';

export const TERMINAL_FONT_SIZE = 16;
export const TERMINAL_FONT_FAMILY =
  "ui-monospace, 'DejaVu Sans Mono', 'Cascadia Mono', 'Menlo', 'Consolas', 'Liberation Mono', monospace";

const LIGHT: ITheme = {
  background: '#ffffff',
  foreground: '#1b1f24',
  cursor: '#0b57d0',
  cursorAccent: '#ffffff',
  selectionBackground: '#b6d3ff',
  black: '#1b1f24',
  red: '#b3261e',
  green: '#146c2e',
  yellow: '#7a5b00',
  blue: '#0b57d0',
  magenta: '#8e24aa',
  cyan: '#00696f',
  white: '#5f6368',
};

const DARK: ITheme = {
  background: '#171c25',
  foreground: '#e6e9ef',
  cursor: '#8ab4f8',
  cursorAccent: '#171c25',
  selectionBackground: '#3d5a80',
  black: '#171c25',
  red: '#f28b82',
  green: '#81c995',
  yellow: '#fdd663',
  blue: '#8ab4f8',
  magenta: '#d7aefb',
  cyan: '#78d9ec',
  white: '#e6e9ef',
};

export function getTerminalTheme(theme: 'light' | 'dark'): ITheme {
  return theme === 'dark' ? DARK : LIGHT;
}

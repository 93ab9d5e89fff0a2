import { describe, it, expect } from 'vitest';
import { escapeXml, truncateText, wrapRuns, type FontSpec, type MeasureText, type Run } from './svgText.ts';

// Every character 10px wide: easy arithmetic.
const measure: MeasureText = (text) => [...text].length * 10;
const font: FontSpec = { family: 'mono', size: 10, weight: 400 };
const run = (text: string, tone: Run['tone'] = 'text'): Run => ({ text, font, tone });
const joined = (lines: Run[][]) => lines.map((l) => l.map((r) => r.text).join(''));

describe('escapeXml', () => {
  it('escapes the five XML specials and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u0007`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    );
    expect(escapeXml('日本 · 🚀')).toBe('日本 · 🚀');
  });
});

describe('truncateText', () => {
  it('keeps text that fits and ends longer text in an ellipsis within the width', () => {
    expect(truncateText('kubia', 50, font, measure)).toBe('kubia');
    expect(truncateText('kubia-loadbalancer', 60, font, measure)).toBe('kubia…');
    expect(truncateText('kubia', 5, font, measure)).toBe('');
  });
});

describe('wrapRuns', () => {
  it('wraps at spaces like a block of text and keeps the styles of each piece', () => {
    const lines = wrapRuns([run('172.18.0.3 · pods'), run(' 10.244.1.0/24', 'muted')], 170, 5, measure);
    expect(joined(lines)).toEqual(['172.18.0.3 · pods', '10.244.1.0/24']);
    expect(lines[1]![0]!.tone).toBe('muted');
  });

  it('joins neighbouring words of one style into one run', () => {
    const lines = wrapRuns([run('a b c')], 100, 1, measure);
    expect(lines).toEqual([[run('a b c')]]);
  });

  it('ends the last line that fits in an ellipsis rather than dropping what follows', () => {
    const lines = wrapRuns([run('10.244.2.3'), run(' · ingress', 'muted')], 160, 1, measure);
    expect(joined(lines)).toEqual(['10.244.2.3 · in…']);
    expect(measure(joined(lines)[0]!, font)).toBeLessThanOrEqual(160);
  });

  it('cuts a single word wider than the card', () => {
    expect(joined(wrapRuns([run('averyveryverylongword')], 100, 3, measure))).toEqual(['averyvery…']);
  });

  it('gives nothing when no line fits', () => {
    expect(wrapRuns([run('x')], 100, 0, measure)).toEqual([]);
  });
});

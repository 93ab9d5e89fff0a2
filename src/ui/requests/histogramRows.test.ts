import { describe, expect, it } from 'vitest';
import { EVERY_ROW_UP_TO } from '../../store/rowsPace.ts';
import { TOP_PODS, histogramRows } from './histogramRows.ts';

/** `count` pods named web-000, web-001, … with the given hits each (the pod's index by default). */
function pods(count: number, hits: (i: number) => number): Record<string, number> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`pod/default/web-${String(i).padStart(3, '0')}`, hits(i)]),
  );
}

describe('the histogram rows', () => {
  it('gives a class-sized batch a row per target, sorted by name, as before', () => {
    const { rows, rest, max } = histogramRows({
      'pod/default/kubia-b': 12,
      timeout: 2,
      'pod/default/kubia-a': 16,
    });
    expect(rows.map((r) => r.target)).toEqual(['pod/default/kubia-a', 'pod/default/kubia-b', 'timeout']);
    expect(rest).toBeNull();
    expect(max).toBe(16);
  });

  it(`keeps every row up to ${EVERY_ROW_UP_TO} targets`, () => {
    const { rows, rest } = histogramRows(pods(EVERY_ROW_UP_TO, () => 1));
    expect(rows).toHaveLength(EVERY_ROW_UP_TO);
    expect(rest).toBeNull();
  });

  it('shows a crowd’s most-hit pods, most first, and one line for the others', () => {
    // 250 pods: web-000 hit once … web-249 hit 250 times.
    const byTarget = pods(250, (i) => i + 1);
    const { rows, rest, max } = histogramRows(byTarget);
    expect(rows).toHaveLength(TOP_PODS);
    expect(rows[0]).toEqual({ target: 'pod/default/web-249', count: 250 });
    expect(rows.map((r) => r.count)).toEqual([...rows.map((r) => r.count)].sort((a, b) => b - a));
    const shown = rows.reduce((sum, r) => sum + r.count, 0);
    const total = Object.values(byTarget).reduce((sum, n) => sum + n, 0);
    expect(rest).toEqual({ pods: 250 - TOP_PODS, requests: total - shown });
    expect(max).toBe(250);
  });

  it('breaks ties by name, so equal pods keep their order from one landing to the next', () => {
    const { rows } = histogramRows(pods(100, (i) => (i % 10 === 0 ? 2 : 1)));
    expect(rows.slice(0, 10).map((r) => r.target)).toEqual(
      Array.from({ length: 10 }, (_, i) => `pod/default/web-${String(i * 10).padStart(3, '0')}`),
    );
    expect(rows[10]?.target).toBe('pod/default/web-001');
  });

  it('never folds an outcome or an endpoint outside the pods into the summary line', () => {
    const { rows, rest } = histogramRows({
      ...pods(40, () => 3),
      refused: 1,
      timeout: 1,
      '192.168.1.50:80': 1,
    });
    expect(rows.map((r) => r.target)).toEqual(
      expect.arrayContaining(['refused', 'timeout', '192.168.1.50:80']),
    );
    expect(rows).toHaveLength(TOP_PODS + 3);
    expect(rest).toEqual({ pods: 40 - TOP_PODS, requests: (40 - TOP_PODS) * 3 });
  });
});

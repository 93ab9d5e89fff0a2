import { describe, it, expect } from 'vitest';
import { getExportTitle, getPngScale, toExportFileName } from './exportNames.ts';
import type { GraphSnapshot } from './graphSnapshot.ts';
import { readGraphTheme, LIGHT_THEME } from './graphTheme.ts';
import { paint, splitColor } from './svgPaint.ts';

describe('toExportFileName', () => {
  it('appends -graph and the format', () => {
    expect(toExportFileName('kubia', 'svg')).toBe('kubia-graph.svg');
    expect(toExportFileName('kubia', 'png')).toBe('kubia-graph.png');
  });
  it('replaces characters file systems refuse, and never gives an empty name', () => {
    expect(toExportFileName('a/b\\c:d*e?"f"<g>|h\u0001', 'svg')).toBe('a-b-c-d-e-f-g-h-graph.svg');
    expect(toExportFileName('  ../ ', 'png')).toBe('kubeplay-graph.png');
  });
});

describe('getExportTitle', () => {
  it('names the cluster and the scenario', () => {
    const snapshot: GraphSnapshot = {
      nodes: [
        {
          id: 'cluster',
          x: 0,
          y: 0,
          width: 1,
          height: 1,
          z: -1,
          data: {
            kind: 'cluster',
            name: 'kind',
            podSubnet: '',
            serviceSubnet: '',
            proxyMode: '',
            stale: false,
          },
        },
      ],
      edges: [],
    };
    expect(getExportTitle(snapshot, 'kubia')).toBe('Kubernetes cluster kind: kubia (kubeplay)');
    expect(getExportTitle({ nodes: [], edges: [] }, '')).toBe('Kubernetes cluster (kubeplay)');
  });
});

describe('getPngScale', () => {
  it('is at least 2, or the device ratio when higher', () => {
    expect(getPngScale(1200, 900, 1)).toBe(2);
    expect(getPngScale(1200, 900, 3)).toBe(3);
  });
  it('shrinks for a graph a canvas could not hold', () => {
    const scale = getPngScale(20_000, 3000, 2);
    expect(20_000 * scale).toBeLessThanOrEqual(16384);
    const area = getPngScale(9000, 9000, 2);
    expect(9000 * area * 9000 * area).toBeLessThanOrEqual(64_000_001);
  });
});

describe('theme and paint', () => {
  it('reads the page variables, keeping the table where one is missing', () => {
    const vars: Record<string, string> = { '--bg': ' #000000 ', '--pod': '' };
    const theme = readGraphTheme((name) => vars[name] ?? '', LIGHT_THEME);
    expect(theme.bg).toBe('#000000');
    expect(theme.pod).toBe(LIGHT_THEME.pod);
  });
  it('turns rgba() into hex plus opacity', () => {
    expect(splitColor('rgba(36, 87, 197, 0.035)')).toEqual({ color: '#2457c5', opacity: 0.035 });
    expect(splitColor('rgb(255 0 0 / 50%)')).toEqual({ color: '#ff0000', opacity: 0.5 });
    expect(splitColor('#abc')).toEqual({ color: '#abc', opacity: 1 });
    expect(paint('fill', 'rgba(0,0,0,0.5)')).toBe(' fill="#000000" fill-opacity="0.5"');
    expect(paint('stroke', '#123456')).toBe(' stroke="#123456"');
  });
});

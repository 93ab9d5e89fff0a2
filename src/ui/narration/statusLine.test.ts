import { describe, it, expect } from 'vitest';
import type { Hop } from '../../engine/index.ts';
import { translator } from '../../i18n/testing/translator.ts';
import { hopStatusLine } from './statusLine.ts';

const dnat: Hop = {
  kind: 'dnat',
  at: 'node/kind-worker',
  src: '10.244.1.3:46130',
  dst: '10.244.2.3:8080',
  note: 'KUBE-SVC-XYZ: DNAT 10.96.50.1:80 -> 10.244.2.3:8080 (probability 0.33333)',
  rule: '-A KUBE-SEP-ABC -p tcp -j DNAT --to-destination 10.244.2.3:8080',
  facts: {
    service: 'default/kubia',
    pick: 'random',
    chosen: '10.244.2.3:8080',
    pod: 'default/kubia-w446j',
    of: 3,
  },
};

describe('the live status line during an animation', () => {
  it('plain: a sentence in the reader language, no chain names or probabilities', () => {
    for (const lng of ['en', 'zh-CN'] as const) {
      const line = hopStatusLine(dnat, 1, 5, 'plain', translator(lng));
      expect(line).not.toContain('KUBE-');
      expect(line).not.toContain('probability');
      expect(line).toContain('kubia-w446j');
    }
    expect(hopStatusLine(dnat, 1, 5, 'plain', translator('en'))).toMatch(/^Hop 2 of 5 · /);
    expect(hopStatusLine(dnat, 1, 5, 'plain', translator('zh-CN'))).toMatch(/^第 2 跳，共 5 跳 · /);
  });

  it('details: the engine note with its kind and place', () => {
    const line = hopStatusLine(dnat, 1, 5, 'details', translator('en'));
    expect(line).toBe(`Hop 2 of 5 · dnat at node/kind-worker: ${dnat.note}`);
    expect(hopStatusLine(dnat, 1, 5, 'details', translator('zh-CN'))).toContain('KUBE-SVC-XYZ');
  });
});

import { describe, expect, it } from 'vitest';
import { createDecoratedCopies, decorateOnce } from './decoratedCopies.ts';
import type { GraphNode } from './graphData.ts';
import { graphNode } from './toFlowElements.nodes.ts';

const pod = (name: string): GraphNode =>
  graphNode(
    `pod/default/${name}`,
    'pod',
    {
      kind: 'pod',
      name,
      namespace: 'default',
      ip: '10.244.1.2',
      ready: true,
      phase: 'Running',
      terminating: false,
      labels: 'app=kubia',
      ingressController: false,
    },
    { x: 0, y: 0 },
    { width: 120, height: 40 },
  );
const ring = (node: GraphNode): GraphNode => ({ ...node, className: 'ring' });
const tab = (node: GraphNode): GraphNode => ({ ...node, domAttributes: { tabIndex: 0 } });

describe('decorateOnce', () => {
  it('gives the same copy back for the same node and decoration', () => {
    const copies = createDecoratedCopies();
    const node = pod('kubia-a');
    const first = decorateOnce(copies, node, 'ring', ring);
    expect(first).not.toBe(node);
    expect(first.className).toBe('ring');
    expect(decorateOnce(copies, node, 'ring', ring)).toBe(first);
  });

  it('makes a new copy for a new node object or another decoration', () => {
    const copies = createDecoratedCopies();
    const node = pod('kubia-a');
    const ringed = decorateOnce(copies, node, 'ring', ring);
    const changed = { ...node, data: { ...node.data } };
    expect(decorateOnce(copies, changed, 'ring', ring)).not.toBe(ringed);
    const tabbed = decorateOnce(copies, node, 'tab', tab);
    expect(tabbed).not.toBe(ringed);
    expect(tabbed.domAttributes).toEqual({ tabIndex: 0 });
    expect(tabbed.className).toBeUndefined();
  });
});

import { describe, it, expect } from 'vitest';
import type { GraphEdge, GraphNode } from '../graphData.ts';
import { toGraphSnapshot } from './graphSnapshot.ts';

const client = (id: string, x: number, y: number, extra: Partial<GraphNode> = {}): GraphNode =>
  ({
    id,
    type: 'client',
    position: { x, y },
    width: 200,
    height: 74,
    data: { kind: 'client', name: id, ip: '' },
    ...extra,
  }) as GraphNode;

describe('toGraphSnapshot', () => {
  it('adds the parents\u2019 offsets, prefers measured sizes and stacks a child above its parent', () => {
    const nodes: GraphNode[] = [
      client('outer', 100, 50, { zIndex: -1 }),
      client('inner', 10, 20, { parentId: 'outer', measured: { width: 210, height: 80 } }),
      client('innermost', 1, 2, { parentId: 'inner' }),
    ];
    const byId = new Map(toGraphSnapshot(nodes, []).nodes.map((n) => [n.id, n]));
    expect(byId.get('inner')).toMatchObject({ x: 110, y: 70, width: 210, height: 80, z: 0 });
    expect(byId.get('innermost')).toMatchObject({ x: 111, y: 72, z: 1 });
  });

  it('skips hidden nodes and edges to nodes it does not have', () => {
    const nodes = [client('a', 0, 0), client('b', 300, 0, { hidden: true })];
    const edges: GraphEdge[] = [{ id: 'a->b', source: 'a', target: 'b' }];
    const snapshot = toGraphSnapshot(nodes, edges);
    expect(snapshot.nodes.map((n) => n.id)).toEqual(['a']);
    expect(snapshot.edges).toEqual([]);
  });

  it('starts edges at the handles, 3px outside the card, as React Flow does', () => {
    const nodes = [client('a', 0, 0), client('b', 400, 100)];
    const [edge] = toGraphSnapshot(nodes, [
      { id: 'e', source: 'a', target: 'b', className: 'kp-edge-lb' },
    ]).edges;
    expect(edge).toMatchObject({
      source: { x: 203, y: 37, side: 'right' },
      target: { x: 397, y: 137, side: 'left' },
      className: 'kp-edge-lb',
      z: 0,
    });
  });
});

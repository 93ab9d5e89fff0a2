/**
 * Graph nodes a lesson step talks about get the `kp-lesson-highlight` class (styled by the lessons
 * panel). The view holds the step's id patterns (`pod/default/kubia-*`); only matching nodes get a copy (the
 * same one while the node is the same, decoratedCopies.ts), so the others keep their identity and do
 * not re-render.
 */
import { useMemo, useState } from 'react';
import { matchesPattern } from '../../lessons/index.ts';
import { useShallow, useView } from '../../store/react.ts';
import { createDecoratedCopies, decorateOnce } from './decoratedCopies.ts';
import type { GraphNode } from './graphData.ts';

export const LESSON_HIGHLIGHT_CLASS = 'kp-lesson-highlight';

function highlightNode(node: GraphNode): GraphNode {
  return { ...node, className: `${node.className ?? ''} ${LESSON_HIGHLIGHT_CLASS}`.trim() };
}

export function useLessonHighlight(nodes: GraphNode[]): GraphNode[] {
  const patterns = useView(useShallow((s) => s.lessonHighlight));
  const [copies] = useState(createDecoratedCopies);
  return useMemo(() => {
    if (patterns.length === 0) return nodes;
    return nodes.map((node) =>
      patterns.some((p) => matchesPattern(p, node.id))
        ? decorateOnce(copies, node, LESSON_HIGHLIGHT_CLASS, highlightNode)
        : node,
    );
  }, [nodes, patterns, copies]);
}

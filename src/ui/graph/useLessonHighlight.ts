/**
 * Graph nodes a lesson step talks about get the `kp-lesson-highlight` class (styled by the lessons
 * panel). The view holds the step's id patterns (`pod/default/kubia-*`); only matching nodes get a new
 * object, so the others keep their identity and do not re-render.
 */
import { useMemo } from 'react';
import { matchesPattern } from '../../lessons/index.ts';
import { useShallow, useView } from '../../store/react.ts';
import type { GraphNode } from './graphData.ts';

export const LESSON_HIGHLIGHT_CLASS = 'kp-lesson-highlight';

export function useLessonHighlight(nodes: GraphNode[]): GraphNode[] {
  const patterns = useView(useShallow((s) => s.lessonHighlight));
  return useMemo(() => {
    if (patterns.length === 0) return nodes;
    return nodes.map((node) =>
      patterns.some((p) => matchesPattern(p, node.id))
        ? { ...node, className: `${node.className ?? ''} ${LESSON_HIGHLIGHT_CLASS}`.trim() }
        : node,
    );
  }, [nodes, patterns]);
}

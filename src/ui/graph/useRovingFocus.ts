/**
 * The graph as one tab stop: the current object's node has tabindex 0, every other one -1 (set once
 * in toFlowElements), arrows move the focus spatially (rovingFocus.ts), Enter or Space inspects.
 * Only the current node gets a new object when focus moves, so nothing else re-renders.
 */
import { useCallback, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { createDecoratedCopies, decorateOnce } from './decoratedCopies.ts';
import type { GraphNode } from './graphData.ts';
import { ARROW_DIRECTIONS, getFirstFocusable, getNeighbour } from './rovingFocus.ts';

export interface RovingFocus {
  nodes: GraphNode[];
  onKeyDown: (event: KeyboardEvent) => void;
  /** Focus moved by a click or a tab: that object becomes the current one. */
  onFocus: (event: React.FocusEvent) => void;
}

function nodeIdOf(target: EventTarget | null): string | null {
  if (!(target instanceof HTMLElement) || !target.classList.contains('react-flow__node')) return null;
  return target.dataset.id ?? null;
}

function asTabStop(node: GraphNode): GraphNode {
  return { ...node, domAttributes: { ...node.domAttributes, tabIndex: 0 } };
}

export function useRovingFocus(nodes: GraphNode[], inspect: (id: string) => void): RovingFocus {
  const [chosen, setChosen] = useState<string | null>(null);
  const current = useMemo(
    () => (chosen && nodes.some((n) => n.id === chosen) ? chosen : getFirstFocusable(nodes)),
    [chosen, nodes],
  );
  const [copies] = useState(createDecoratedCopies);
  const decorated = useMemo(
    () => nodes.map((n) => (n.id === current ? decorateOnce(copies, n, 'tab-stop', asTabStop) : n)),
    [nodes, current, copies],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const id = nodeIdOf(event.target);
      if (!id) return;
      const direction = ARROW_DIRECTIONS[event.key];
      if (direction) {
        event.preventDefault();
        event.stopPropagation();
        const next = getNeighbour(nodes, id, direction);
        if (!next) return;
        setChosen(next);
        const pane = (event.target as HTMLElement).closest('.react-flow');
        pane?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(next)}"]`)?.focus();
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        inspect(id);
      }
    },
    [nodes, inspect],
  );
  const onFocus = useCallback((event: React.FocusEvent) => {
    const id = nodeIdOf(event.target);
    if (id) setChosen(id);
  }, []);
  return { nodes: decorated, onKeyDown, onFocus };
}

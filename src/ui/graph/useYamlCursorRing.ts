/**
 * Graph objects made by the YAML document the editor's cursor is in get the `kp-yaml-cursor` class: a
 * dashed ring (yamlLink.css), unlike the selection's solid border and the lesson's pulsing outline. The
 * ids come from the engine through the view (app.moveEditorCursor); only matching nodes get a copy
 * (the same one while the node is the same, decoratedCopies.ts), so the others keep their identity and
 * do not re-render.
 */
import { useMemo, useState } from 'react';
import { useShallow, useView } from '../../store/react.ts';
import { createDecoratedCopies, decorateOnce } from './decoratedCopies.ts';
import type { GraphNode } from './graphData.ts';
import './yamlLink.css';

export const YAML_CURSOR_CLASS = 'kp-yaml-cursor';

function ringNode(node: GraphNode): GraphNode {
  return { ...node, className: `${node.className ?? ''} ${YAML_CURSOR_CLASS}`.trim() };
}

export function useYamlCursorRing(nodes: GraphNode[]): GraphNode[] {
  const ids = useView(useShallow((s) => s.cursorObjects));
  const [copies] = useState(createDecoratedCopies);
  return useMemo(() => {
    if (ids.length === 0) return nodes;
    const ringed = new Set(ids);
    return nodes.map((node) =>
      ringed.has(node.id) ? decorateOnce(copies, node, YAML_CURSOR_CLASS, ringNode) : node,
    );
  }, [nodes, ids, copies]);
}

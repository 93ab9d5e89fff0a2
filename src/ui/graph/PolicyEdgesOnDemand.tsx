/**
 * The allowed-traffic layer, loaded the first time a NetworkPolicy's "Show allowed traffic" is used:
 * most sessions never open it, and the first page load stays smaller without it
 * (docs/performance.md, "What the first page loads").
 */
import { lazy, Suspense } from 'react';
import { useView } from '../../store/react.ts';
import type { GraphNode } from './graphData.ts';

const PolicyEdgesLayer = lazy(async () => ({
  default: (await import('./PolicyEdgesLayer.tsx')).PolicyEdgesLayer,
}));

export function PolicyEdgesOnDemand({ nodes }: { nodes: readonly GraphNode[] }) {
  const shown = useView((s) => s.allowedTrafficOf !== null);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <PolicyEdgesLayer nodes={nodes} />
    </Suspense>
  );
}

/**
 * Export the cluster graph as a picture for slides (the header's Export menu calls this). The whole
 * graph is drawn, fitted to its nodes, whatever the pan and zoom; the drawing code loads on first use.
 */
import { getGraphSource } from './graphSource.ts';

export { registerGraphSource } from './graphSource.ts';

/**
 * Downloads `<fileBaseName>-graph.svg` or `.png`. Resolves once the download has been handed to the
 * browser; does nothing while there is no graph on screen (the cluster is still being built).
 */
export async function downloadGraphImage(format: 'svg' | 'png', fileBaseName: string): Promise<void> {
  const source = getGraphSource();
  if (!source || source.getNodes().length === 0) return;
  const { exportGraphImage } = await import('./exportGraph.ts');
  await exportGraphImage(source, format, fileBaseName);
}

/** Gathers the live graph and saves it as SVG or PNG. Loaded on first use (see index.ts). */
import { downloadFile } from '../../export/downloadFile.ts';
import { createCanvasMeasure, rasterizeSvg, readPageTheme } from './browserExport.ts';
import { getExportTitle, getPngScale, toExportFileName } from './exportNames.ts';
import type { GraphSource } from './graphSource.ts';
import { toGraphSnapshot } from './graphSnapshot.ts';
import { graphToSvg } from './graphToSvg.ts';
import { estimateTextWidth } from './svgText.ts';

export async function exportGraphImage(
  source: GraphSource,
  format: 'svg' | 'png',
  fileBaseName: string,
): Promise<void> {
  const snapshot = toGraphSnapshot(source.getNodes(), source.getEdges());
  const theme = readPageTheme();
  const image = graphToSvg(snapshot, theme, {
    title: getExportTitle(snapshot, fileBaseName),
    measureText: createCanvasMeasure(theme, estimateTextWidth),
  });
  const blob =
    format === 'svg'
      ? new Blob([image.svg], { type: 'image/svg+xml' })
      : await rasterizeSvg(
          image.svg,
          image.width,
          image.height,
          getPngScale(image.width, image.height, window.devicePixelRatio),
        );
  downloadFile(toExportFileName(fileBaseName, format), blob);
}

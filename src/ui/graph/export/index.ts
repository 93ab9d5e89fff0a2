/** Graph export (SVG/PNG): placeholder until the exporter lands. */
export function downloadGraphImage(format: 'svg' | 'png', fileBaseName: string): Promise<void> {
  return Promise.reject(new Error(`${format} export of ${fileBaseName} is not available yet`));
}

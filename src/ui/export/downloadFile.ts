/** Hands a file to the browser's downloads: an `<a download>` over a blob: URL, released afterwards. */
export function downloadFile(fileName: string, content: Blob | string, type = 'application/yaml'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: `${type};charset=utf-8` }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns; FileSaver.js waits 40 s for the same reason.
  window.setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

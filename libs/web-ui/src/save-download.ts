/**
 * Hands a file the API sent (a CSV export, a calendar file) to the browser's downloads, under the
 * name the API gave or the caller chose. The object URL is revoked a little later, not at once:
 * some browsers start reading it only after the click has returned.
 */
export function saveDownload(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

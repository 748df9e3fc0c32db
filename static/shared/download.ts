/** Saves CSV text as a file the browser downloads, with a BOM so spreadsheets read it as UTF-8. */
export function downloadCsv(fileName: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `valuerank-<what>-<yyyy-MM-dd>.csv`, the day of the download. */
export function csvFileName(what: string): string {
  return `valuerank-${what}-${new Date().toISOString().slice(0, 10)}.csv`;
}

/** One page of a paged operation, as getBacklog answers it. */
export interface PageAnswer<T> {
  items: readonly T[];
  page: number;
  pageSize: number;
  total: number;
  /** When the ranking was computed: a page from another computation would mix two orders. */
  computedAt: string;
}

/** The export was stopped by the person (Cancel), not by a failure. */
export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled.');
    this.name = 'ExportCancelled';
  }
}

/** Pages asked for at most: 1,000 pages of 500 issues is more than a project's backlog holds. */
const MAX_PAGES = 1000;

/**
 * Every page of a paged operation, in order, with progress after each page and a cancel between pages. Pages are
 * asked for `pageSize` at a time; when the server serves a smaller page (an answer capped to fit), the next one is
 * asked in that smaller paging from where the last ended. Throws `ExportCancelled` when `signal` aborts, and an Error
 * when the ranking was recomputed between two pages (the rows would mix two orders: export again).
 */
export async function collectPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<PageAnswer<T>>,
  opts: { pageSize: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<T[]> {
  const out: T[] = [];
  let pageSize = opts.pageSize;
  let computedAt: string | null = null;
  for (let asked = 0; asked < MAX_PAGES; asked++) {
    stopIfCancelled(opts.signal);
    const answer = await fetchPage(Math.floor(out.length / pageSize), pageSize);
    stopIfCancelled(opts.signal);
    if (computedAt !== null && answer.computedAt !== computedAt) {
      throw new Error('The ranking was recomputed while the export read it, so its pages would not agree. Export again.');
    }
    computedAt = answer.computedAt;
    out.push(...answer.items);
    pageSize = answer.pageSize;
    opts.onProgress?.(Math.min(out.length, answer.total), answer.total);
    if (answer.items.length === 0 || out.length >= answer.total) return out;
  }
  throw new Error(`The backlog has more than ${MAX_PAGES} pages; narrow it with the filters and export again.`);
}

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new ExportCancelled();
}

/**
 * Every item of a paged operation after its first page, a few pages at a time. Pure of React and of the bridge:
 * the call is passed in.
 */

export interface PageAnswer<T> {
  items: T[];
  /** The page size served: smaller than asked when the server cut the page to fit one answer. */
  pageSize: number;
}

/** Asks for one page (0-based) of `pageSize` items. */
export type FetchPage<T> = (page: number, pageSize: number) => Promise<PageAnswer<T>>;

export interface PageThroughOptions {
  /** Pages in flight at once. */
  concurrency: number;
  /** A bound on the calls, whatever the answers say. */
  maxCalls: number;
  /** Items received so far, the first page's included. */
  onProgress?: (loaded: number) => void;
  /** Checked before each call: true stops the load (the view is gone). */
  cancelled?: () => boolean;
}

/**
 * The first page's items followed by every later page's, in order, each key once. Later pages are asked for
 * `concurrency` at a time in the first answer's paging. A page the server cut (`pageSize` smaller than asked: it
 * divides the asked size and starts at the same offset) is completed in that smaller paging. A page with fewer
 * items than its range holds before the end (issues done or hidden meanwhile) ends its range early; an item that
 * moved across a range boundary meanwhile is kept once. Rejects with the first failed call's error.
 */
export async function pageThrough<T extends { key: string }>(
  first: { items: T[]; pageSize: number; total: number },
  fetchPage: FetchPage<T>,
  opts: PageThroughOptions,
): Promise<T[]> {
  const size = first.pageSize;
  const pages = size > 0 ? Math.ceil(first.total / size) : 0;
  const ranges: T[][] = Array.from({ length: Math.max(0, pages - 1) }, () => []);
  let loaded = first.items.length;
  let calls = 0;
  let next = 1;
  const stop = () => opts.cancelled?.() === true || calls >= opts.maxCalls;

  const fill = async (page: number, into: T[]): Promise<void> => {
    const start = page * size;
    const end = Math.min(first.total, start + size);
    let s = size;
    while (start + into.length < end && !stop()) {
      calls++;
      const answer = await fetchPage((start + into.length) / s, s);
      into.push(...answer.items);
      loaded += answer.items.length;
      opts.onProgress?.(loaded);
      const served = answer.pageSize > 0 && answer.pageSize < s && s % answer.pageSize === 0 ? answer.pageSize : s;
      // A short answer that is not a cut page: the range holds fewer items now, so it is done.
      if (answer.items.length === 0 || answer.items.length < served) break;
      s = served;
    }
  };

  const worker = async (): Promise<void> => {
    while (next < pages && !stop()) {
      const page = next++;
      await fill(page, ranges[page - 1] as T[]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));

  const seen = new Set<string>();
  const out: T[] = [];
  for (const it of [first.items, ...ranges].flat()) {
    if (seen.has(it.key)) continue;
    seen.add(it.key);
    out.push(it);
  }
  return out;
}

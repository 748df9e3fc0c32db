import { pageThrough, type FetchPage } from '../../static/shared/page-through';

interface Item {
  key: string;
}

const items = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ key: `PAY-${i + 1}` }));

/** A paged server over `all`: pages of `pageSize` at `page · pageSize`, cut to `cap` items when set (as `cappedBy: 'bytes'`). */
function server(all: Item[], cap?: number) {
  const asked: [number, number][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetch: FetchPage<Item> = async (page, pageSize) => {
    asked.push([page, pageSize]);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 1));
    inFlight--;
    if (!Number.isInteger(page)) throw new Error(`page ${page} is not a page boundary of ${pageSize}`);
    const served = cap !== undefined && cap < pageSize ? cap : pageSize;
    const start = page * pageSize;
    return { items: all.slice(start, start + served), pageSize: served };
  };
  return { fetch, asked, maxInFlight: () => maxInFlight };
}

const first = (all: Item[], size: number) => ({ items: all.slice(0, size), pageSize: size, total: all.length });

describe('pageThrough', () => {
  it('returns every item once, in order, asking each later page once, at most `concurrency` at a time', async () => {
    const all = items(2345);
    const s = server(all);
    const progress: number[] = [];
    const got = await pageThrough(first(all, 500), s.fetch, { concurrency: 3, maxCalls: 100, onProgress: (n) => progress.push(n) });
    expect(got.map((i) => i.key)).toEqual(all.map((i) => i.key));
    expect(s.asked.map(([p]) => p).sort()).toEqual([1, 2, 3, 4]);
    expect(s.maxInFlight()).toBeLessThanOrEqual(3);
    expect(s.maxInFlight()).toBeGreaterThan(1);
    expect(progress[progress.length - 1]).toBe(2345);
  });

  it('completes a page the server cut in the smaller paging, from the offset reached', async () => {
    const all = items(1200);
    const s = server(all, 250);
    const got = await pageThrough(first(all, 500), s.fetch, { concurrency: 2, maxCalls: 100 });
    expect(got.map((i) => i.key)).toEqual(all.map((i) => i.key));
    // Page 1 of 500 served as page 2 of 250, then page 3 of 250; page 2 of 500 → 4 of 250 (the last 200 items).
    expect(s.asked).toEqual(
      expect.arrayContaining([
        [1, 500],
        [3, 250],
        [2, 500],
      ]),
    );
    expect(s.asked).not.toContainEqual([4, 250]);
  });

  it('ends a range early when its page comes short (issues done meanwhile), each item once', async () => {
    const all = items(1000);
    // Ten issues were done after the first page: every later page shifts by ten.
    const now = all.slice(0, 500).concat(all.slice(510));
    const got = await pageThrough({ items: all.slice(0, 500), pageSize: 500, total: 1000 }, server(now).fetch, { concurrency: 2, maxCalls: 100 });
    expect(got).toHaveLength(990);
    expect(new Set(got.map((i) => i.key)).size).toBe(990);
  });

  it('stops at the call bound and when cancelled', async () => {
    const all = items(5000);
    const bounded = server(all);
    await pageThrough(first(all, 500), bounded.fetch, { concurrency: 1, maxCalls: 3 });
    expect(bounded.asked).toHaveLength(3);
    const cancelled = server(all);
    let stop = false;
    await pageThrough(first(all, 500), cancelled.fetch, {
      concurrency: 1,
      maxCalls: 100,
      onProgress: () => (stop = true),
      cancelled: () => stop,
    });
    expect(cancelled.asked).toHaveLength(1);
  });

  it('rejects with the failed call’s error', async () => {
    const all = items(1500);
    const failing: FetchPage<Item> = async (page) => {
      if (page === 2) throw new Error('BUSY');
      return { items: all.slice(page * 500, page * 500 + 500), pageSize: 500 };
    };
    await expect(pageThrough(first(all, 500), failing, { concurrency: 2, maxCalls: 100 })).rejects.toThrow('BUSY');
  });

  it('makes no call when the first page holds everything', async () => {
    const all = items(120);
    const s = server(all);
    expect(await pageThrough(first(all, 500), s.fetch, { concurrency: 3, maxCalls: 100 })).toHaveLength(120);
    expect(s.asked).toEqual([]);
  });
});

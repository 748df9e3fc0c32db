import { collectPages, ExportCancelled, type PageAnswer } from '../../static/shared/collect-pages';

/** A paged source of `total` numbered rows, serving at most `cap` rows a page (as a byte-capped answer would). */
function source(total: number, cap = Infinity, computedAt: (call: number) => string = () => 't1') {
  const asked: [number, number][] = [];
  const fetchPage = async (page: number, pageSize: number): Promise<PageAnswer<number>> => {
    asked.push([page, pageSize]);
    const served = Math.min(pageSize, cap);
    const from = page * pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(served, total - from)) }, (_, i) => from + i);
    // A smaller page is renumbered in its own paging, so page · pageSize is still the offset asked for.
    return { items, page: from / served, pageSize: served, total, computedAt: computedAt(asked.length) };
  };
  return { fetchPage, asked };
}

describe('collectPages', () => {
  it('reads every page, not just the first, and reports progress after each', async () => {
    const { fetchPage, asked } = source(1234);
    const progress: [number, number][] = [];
    const rows = await collectPages(fetchPage, { pageSize: 500, onProgress: (d, t) => progress.push([d, t]) });
    expect(rows).toEqual(Array.from({ length: 1234 }, (_, i) => i));
    expect(asked).toEqual([
      [0, 500],
      [1, 500],
      [2, 500],
    ]);
    expect(progress).toEqual([
      [500, 1234],
      [1000, 1234],
      [1234, 1234],
    ]);
  });

  it('goes on in the smaller paging when the server serves smaller pages', async () => {
    const { fetchPage, asked } = source(600, 250);
    const rows = await collectPages(fetchPage, { pageSize: 500 });
    expect(rows).toEqual(Array.from({ length: 600 }, (_, i) => i));
    expect(asked).toEqual([
      [0, 500],
      [1, 250],
      [2, 250],
    ]);
  });

  it('stops between pages when cancelled', async () => {
    const controller = new AbortController();
    const { fetchPage, asked } = source(2000);
    const run = collectPages(fetchPage, { pageSize: 500, signal: controller.signal, onProgress: (d) => d >= 1000 && controller.abort() });
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(asked).toHaveLength(2);
  });

  it('refuses to mix pages of two computations of the ranking', async () => {
    const { fetchPage } = source(1000, Infinity, (call) => (call === 1 ? 't1' : 't2'));
    await expect(collectPages(fetchPage, { pageSize: 500 })).rejects.toThrow(/recomputed while the export read it/);
  });

  it('answers an empty backlog with no rows after one call', async () => {
    const { fetchPage, asked } = source(0);
    expect(await collectPages(fetchPage, { pageSize: 500 })).toEqual([]);
    expect(asked).toHaveLength(1);
  });
});

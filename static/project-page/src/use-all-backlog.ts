import { useEffect, useState } from 'react';
import type { BacklogItem } from '../../../src/contract/model';
import type { ResultMap } from '../../../src/contract/operations';
import { invoke, type OperationFailure } from '../../shared/invoke';
import { toOperationFailure } from '../../shared/invoke-core';
import { useOperation, usePollWhile } from '../../shared/use-operation';
import { backlogPayload } from './use-backlog-rows';

/** The largest page getBacklog serves: ten calls for 5,000 issues. */
export const MATRIX_PAGE_SIZE = 500;
/** A bound on the calls for one load, whatever the answers say (each page is at least one item). */
const MAX_CALLS = 1000;

type Page = ResultMap['getBacklog'];

export interface AllBacklog {
  /** The first answer (its `status`, `building`, `sources`), null until it came. */
  first: Page | null;
  /** Every candidate once all pages are in; null before. */
  items: BacklogItem[] | null;
  /** Items received so far of `total`, for the progress bar. */
  loaded: number;
  total: number;
  building: boolean;
  error: OperationFailure | null;
  reload: () => void;
}

/**
 * Every ranked candidate of the project, page after page (500 a call): the first page through `useOperation`
 * (polled while the first snapshot builds), the rest in sequence from the offset reached. A page the server cut
 * to fit one answer (`cappedBy: 'bytes'`) is a page of a smaller paging that starts at the same offset, so the
 * next call goes on in that paging.
 */
export function useAllBacklog(projectKey: string): AllBacklog {
  const first = useOperation('getBacklog', backlogPayload(projectKey, 0, undefined, false, MATRIX_PAGE_SIZE));
  const building = usePollWhile(first, (d) => d.status === 'building');
  const [rest, setRest] = useState<{ of: Page; items: BacklogItem[]; done: boolean; error: OperationFailure | null } | null>(null);

  useEffect(() => {
    const head = first.data;
    if (!head || head.status !== 'ready') return;
    let live = true;
    const items = [...head.items];
    const finish = () => {
      // The chart's first paint is measured from here (bench/ui/matrix.ts): every page is in.
      performance.mark('valuerank:matrix-data');
      setRest({ of: head, items, done: true, error: null });
    };
    if (items.length >= head.total) {
      finish();
      return;
    }
    setRest({ of: head, items, done: false, error: null });
    void (async () => {
      let size = head.pageSize;
      for (let calls = 0; live && items.length < head.total && calls < MAX_CALLS; calls++) {
        let page: Page;
        try {
          page = await invoke('getBacklog', backlogPayload(projectKey, items.length / size, undefined, false, size));
        } catch (e) {
          if (live) setRest({ of: head, items, done: false, error: toOperationFailure('getBacklog', e) });
          return;
        }
        if (!live) return;
        if (page.items.length === 0) break;
        items.push(...page.items);
        size = page.pageSize;
        // A short page before the end (issues done or hidden meanwhile): the offset is no longer a page boundary.
        if (items.length % size !== 0) break;
        setRest({ of: head, items, done: false, error: null });
      }
      // Also with fewer items than the first answer counted (issues done or hidden meanwhile): show what came.
      if (live) finish();
    })();
    return () => {
      live = false;
    };
  }, [first.data, projectKey]);

  const current = rest !== null && rest.of === first.data ? rest : null;
  const done = current?.done === true;
  return {
    first: first.data,
    items: done ? current.items : null,
    loaded: current?.items.length ?? 0,
    total: first.data?.total ?? 0,
    building,
    error: current?.error ?? first.error,
    reload: first.reload,
  };
}

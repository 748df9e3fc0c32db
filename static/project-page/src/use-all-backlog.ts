import { useEffect, useState } from 'react';
import type { BacklogItem } from '../../../src/contract/model';
import type { ResultMap } from '../../../src/contract/operations';
import { invoke, type OperationFailure } from '../../shared/invoke';
import { toOperationFailure } from '../../shared/invoke-core';
import { pageThrough } from '../../shared/page-through';
import { useOperation, usePollWhile } from '../../shared/use-operation';
import { backlogPayload } from './use-backlog-rows';

/** The largest page getBacklog serves: ten calls for 5,000 issues. */
export const MATRIX_PAGE_SIZE = 500;
/** Pages asked for at once: Forge runs each call on its own, so three at a time take a third of the wait. */
const CONCURRENCY = 3;
/** A bound on the calls for one load, whatever the answers say. */
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

interface Rest {
  of: Page;
  loaded: number;
  items: BacklogItem[] | null;
  error: OperationFailure | null;
}

/**
 * Every ranked candidate of the project, 500 a call: the first page through `useOperation` (polled while the
 * first snapshot builds), the rest a few pages at a time (`pageThrough`, which also follows a page the server cut
 * to fit one answer).
 */
export function useAllBacklog(projectKey: string): AllBacklog {
  const first = useOperation('getBacklog', backlogPayload(projectKey, 0, undefined, false, MATRIX_PAGE_SIZE));
  const building = usePollWhile(first, (d) => d.status === 'building');
  const [rest, setRest] = useState<Rest | null>(null);

  useEffect(() => {
    const head = first.data;
    if (!head || head.status !== 'ready') return;
    let live = true;
    setRest({ of: head, loaded: head.items.length, items: null, error: null });
    pageThrough(head, (page, pageSize) => invoke('getBacklog', backlogPayload(projectKey, page, undefined, false, pageSize)), {
      concurrency: CONCURRENCY,
      maxCalls: MAX_CALLS,
      cancelled: () => !live,
      onProgress: (loaded) => live && setRest({ of: head, loaded, items: null, error: null }),
    }).then(
      (items) => {
        if (!live) return;
        // The chart's first paint is measured from here (bench/ui/matrix.ts): every page is in.
        performance.mark('valuerank:matrix-data');
        setRest({ of: head, loaded: items.length, items, error: null });
      },
      (e: unknown) => live && setRest({ of: head, loaded: 0, items: null, error: toOperationFailure('getBacklog', e) }),
    );
    return () => {
      live = false;
    };
  }, [first.data, projectKey]);

  const current = rest !== null && rest.of === first.data ? rest : null;
  return {
    first: first.data,
    items: current?.items ?? null,
    loaded: current?.loaded ?? 0,
    total: first.data?.total ?? 0,
    building,
    error: current?.error ?? first.error,
    reload: first.reload,
  };
}

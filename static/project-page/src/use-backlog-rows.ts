import { useEffect, useMemo, useState } from 'react';
import type { Payload } from '../../../src/contract/operations';
import { useOperation, usePollWhile } from '../../shared/use-operation';
import { toFilter, type BacklogFilter, type Filters } from './backlog-filters';

export const PAGE_SIZE = 100;

/** The getBacklog payload of a page (the first page without filters is what the page asks for at start). */
export function backlogPayload(projectKey: string, page: number, filter?: BacklogFilter, fresh = false, pageSize = PAGE_SIZE): Payload<'getBacklog'> {
  return { projectKey, page, pageSize, ...(filter ? { filter } : {}), ...(fresh ? { refresh: true } : {}) };
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/**
 * The backlog page the filters select: fetched (filters debounced by 250 ms), polled while the project's first
 * snapshot is building, paged (back to the first page when the filters change), and the issue types seen so far
 * for the type filter.
 */
export function useBacklogRows(projectKey: string, filters: Filters) {
  const [page, setPage] = useState(0);
  // Smaller than PAGE_SIZE once the server served a smaller page because a full one would not fit one answer.
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const debounced = useDebounced(filters, 250);
  const filter = toFilter(debounced);
  // Refresh reads Jira again; other calls (paging, filters) reuse the server's load of the last 30 s.
  const [fresh, setFresh] = useState(false);
  const payload = backlogPayload(projectKey, page, filter, fresh, pageSize);
  const backlog = useOperation('getBacklog', payload);
  const building = usePollWhile(backlog, (d) => d.status === 'building');
  useEffect(() => {
    const served = backlog.data;
    // The served page is a page of the smaller paging that starts where the asked one did: go on in that paging.
    if (served?.cappedBy === 'bytes' && served.pageSize < pageSize) {
      setPageSize(served.pageSize);
      setPage(served.page);
    }
  }, [backlog.data, pageSize]);
  useEffect(() => {
    if (fresh && backlog.data !== null && !backlog.loading) setFresh(false);
  }, [fresh, backlog.data, backlog.loading]);
  const [seenTypes, setSeenTypes] = useState<string[]>([]);

  useEffect(() => setPage(0), [debounced]);
  useEffect(() => {
    const types = backlog.data?.items.map((i) => i.issueType) ?? [];
    setSeenTypes((prev) => {
      const next = [...new Set([...prev, ...types])].sort();
      return next.length === prev.length ? prev : next;
    });
  }, [backlog.data]);

  const items = useMemo(() => backlog.data?.items ?? [], [backlog.data]);
  const total = backlog.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const refresh = () => (fresh ? backlog.reload() : setFresh(true));

  return { backlog, building, items, total, page, pages, pageSize, setPage, seenTypes, refresh, filter };
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import DynamicTable from '@atlaskit/dynamic-table';
import type { RankEnd } from '@atlaskit/dynamic-table/types';
import type { BacklogItem } from '../../../src/contract/model';
import { EmptyView } from '../../shared/ui';
import { backlogHead, backlogRow, PreviewContext, type RowActions } from './backlog-row';
import type { Preview } from './what-if';

/**
 * Rows the table renders in its first commit: more than a screenful (a row is about 40 px high), so the top of the
 * ranking paints before the rest of the page is built. The table mounts its rows up to three times on its first
 * showing (plain rows, the same as the fallback while its drag-and-drop code loads, then rankable rows): a
 * screenful each time costs a third of the page.
 */
const FIRST_ROWS = 30;

interface BacklogTableProps extends RowActions {
  projectKey: string;
  items: readonly BacklogItem[];
  preview: Preview | null;
  loading: boolean;
  /** Whether a filter is set (the empty view then says to clear one). */
  filtered: boolean;
}

/** The ranked page as a rankable table: dragging a row pins it where it was dropped. */
export function BacklogTable({ projectKey, items, preview, loading, filtered, total, pinBusy, showWhatIf, setPinAt }: BacklogTableProps) {
  const onRankEnd = useCallback(
    (r: RankEnd) => {
      const dest = r.destination;
      if (!dest || dest.index === r.sourceIndex) return;
      const target = items[dest.index];
      if (!target) return;
      void setPinAt(r.sourceKey, target.rank);
    },
    [items, setPinAt],
  );

  const head = useMemo(() => backlogHead(showWhatIf), [showWhatIf]);

  // Rows are built once per page of items (and when the What-if column shows or hides): the What-if cells read
  // the preview from context, so a slider step re-renders those cells and nothing else of the table.
  const rows = useMemo(() => items.map((it) => backlogRow(it, { total, pinBusy, showWhatIf, setPinAt })), [items, total, pinBusy, setPinAt, showWhatIf]);

  // The table's first showing renders FIRST_ROWS, then all rows once those are painted. Later pages and reloads
  // render whole: the table keeps its height, so a user scrolled down stays where they were.
  const [whole, setWhole] = useState(false);
  const partial = !whole && rows.length > FIRST_ROWS;
  useEffect(() => {
    if (!partial) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setWhole(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [partial]);
  const shownRows = useMemo(() => (partial ? rows.slice(0, FIRST_ROWS) : rows), [partial, rows]);

  // The table as an element kept while its inputs stay: a new what-if preview (context) then re-renders only the
  // What-if cells, not the rankable table with its drag-and-drop bookkeeping.
  const tableBusy = pinBusy || loading;
  const table = useMemo(
    () => (
      <DynamicTable
        label={`Backlog of ${projectKey} ranked by value`}
        head={head}
        rows={shownRows}
        isRankable={!tableBusy}
        onRankEnd={onRankEnd}
        isLoading={tableBusy}
        emptyView={
          filtered ? (
            <EmptyView header="No issue matches these filters" description="Clear a filter to see more of the backlog." />
          ) : (
            <EmptyView
              header="Nothing to rank"
              description="This project has no open issues that ValueRank ranks (sub-tasks, epics and done issues are left out)."
            />
          )
        }
      />
    ),
    [projectKey, head, shownRows, onRankEnd, tableBusy, filtered],
  );

  return (
    // The table scrolls sideways inside its section rather than running under the what-if panel; it is busy
    // while the rows after the first screenful are still being added.
    <div style={{ overflowX: 'auto' }} aria-busy={partial}>
      <PreviewContext.Provider value={preview}>{table}</PreviewContext.Provider>
    </div>
  );
}

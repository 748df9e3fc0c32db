import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import DynamicTable from '@atlaskit/dynamic-table';
import type { RankEnd } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import Select from '@atlaskit/select';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import Tooltip from '@atlaskit/tooltip';
import { token } from '@atlaskit/tokens';
import type { BacklogItem } from '../../../src/contract/model';
import type { Payload } from '../../../src/contract/operations';
import { openInJira, flag } from '../../shared/bridge';
import { backlogCsv } from '../../shared/csv';
import { formatEffort, formatScore, movement, relativeTime } from '../../shared/format';
import { parseList } from '../../shared/config-edit';
import { useAction, useOperation, usePollWhile } from '../../shared/use-operation';
import { Bar, ConfidenceLozenge, EmptyView, ErrorView, FactorStack, GapMarker, Loading, movementColor, text, VisuallyHidden } from '../../shared/ui';
import { FirstBuild, SourceProblems } from '../../shared/snapshot-views';
import { ApplyOrderModal } from './apply-order';
import { CustomersCell } from './customers-cell';
import { MoveControl } from './move-control';
import { WhatIfPanel, type Preview } from './what-if';

const PAGE_SIZE = 100;
/**
 * Rows the table renders in its first commit: more than a screenful (a row is about 40 px high), so the top of the
 * ranking paints before the rest of the page is built. The table mounts its rows up to three times on its first
 * showing (plain rows, the same as the fallback while its drag-and-drop code loads, then rankable rows): a
 * screenful each time costs a third of the page.
 */
const FIRST_ROWS = 30;

interface Filters {
  types: string[];
  labels: string;
  debtOnly: boolean;
  feedbackOnly: boolean;
  gapsOnly: boolean;
  text: string;
}

const NO_FILTERS: Filters = { types: [], labels: '', debtOnly: false, feedbackOnly: false, gapsOnly: false, text: '' };

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

function toFilter(f: Filters): NonNullable<Payload<'getBacklog'>['filter']> | undefined {
  const labels = parseList(f.labels);
  const out: NonNullable<Payload<'getBacklog'>['filter']> = {
    ...(f.types.length ? { types: f.types } : {}),
    ...(labels.length ? { labels } : {}),
    ...(f.debtOnly ? { debtOnly: true } : {}),
    ...(f.feedbackOnly ? { feedbackOnly: true } : {}),
    ...(f.gapsOnly ? { gapsOnly: true } : {}),
    ...(f.text.trim() ? { text: f.text.trim().slice(0, 200) } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}

function downloadCsv(projectKey: string, items: readonly BacklogItem[]): void {
  const blob = new Blob(['\uFEFF', backlogCsv(items)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `valuerank-${projectKey}-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The getBacklog payload of a page (the first page without filters is what the page asks for at start). */
export function backlogPayload(
  projectKey: string,
  page: number,
  filter?: Payload<'getBacklog'>['filter'],
  fresh = false,
  pageSize = PAGE_SIZE,
): Payload<'getBacklog'> {
  return { projectKey, page, pageSize, ...(filter ? { filter } : {}), ...(fresh ? { refresh: true } : {}) };
}

/** The what-if preview, for the What-if cells (context: a new preview re-renders only them). */
const PreviewContext = createContext<Preview | null>(null);

/** Where an issue would move with the what-if weights; "–" until a slider has moved. */
function WhatIfCell({ itemKey }: { itemKey: string }) {
  const preview = useContext(PreviewContext);
  if (preview === null)
    return (
      <span style={{ color: text.subtlest }} aria-label="What-if: move a slider to preview">
        –
      </span>
    );
  const whatIf = preview.moves.get(itemKey);
  const wi = whatIf ? movement(whatIf.from, whatIf.to) : null;
  if (!whatIf || !wi) return <span style={{ color: text.subtlest }}>?</span>;
  return (
    <span
      aria-label={`What-if: ${wi.label}, to #${whatIf.to}`}
      title={`#${whatIf.from} → #${whatIf.to}`}
      style={{ fontWeight: 600, color: movementColor(wi.direction) }}
    >
      {wi.text}
    </span>
  );
}

export function Backlog({ projectKey }: { projectKey: string }) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(0);
  // Smaller than PAGE_SIZE once the server served a smaller page because a full one would not fit one answer.
  const [pageSize, setPageSize] = useState(PAGE_SIZE);
  const [showWhatIf, setShowWhatIf] = useState(false);
  const [applyOpen, setApplyOpen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
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
  const pin = useAction('setPin');
  const now = useNow(30_000);
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

  const { run: runPin, busy: pinBusy } = pin;
  const { reload } = backlog;
  const setPinAt = useCallback(
    async (issueKey: string, position: number | null) => {
      const result = await runPin(position === null ? { projectKey, issueKey } : { projectKey, issueKey, position });
      if (result) {
        void flag(position === null ? `${issueKey} unpinned` : `${issueKey} pinned at #${position}`, 'The ranking was updated.', 'success');
        reload();
      }
    },
    [runPin, projectKey, reload],
  );

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

  const head = useMemo(
    () => ({
      cells: [
        { key: 'rank', content: 'Rank', width: 5 },
        { key: 'key', content: 'Key', width: 8 },
        { key: 'summary', content: 'Summary', width: 26 },
        { key: 'type', content: 'Type', width: 7 },
        { key: 'score', content: 'Score', width: 9 },
        { key: 'factors', content: 'Factors', width: 9 },
        { key: 'customers', content: 'Customers', width: 6 },
        { key: 'effort', content: 'Effort', width: 6 },
        { key: 'flags', content: 'Debt / data', width: 10 },
        { key: 'delta', content: 'Δ Jira', width: 5 },
        ...(showWhatIf ? [{ key: 'whatif', content: 'What-if', width: 6 }] : []),
        { key: 'actions', content: <VisuallyHidden>Actions</VisuallyHidden>, width: 9 },
      ],
    }),
    [showWhatIf],
  );

  // Rows are built once per page of items (and when the What-if column shows or hides): the What-if cells read
  // the preview from context, so a slider step re-renders those cells and nothing else of the table.
  const rows = useMemo(
    () =>
      items.map((it) => {
        const vsJira = movement(it.jiraRank, it.rank);
        return {
          key: it.key,
          cells: [
            { key: 'rank', content: <strong>{it.rank}</strong> },
            {
              key: 'key',
              content: (
                <Button appearance="subtle" spacing="compact" onClick={() => void openInJira(`/browse/${it.key}`)} aria-label={`Open ${it.key} in Jira`}>
                  {it.key}
                </Button>
              ),
            },
            { key: 'summary', content: <span style={{ color: text.color }}>{it.summary}</span> },
            { key: 'type', content: <span style={{ color: text.subtle }}>{it.issueType}</span> },
            {
              key: 'score',
              content: (
                <span style={{ whiteSpace: 'nowrap' }}>
                  <span style={{ display: 'inline-block', minWidth: 34 }}>{formatScore(it.score)}</span>
                  <Bar
                    share={it.score / 100}
                    color={token('color.background.brand.bold', '#0C66E4')}
                    label={`Score ${formatScore(it.score)} of 100`}
                    width={40}
                  />
                </span>
              ),
            },
            { key: 'factors', content: <FactorStack factors={it.factors} width={80} /> },
            { key: 'customers', content: <CustomersCell item={it} /> },
            {
              key: 'effort',
              content: (
                <Tooltip
                  content={`Score divided by ${it.effort.divisor.toFixed(2)} for effort${it.effort.estimated ? ' (project median used: no estimate)' : ''}`}
                >
                  {(p) => (
                    <span {...p} tabIndex={0} style={{ color: it.effort.estimated ? text.subtlest : text.color }}>
                      {formatEffort(it.effort)}
                    </span>
                  )}
                </Tooltip>
              ),
            },
            {
              key: 'flags',
              content: (
                <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap', alignItems: 'center' }}>
                  {it.isDebt && <Lozenge appearance="removed">debt</Lozenge>}
                  {/* In the table only doubt is worth a marker; the issue panel always shows the confidence. */}
                  {it.confidence < 0.75 && <ConfidenceLozenge confidence={it.confidence} />}
                  <GapMarker gaps={it.gaps} />
                </span>
              ),
            },
            {
              key: 'delta',
              content: (
                <span
                  aria-label={`${vsJira.label} versus Jira rank ${it.jiraRank}`}
                  title={`Jira rank ${it.jiraRank}`}
                  style={{ color: movementColor(vsJira.direction) }}
                >
                  {vsJira.text}
                </span>
              ),
            },
            ...(showWhatIf ? [{ key: 'whatif', content: <WhatIfCell itemKey={it.key} /> }] : []),
            {
              key: 'actions',
              content: (
                <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
                  {it.pin?.position !== undefined && (
                    <>
                      <Lozenge appearance="inprogress">pinned #{it.pin.position}</Lozenge>
                      <Button
                        spacing="compact"
                        appearance="subtle"
                        onClick={() => void setPinAt(it.key, null)}
                        isDisabled={pinBusy}
                        aria-label={`Unpin ${it.key}`}
                      >
                        Unpin
                      </Button>
                    </>
                  )}
                  {it.pin?.quarter !== undefined && <Lozenge appearance="inprogress">{it.pin.quarter}</Lozenge>}
                  <MoveControl issueKey={it.key} current={it.rank} max={Math.max(total, 1)} busy={pinBusy} onMove={(pos) => void setPinAt(it.key, pos)} />
                </span>
              ),
            },
          ],
        };
      }),
    [items, total, pinBusy, setPinAt, showWhatIf],
  );

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

  const anyFilter = toFilter(filters) !== undefined;

  // The table as an element kept while its inputs stay: a new what-if preview (context) then re-renders only the
  // What-if cells, not the rankable table with its drag-and-drop bookkeeping.
  const tableBusy = pinBusy || backlog.loading;
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
          anyFilter ? (
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
    [projectKey, head, shownRows, onRankEnd, tableBusy, anyFilter],
  );

  if (building && backlog.data) {
    return <FirstBuild state={backlog.data} error={backlog.error} onRetry={backlog.reload} note="The ranked backlog shows here as soon as it is done." />;
  }

  return (
    <div style={{ display: 'flex', gap: token('space.300', '24px'), alignItems: 'flex-start' }}>
      <section aria-label="Backlog" style={{ flex: 1, minWidth: 0 }}>
        <div
          role="search"
          style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100', '8px'), alignItems: 'center', marginBottom: token('space.150', '12px') }}
        >
          <div style={{ width: 200 }}>
            <Textfield
              aria-label="Search summary or key"
              placeholder="Search"
              value={filters.text}
              isCompact
              onChange={(e) => setFilters({ ...filters, text: (e.target as HTMLInputElement).value })}
            />
          </div>
          <div style={{ minWidth: 180 }}>
            <Select
              inputId="filter-types"
              aria-label="Issue types"
              placeholder="All types"
              isMulti
              spacing="compact"
              options={seenTypes.map((t) => ({ label: t, value: t }))}
              value={filters.types.map((t) => ({ label: t, value: t }))}
              onChange={(v) => setFilters({ ...filters, types: (v ?? []).map((o) => o.value) })}
            />
          </div>
          <div style={{ width: 160 }}>
            <Textfield
              aria-label="Labels (comma separated)"
              placeholder="Labels, comma separated"
              value={filters.labels}
              isCompact
              onChange={(e) => setFilters({ ...filters, labels: (e.target as HTMLInputElement).value })}
            />
          </div>
          <Checkbox label="Debt only" isChecked={filters.debtOnly} onChange={(e) => setFilters({ ...filters, debtOnly: e.target.checked })} />
          <Checkbox
            label="Customer feedback only"
            isChecked={filters.feedbackOnly}
            onChange={(e) => setFilters({ ...filters, feedbackOnly: e.target.checked })}
          />
          <Checkbox label="Data gaps only" isChecked={filters.gapsOnly} onChange={(e) => setFilters({ ...filters, gapsOnly: e.target.checked })} />
          {anyFilter && (
            <Button appearance="subtle" onClick={() => setFilters(NO_FILTERS)}>
              Clear filters
            </Button>
          )}
        </div>

        <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100', '8px'), alignItems: 'center', marginBottom: token('space.150', '12px') }}>
          <span aria-live="polite" style={{ color: text.subtle, fontSize: '12px' }}>
            {backlog.data ? (
              <>
                {total} issues · computed {relativeTime(backlog.data.computedAt, now)} · config v{backlog.data.configVersion}
                {backlog.data.stale && ' · refreshing in the background'}
              </>
            ) : null}
          </span>
          <span style={{ flex: 1 }} />
          <Button onClick={() => (fresh ? backlog.reload() : setFresh(true))} isLoading={backlog.loading}>
            Refresh
          </Button>
          <Button onClick={() => downloadCsv(projectKey, items)} isDisabled={items.length === 0}>
            Export CSV
          </Button>
          <Button onClick={() => setShowWhatIf((v) => !v)} aria-expanded={showWhatIf} aria-controls="what-if-panel">
            {showWhatIf ? 'Hide what-if' : 'What-if weights'}
          </Button>
          <Button appearance="primary" onClick={() => setApplyOpen(true)}>
            Apply order to Jira
          </Button>
        </div>

        {pageSize < PAGE_SIZE && (
          <div style={{ marginBottom: token('space.100', '8px') }}>
            <SectionMessage appearance="information">
              Pages hold {pageSize} issues here: {PAGE_SIZE} issues with their evidence would be larger than one answer may be (Forge's 5 MB limit).
            </SectionMessage>
          </div>
        )}
        <SourceProblems sources={backlog.data?.sources} />
        {backlog.data?.stale && (
          <div style={{ marginBottom: token('space.100', '8px') }}>
            <SectionMessage appearance="information">Some scores are being recomputed; refresh in a moment for the newest order.</SectionMessage>
          </div>
        )}
        {pin.error && (
          <ErrorView
            error={pin.error}
            title={pin.error.code === 'FORBIDDEN' ? 'You cannot pin issues here (needs Schedule Issues)' : 'The pin was not saved'}
          />
        )}
        {backlog.error && <ErrorView error={backlog.error} onRetry={backlog.reload} />}
        {!backlog.data && backlog.loading && <Loading label="Ranking the backlog…" />}
        {backlog.data && (
          // The table scrolls sideways inside its section rather than running under the what-if panel; it is busy
          // while the rows after the first screenful are still being added.
          <div style={{ overflowX: 'auto' }} aria-busy={partial}>
            <PreviewContext.Provider value={preview}>{table}</PreviewContext.Provider>
          </div>
        )}
        {backlog.data && pages > 1 && (
          <nav aria-label="Backlog pages" style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'center', marginTop: 12 }}>
            <Button onClick={() => setPage((p) => Math.max(0, p - 1))} isDisabled={page === 0 || backlog.loading}>
              Previous
            </Button>
            <span aria-live="polite">
              Page {page + 1} of {pages}
            </span>
            <Button onClick={() => setPage((p) => Math.min(pages - 1, p + 1))} isDisabled={page >= pages - 1 || backlog.loading}>
              Next
            </Button>
          </nav>
        )}
      </section>
      {showWhatIf && (
        <aside id="what-if-panel" aria-label="What-if weights" style={{ width: 300, flexShrink: 0 }}>
          <WhatIfPanel
            projectKey={projectKey}
            onPreview={setPreview}
            onSaved={backlog.reload}
            onClose={() => {
              setShowWhatIf(false);
              setPreview(null);
            }}
          />
        </aside>
      )}
      {applyOpen && (
        <ApplyOrderModal
          projectKey={projectKey}
          onClose={(changed) => {
            setApplyOpen(false);
            if (changed) backlog.reload();
          }}
        />
      )}
    </div>
  );
}

import { useCallback, useState } from 'react';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { flag } from '../../shared/bridge';
import { useAction } from '../../shared/use-operation';
import { ErrorView, Loading } from '../../shared/ui';
import { FirstBuild, SourceProblems } from '../../shared/snapshot-views';
import { ApplyOrderModal } from './apply-order';
import { FilterBar, NO_FILTERS, toFilter, type Filters } from './backlog-filters';
import { Pager } from './backlog-pager';
import { BacklogTable } from './backlog-table';
import { Toolbar } from './backlog-toolbar';
import { PAGE_SIZE, useBacklogRows } from './use-backlog-rows';
import { WhatIfPanel, type Preview } from './what-if';

/** The value-ranked backlog: filters, toolbar, the ranked page with pins, pages, the what-if panel. */
export function Backlog({ projectKey }: { projectKey: string }) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [showWhatIf, setShowWhatIf] = useState(false);
  const [applyOpen, setApplyOpen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const { backlog, building, items, total, page, pages, pageSize, setPage, seenTypes, refresh, filter } = useBacklogRows(projectKey, filters);
  const pin = useAction('setPin');

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

  if (building && backlog.data) {
    return <FirstBuild state={backlog.data} error={backlog.error} onRetry={backlog.reload} note="The ranked backlog shows here as soon as it is done." />;
  }

  return (
    <div style={{ display: 'flex', gap: token('space.300', '24px'), alignItems: 'flex-start' }}>
      <section aria-label="Backlog" style={{ flex: 1, minWidth: 0 }}>
        <FilterBar filters={filters} onChange={setFilters} seenTypes={seenTypes} />
        <Toolbar
          projectKey={projectKey}
          data={backlog.data}
          filter={filter}
          loading={backlog.loading}
          showWhatIf={showWhatIf}
          onRefresh={refresh}
          onToggleWhatIf={() => setShowWhatIf((v) => !v)}
          onApply={() => setApplyOpen(true)}
        />

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
          <BacklogTable
            projectKey={projectKey}
            items={items}
            preview={preview}
            loading={backlog.loading}
            filtered={toFilter(filters) !== undefined}
            total={total}
            pinBusy={pinBusy}
            showWhatIf={showWhatIf}
            setPinAt={setPinAt}
          />
        )}
        {backlog.data && <Pager page={page} pages={pages} busy={backlog.loading} onPage={setPage} />}
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

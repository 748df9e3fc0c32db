import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ResultMap } from '../../../src/contract/operations';
import { relativeTime } from '../../shared/format';
import { text } from '../../shared/ui';
import { BacklogExport } from './backlog-export';
import type { BacklogFilter } from './backlog-filters';

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

interface ToolbarProps {
  projectKey: string;
  /** The page shown (null before the first answer). */
  data: ResultMap['getBacklog'] | null;
  /** The filter the page shows: the export reads every page of it. */
  filter: BacklogFilter | undefined;
  loading: boolean;
  showWhatIf: boolean;
  onRefresh: () => void;
  onToggleWhatIf: () => void;
  onApply: () => void;
}

/** How fresh the ranking is, and what can be done with it: refresh, export, try weights, apply to Jira. */
export function Toolbar({ projectKey, data, filter, loading, showWhatIf, onRefresh, onToggleWhatIf, onApply }: ToolbarProps) {
  const now = useNow(30_000);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100', '8px'), alignItems: 'center', marginBottom: token('space.150', '12px') }}>
      <span aria-live="polite" style={{ color: text.subtle, fontSize: '12px' }}>
        {data ? (
          <>
            {data.total} issues · computed {relativeTime(data.computedAt, now)} · config v{data.configVersion}
            {data.stale && ' · refreshing in the background'}
          </>
        ) : null}
      </span>
      <span style={{ flex: 1 }} />
      <Button onClick={onRefresh} isLoading={loading}>
        Refresh
      </Button>
      <BacklogExport projectKey={projectKey} filter={filter} total={data?.status === 'ready' ? data.total : 0} />
      <Button onClick={onToggleWhatIf} aria-expanded={showWhatIf} aria-controls="what-if-panel">
        {showWhatIf ? 'Hide what-if' : 'What-if weights'}
      </Button>
      <Button appearance="primary" onClick={onApply}>
        Apply order to Jira
      </Button>
    </div>
  );
}

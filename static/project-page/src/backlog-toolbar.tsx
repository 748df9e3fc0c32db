import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { BacklogItem } from '../../../src/contract/model';
import type { ResultMap } from '../../../src/contract/operations';
import { backlogCsv } from '../../shared/csv';
import { relativeTime } from '../../shared/format';
import { text } from '../../shared/ui';

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
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

interface ToolbarProps {
  projectKey: string;
  /** The page shown (null before the first answer). */
  data: ResultMap['getBacklog'] | null;
  items: readonly BacklogItem[];
  loading: boolean;
  showWhatIf: boolean;
  onRefresh: () => void;
  onToggleWhatIf: () => void;
  onApply: () => void;
}

/** How fresh the ranking is, and what can be done with it: refresh, export, try weights, apply to Jira. */
export function Toolbar({ projectKey, data, items, loading, showWhatIf, onRefresh, onToggleWhatIf, onApply }: ToolbarProps) {
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
      <Button onClick={() => downloadCsv(projectKey, items)} isDisabled={items.length === 0}>
        Export CSV
      </Button>
      <Button onClick={onToggleWhatIf} aria-expanded={showWhatIf} aria-controls="what-if-panel">
        {showWhatIf ? 'Hide what-if' : 'What-if weights'}
      </Button>
      <Button appearance="primary" onClick={onApply}>
        Apply order to Jira
      </Button>
    </div>
  );
}

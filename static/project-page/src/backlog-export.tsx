import { useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { BacklogItem } from '../../../src/contract/model';
import { backlogCsv } from '../../shared/csv';
import { collectPages, ExportCancelled } from '../../shared/collect-pages';
import { csvFileName, downloadCsv } from '../../shared/download';
import { invoke } from '../../shared/invoke';
import { text } from '../../shared/ui';
import type { BacklogFilter } from './backlog-filters';

/** Issues asked for a page while exporting: the most getBacklog serves at once. */
const EXPORT_PAGE_SIZE = 500;

/**
 * Exports the whole ranked backlog the filters select, every page of it (not just the page on screen), as CSV: pages
 * are read one after another with the progress shown, and Cancel stops between pages.
 */
export function BacklogExport({ projectKey, filter, total }: { projectKey: string; filter: BacklogFilter | undefined; total: number }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);

  const start = async () => {
    const controller = new AbortController();
    running.current = controller;
    setProblem(null);
    setProgress({ done: 0, total });
    try {
      const rows = await collectPages<BacklogItem>((page, pageSize) => invoke('getBacklog', { projectKey, page, pageSize, ...(filter ? { filter } : {}) }), {
        pageSize: EXPORT_PAGE_SIZE,
        signal: controller.signal,
        onProgress: (done, of) => setProgress({ done, total: of }),
      });
      downloadCsv(csvFileName(projectKey), backlogCsv(rows));
    } catch (e) {
      if (!(e instanceof ExportCancelled)) setProblem(e instanceof Error ? e.message : 'The export failed. Try again.');
    } finally {
      running.current = null;
      setProgress(null);
    }
  };

  if (progress !== null) {
    return (
      <span style={{ display: 'inline-flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
        <progress value={progress.done} max={Math.max(1, progress.total)} aria-label="Export progress" />
        <span aria-live="polite" style={{ fontSize: 12, color: text.subtle }}>
          Exporting {progress.done} of {progress.total}…
        </span>
        <Button onClick={() => running.current?.abort()}>Cancel export</Button>
      </span>
    );
  }
  return (
    <>
      <Button onClick={() => void start()} isDisabled={total === 0}>
        Export CSV (all {total})
      </Button>
      {problem !== null && (
        <span role="alert" style={{ fontSize: 12, color: token('color.text.danger', '#AE2E24') }}>
          {problem}
        </span>
      )}
    </>
  );
}

import { useMemo } from 'react';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import { toMatrixPoints } from '../../shared/matrix-geometry';
import { FirstBuild, SourceProblems } from '../../shared/snapshot-views';
import { EmptyView, ErrorView, Loading, text } from '../../shared/ui';
import { MatrixChart } from './matrix-chart';
import { useAllBacklog } from './use-all-backlog';

/** Every candidate's progress while its pages come in (500 a call). */
function PagesProgress({ loaded, total }: { loaded: number; total: number }) {
  const label = `Loading issues for the matrix: ${loaded.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
  return (
    <div style={{ padding: `${token('space.200', '16px')} 0`, maxWidth: 560 }}>
      <ProgressBar value={total > 0 ? loaded / total : 0} ariaLabel={label} />
      <p role="status" aria-live="polite" style={{ margin: `${token('space.100', '8px')} 0 0`, color: text.color }}>
        {label}
      </p>
    </div>
  );
}

/** The value-vs-effort matrix of every ranked candidate of the project. */
export function MatrixView({ projectKey }: { projectKey: string }) {
  const all = useAllBacklog(projectKey);
  const points = useMemo(() => (all.items ? toMatrixPoints(all.items) : null), [all.items]);
  if (all.first === null) return all.error ? <ErrorView error={all.error} onRetry={all.reload} /> : <Loading label="Loading the matrix…" />;
  if (all.first.status === 'building')
    return <FirstBuild state={all.first} error={all.error} onRetry={all.reload} note="The matrix shows once every issue is scored." />;
  return (
    <section aria-label="Value versus effort">
      <SourceProblems sources={all.first.sources} />
      {all.error && <ErrorView error={all.error} onRetry={all.reload} />}
      {points === null ? (
        !all.error && <PagesProgress loaded={all.loaded} total={all.total} />
      ) : points.length === 0 ? (
        <EmptyView header="Nothing to place" description="The project has no open issues to rank." />
      ) : (
        <MatrixChart points={points} />
      )}
    </section>
  );
}

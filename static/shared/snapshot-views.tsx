import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { SnapshotState } from '../../src/contract/model';
import type { OperationFailure } from './invoke-core';
import { buildingProgress, sourceMessages } from './snapshot-text';
import { ErrorView, text } from './ui';

/**
 * A project's first snapshot being built: a progress bar (indeterminate while the issues are listed) and the
 * same words in a live region, so a screen reader hears the progress too. `note` says what will show when done.
 */
export function BuildingView({ building, note }: { building: SnapshotState['building']; note?: string }) {
  const p = buildingProgress(building);
  return (
    <div style={{ padding: `${token('space.200', '16px')} 0`, maxWidth: 560 }}>
      {p.share === null ? <ProgressBar isIndeterminate ariaLabel={p.label} /> : <ProgressBar value={p.share} ariaLabel={p.label} />}
      <p role="status" aria-live="polite" style={{ margin: `${token('space.100', '8px')} 0 0`, color: text.color }}>
        {p.text}
      </p>
      {note && <p style={{ margin: `${token('space.050', '4px')} 0 0`, color: text.subtle, fontSize: '12px' }}>{note}</p>}
    </div>
  );
}

/** Data sources the app could not read when it scored the project: what is left out and what a Jira admin can grant. */
export function SourceProblems({ sources }: Pick<SnapshotState, 'sources'>) {
  const messages = sourceMessages({ sources });
  if (messages.length === 0) return null;
  return (
    <div style={{ marginBottom: token('space.100', '8px') }}>
      <SectionMessage appearance="warning" title="Scores leave out data the app cannot read">
        <ul style={{ margin: 0, paddingLeft: token('space.200', '16px') }}>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </SectionMessage>
    </div>
  );
}

/** What a view shows instead of its data while the project's first snapshot builds (it polls meanwhile). */
export function FirstBuild({ state, error, onRetry, note }: { state: SnapshotState; error: OperationFailure | null; onRetry: () => void; note: string }) {
  return (
    <section aria-label="Scoring in progress">
      <SourceProblems sources={state.sources} />
      {error && <ErrorView error={error} onRetry={onRetry} />}
      <BuildingView building={state.building} note={note} />
    </section>
  );
}

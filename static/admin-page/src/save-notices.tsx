import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { ResultMap } from '../../../src/contract/operations';
import { describeValue, type ConfigChange } from '../../shared/config-edit';
import type { OperationFailure } from '../../shared/invoke-core';
import { ErrorView } from '../../shared/ui';

/** What the settings form says about a save: invalid values, a rebase on newer settings, a conflict, a refusal. */

/** The settings screens are for those who may change them, who get the whole config (`access: 'full'`). */
export type Loaded = Extract<ResultMap['getConfig'], { access: 'full' }>;

export interface Conflict {
  error: OperationFailure;
  latest: Loaded | null;
  lastChange: ResultMap['getConfigHistory']['entries'][number] | null;
}

export function ValidationSummary({ errors }: { errors: Record<string, string> }) {
  if (Object.keys(errors).length === 0) return null;
  return (
    <SectionMessage appearance="error" title="Fix these before saving">
      <ul>
        {Object.entries(errors).map(([p, m]) => (
          <li key={p}>
            <code>{p || 'settings'}</code>: {m}
          </li>
        ))}
      </ul>
    </SectionMessage>
  );
}

export function RebasedNotice({ overlaps }: { overlaps: readonly ConfigChange[] }) {
  if (overlaps.length === 0) return null;
  return (
    <SectionMessage appearance="information" title="Your edits were re-applied on top of the newest settings">
      <p>Both you and the other person changed these; your values are kept — check them before saving:</p>
      <ul>
        {overlaps.map((o) => (
          <li key={o.path}>
            <code>{o.path}</code>: theirs {describeValue(o.from)}, yours {describeValue(o.to)}
          </li>
        ))}
      </ul>
    </SectionMessage>
  );
}

export function ConflictNotice({ conflict, onKeepEdits, onDiscardEdits }: { conflict: Conflict; onKeepEdits: () => void; onDiscardEdits: () => void }) {
  return (
    <div role="alert">
      <SectionMessage
        appearance="warning"
        title="Someone else saved the settings meanwhile"
        actions={[
          <Button key="rebase" appearance="primary" onClick={onKeepEdits} isDisabled={!conflict.latest}>
            Reload, keep my edits
          </Button>,
          <Button key="discard" onClick={onDiscardEdits}>
            Reload, discard my edits
          </Button>,
        ]}
      >
        <p>{conflict.error.message}</p>
        {conflict.lastChange && (
          <>
            <p>
              Version {conflict.lastChange.version} was saved by <code>{conflict.lastChange.by}</code> on {new Date(conflict.lastChange.at).toLocaleString()}:
            </p>
            <ul>
              {conflict.lastChange.changes.map((c) => (
                <li key={c.path}>
                  <code>{c.path}</code>: {describeValue(c.from)} → {describeValue(c.to)}
                </li>
              ))}
            </ul>
          </>
        )}
        <p style={{ fontSize: 12 }}>
          Code: <code>{conflict.error.code}</code>
        </p>
      </SectionMessage>
    </div>
  );
}

export function SaveError({ error, projectKey }: { error: OperationFailure; projectKey: string | null }) {
  return (
    <ErrorView
      error={error}
      title={
        error.code === 'FORBIDDEN'
          ? projectKey
            ? 'Only a project admin can change these settings'
            : 'Only a Jira admin can change these settings'
          : error.code === 'DATA_SOURCE_GLOBAL_ONLY'
            ? 'Data sources are set by a Jira admin'
            : 'Not saved'
      }
    />
  );
}

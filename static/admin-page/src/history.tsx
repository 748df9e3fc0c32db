import { useEffect, useState } from 'react';
import type { ResultMap } from '../../../src/contract/operations';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { describeValue } from '../../shared/config-edit';
import { flag } from '../../shared/bridge';
import { invoke } from '../../shared/invoke';
import { toOperationFailure, type OperationFailure } from '../../shared/invoke-core';
import { useOperation } from '../../shared/use-operation';
import { EmptyView, ErrorView, Loading, text } from '../../shared/ui';

type Entry = ResultMap['getConfigHistory']['entries'][number];

/** The `by` of a version that ValueRank wrote itself while migrating stored settings (its `note` says why). */
const MIGRATION_AUTHOR = 'valuerank:migration';

/**
 * Who changed what and when, newest first, with "Revert to this version" (saved as a new version). The first page
 * comes with the screen; "Show older changes" reads the next page, so a long history never loads at once.
 */
export function History({ projectKey }: { projectKey: string | null }) {
  const scope = projectKey ? { projectKey } : {};
  const history = useOperation('getConfigHistory', scope);
  const current = useOperation('getConfig', scope);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<OperationFailure | null>(null);
  const [older, setOlder] = useState<{ entries: Entry[]; nextCursor: string | null } | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<OperationFailure | null>(null);

  // A new first page (after a save or a revert) starts the list again.
  useEffect(() => setOlder(null), [history.data]);

  const loadOlder = async (cursor: string) => {
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await invoke('getConfigHistory', { ...scope, cursor });
      setOlder((prev) => ({ entries: [...(prev?.entries ?? []), ...page.entries], nextCursor: page.nextCursor }));
    } catch (e) {
      setOlderError(toOperationFailure('getConfigHistory', e));
    } finally {
      setLoadingOlder(false);
    }
  };

  const revert = async (toVersion: number) => {
    setBusy(toVersion);
    setError(null);
    try {
      const fresh = await invoke('getConfig', scope);
      const r = await invoke('revertConfig', { ...scope, toVersion, expectedVersion: fresh.version });
      void flag('Settings reverted', `Version ${toVersion} is back, saved as version ${r.version}.`, 'success');
      history.reload();
      current.reload();
    } catch (e) {
      const failure = toOperationFailure('revertConfig', e);
      setError(failure);
      if (failure.code === 'CONFIG_CONFLICT') history.reload();
    } finally {
      setBusy(null);
    }
  };

  if (history.error) return <ErrorView error={history.error} onRetry={history.reload} />;
  if (!history.data) return <Loading label="Loading history…" />;
  const entries = [...history.data.entries, ...(older?.entries ?? [])];
  const nextCursor = older === null ? history.data.nextCursor : older.nextCursor;
  if (entries.length === 0)
    return <EmptyView header="No changes yet" description="The defaults are in use. Every save will be listed here, with who made it and what changed." />;
  const newest = entries[0]?.version;

  return (
    <div>
      {error && (
        <ErrorView error={error} title={error.code === 'CONFIG_CONFLICT' ? 'Someone saved meanwhile: the list is refreshed, try again' : 'Not reverted'} />
      )}
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {entries.map((e) => (
          <li key={e.version} style={{ borderBottom: `1px solid ${token('color.border', '#091E4224')}`, padding: `${token('space.150', '12px')} 0` }}>
            <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
              <strong>Version {e.version}</strong>
              <span style={{ color: text.subtle }}>
                {new Date(e.at).toLocaleString()} by {e.by === MIGRATION_AUTHOR ? 'ValueRank (automatic update)' : <span title={e.by}>{e.displayName}</span>}
              </span>
              <span style={{ flex: 1 }} />
              {e.version === newest ? (
                <span style={{ color: text.subtlest }}>current</span>
              ) : (
                <Button onClick={() => void revert(e.version)} isLoading={busy === e.version} isDisabled={busy !== null}>
                  Revert to this version
                </Button>
              )}
            </div>
            {e.note && <p style={{ margin: '4px 0 0', fontSize: 13, color: text.subtle }}>{e.note}</p>}
            {e.changes.length === 0 ? (
              <div style={{ color: text.subtlest, fontSize: 12 }}>No setting changed.</div>
            ) : (
              <ul style={{ margin: '4px 0 0', paddingLeft: 16, fontSize: 13 }}>
                {e.changes.map((c) => (
                  <li key={c.path}>
                    <code>{c.path}</code>: {describeValue(c.from)} → {describeValue(c.to)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {olderError && (
        <ErrorView error={olderError} title="Older changes could not be loaded" onRetry={nextCursor ? () => void loadOlder(nextCursor) : undefined} />
      )}
      {nextCursor && (
        <div style={{ marginTop: token('space.150', '12px') }}>
          <Button onClick={() => void loadOlder(nextCursor)} isLoading={loadingOlder}>
            Show older changes
          </Button>
        </div>
      )}
    </div>
  );
}

import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ValueRankConfig } from '../../../src/contract/config';
import type { ResultMap } from '../../../src/contract/operations';
import { movement } from '../../shared/format';
import { usePollWhile, useOperation } from '../../shared/use-operation';
import { ErrorView, Loading, movementColor, text } from '../../shared/ui';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,49}$/;
/** Edits settle this long before the preview asks (typing a label should not ask once per key). */
const SETTLE_MS = 500;

/** Settings by config path, for people. */
const SETTING_NAMES: [RegExp, string][] = [
  [/^weights\./, 'weights'],
  [/^effort\./, 'effort'],
  [/^techDebt\.(labels|issueTypes|components)$/, 'what counts as debt'],
  [/^techDebt\./, 'debt interest'],
  [/^fields\./, 'field mapping'],
  [/^customerVoice\.halfLifeDays$/, 'recency half-life'],
  [/^customerVoice\.tierWeights/, 'customer tiers'],
  [/^customerVoice\.(feedbackProjects|linkTypes|remoteLinkPatterns)/, 'feedback sources'],
  [/^customerVoice\./, 'customer voice'],
  [/^candidateJql$/, 'candidate JQL'],
  [/^businessValue\./, 'business value'],
  [/^timeCriticality\./, 'time criticality'],
  [/^enablement\./, 'enablement'],
];

/** "recency half-life, customer tiers": each setting once, in the order given. */
export function settingNames(paths: readonly string[]): string {
  const names = paths.map((p) => SETTING_NAMES.find(([re]) => re.test(p))?.[1] ?? p);
  return [...new Set(names)].join(', ');
}

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * "Preview the changes": what saving the edited settings would move on a project (this one, or one the admin
 * names on the global page), asked again whenever an edit settles. Settings the snapshot cannot show are scored
 * in the background; the panel says so and fills in when that is done. Nothing is saved.
 */
export function ConfigPreview({
  projectKey,
  config,
  changed,
  typed,
  setTyped,
}: {
  projectKey: string | null;
  config: ValueRankConfig | null;
  changed: boolean;
  /** The project key typed on the global page (kept by the form across saves). */
  typed: string;
  setTyped: (key: string) => void;
}) {
  const target = projectKey ?? typed.trim().toUpperCase();
  const valid = PROJECT_KEY.test(target);
  const settled = useSettled(config, SETTLE_MS);
  const payload = changed && valid && settled !== null ? { ...(projectKey ? { projectKey } : { previewOn: target }), config: settled } : null;
  const state = useOperation('previewConfig', payload);
  usePollWhile(state, (d) => d.status === 'building' || d.job?.status === 'running');
  const data = payload === null ? null : state.data;

  return (
    <section
      aria-label="Preview the changes"
      style={{
        border: `1px dashed ${token('color.border', '#091E4224')}`,
        borderRadius: 6,
        padding: token('space.200', '16px'),
        marginBottom: token('space.200', '16px'),
      }}
    >
      <h2 style={{ fontSize: 16, margin: '0 0 8px' }}>Preview the changes</h2>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end', flexWrap: 'wrap' }}>
        {projectKey === null && (
          <div style={{ width: 180 }}>
            <label htmlFor="preview-project" style={{ fontSize: 13 }}>
              Project key to preview on
            </label>
            <Textfield
              id="preview-project"
              value={typed}
              placeholder="PRJ"
              isInvalid={typed !== '' && !valid}
              onChange={(e) => setTyped((e.target as HTMLInputElement).value)}
            />
          </div>
        )}
        <Button onClick={state.reload} isDisabled={payload === null || state.loading} isLoading={state.loading && payload !== null}>
          Preview{projectKey ? ` on ${projectKey}` : ''}
        </Button>
      </div>
      <p style={{ color: text.subtlest, fontSize: 12 }}>
        Every change to the settings above is previewed on {valid ? target : 'the project you name'}: what would move in its ranking. Nothing is saved until you
        press Save.
      </p>
      {!changed && <p style={{ fontSize: 13 }}>Change a setting or pick a preset to see what it would move.</p>}
      {changed && config === null && <p style={{ fontSize: 13 }}>Correct the settings marked above to see what they would move.</p>}
      {changed && config !== null && !valid && <p style={{ fontSize: 13 }}>Name a project to preview on.</p>}
      {payload !== null && state.loading && !data && <Loading label="Ranking with the new settings…" />}
      {payload !== null && state.error && <ErrorView error={state.error} title="Preview failed" onRetry={state.reload} />}
      {data && <PreviewResult data={data} />}
    </section>
  );
}

/** Rows shown before "Show more": the answer lists up to 25. */
const FIRST_ROWS = 10;

function PreviewResult({ data }: { data: ResultMap['previewConfig'] }) {
  const [all, setAll] = useState(false);
  if (data.status === 'building') return <Loading label={`${data.previewOn}'s ranking is being computed for the first time…`} />;
  const total = data.moves.length + (data.omitted ?? 0);
  return (
    <div aria-live="polite">
      <p style={{ marginBottom: 4 }}>
        On {data.previewOn}: <strong>{data.moved}</strong> of {total} issues would move.
      </p>
      {data.previewed.length > 0 && <p style={{ margin: '0 0 8px', fontSize: 12, color: text.subtle }}>Previewed: {settingNames(data.previewed)}.</p>}
      {data.job?.status === 'running' && (
        <p role="status" style={{ display: 'flex', gap: 8, alignItems: 'center', fontSize: 13 }}>
          <Spinner size="small" label="Computing" />
          Computing the effect of {settingNames(data.notPreviewed.length > 0 ? data.notPreviewed : data.previewed)} from {data.previewOn}’s issues in the
          background (this reads the project again; it can take a minute on a large one). The moves below will update.
        </p>
      )}
      {data.job?.status === 'failed' && (
        <SectionMessage appearance="warning" title="The full preview could not be computed">
          {data.job.message}
        </SectionMessage>
      )}
      {data.notPreviewed.length > 0 && data.job?.status !== 'running' && (
        <SectionMessage appearance="information" title="Not in this preview">
          The effect of {settingNames(data.notPreviewed)} is not shown: it needs facts the stored ranking does not keep, and shows once the settings are saved.
        </SectionMessage>
      )}
      {data.approximate.length > 0 && (
        <ul style={{ fontSize: 13, color: text.subtle }}>
          {data.approximate.map((a) => (
            <li key={a.reason}>{a.reason}</li>
          ))}
        </ul>
      )}
      {data.stale && (
        <p style={{ fontSize: 12, color: text.subtle }}>The ranking is being recomputed after a recent save; the preview starts from the last one.</p>
      )}
      {data.largest.length > 0 && (
        <table style={{ borderCollapse: 'collapse', fontSize: 13 }}>
          <caption style={{ textAlign: 'left', color: text.subtle, fontSize: 13, fontWeight: 600, padding: '4px 0' }}>
            Largest moves first{data.moved > data.largest.length ? ` (the ${data.largest.length} largest of ${data.moved})` : ''}
          </caption>
          <thead>
            <tr>
              {['Issue', 'Summary', 'Now', 'Would be', 'Move'].map((h) => (
                <th key={h} scope="col" style={{ textAlign: 'left', paddingRight: 16 }}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.largest.slice(0, all ? undefined : FIRST_ROWS).map((m) => {
              const mv = movement(m.from, m.to);
              return (
                <tr key={m.key}>
                  <td style={{ paddingRight: 16, whiteSpace: 'nowrap' }}>{m.key}</td>
                  <td style={{ paddingRight: 16, maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={m.summary}>
                    {m.summary}
                  </td>
                  <td style={{ paddingRight: 16 }}>#{m.from}</td>
                  <td style={{ paddingRight: 16 }}>#{m.to}</td>
                  <td aria-label={mv.label} style={{ color: movementColor(mv.direction) }}>
                    {mv.text}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {data.largest.length > FIRST_ROWS && (
        <Button appearance="subtle" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST_ROWS}` : `Show ${data.largest.length - FIRST_ROWS} more`}
        </Button>
      )}
    </div>
  );
}

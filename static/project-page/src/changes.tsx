import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ChangeReason, ChangesResult, RankChange } from '../../../src/contract/history';
import type { Payload } from '../../../src/contract/operations';
import { openInJira } from '../../shared/bridge';
import { formatDate, formatScore, movement } from '../../shared/format';
import { useOperation } from '../../shared/use-operation';
import { EmptyView, ErrorView, Loading, movementColor, text, VisuallyHidden } from '../../shared/ui';

type SinceMode = 'lastWeek' | 'sprintStart' | 'lastConfig' | 'date';
const MODES: { mode: SinceMode; label: string }[] = [
  { mode: 'lastWeek', label: 'Last week' },
  { mode: 'sprintStart', label: 'Since the sprint started' },
  { mode: 'lastConfig', label: 'Since the last config change' },
  { mode: 'date', label: 'Since a date' },
];

/** Chip colours per kind of reason: what changed is told by the words, the colour only groups them. */
const KIND_STYLE: Record<ChangeReason['kind'], { bg: string; fg: string }> = {
  evidence: { bg: token('color.background.success', '#DCFFF1'), fg: token('color.text.success', '#216E4E') },
  factor: { bg: token('color.background.information', '#E9F2FF'), fg: token('color.text.information', '#0055CC') },
  config: { bg: token('color.background.discovery', '#F3F0FF'), fg: token('color.text.discovery', '#5E4DB2') },
  pin: { bg: token('color.background.warning', '#FFF7D6'), fg: token('color.text.warning', '#A54800') },
  vote: { bg: token('color.background.accent.teal.subtlest', '#E7F9FF'), fg: token('color.text.accent.teal', '#206A83') },
};

function Reasons({ why }: { why: readonly ChangeReason[] }) {
  if (why.length === 0) return <span style={{ color: text.subtlest, fontSize: 12 }}>others moved past it</span>;
  return (
    <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 4, listStyle: 'none', margin: 0, padding: 0 }}>
      {why.map((r, i) => (
        <li key={i} style={{ background: KIND_STYLE[r.kind].bg, color: KIND_STYLE[r.kind].fg, borderRadius: 3, padding: '1px 6px', fontSize: 12 }}>
          <VisuallyHidden>{r.kind}: </VisuallyHidden>
          {r.text}
        </li>
      ))}
    </ul>
  );
}

function KeyButton({ issueKey }: { issueKey: string }) {
  return (
    <Button appearance="subtle" spacing="compact" onClick={() => void openInJira(`/browse/${issueKey}`)} aria-label={`Open ${issueKey} in Jira`}>
      {issueKey}
    </Button>
  );
}

const cell = { padding: '6px 8px', borderBottom: `1px solid ${token('color.border', '#091E4224')}`, verticalAlign: 'top' as const, textAlign: 'left' as const };
const headCell = { ...cell, fontSize: 12, color: text.subtle, fontWeight: 600 };

function MovesTable({ moves }: { moves: readonly RankChange[] }) {
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', color: text.color, fontSize: 14 }} aria-label="Rank changes">
      <thead>
        <tr>
          <th style={headCell}>Issue</th>
          <th style={headCell}>Rank</th>
          <th style={headCell}>Score</th>
          <th style={headCell}>Why</th>
        </tr>
      </thead>
      <tbody>
        {moves.map((m) => {
          const mv = movement(m.rankFrom, m.rankTo);
          return (
            <tr key={m.key}>
              <td style={cell}>
                <KeyButton issueKey={m.key} />
                <div style={{ fontSize: 13, color: text.subtle, maxWidth: 360 }}>{m.summary}</div>
              </td>
              <td style={{ ...cell, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} aria-label={`from ${m.rankFrom} to ${m.rankTo}, ${mv.label}`}>
                {m.rankFrom} → {m.rankTo} <span style={{ color: movementColor(mv.direction), fontWeight: 600 }}>{mv.text}</span>
              </td>
              <td style={{ ...cell, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                {formatScore(m.scoreFrom)} → {formatScore(m.scoreTo)}
              </td>
              <td style={cell}>
                <Reasons why={m.why} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const LEFT_WORDS: Record<ChangesResult['left'][number]['why'], string> = {
  done: 'done',
  removed: 'deleted, moved to another project or hidden',
  filtered: 'no longer a backlog candidate (type or filter changed)',
};

function EnteredLeft({ data }: { data: ChangesResult }) {
  return (
    <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', marginTop: 16 }}>
      <IssueListSection id="changes-entered" title={`Entered (${data.entered.length})`} empty="No issue joined the ranking.">
        {data.entered.map((e) => (
          <li key={e.key} style={{ fontSize: 13 }}>
            <KeyButton issueKey={e.key} /> at rank {e.rank} ({formatScore(e.score)}) · {e.summary} <span style={{ color: text.subtlest }}>— {e.why}</span>
          </li>
        ))}
      </IssueListSection>
      <IssueListSection id="changes-left" title={`Left (${data.left.length})`} empty="No issue left the ranking.">
        {data.left.map((l) => (
          <li key={l.key} style={{ fontSize: 13 }}>
            <KeyButton issueKey={l.key} /> was rank {l.rankFrom}
            {l.summary ? ` · ${l.summary}` : ''} <span style={{ color: text.subtlest }}>— {LEFT_WORDS[l.why]}</span>
          </li>
        ))}
      </IssueListSection>
    </div>
  );
}

/** A titled half of "Entered / Left": its list items, or a line saying there are none. */
function IssueListSection({ id, title, empty, children }: { id: string; title: string; empty: string; children: ReactNode[] }) {
  return (
    <section aria-labelledby={id} style={{ flex: '1 1 300px', minWidth: 0 }}>
      <h3 id={id} style={{ fontSize: 14, margin: '0 0 4px' }}>
        {title}
      </h3>
      {children.length === 0 ? (
        <p style={{ color: text.subtlest, margin: 0, fontSize: 13 }}>{empty}</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 16 }}>{children}</ul>
      )}
    </section>
  );
}

/** The "Changes" tab: what moved in the ranking since a moment the team cares about, and why. */
export function ChangesView({ projectKey }: { projectKey: string }) {
  const [mode, setMode] = useState<SinceMode>('lastWeek');
  const [date, setDate] = useState('');
  const [minText, setMinText] = useState('');
  const min = Number(minText);
  const minValid = minText.trim() === '' || (Number.isInteger(min) && min >= 0 && min <= 100_000);
  const since = mode === 'date' ? (/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59Z` : null) : mode;
  const payload: Payload<'getChanges'> | null =
    since === null || !minValid ? null : { projectKey, since, ...(minText.trim() === '' || min === 0 ? {} : { minMove: min }) };
  const changes = useOperation('getChanges', payload);
  const data = changes.data;

  return (
    <div>
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: 12 }}>
        <div role="group" aria-label="Compare with" style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          {MODES.map((m) => (
            <Button key={m.mode} appearance={mode === m.mode ? 'primary' : 'default'} aria-pressed={mode === m.mode} onClick={() => setMode(m.mode)}>
              {m.label}
            </Button>
          ))}
        </div>
        {mode === 'date' && (
          <div style={{ width: 170 }}>
            <label htmlFor="changes-date" style={{ fontSize: 12, color: text.subtle }}>
              Date (end of day, UTC)
            </label>
            <Textfield id="changes-date" type="date" isCompact value={date} onChange={(e) => setDate((e.target as HTMLInputElement).value)} />
          </div>
        )}
        <div style={{ width: 170 }}>
          <label htmlFor="changes-min" style={{ fontSize: 12, color: text.subtle }}>
            Moved more than N places
          </label>
          <Textfield
            id="changes-min"
            type="number"
            min={0}
            isCompact
            isInvalid={!minValid}
            value={minText}
            placeholder="0"
            onChange={(e) => setMinText((e.target as HTMLInputElement).value)}
          />
        </div>
        <span style={{ flex: 1 }} />
        <Button onClick={changes.reload} isLoading={changes.loading} isDisabled={payload === null}>
          Refresh
        </Button>
      </div>
      {!minValid && (
        <p role="alert" style={{ color: token('color.text.danger', '#AE2E24'), fontSize: 12 }}>
          Enter a whole number of places, 0 or more.
        </p>
      )}
      {mode === 'date' && since === null && <p style={{ color: text.subtle }}>Pick a date to compare with.</p>}
      {changes.error &&
        (changes.error.code === 'NOT_FOUND' ? (
          <EmptyView header="Nothing to compare with" description={changes.error.message} />
        ) : (
          <ErrorView error={changes.error} onRetry={changes.reload} />
        ))}
      {!data && changes.loading && <Loading label="Comparing the ranking…" />}
      {data && !changes.error && (
        <div style={{ opacity: changes.loading ? 0.6 : 1 }} aria-busy={changes.loading}>
          <p style={{ color: text.subtle, margin: '0 0 8px', fontSize: 13 }} aria-live="polite">
            {data.moves.length} {data.moves.length === 1 ? 'issue' : 'issues'} moved between {formatDate(data.from)} and now
            {Date.parse(data.from) > Date.parse(data.since) ? ` (history begins ${formatDate(data.from)})` : ''}.
            {data.omitted ? ` ${data.omitted} smaller moves are not listed.` : ''}
          </p>
          {data.moves.length === 0 ? (
            <EmptyView header="No moves" description="Nothing changed place in the ranking you can see in this period." />
          ) : (
            <MovesTable moves={data.moves} />
          )}
          <EnteredLeft data={data} />
        </div>
      )}
    </div>
  );
}

import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { Payload } from '../../../src/contract/operations';
import type { SprintCapacitySource, SprintProposal } from '../../../src/contract/sprint';
import { openInJira } from '../../shared/bridge';
import { formatPercent, formatScore, round } from '../../shared/format';
import { useOperation, usePollWhile } from '../../shared/use-operation';
import { EmptyView, ErrorView, Loading, text } from '../../shared/ui';
import { FirstBuild, SourceProblems } from '../../shared/snapshot-views';

const FEATURE = token('color.chart.blue.bold', '#1D7AFC');
const DEBT = token('color.chart.purple.bold', '#8270DB');
const cell = { padding: '6px 8px', borderBottom: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'left' as const, verticalAlign: 'top' as const };

function sourceText(source: SprintCapacitySource): string {
  if (source.kind === 'typed') return 'typed by you';
  if (source.kind === 'history') return `median of the last ${source.sprints} closed sprint${source.sprints === 1 ? '' : 's'}`;
  return 'no sprint history: type a capacity';
}

function IssueKey({ issueKey }: { issueKey: string }) {
  return (
    <Button appearance="subtle" spacing="compact" onClick={() => void openInJira(`/browse/${issueKey}`)} aria-label={`Open ${issueKey} in Jira`}>
      {issueKey}
    </Button>
  );
}

/** Points proposed against the capacity, split feature / debt, as a bar and in words; over capacity is said plainly. */
function UsedBar({ plan }: { plan: SprintProposal }) {
  const debt = plan.used * plan.debtShare;
  const feature = plan.used - debt;
  const scale = Math.max(plan.capacity, plan.used, 1);
  const label = `${round(plan.used)} of ${round(plan.capacity)} points proposed: ${round(feature)} feature, ${round(debt)} tech debt`;
  return (
    <div style={{ minWidth: 240, flex: 1 }}>
      <div
        role="img"
        aria-label={label}
        style={{ display: 'flex', height: 10, borderRadius: 5, overflow: 'hidden', background: token('color.background.neutral', '#091E420F') }}
      >
        <span style={{ width: `${(feature / scale) * 100}%`, background: FEATURE }} />
        <span style={{ width: `${(debt / scale) * 100}%`, background: DEBT }} />
      </div>
      <div style={{ fontSize: 12, color: text.subtle, marginTop: 4 }}>
        <strong style={{ color: token('color.text', '#172B4D') }}>
          {round(plan.used)} / {round(plan.capacity)} pts
        </strong>{' '}
        · <span style={{ color: FEATURE }}>■</span> feature {round(feature)} · <span style={{ color: DEBT }}>■</span> tech debt {round(debt)}
        {plan.used > plan.capacity && <span style={{ color: token('color.text.danger', '#AE2E24') }}> · over capacity</span>}
      </div>
    </div>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div style={{ minWidth: 140 }}>
      <div style={{ fontSize: 12, color: text.subtle }}>{label}</div>
      <div style={{ fontSize: 20, fontWeight: 600, color: token('color.text', '#172B4D') }}>{value}</div>
      <div style={{ fontSize: 12, color: text.subtlest }}>{hint}</div>
    </div>
  );
}

function Proposal({ plan }: { plan: SprintProposal }) {
  if (plan.items.length === 0) {
    const why =
      plan.capacity <= 0
        ? 'Type the sprint’s capacity in points above to get a proposal.'
        : 'No open issue fits this capacity, or every one waits for a blocker that does not.';
    return <EmptyView header="Nothing proposed" description={why} />;
  }
  return (
    <table aria-label="Proposed for the next sprint" style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14, color: token('color.text', '#172B4D') }}>
      <thead>
        <tr style={{ color: text.subtle, fontSize: 12 }}>
          <th style={cell}>Rank</th>
          <th style={cell}>Key</th>
          <th style={cell}>Summary</th>
          <th style={{ ...cell, textAlign: 'right' }}>Points</th>
          <th style={{ ...cell, textAlign: 'right' }}>Score</th>
          <th style={cell}>Why</th>
        </tr>
      </thead>
      <tbody>
        {plan.items.map((it) => (
          <tr key={it.key}>
            <td style={cell}>{it.rank}</td>
            <td style={cell}>
              <IssueKey issueKey={it.key} />
            </td>
            <td style={cell}>
              {it.summary} {it.kind === 'debt' && <Lozenge appearance="removed">tech debt</Lozenge>}
            </td>
            <td style={{ ...cell, textAlign: 'right', whiteSpace: 'nowrap' }}>
              {it.estimated ? <abbr title="No story points in Jira: the project's median">≈{round(it.points)}</abbr> : round(it.points)}
            </td>
            <td style={{ ...cell, textAlign: 'right' }}>{formatScore(it.score)}</td>
            <td style={{ ...cell, color: text.subtle, fontSize: 13 }}>{it.why}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LowRanked({ active }: { active: NonNullable<SprintProposal['activeSprint']> }) {
  return (
    <section aria-labelledby="low-ranked-heading" style={{ marginTop: token('space.300', '24px') }}>
      <h3 id="low-ranked-heading" style={{ fontSize: 16, margin: '0 0 4px' }}>
        In {active.name} but ranks low
      </h3>
      <p style={{ margin: '0 0 8px', fontSize: 12, color: text.subtle }}>
        Of the {active.issues} open issue{active.issues === 1 ? '' : 's'} in the active sprint, these rank below everything proposed for the next one.
      </p>
      {active.lowRanked.length === 0 ? (
        <p style={{ fontSize: 13, color: text.subtle }}>Nothing: the active sprint holds only work that ranks at least as high as the proposal.</p>
      ) : (
        <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {active.lowRanked.map((it) => (
            <li key={it.key} style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '2px 0' }}>
              <span style={{ minWidth: 64, fontSize: 12, color: text.subtle }}>rank {it.rank}</span>
              <IssueKey issueKey={it.key} />
              <span>{it.summary}</span>
              <span style={{ fontSize: 12, color: text.subtlest }}>score {formatScore(it.score)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The Sprint tab: the next sprint's proposal from the ranking, and what in the active sprint ranks low. */
export function SprintView({ projectKey }: { projectKey: string }) {
  const [capacityText, setCapacityText] = useState('');
  const [capacity, setCapacity] = useState<number | null>(null);
  const payload: Payload<'planSprint'> = { projectKey, ...(capacity !== null ? { capacity } : {}) };
  const sprint = useOperation('planSprint', payload);
  const building = usePollWhile(sprint, (d) => d.status === 'building');
  const n = Number(capacityText);
  const valid = capacityText.trim() === '' || (Number.isFinite(n) && n > 0 && n <= 100_000);
  if (building && sprint.data) {
    return <FirstBuild state={sprint.data} error={sprint.error} onRetry={sprint.reload} note="The sprint proposal shows here as soon as it is done." />;
  }
  const plan = sprint.data;
  return (
    <div>
      <form
        style={{ display: 'flex', gap: 8, alignItems: 'flex-end', marginBottom: 12, flexWrap: 'wrap' }}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) setCapacity(capacityText.trim() === '' ? null : n);
        }}
      >
        <div style={{ width: 220 }}>
          <label htmlFor="sprint-capacity" style={{ fontSize: 12, color: text.subtle }}>
            Sprint capacity (points; empty = from sprint history)
          </label>
          <Textfield
            id="sprint-capacity"
            type="number"
            min={1}
            value={capacityText}
            isInvalid={!valid}
            isCompact
            onChange={(e) => setCapacityText((e.target as HTMLInputElement).value)}
          />
        </div>
        <Button type="submit" isDisabled={!valid}>
          Plan the sprint
        </Button>
        {!valid && (
          <span role="alert" style={{ color: token('color.text.danger', '#AE2E24'), fontSize: 12 }}>
            Enter a positive number of points.
          </span>
        )}
        <span style={{ flex: 1 }} />
        <Button onClick={sprint.reload} isLoading={sprint.loading}>
          Refresh
        </Button>
      </form>
      {sprint.error && <ErrorView error={sprint.error} onRetry={sprint.reload} />}
      {!plan && sprint.loading && <Loading label="Planning the next sprint…" />}
      {plan && (
        <>
          <SourceProblems sources={plan.sources} />
          {plan.warnings.length > 0 && (
            <div style={{ marginBottom: 12 }}>
              <SectionMessage appearance="warning" title="Worth a look">
                <ul>
                  {plan.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </SectionMessage>
            </div>
          )}
          <section
            aria-label="Sprint figures"
            style={{ display: 'flex', gap: token('space.300', '24px'), flexWrap: 'wrap', alignItems: 'flex-start', marginBottom: token('space.200', '16px') }}
          >
            <Figure label="Capacity" value={`${round(plan.capacity)} pts`} hint={sourceText(plan.capacitySource)} />
            <UsedBar plan={plan} />
            <Figure label="Customer share" value={formatPercent(plan.customerShare)} hint="of the points on work customers asked for" />
            <Figure label="Tech-debt share" value={formatPercent(plan.debtShare)} hint={`${formatPercent(plan.targetDebtShare)} kept for tech debt`} />
          </section>
          <Proposal plan={plan} />
          {plan.activeSprint && <LowRanked active={plan.activeSprint} />}
        </>
      )}
    </div>
  );
}

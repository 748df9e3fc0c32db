import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { Payload } from '../../../src/contract/operations';
import type { SprintCapacitySource, SprintProposal } from '../../../src/contract/sprint';
import { formatPercent, formatScore, round } from '../../shared/format';
import { useOperation, usePollWhile } from '../../shared/use-operation';
import { CapacityForm, useCapacityInput } from './capacity-form';
import { EmptyView, ErrorView, Loading, text } from '../../shared/ui';
import { FirstBuild, SourceProblems } from '../../shared/snapshot-views';
import { IssueKey, LowRanked, Skipped } from './sprint-sides';

const FEATURE = token('color.chart.blue.bold', '#1D7AFC');
const DEBT = token('color.chart.purple.bold', '#8270DB');
const cell = {
  padding: '6px 8px',
  borderBottom: `1px solid ${token('color.border', '#091E4224')}`,
  textAlign: 'left' as const,
  verticalAlign: 'middle' as const,
};

function sourceText(source: SprintCapacitySource): string {
  if (source.kind === 'typed') return 'typed by you';
  if (source.kind === 'history') return `median of the last ${source.sprints} closed sprint${source.sprints === 1 ? '' : 's'}`;
  return 'no sprint history: type a capacity';
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

/** The Sprint tab: the next sprint's proposal from the ranking, and what in the active sprint ranks low. */
export function SprintView({ projectKey }: { projectKey: string }) {
  const capacityInput = useCapacityInput(100_000);
  const [capacity, setCapacity] = useState<number | null>(null);
  const payload: Payload<'planSprint'> = { projectKey, ...(capacity !== null ? { capacity } : {}) };
  const sprint = useOperation('planSprint', payload);
  const building = usePollWhile(sprint, (d) => d.status === 'building');
  if (building && sprint.data) {
    return <FirstBuild state={sprint.data} error={sprint.error} onRetry={sprint.reload} note="The sprint proposal shows here as soon as it is done." />;
  }
  const plan = sprint.data;
  return (
    <div>
      <CapacityForm
        input={capacityInput}
        id="sprint-capacity"
        label="Sprint capacity (points; empty = from sprint history)"
        width={300}
        submit="Plan the sprint"
        invalid="Enter a positive number of points."
        onSubmit={setCapacity}
      >
        <Button onClick={sprint.reload} isLoading={sprint.loading}>
          Refresh
        </Button>
      </CapacityForm>
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
          <div style={{ display: 'flex', gap: token('space.300', '24px'), alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <div style={{ flex: '1 1 640px', minWidth: 0 }}>
              <Proposal plan={plan} />
            </div>
            {(plan.activeSprint || plan.skipped.length > 0) && (
              <aside aria-label="Next to the proposal" style={{ flex: '0 1 380px', minWidth: 280 }}>
                <Skipped skipped={plan.skipped} />
                {plan.activeSprint && <LowRanked active={plan.activeSprint} />}
              </aside>
            )}
          </div>
        </>
      )}
    </div>
  );
}

import { useEffect, useState, type CSSProperties } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { BacklogItem, FactorId, Neighbour } from '../../../src/contract/model';
import { FACTOR_IDS } from '../../../src/contract/model';
import { openInJira } from '../../shared/bridge';
import { useModuleContext } from '../../shared/forge-context';
import { FACTOR_LABELS, formatDate, formatEffort, formatScore, gapHint, positionText, relativeTime } from '../../shared/format';
import { useOperation, usePollWhile } from '../../shared/use-operation';
import { Bar, ConfidenceLozenge, EmptyView, ErrorView, FACTOR_COLORS, Loading, mount, text } from '../../shared/ui';
import { evidenceLines } from '../../shared/evidence';
import { FirstBuild, SourceProblems } from '../../shared/snapshot-views';
import { StakeholderVotes } from './votes';
import { HistoryChart } from './history-chart';
import { SECTION_HEADING } from './section-heading';

/** Why the issue ranks below (or above) its neighbour: the neighbour, its score and the factors that differ. */
function NeighbourWhy({ side, neighbour, style }: { side: 'Above' | 'Below'; neighbour: Neighbour; style?: CSSProperties }) {
  return (
    <div style={style}>
      <div style={{ color: text.color }}>
        {side}{' '}
        <Button appearance="subtle" spacing="compact" onClick={() => void openInJira(`/browse/${neighbour.key}`)}>
          {neighbour.key}
        </Button>{' '}
        ({formatScore(neighbour.score)})
      </div>
      <ul style={{ paddingLeft: 16, margin: 0, fontSize: '13px', color: text.subtle }}>
        {neighbour.differences.map((d) => (
          <li key={d.factor}>{d.text}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * How many votes the score shown counts. The evidence and the score are stored apart and a view may read one just
 * before a rescore and the other just after; until both agree (a vote counted has a stakeholders value above 0),
 * this says -1, so the vote control keeps reloading.
 */
function countedVotes(item: BacklogItem): number {
  const factor = item.factors.stakeholders;
  const voters = (factor?.evidence as { voters?: number } | undefined)?.voters ?? 0;
  return voters > 0 === (factor?.value ?? 0) > 0 ? voters : -1;
}

function Explain({ issueKey }: { issueKey: string }) {
  const explain = useOperation('explainIssue', { issueKey });
  const building = usePollWhile(explain, (d) => d.status === 'building');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);

  if (building && explain.data) {
    return <FirstBuild state={explain.data} error={explain.error} onRetry={explain.reload} note="This issue's score shows here as soon as it is done." />;
  }
  if (explain.error) {
    if (explain.error.code === 'NOT_FOUND') {
      return <EmptyView header="Not ranked" description="ValueRank does not rank this issue (done, an epic or a sub-task, or outside the candidate query)." />;
    }
    return <ErrorView error={explain.error} onRetry={explain.reload} />;
  }
  if (!explain.data) return <Loading label="Explaining the rank…" />;
  const { item, total, above, below } = explain.data;
  // Only a building answer comes without an item (handled above); anything else without one is not ranked.
  if (item === null) return <EmptyView header="Not ranked" description="ValueRank has no score for this issue yet." />;
  const maxContribution = Math.max(1, ...FACTOR_IDS.map((id) => item.factors[id]?.contribution ?? 0));

  return (
    <div style={{ opacity: explain.loading ? 0.6 : 1 }}>
      <SourceProblems sources={explain.data.sources} />
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, flexWrap: 'wrap' }}>
        <span style={{ fontSize: '28px', fontWeight: 600, color: text.color }} aria-label={`Score ${formatScore(item.score)} of 100`}>
          {formatScore(item.score)}
        </span>
        <span style={{ color: text.subtle }}>{positionText(item.rank, total)}</span>
        {item.isDebt && <Lozenge appearance="removed">debt</Lozenge>}
        {item.pin?.position !== undefined && <Lozenge appearance="inprogress">pinned #{item.pin.position}</Lozenge>}
        {item.pin?.quarter !== undefined && <Lozenge appearance="inprogress">{item.pin.quarter}</Lozenge>}
        <ConfidenceLozenge confidence={item.confidence} />
      </div>
      {item.pin?.byName !== undefined && (
        <div style={{ fontSize: '12px', color: text.subtle }}>
          Pinned by {item.pin.byName}
          {item.pin.at !== undefined ? ` on ${formatDate(item.pin.at)}` : ''}
        </div>
      )}
      <div style={{ fontSize: '12px', color: text.subtlest }}>
        Jira rank #{item.jiraRank} · effort {formatEffort(item.effort)} (score ÷ {item.effort.divisor.toFixed(2)}) · {item.customers} customer
        {item.customers === 1 ? '' : 's'}
      </div>

      <h2 style={SECTION_HEADING}>Factors</h2>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {FACTOR_IDS.map((id: FactorId) => {
          const f = item.factors[id];
          return (
            <li key={id} style={{ display: 'grid', gridTemplateColumns: '1fr auto', gap: '2px 8px', marginBottom: 6 }}>
              <span style={{ color: text.color }}>{FACTOR_LABELS[id]}</span>
              <span style={{ color: text.subtle, fontVariantNumeric: 'tabular-nums' }}>+{formatScore(f?.contribution ?? 0)}</span>
              <span style={{ gridColumn: '1 / span 2' }}>
                <Bar
                  share={(f?.contribution ?? 0) / maxContribution}
                  color={FACTOR_COLORS[id]}
                  label={`${FACTOR_LABELS[id]}: value ${Math.round((f?.value ?? 0) * 100)}%, weight ${f?.weight ?? 0}, contributes ${formatScore(f?.contribution ?? 0)} points`}
                  width={300}
                />
              </span>
            </li>
          );
        })}
      </ul>

      <h2 style={SECTION_HEADING}>Evidence</h2>
      {(() => {
        const lines = evidenceLines(item);
        return lines.length === 0 ? (
          <p style={{ color: text.subtlest, margin: 0 }}>No customer feedback, linked bugs or blocked issues.</p>
        ) : (
          <ul style={{ paddingLeft: 16, margin: 0 }}>
            {lines.map((l, i) => (
              <li key={i} style={{ color: text.color }}>
                {l.text}
                {l.keys.map((k) => (
                  <Button key={k} appearance="subtle" spacing="compact" onClick={() => void openInJira(`/browse/${k}`)}>
                    {k}
                  </Button>
                ))}
                {l.date && <span style={{ color: text.subtlest }}> ({formatDate(l.date)})</span>}
              </li>
            ))}
          </ul>
        );
      })()}

      <h2 style={SECTION_HEADING}>Stakeholder votes</h2>
      <StakeholderVotes issueKey={issueKey} votes={explain.data.votes ?? []} counted={countedVotes(item)} reload={explain.reload} />

      <h2 style={SECTION_HEADING}>Why here</h2>
      {!above && !below && <p style={{ color: text.subtlest, margin: 0 }}>It is the only ranked issue.</p>}
      {above && <NeighbourWhy side="Below" neighbour={above} style={{ marginBottom: 8 }} />}
      {below && <NeighbourWhy side="Above" neighbour={below} />}

      <HistoryChart history={explain.data.history} />

      {item.gaps.length > 0 && (
        <>
          <h2 style={SECTION_HEADING}>Missing data</h2>
          <ul style={{ paddingLeft: 16, margin: 0 }}>
            {item.gaps.map((g) => (
              <li key={g} style={{ color: token('color.text.warning', '#A54800') }}>
                {gapHint(g)}
              </li>
            ))}
          </ul>
        </>
      )}

      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 16, fontSize: '12px', color: text.subtlest }}>
        <span aria-live="polite">
          Computed {relativeTime(explain.data.computedAt, now)} · config v{explain.data.configVersion}
        </span>
        <span style={{ flex: 1 }} />
        <Button spacing="compact" onClick={explain.reload} isLoading={explain.loading}>
          Refresh
        </Button>
      </div>
    </div>
  );
}

function IssuePanel() {
  const { context } = useModuleContext();
  if (!context) return <Loading label="Loading…" />;
  return (
    <div style={{ padding: token('space.100', '8px'), maxWidth: 420, color: text.color, fontSize: '14px' }}>
      {context.issueKey ? <Explain issueKey={context.issueKey} /> : <EmptyView header="No issue" description="Open this panel from a Jira issue." />}
    </div>
  );
}

mount(<IssuePanel />);

import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Tooltip from '@atlaskit/tooltip';
import { token } from '@atlaskit/tokens';
import type { RoadmapQuarter } from '../../../src/contract/model';
import type { Payload } from '../../../src/contract/operations';
import { openInJira } from '../../shared/bridge';
import { roadmapCsv } from '../../shared/csv';
import { csvFileName, downloadCsv } from '../../shared/download';
import { round } from '../../shared/format';
import { useOperation, usePollWhile } from '../../shared/use-operation';
import { CapacityForm, useCapacityInput } from './capacity-form';
import { EmptyView, ErrorView, Loading, text } from '../../shared/ui';
import { FirstBuild, SourceProblems } from '../../shared/snapshot-views';

const FEATURE = token('color.chart.blue.bold', '#1D7AFC');
const DEBT = token('color.chart.purple.bold', '#8270DB');

/** Capacity used, split feature / debt, as one bar (over 100 % is shown full and flagged in words). */
function CapacityBar({ q }: { q: RoadmapQuarter }) {
  const cap = q.capacity > 0 ? q.capacity : 1;
  const f = Math.min(1, q.used.feature / cap);
  const d = Math.min(1 - f, q.used.debt / cap);
  const label = `${round(q.used.feature + q.used.debt)} of ${round(q.capacity)} points used: ${round(q.used.feature)} feature, ${round(q.used.debt)} debt`;
  return (
    <div>
      <div
        role="img"
        aria-label={label}
        style={{ display: 'flex', height: 8, borderRadius: 4, overflow: 'hidden', background: token('color.background.neutral', '#091E420F') }}
      >
        <span style={{ width: `${f * 100}%`, background: FEATURE }} />
        <span style={{ width: `${d * 100}%`, background: DEBT }} />
      </div>
      <div style={{ fontSize: 12, color: text.subtle, marginTop: 4 }}>
        {round(q.used.feature + q.used.debt)} / {round(q.capacity)} pts · <span style={{ color: FEATURE }}>■</span> feature {round(q.used.feature)} ·{' '}
        <span style={{ color: DEBT }}>■</span> debt {round(q.used.debt)}
      </div>
    </div>
  );
}

function Item({ item }: { item: { key: string; summary?: string; points: number; kind?: 'feature' | 'debt'; reason: string; atRisk?: string } }) {
  return (
    <li
      style={{
        listStyle: 'none',
        padding: '6px 8px',
        borderRadius: 4,
        marginBottom: 6,
        background: token('elevation.surface.raised', '#FFFFFF'),
        boxShadow: token('elevation.shadow.raised', '0 1px 1px #091E4240'),
      }}
    >
      <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button appearance="subtle" spacing="compact" onClick={() => void openInJira(`/browse/${item.key}`)} aria-label={`Open ${item.key} in Jira`}>
          {item.key}
        </Button>
        <span style={{ color: text.subtle, fontSize: 12 }}>{round(item.points)} pts</span>
        {item.kind === 'debt' && <Lozenge appearance="removed">debt</Lozenge>}
        {item.atRisk && (
          <Tooltip content={item.atRisk}>
            {(p) => (
              <span {...p} tabIndex={0} aria-label={`At risk: ${item.atRisk}`}>
                <Lozenge appearance={item.atRisk?.startsWith('overdue') ? 'removed' : 'moved'}>
                  {item.atRisk?.startsWith('overdue') ? 'overdue' : 'at risk'}
                </Lozenge>
              </span>
            )}
          </Tooltip>
        )}
      </div>
      {item.summary && <div style={{ fontSize: 13, color: token('color.text', '#172B4D'), margin: '2px 0' }}>{item.summary}</div>}
      <div style={{ fontSize: 12, color: text.subtlest }}>{item.reason}</div>
      {item.atRisk && <div style={{ fontSize: 12, color: token('color.text.warning', '#A54800') }}>⚠ {item.atRisk}</div>}
    </li>
  );
}

export function RoadmapView({ projectKey }: { projectKey: string }) {
  const capacityInput = useCapacityInput(1_000_000);
  const [capacity, setCapacity] = useState<number | null>(null);
  const payload: Payload<'getRoadmap'> = { projectKey, quarters: 4, ...(capacity !== null ? { capacityOverride: capacity } : {}) };
  const roadmap = useOperation('getRoadmap', payload);
  const building = usePollWhile(roadmap, (d) => d.status === 'building');
  if (building && roadmap.data) {
    return <FirstBuild state={roadmap.data} error={roadmap.error} onRetry={roadmap.reload} note="The roadmap shows here as soon as it is done." />;
  }

  return (
    <div>
      <CapacityForm
        input={capacityInput}
        id="capacity-override"
        label="Capacity per quarter (points; empty = from sprint history)"
        width={220}
        submit="Re-plan"
        invalid="Enter a positive number."
        onSubmit={setCapacity}
      >
        <Button onClick={roadmap.reload} isLoading={roadmap.loading}>
          Refresh
        </Button>
        <Button
          onClick={() => roadmap.data && downloadCsv(csvFileName(`${projectKey}-roadmap`), roadmapCsv(roadmap.data))}
          isDisabled={!roadmap.data || roadmap.data.quarters.length === 0}
        >
          Export CSV
        </Button>
      </CapacityForm>
      {roadmap.error && <ErrorView error={roadmap.error} onRetry={roadmap.reload} />}
      {!roadmap.data && roadmap.loading && <Loading label="Planning the roadmap…" />}
      {roadmap.data && (
        <>
          <SourceProblems sources={roadmap.data.sources} />
          {roadmap.data.warnings.length > 0 && (
            <div style={{ marginBottom: 12 }}>
              <SectionMessage appearance="warning" title="Worth a look">
                <ul>
                  {roadmap.data.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </SectionMessage>
            </div>
          )}
          {roadmap.data.quarters.length === 0 && roadmap.data.later.length === 0 ? (
            <EmptyView header="Nothing to plan" description="There are no open issues to place on the roadmap." />
          ) : (
            <div
              style={{
                display: 'grid',
                gridTemplateColumns: `repeat(${roadmap.data.quarters.length + 1}, minmax(190px, 1fr))`,
                gap: 12,
                overflowX: 'auto',
                opacity: roadmap.loading ? 0.6 : 1,
              }}
            >
              {roadmap.data.quarters.map((q, i) => (
                <section
                  key={q.label}
                  aria-label={`Quarter ${q.label}`}
                  style={{ background: token('color.background.neutral', '#091E420F'), borderRadius: 6, padding: 8 }}
                >
                  <h3 style={{ margin: '0 0 4px', fontSize: 14 }}>
                    {q.label} {i === 0 && <Lozenge appearance="new">current</Lozenge>}
                  </h3>
                  <div style={{ fontSize: 11, color: text.subtlest, marginBottom: 6 }}>
                    {q.start} – {q.end}
                  </div>
                  <CapacityBar q={q} />
                  {q.items.length === 0 ? (
                    <p style={{ color: text.subtlest, fontSize: 12 }}>Nothing planned.</p>
                  ) : (
                    <ul style={{ padding: 0, marginTop: 8 }}>
                      {q.items.map((it) => (
                        <Item key={it.key} item={it} />
                      ))}
                    </ul>
                  )}
                </section>
              ))}
              <section aria-label="Later" style={{ background: token('color.background.neutral', '#091E420F'), borderRadius: 6, padding: 8 }}>
                <h3 style={{ margin: '0 0 4px', fontSize: 14 }}>Later</h3>
                <div style={{ fontSize: 12, color: text.subtle }}>{roadmap.data.later.length} items that do not fit</div>
                {roadmap.data.later.length === 0 ? (
                  <p style={{ color: text.subtlest, fontSize: 12 }}>Everything fits.</p>
                ) : (
                  <ul style={{ padding: 0, marginTop: 8 }}>
                    {roadmap.data.later.map((it) => (
                      <Item key={it.key} item={it} />
                    ))}
                  </ul>
                )}
              </section>
            </div>
          )}
        </>
      )}
    </div>
  );
}

import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { SprintProposal } from '../../../src/contract/sprint';
import { openInJira } from '../../shared/bridge';
import { formatScore, round } from '../../shared/format';
import { text } from '../../shared/ui';

export function IssueKey({ issueKey }: { issueKey: string }) {
  return (
    <Button appearance="subtle" spacing="compact" onClick={() => void openInJira(`/browse/${issueKey}`)} aria-label={`Open ${issueKey} in Jira`}>
      {issueKey}
    </Button>
  );
}

const box = {
  padding: token('space.150', '12px'),
  borderRadius: 4,
  marginBottom: token('space.200', '16px'),
  background: token('elevation.surface.raised', '#FFFFFF'),
  boxShadow: token('elevation.shadow.raised', '0 1px 1px #091E4240'),
};
/** Low-ranked items shown before "Show all": a sprint review looks at the worst few first. */
const FIRST_LOW = 8;
const row = { display: 'grid', gridTemplateColumns: '60px 84px 1fr', gap: 6, alignItems: 'baseline', justifyItems: 'start', padding: '3px 0' } as const;

/** What the active sprint holds that ranks below everything proposed for the next one: candidates to drop or swap. */
export function LowRanked({ active }: { active: NonNullable<SprintProposal['activeSprint']> }) {
  const [all, setAll] = useState(false);
  const shown = all ? active.lowRanked : active.lowRanked.slice(0, FIRST_LOW);
  return (
    <section aria-labelledby="low-ranked-heading" style={box}>
      <h3 id="low-ranked-heading" style={{ fontSize: 15, margin: '0 0 4px' }}>
        In {active.name} but ranks low
      </h3>
      <p style={{ margin: '0 0 8px', fontSize: 12, color: text.subtle }}>
        {active.lowRanked.length} of its {active.issues} open issue{active.issues === 1 ? '' : 's'} rank below everything proposed for the next sprint.
      </p>
      {active.lowRanked.length > 0 && (
        <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {shown.map((it) => (
            <li key={it.key} style={row}>
              <span style={{ fontSize: 12, color: text.subtle }}>rank {it.rank}</span>
              <IssueKey issueKey={it.key} />
              <span style={{ fontSize: 13 }}>
                {it.summary} <span style={{ fontSize: 12, color: text.subtlest }}>· score {formatScore(it.score)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown.length < active.lowRanked.length && (
        <Button appearance="subtle" spacing="compact" onClick={() => setAll(true)}>
          Show all {active.lowRanked.length}
        </Button>
      )}
    </section>
  );
}

/** What ranks above the proposal's cut but is not in it, and why, so the gaps in the rank column read plainly. */
export function Skipped({ skipped }: { skipped: SprintProposal['skipped'] }) {
  if (skipped.length === 0) return null;
  return (
    <section aria-labelledby="skipped-heading" style={box}>
      <h3 id="skipped-heading" style={{ fontSize: 15, margin: '0 0 8px' }}>
        Ranked higher, not proposed
      </h3>
      <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
        {skipped.map((it) => (
          <li key={it.key} style={row}>
            <span style={{ fontSize: 12, color: text.subtle }}>rank {it.rank}</span>
            <IssueKey issueKey={it.key} />
            <span style={{ fontSize: 13 }}>
              {it.summary}{' '}
              <span style={{ fontSize: 12, color: text.subtle }}>
                · {round(it.points)} {it.points === 1 ? 'pt' : 'pts'} · {it.why}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

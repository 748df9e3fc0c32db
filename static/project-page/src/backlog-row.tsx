import { createContext, useContext } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Tooltip from '@atlaskit/tooltip';
import { token } from '@atlaskit/tokens';
import type { BacklogItem } from '../../../src/contract/model';
import { openInJira } from '../../shared/bridge';
import { formatEffort, formatScore, movement } from '../../shared/format';
import { Bar, ConfidenceLozenge, FactorStack, GapMarker, movementColor, text, VisuallyHidden } from '../../shared/ui';
import { CustomersCell } from './customers-cell';
import { MoveControl } from './move-control';
import type { Preview } from './what-if';

/** The what-if preview, for the What-if cells (context: a new preview re-renders only them). */
export const PreviewContext = createContext<Preview | null>(null);

/** Where an issue would move with the what-if weights; "–" until a slider has moved. */
function WhatIfCell({ itemKey }: { itemKey: string }) {
  const preview = useContext(PreviewContext);
  if (preview === null)
    return (
      <span style={{ color: text.subtlest }} aria-label="What-if: move a slider to preview">
        –
      </span>
    );
  const whatIf = preview.moves.get(itemKey);
  const wi = whatIf ? movement(whatIf.from, whatIf.to) : null;
  if (!whatIf || !wi) return <span style={{ color: text.subtlest }}>?</span>;
  return (
    <span
      aria-label={`What-if: ${wi.label}, to #${whatIf.to}`}
      title={`#${whatIf.from} → #${whatIf.to}`}
      style={{ fontWeight: 600, color: movementColor(wi.direction) }}
    >
      {wi.text}
    </span>
  );
}

/** The table's head; the What-if column shows while the what-if panel is open. */
export function backlogHead(showWhatIf: boolean) {
  return {
    cells: [
      { key: 'rank', content: 'Rank', width: 5 },
      { key: 'key', content: 'Key', width: 8 },
      { key: 'summary', content: 'Summary', width: 26 },
      { key: 'type', content: 'Type', width: 7 },
      { key: 'score', content: 'Score', width: 9 },
      { key: 'factors', content: 'Factors', width: 9 },
      { key: 'customers', content: 'Customers', width: 6 },
      { key: 'effort', content: 'Effort', width: 6 },
      { key: 'flags', content: 'Debt / data', width: 10 },
      { key: 'delta', content: 'Δ Jira', width: 5 },
      ...(showWhatIf ? [{ key: 'whatif', content: 'What-if', width: 6 }] : []),
      { key: 'actions', content: <VisuallyHidden>Actions</VisuallyHidden>, width: 9 },
    ],
  };
}

export interface RowActions {
  /** Issues in the whole ranking (the highest position an issue can be moved to). */
  total: number;
  pinBusy: boolean;
  showWhatIf: boolean;
  /** Pins the issue at a 1-based position, or unpins it (null). */
  setPinAt: (issueKey: string, position: number | null) => Promise<void>;
}

/** One ranked issue as a table row. */
export function backlogRow(it: BacklogItem, { total, pinBusy, showWhatIf, setPinAt }: RowActions) {
  const vsJira = movement(it.jiraRank, it.rank);
  return {
    key: it.key,
    cells: [
      { key: 'rank', content: <strong>{it.rank}</strong> },
      {
        key: 'key',
        content: (
          <Button appearance="subtle" spacing="compact" onClick={() => void openInJira(`/browse/${it.key}`)} aria-label={`Open ${it.key} in Jira`}>
            {it.key}
          </Button>
        ),
      },
      { key: 'summary', content: <span style={{ color: text.color }}>{it.summary}</span> },
      { key: 'type', content: <span style={{ color: text.subtle }}>{it.issueType}</span> },
      {
        key: 'score',
        content: (
          <span style={{ whiteSpace: 'nowrap' }}>
            <span style={{ display: 'inline-block', minWidth: 34 }}>{formatScore(it.score)}</span>
            <Bar share={it.score / 100} color={token('color.background.brand.bold', '#0C66E4')} label={`Score ${formatScore(it.score)} of 100`} width={40} />
          </span>
        ),
      },
      { key: 'factors', content: <FactorStack factors={it.factors} width={80} /> },
      { key: 'customers', content: <CustomersCell item={it} /> },
      {
        key: 'effort',
        content: (
          <Tooltip content={`Score divided by ${it.effort.divisor.toFixed(2)} for effort${it.effort.estimated ? ' (project median used: no estimate)' : ''}`}>
            {(p) => (
              <span {...p} tabIndex={0} style={{ color: it.effort.estimated ? text.subtlest : text.color }}>
                {formatEffort(it.effort)}
              </span>
            )}
          </Tooltip>
        ),
      },
      {
        key: 'flags',
        content: (
          <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap', alignItems: 'center' }}>
            {it.isDebt && <Lozenge appearance="removed">debt</Lozenge>}
            {/* In the table only doubt is worth a marker; the issue panel always shows the confidence. */}
            {it.confidence < 0.75 && <ConfidenceLozenge confidence={it.confidence} />}
            <GapMarker gaps={it.gaps} />
          </span>
        ),
      },
      {
        key: 'delta',
        content: (
          <span
            aria-label={`${vsJira.label} versus Jira rank ${it.jiraRank}`}
            title={`Jira rank ${it.jiraRank}`}
            style={{ color: movementColor(vsJira.direction) }}
          >
            {vsJira.text}
          </span>
        ),
      },
      ...(showWhatIf ? [{ key: 'whatif', content: <WhatIfCell itemKey={it.key} /> }] : []),
      {
        key: 'actions',
        content: (
          <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
            {it.pin?.position !== undefined && (
              <>
                <Lozenge appearance="inprogress">pinned #{it.pin.position}</Lozenge>
                <Button spacing="compact" appearance="subtle" onClick={() => void setPinAt(it.key, null)} isDisabled={pinBusy} aria-label={`Unpin ${it.key}`}>
                  Unpin
                </Button>
              </>
            )}
            {it.pin?.quarter !== undefined && <Lozenge appearance="inprogress">{it.pin.quarter}</Lozenge>}
            <MoveControl issueKey={it.key} current={it.rank} max={Math.max(total, 1)} busy={pinBusy} onMove={(pos) => void setPinAt(it.key, pos)} />
          </span>
        ),
      },
    ],
  };
}

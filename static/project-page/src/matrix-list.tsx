import { memo, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { openInJira } from '../../shared/bridge';
import { formatScore, round } from '../../shared/format';
import { QUADRANT_HINTS, QUADRANT_LABELS, type MatrixPoint, type Quadrant } from '../../shared/matrix-geometry';
import { text, VisuallyHidden } from '../../shared/ui';

const FEATURE = token('color.chart.blue.bold', '#1D7AFC');
const DEBT = token('color.chart.purple.bold', '#8270DB');

/** A point in words: key and summary, then score, value, effort and quadrant (one line each). */
function pointsText(n: number): string {
  return `${round(n, 1)} ${round(n, 1) === 1 ? 'point' : 'points'}`;
}

export function describePoint(p: MatrixPoint, q: Quadrant): string {
  const pts = pointsText(p.effort);
  const effort = p.estimated ? `no estimate (placed at the median, ${pts})` : pts;
  return [
    `${p.key} · ${p.summary}`,
    `#${p.rank} · score ${formatScore(p.score)} · value ${formatScore(p.value)} · effort ${effort}`,
    `${QUADRANT_LABELS[q]} (${QUADRANT_HINTS[q]}) · ${p.kind === 'debt' ? 'tech debt' : 'feature'}`,
  ].join('\n');
}

function Mark({ shape, hollow = false }: { shape: 'circle' | 'square'; hollow?: boolean }) {
  const color = shape === 'square' ? DEBT : FEATURE;
  const paint = hollow ? { fill: 'none', stroke: text.subtle, strokeWidth: 1.5 } : { fill: color };
  return (
    <svg width="12" height="12" aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 4 }}>
      {shape === 'circle' ? <circle cx="6" cy="6" r="4.5" {...paint} /> : <rect x="1.5" y="1.5" width="9" height="9" {...paint} />}
    </svg>
  );
}

/** What the marks mean, by shape as well as colour. */
export function MatrixLegend() {
  return (
    <ul
      aria-label="Legend"
      style={{
        display: 'flex',
        gap: token('space.200', '16px'),
        listStyle: 'none',
        padding: 0,
        margin: `0 0 ${token('space.100', '8px')}`,
        color: text.color,
        fontSize: 12,
      }}
    >
      <li>
        <Mark shape="circle" />
        Feature (circle)
      </li>
      <li>
        <Mark shape="square" />
        Tech debt (square)
      </li>
      <li>
        <Mark shape="circle" hollow />
        Hollow: no estimate, placed at the median
      </li>
      <li>
        <svg width="20" height="12" aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 4 }}>
          <line x1="0" y1="6" x2="20" y2="6" stroke={text.subtle} strokeDasharray="5 3" strokeWidth="1.5" />
        </svg>
        Medians
      </li>
    </ul>
  );
}

/** The best-ranked quick wins, to open from the meeting without hunting for their dots. */
export function TopQuickWins({ points, quadrants, count = 5 }: { points: readonly MatrixPoint[]; quadrants: readonly Quadrant[]; count?: number }) {
  const top = points.filter((_, i) => quadrants[i] === 'quickWin').slice(0, count);
  if (top.length === 0) return null;
  return (
    <section aria-label="Top quick wins" style={{ marginTop: token('space.200', '16px'), color: text.color }}>
      <h3 style={{ fontSize: 14, margin: `0 0 ${token('space.050', '4px')}` }}>Top quick wins, by rank</h3>
      <ol style={{ margin: 0, paddingLeft: token('space.300', '24px') }}>
        {top.map((p) => (
          <li key={p.key} style={{ marginBottom: token('space.050', '4px') }}>
            <Button appearance="subtle" spacing="compact" onClick={() => void openInJira(`/browse/${p.key}`)} aria-label={`Open ${p.key} in Jira`}>
              {p.key}
            </Button>{' '}
            {p.summary}{' '}
            <span style={{ color: text.subtle, fontSize: 12 }}>
              #{p.rank} · score {formatScore(p.score)} · value {formatScore(p.value)} · {pointsText(p.effort)}
              {p.estimated ? ' (no estimate)' : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

const ORDER: Quadrant[] = ['quickWin', 'bigBet', 'fillIn', 'moneyPit'];

/**
 * The chart for screen readers: every issue in rank order under its quadrant's heading. Rendered just after the
 * chart's first paint, so thousands of list items do not hold the chart back, and not again on hover (memo).
 */
export const MatrixList = memo(function MatrixList({ points, quadrants }: { points: readonly MatrixPoint[]; quadrants: readonly Quadrant[] }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setShown(true), 50);
    return () => clearTimeout(t);
  }, []);
  if (!shown) return null;
  return (
    <VisuallyHidden>
      <span role="region" aria-label="Issues by quadrant">
        {ORDER.map((q) => {
          const mine = points.filter((_, i) => quadrants[i] === q);
          return (
            <span key={q}>
              <span role="heading" aria-level={3}>
                {`${QUADRANT_LABELS[q]} (${QUADRANT_HINTS[q]}): ${mine.length} issues`}
              </span>
              <span role="list">
                {mine.map((p) => (
                  <span role="listitem" key={p.key}>
                    {describePoint(p, q).replace(/\n/g, '. ')}
                  </span>
                ))}
              </span>
            </span>
          );
        })}
      </span>
    </VisuallyHidden>
  );
});

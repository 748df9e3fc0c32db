import { token } from '@atlaskit/tokens';
import type { HistoryStep } from '../../../src/contract/history';
import { formatDate, formatScore } from '../../shared/format';
import { text, VisuallyHidden } from '../../shared/ui';
import { SECTION_HEADING } from './section-heading';

const W = 300;
const H = 96;
const PAD = { left: 26, right: 26, top: 8, bottom: 16 };
const SCORE = token('color.chart.blue.bold', '#1D7AFC');
const RANK = token('color.chart.orange.bold', '#D97008');

const stepWords = (s: HistoryStep): string => `${formatDate(s.at)}: score ${formatScore(s.score)}, rank ${s.rank}${s.why ? ` — ${s.why.text}` : ''}`;

/**
 * The issue's score (left axis, 0 at the bottom) and rank (right axis, 1 at the top) per day, with the reason of each
 * step as the point's title; the same series as a list for screen readers, and the latest reasons in words. Nothing
 * before a second day exists.
 */
export function HistoryChart({ history }: { history: readonly HistoryStep[] }) {
  if (history.length < 2) return null;
  const n = history.length;
  const maxScore = Math.max(1, ...history.map((s) => s.score));
  const maxRank = Math.max(2, ...history.map((s) => s.rank));
  const x = (i: number): number => PAD.left + (n === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (n - 1));
  const yScore = (v: number): number => H - PAD.bottom - (v / maxScore) * (H - PAD.top - PAD.bottom);
  const yRank = (r: number): number => PAD.top + ((r - 1) / (maxRank - 1)) * (H - PAD.top - PAD.bottom);
  const line = (y: (s: HistoryStep) => number): string => history.map((s, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(s).toFixed(1)}`).join(' ');
  const reasons = history
    .filter((s) => s.why !== undefined)
    .slice(-4)
    .reverse();
  return (
    <>
      <h2 style={SECTION_HEADING}>Over time</h2>
      <figure style={{ margin: 0 }} aria-labelledby="history-caption">
        <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" style={{ display: 'block', maxWidth: '100%' }}>
          <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke={token('color.border', '#091E4224')} />
          <text x={2} y={PAD.top + 8} fontSize={10} fill={SCORE}>
            {formatScore(maxScore)}
          </text>
          <text x={2} y={H - PAD.bottom} fontSize={10} fill={SCORE}>
            0
          </text>
          <text x={W - PAD.right + 4} y={PAD.top + 8} fontSize={10} fill={RANK}>
            #1
          </text>
          <text x={W - PAD.right + 4} y={H - PAD.bottom} fontSize={10} fill={RANK}>
            #{maxRank}
          </text>
          <text x={PAD.left} y={H - 3} fontSize={10} fill={text.subtlest}>
            {formatDate(history[0]!.at)}
          </text>
          <text x={W - PAD.right} y={H - 3} fontSize={10} fill={text.subtlest} textAnchor="end">
            {formatDate(history[n - 1]!.at)}
          </text>
          <path d={line((s) => yRank(s.rank))} fill="none" stroke={RANK} strokeWidth={1.5} strokeDasharray="4 3" />
          <path d={line((s) => yScore(s.score))} fill="none" stroke={SCORE} strokeWidth={2} />
          {history.map((s, i) => (
            <g key={s.at}>
              <title>{stepWords(s)}</title>
              <circle cx={x(i)} cy={yScore(s.score)} r={s.why ? 4 : 2.5} fill={SCORE} stroke={token('elevation.surface', '#FFFFFF')} />
              <circle cx={x(i)} cy={yRank(s.rank)} r={2} fill={RANK} />
            </g>
          ))}
        </svg>
        <figcaption id="history-caption" style={{ fontSize: 12, color: text.subtle }}>
          <span style={{ color: SCORE }}>━</span> score · <span style={{ color: RANK }}>┅</span> rank, last {n} {n === 1 ? 'day' : 'days'}
        </figcaption>
        <VisuallyHidden>
          <ol aria-label="Score and rank per day">
            {history.map((s) => (
              <li key={s.at}>{stepWords(s)}</li>
            ))}
          </ol>
        </VisuallyHidden>
        {reasons.length > 0 && (
          <ul style={{ paddingLeft: 16, margin: '4px 0 0', fontSize: 13, color: text.color }} aria-label="Latest changes">
            {reasons.map((s) => (
              <li key={s.at}>
                <span style={{ color: text.subtlest }}>{formatDate(s.at)}</span> {s.why!.text}
              </li>
            ))}
          </ul>
        )}
      </figure>
    </>
  );
}

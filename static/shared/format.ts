import type { FactorId } from '../../src/contract/model';
import { FACTOR_IDS } from '../../src/contract/model';
import { GAP_HINTS } from '../../src/contract/gaps';

export const FACTOR_LABELS: Record<FactorId, string> = {
  customerVoice: 'Customer voice',
  businessValue: 'Business value',
  timeCriticality: 'Time criticality',
  techDebt: 'Tech debt',
  enablement: 'Enablement',
  stakeholders: 'Stakeholders',
};

/** Rounds to `digits` decimals without producing `-0` or NaN (non-finite → 0). */
export function round(n: number, digits = 1): number {
  if (!Number.isFinite(n)) return 0;
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** A score (0–100) for display, one decimal. */
export function formatScore(score: number): string {
  return round(score, 1).toFixed(1);
}

/** A 0–1 share as a whole percentage, e.g. `0.256` → `26%`. */
export function formatPercent(share: number): string {
  return `${Math.round(round(share, 4) * 100)}%`;
}

/**
 * How far an issue moved between two 1-based positions; `from` is where it was (Jira's rank, or the
 * current value rank), `to` where it is now. Up means a smaller position number.
 */
export function movement(from: number, to: number): { direction: 'up' | 'down' | 'same'; by: number; text: string; label: string } {
  const by = Math.abs(from - to);
  if (to < from) return { direction: 'up', by, text: `↑${by}`, label: `up ${by}` };
  if (to > from) return { direction: 'down', by, text: `↓${by}`, label: `down ${by}` };
  return { direction: 'same', by: 0, text: '–', label: 'unchanged' };
}

/**
 * "computed 2 min ago" from an ISO time and now (ms). Future times (clock skew) read as "just now";
 * unreadable input reads as "at an unknown time".
 */
export function relativeTime(iso: string | null | undefined, nowMs: number): string {
  if (!iso) return 'at an unknown time';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 'at an unknown time';
  const s = Math.max(0, Math.round((nowMs - t) / 1000));
  if (s < 45) return 'just now';
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  return d === 1 ? '1 day ago' : `${d} days ago`;
}

/** An ISO date or date-time as `2026-11-25` (the date part), or the input when it is not a date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m ? m[1]! : iso;
}

/** Normalised shares of the weights (each weight / Σ weights); all zero when the sum is 0. */
export function weightShares(weights: Partial<Record<FactorId, number>>): Record<FactorId, number> {
  const total = FACTOR_IDS.reduce((s, id) => s + Math.max(0, weights[id] ?? 0), 0);
  const out = {} as Record<FactorId, number>;
  for (const id of FACTOR_IDS) out[id] = total > 0 ? Math.max(0, weights[id] ?? 0) / total : 0;
  return out;
}

/** Story points for display: `5`, `3 est.` when the project median stood in, `–` when unknown. */
export function formatEffort(effort: { points: number | null; divisor: number; estimated: boolean }): string {
  if (effort.points === null) return effort.estimated ? 'est.' : '–';
  return effort.estimated ? `${round(effort.points, 1)} est.` : String(round(effort.points, 1));
}

/** The hint for a gap code, or a generic sentence naming the unknown code. */
export function gapHint(code: string): string {
  return (GAP_HINTS as Record<string, string>)[code] ?? `Missing or unreadable data (${code}).`;
}

/** "#12 of 340". */
export function positionText(rank: number, total: number): string {
  return `#${rank} of ${total}`;
}

/** Confidence (0–1) in words, for a lozenge: high ≥ 0.75, medium ≥ 0.4, else low. */
export function confidenceLevel(confidence: number): 'high' | 'medium' | 'low' {
  if (confidence >= 0.75) return 'high';
  if (confidence >= 0.4) return 'medium';
  return 'low';
}

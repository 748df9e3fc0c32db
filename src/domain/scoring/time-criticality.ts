import { differenceInCalendarDays, format } from 'date-fns';
import type { ValueRankConfig } from '../../contract/config';
import { MALFORMED, isRecord, readDate, type Read } from './read-values';

export interface TimeCriticalityEvidence {
  /** yyyy-MM-dd of the date that counted, or null. */
  dueDate: string | null;
  source: 'duedate' | 'fixVersion' | null;
  /** Calendar days from `now` to the date (negative = overdue). */
  daysLeft: number | null;
}

/**
 * Time criticality, 0–1: 1 when due today or overdue, halving every `halfLifeDays` before the date; 0 without a date.
 * The date is the due date, else (when configured) the earliest release date of an unreleased fix version.
 */
export function timeCriticality(
  fields: Record<string, unknown>,
  now: Date,
  cfg: ValueRankConfig['timeCriticality'],
): { value: number; evidence: TimeCriticalityEvidence; malformed: boolean } {
  const due = readDate(fields.duedate);
  let at: Read<number> = due;
  let source: TimeCriticalityEvidence['source'] = typeof due === 'number' ? 'duedate' : null;
  if (due === null && cfg.useFixVersions) {
    const release = earliestUnreleased(fields.fixVersions);
    if (release !== null) {
      at = release;
      source = 'fixVersion';
    }
  }
  if (typeof at !== 'number') {
    return { value: 0, evidence: { dueDate: null, source: null, daysLeft: null }, malformed: due === MALFORMED };
  }
  const date = new Date(at);
  const daysLeft = differenceInCalendarDays(date, now);
  const value = daysLeft <= 0 ? 1 : Math.pow(0.5, daysLeft / cfg.halfLifeDays);
  return { value, evidence: { dueDate: format(date, 'yyyy-MM-dd'), source, daysLeft }, malformed: false };
}

function earliestUnreleased(raw: unknown): number | null {
  if (!Array.isArray(raw)) return null;
  let best: number | null = null;
  for (const v of raw.slice(0, 100)) {
    if (!isRecord(v) || v.released === true) continue;
    const d = readDate(v.releaseDate);
    if (typeof d === 'number' && (best === null || d < best)) best = d;
  }
  return best;
}

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
export type TimeCriticality = { value: number; evidence: TimeCriticalityEvidence; malformed: boolean };

const NO_DATE: TimeCriticality = Object.freeze({ value: 0, evidence: Object.freeze({ dueDate: null, source: null, daysLeft: null }), malformed: false });

/**
 * Memoises the date arithmetic per distinct date within one scoring run: many issues share a due date or a
 * release, and date-fns' calendar-day difference is the costliest step of the factor.
 */
export class TimeCriticalityCache {
  private readonly byDay = new Map<number, TimeCriticality>();
  constructor(
    readonly now: Date,
    readonly cfg: ValueRankConfig['timeCriticality'],
  ) {}
  at(ms: number, source: 'duedate' | 'fixVersion'): TimeCriticality {
    const key = source === 'duedate' ? ms : -ms - 1;
    let hit = this.byDay.get(key);
    if (hit === undefined) {
      const date = new Date(ms);
      const daysLeft = differenceInCalendarDays(date, this.now);
      const value = daysLeft <= 0 ? 1 : Math.pow(0.5, daysLeft / this.cfg.halfLifeDays);
      hit = { value, evidence: { dueDate: format(date, 'yyyy-MM-dd'), source, daysLeft }, malformed: false };
      this.byDay.set(key, hit);
    }
    return hit;
  }
}

export function timeCriticality(fields: Record<string, unknown>, cache: TimeCriticalityCache): TimeCriticality {
  const due = readDate(fields.duedate);
  let at: Read<number> = due;
  let source: TimeCriticalityEvidence['source'] = typeof due === 'number' ? 'duedate' : null;
  if (due === null && cache.cfg.useFixVersions) {
    const release = earliestUnreleased(fields.fixVersions);
    if (release !== null) {
      at = release;
      source = 'fixVersion';
    }
  }
  if (typeof at !== 'number' || source === null) return due === MALFORMED ? { ...NO_DATE, malformed: true } : NO_DATE;
  return cache.at(at, source);
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

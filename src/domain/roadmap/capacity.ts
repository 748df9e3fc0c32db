/**
 * A team's capacity per quarter from its sprint history (DESIGN.md, "Roadmap planning"): what a typical closed
 * sprint delivered, scaled from a typical sprint's length to a quarter's.
 */
import { differenceInCalendarDays, isDate, isValid, parseISO } from 'date-fns';

/** A sprint as read from Jira; only `state` is trusted, the other fields are checked here. */
export interface SprintRecord {
  /** Jira's sprint state: `future`, `active` or `closed`; only closed sprints count. */
  state: string;
  /** ISO date-time (or a Date) the sprint started. */
  startDate?: unknown;
  /** ISO date-time (or a Date) the sprint ended. */
  endDate?: unknown;
  /** Story points completed in the sprint (≥ 0). */
  completedPoints?: unknown;
}

export interface SprintCapacity {
  /** Points a full quarter can hold, fractional; null when no sprint was usable. */
  perQuarter: number | null;
  /** Median sprint length in calendar days; null when no sprint was usable. */
  sprintDays: number | null;
  /** How many closed sprints had valid dates and points and so were used. */
  sampleSize: number;
}

/**
 * Median completed points of the closed sprints × `quarterDays` / median sprint length in days. Medians keep one
 * unusually good or bad sprint from moving the plan. Sprints with missing or invalid dates, an end not after the
 * start, or non-numeric or negative points are skipped, so the result is never NaN.
 *
 * @param quarterDays calendar days in a full quarter (90–92, see `daysInQuarter`); must be positive.
 */
export function capacityFromSprints(sprints: readonly SprintRecord[], quarterDays: number): SprintCapacity {
  if (!Number.isFinite(quarterDays) || quarterDays <= 0) {
    throw new RangeError(`quarterDays must be a positive number of days, got ${String(quarterDays)}`);
  }
  const points: number[] = [];
  const lengths: number[] = [];
  for (const sprint of sprints) {
    const usable = readSprint(sprint);
    if (usable) {
      points.push(usable.points);
      lengths.push(usable.days);
    }
  }
  const medianPoints = median(points);
  const medianDays = median(lengths);
  if (medianPoints === null || medianDays === null) return { perQuarter: null, sprintDays: null, sampleSize: 0 };
  return { perQuarter: (medianPoints * quarterDays) / medianDays, sprintDays: medianDays, sampleSize: points.length };
}

function readSprint(sprint: unknown): { points: number; days: number } | null {
  if (typeof sprint !== 'object' || sprint === null) return null;
  const { state, startDate, endDate, completedPoints } = sprint as Partial<Record<keyof SprintRecord, unknown>>;
  if (typeof state !== 'string' || state.toLowerCase() !== 'closed') return null;
  if (typeof completedPoints !== 'number' || !Number.isFinite(completedPoints) || completedPoints < 0) return null;
  const start = toDate(startDate);
  const end = toDate(endDate);
  if (!start || !end) return null;
  // Calendar days end − start: Jira's default two-week sprint (same weekday and time) is 14 days, matching how
  // quarters are counted in calendar days.
  const days = differenceInCalendarDays(end, start);
  return days > 0 ? { points: completedPoints, days } : null;
}

function toDate(value: unknown): Date | null {
  const date = isDate(value) ? value : typeof value === 'string' ? parseISO(value) : null;
  return date && isValid(date) ? date : null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

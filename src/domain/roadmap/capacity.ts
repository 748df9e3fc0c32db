/**
 * A team's capacity per quarter from its sprint history (DESIGN.md, "Roadmap planning"): what a typical closed
 * sprint delivered, scaled from a typical sprint's length to a quarter's.
 *
 * Jira keeps no velocity on a sprint (the agile API's Sprint has id, state, name, dates and goal only). What a
 * closed sprint delivered is read from its issues, as Jira keeps them: the story points of the issues whose Sprint
 * field names the sprint and that were resolved between its start and its completion.
 */
import { differenceInCalendarDays, isDate, isValid, parseISO } from 'date-fns';
import { readPoints } from '../scoring/effort';
import { readDate } from '../scoring/read-values';

/** A sprint as the agile API lists it; only `id` and `state` are trusted, the dates are checked here. */
export interface SprintRecord {
  id: number;
  /** Jira's sprint state: `future`, `active` or `closed`; only closed sprints count. */
  state: string;
  /** ISO date-time (or a Date) the sprint started. */
  startDate?: unknown;
  /** ISO date-time (or a Date) the sprint was planned to end: its length is end − start. */
  endDate?: unknown;
  /** ISO date-time (or a Date) the sprint was closed: work resolved after it did not count for it. */
  completeDate?: unknown;
}

/** A done issue of some sprint, as Jira keeps it. */
export interface SprintIssue {
  /** The ids of the sprints its Sprint field names (every sprint it was in). */
  sprintIds: readonly number[];
  /** Its `resolutiondate` (Jira date-time text), unchecked. */
  resolved: unknown;
  /** Its story points, unchecked: anything but a number ≥ 0 counts as 0. */
  points: unknown;
}

export interface SprintCapacity {
  /** Points a full quarter can hold, fractional; null when no sprint was usable. */
  perQuarter: number | null;
  /** Median sprint length in calendar days; null when no sprint was usable. */
  sprintDays: number | null;
  /** How many closed sprints had valid dates and so were used. */
  sampleSize: number;
}

/** A closed sprint with usable dates and the story points delivered in it. */
export interface SprintDelivery {
  id: number;
  /** Story points of its issues resolved within [startDate, completeDate] (≥ 0). */
  points: number;
  /** Planned length in calendar days (> 0). */
  days: number;
}

/**
 * What each closed sprint delivered: for each closed sprint with a start, an end after it and a completion date,
 * the story points of the issues whose Sprint field names it and whose resolution date lies within
 * [startDate, completeDate] (inclusive). An issue carried over from one sprint to the next names both, and counts
 * only for the sprint it was resolved in; one resolved after its last sprint closed counts for none. Sprints
 * without usable dates are left out.
 */
export function deliveredBySprint(sprints: readonly SprintRecord[], issues: readonly SprintIssue[]): SprintDelivery[] {
  const windows: { id: number; from: number; to: number; days: number }[] = [];
  for (const sprint of sprints) {
    const w = readWindow(sprint);
    if (w) windows.push(w);
  }
  const points = new Map(windows.map((w) => [w.id, 0]));
  const byId = new Map(windows.map((w) => [w.id, w]));
  for (const issue of issues) {
    const resolved = readDate(issue.resolved);
    if (typeof resolved !== 'number' || !Array.isArray(issue.sprintIds)) continue;
    const p = readPoints(issue.points);
    const value = typeof p === 'number' ? p : 0;
    for (const id of new Set(issue.sprintIds)) {
      const w = byId.get(id);
      if (w && resolved >= w.from && resolved <= w.to) points.set(id, (points.get(id) ?? 0) + value);
    }
  }
  return windows.map((w) => ({ id: w.id, points: points.get(w.id) ?? 0, days: w.days }));
}

/**
 * Median delivered points of the closed sprints × `quarterDays` / median sprint length in days. Medians keep one
 * unusually good or bad sprint from moving the plan. The result is never NaN.
 *
 * @param quarterDays calendar days in a full quarter (90–92, see `daysInQuarter`); must be positive.
 */
export function capacityFromDeliveries(deliveries: readonly SprintDelivery[], quarterDays: number): SprintCapacity {
  if (!Number.isFinite(quarterDays) || quarterDays <= 0) {
    throw new RangeError(`quarterDays must be a positive number of days, got ${String(quarterDays)}`);
  }
  const medianPoints = median(deliveries.map((d) => d.points));
  const medianDays = median(deliveries.map((d) => d.days));
  if (medianPoints === null || medianDays === null) return { perQuarter: null, sprintDays: null, sampleSize: 0 };
  return { perQuarter: (medianPoints * quarterDays) / medianDays, sprintDays: medianDays, sampleSize: deliveries.length };
}

/**
 * Points a typical sprint delivers (DESIGN.md, "Operation shapes": planSprint): the median of the closed sprints'
 * delivered points, the same median the quarter capacity scales. Null when no sprint was usable.
 */
export function pointsPerSprint(deliveries: readonly SprintDelivery[]): { points: number; sampleSize: number } | null {
  const points = median(deliveries.map((d) => d.points));
  return points === null ? null : { points, sampleSize: deliveries.length };
}

/** `deliveredBySprint` then `capacityFromDeliveries`. */
export function capacityFromSprints(sprints: readonly SprintRecord[], issues: readonly SprintIssue[], quarterDays: number): SprintCapacity {
  return capacityFromDeliveries(deliveredBySprint(sprints, issues), quarterDays);
}

function readWindow(sprint: unknown): { id: number; from: number; to: number; days: number } | null {
  if (typeof sprint !== 'object' || sprint === null) return null;
  const { id, state, startDate, endDate, completeDate } = sprint as Partial<Record<keyof SprintRecord, unknown>>;
  if (typeof id !== 'number' || typeof state !== 'string' || state.toLowerCase() !== 'closed') return null;
  const start = toDate(startDate);
  const end = toDate(endDate);
  const complete = toDate(completeDate);
  if (!start || !end || !complete || complete.getTime() < start.getTime()) return null;
  // Calendar days end − start: Jira's default two-week sprint (same weekday and time) is 14 days, matching how
  // quarters are counted in calendar days.
  const days = differenceInCalendarDays(end, start);
  return days > 0 ? { id, from: start.getTime(), to: complete.getTime(), days } : null;
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

/**
 * Calendar quarters for the roadmap: labels (`2026-Q4`), first/last days and how much of the current quarter is
 * still open to plan. Dates are calendar dates in the process's time zone (UTC on Forge); all arithmetic is date-fns.
 */
import { addQuarters, differenceInCalendarDays, differenceInCalendarQuarters, endOfQuarter, format, isValid, parse, startOfQuarter } from 'date-fns';

const LABEL_FORMAT = "yyyy-'Q'Q";
const LABEL_PATTERN = /^\d{4}-Q[1-4]$/;
const ISO_DATE = 'yyyy-MM-dd';

/** One quarter of the planning horizon. */
export interface QuarterSlot {
  /** `yyyy-Qn`, e.g. `2026-Q4`. */
  label: string;
  /** First day, yyyy-MM-dd. */
  start: string;
  /** Last day, yyyy-MM-dd. */
  end: string;
  /** Calendar days in the whole quarter (90–92). */
  days: number;
  /**
   * Calendar days still open to plan (0–92): in the current quarter the days after `now` (today is treated as
   * spent, so 2026-11-25 leaves 36 of Q4's 92 days); in later quarters all of them.
   */
  openDays: number;
}

/** The `yyyy-Qn` label of the quarter holding `date`. */
export function quarterLabel(date: Date): string {
  return format(date, LABEL_FORMAT);
}

/** Calendar days (90–92) in the quarter holding `date`; callers use it as the `quarterDays` of sprint capacity. */
export function daysInQuarter(date: Date): number {
  return differenceInCalendarDays(endOfQuarter(date), startOfQuarter(date)) + 1;
}

/** `count` consecutive quarters starting with the one holding `now`. */
export function quarterHorizon(now: Date, count: number): QuarterSlot[] {
  const first = startOfQuarter(now);
  const slots: QuarterSlot[] = [];
  for (let i = 0; i < count; i++) {
    const start = addQuarters(first, i);
    const end = endOfQuarter(start);
    const days = daysInQuarter(start);
    slots.push({
      label: quarterLabel(start),
      start: format(start, ISO_DATE),
      end: format(end, ISO_DATE),
      days,
      openDays: i === 0 ? differenceInCalendarDays(end, now) : days,
    });
  }
  return slots;
}

/**
 * Points available in `slot` when a full quarter holds `capacityPerQuarter` points: pro-rated by open days, so the
 * current quarter only offers what the days left can deliver (fractional points allowed).
 */
export function proRatedCapacity(capacityPerQuarter: number, slot: QuarterSlot): number {
  return slot.openDays === slot.days ? capacityPerQuarter : (capacityPerQuarter * slot.openDays) / slot.days;
}

/**
 * How many quarters `label` lies after the quarter holding `now` (negative: in the past), or null when `label` is
 * not a `yyyy-Qn` quarter label.
 */
export function quarterOffset(label: string, now: Date): number | null {
  if (!LABEL_PATTERN.test(label)) return null;
  const start = parse(label, LABEL_FORMAT, now);
  return isValid(start) ? differenceInCalendarQuarters(start, now) : null;
}

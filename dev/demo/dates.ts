/**
 * Date helpers for the generators. All arithmetic is on absolute time (date-fns add/sub of
 * minutes, hours, milliseconds), never on local calendar days, so a seed does not depend on the
 * machine's time zone. Output formats are Jira's.
 */
import { addHours, addMilliseconds, addMinutes, differenceInMinutes, isAfter, isBefore } from 'date-fns';
import type { Rng } from './random';

export const MINUTES_PER_DAY = 24 * 60;

/** `n` days (fractions allowed) after `d`; negative goes back. */
export function plusDays(d: Date, n: number): Date {
  return addMinutes(d, Math.round(n * MINUTES_PER_DAY));
}

export function daysBetween(from: Date, to: Date): number {
  return differenceInMinutes(to, from) / MINUTES_PER_DAY;
}

/** Midnight UTC of the day `d` falls on. */
export function utcDayStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Monday 00:00 UTC of the week `d` falls in. */
export function utcWeekStart(d: Date): Date {
  const day = d.getUTCDay(); // 0 = Sunday
  return plusDays(utcDayStart(d), -((day + 6) % 7));
}

/**
 * A plausible moment of work on the day `d` falls on: a weekday (weekends move back to Friday),
 * between 07:00 and 18:00 UTC, with seconds and milliseconds, never after `notAfter`.
 */
export function workTime(d: Date, rng: Rng, notAfter: Date): Date {
  let day = utcDayStart(d);
  const dow = day.getUTCDay();
  if (dow === 6) day = plusDays(day, -1);
  else if (dow === 0) day = plusDays(day, -2);
  const t = addMilliseconds(addHours(day, 7), rng.int(0, 11 * 3600 * 1000 - 1));
  return clamp(t, new Date(-8.64e15), notAfter);
}

export function clamp(d: Date, lo: Date, hi: Date): Date {
  if (isBefore(d, lo)) return lo;
  if (isAfter(d, hi)) return hi;
  return d;
}

/** Jira's date-time format, e.g. `2026-05-12T09:31:22.123+0000`. */
export function jiraDateTime(d: Date): string {
  return d.toISOString().replace('Z', '+0000');
}

/** Jira's date format, e.g. `2026-12-01`. */
export function jiraDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The Agile API's format, e.g. `2026-11-16T09:00:00.000Z`. */
export function agileDateTime(d: Date): string {
  return d.toISOString();
}

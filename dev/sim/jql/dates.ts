/**
 * JQL date values, as Atlassian's JQL fields page gives them for Created, Updated, Due and Resolved
 * (https://support.atlassian.com/jira-software-cloud/docs/jql-fields/): "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm",
 * "yyyy/MM/dd" or "yyyy-MM-dd" ("if a time-component is not specified, midnight will be assumed"), or a period
 * relative to now (`-7d`, `2w`). "The search results will be relative to your configured time zone (which is by
 * default the Jira server's time zone)": a literal is a wall-clock minute in the searching user's time zone (their
 * profile's `timeZone`, as `GET /myself` reports it), UTC for a user without one (the simulated site's default zone,
 * which the app user has too). So are startOfDay() and endOfDay().
 *
 * Where the page is silent the simulator takes the less forgiving reading: a literal that is no calendar minute
 * (`2026-02-30`, `24:00`) or has seconds is an error. A wall-clock minute that a change to summer time skips
 * (02:30 on the day Berlin's clocks jump from 02:00 to 03:00) is read one hour later, as Java's lenient calendar reads it.
 */
import type { Actor } from '../access';
import { JqlError, type Value } from './parse';

/** The time zone the actor's JQL dates are read in: their profile's, else UTC; an unknown zone name is UTC too. */
export function userTimeZone(actor: Actor): string {
  const zone = actor.user?.['timeZone'];
  return typeof zone === 'string' && isKnownZone(zone) ? zone : 'UTC';
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** `zone`'s offset from UTC at the instant `ms`, in ms (Berlin in winter: +3,600,000). */
function offsetAt(zone: string, ms: number): number {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  const part = (type: string): number => Number(format.formatToParts(ms).find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant of a wall-clock time in `zone` (fields as Date.UTC takes them). */
export function zonedTime(zone: string, year: number, monthIndex: number, day: number, hour = 0, minute = 0): number {
  const wall = Date.UTC(year, monthIndex, day, hour, minute);
  // The offset at the wall time read as UTC, then at the instant that gives: right on both sides of a change.
  const first = wall - offsetAt(zone, wall);
  return wall - offsetAt(zone, first);
}

/** Midnight that starts the day `now` falls on in `zone`. */
function startOfDay(zone: string, now: number): number {
  const local = new Date(now + offsetAt(zone, now));
  return zonedTime(zone, local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
}

function invalid(text: string, field: string): JqlError {
  return new JqlError(
    `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w'.`,
  );
}

/** An absolute or relative JQL date, or now()/startOfDay()/endOfDay(), as epoch ms for `actor`. Throws JqlError. */
export function parseDateLiteral(value: Value & { kind: 'literal' | 'function' }, field: string, now: number, actor: Actor): number {
  const zone = userTimeZone(actor);
  if (value.kind === 'function') {
    const fn = value.name.toLowerCase();
    if (value.args.length === 0 && fn === 'now') return now;
    if (value.args.length === 0 && fn === 'startofday') return startOfDay(zone, now);
    if (value.args.length === 0 && fn === 'endofday') {
      const today = new Date(now + offsetAt(zone, now));
      return zonedTime(zone, today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1) - 1;
    }
    throw new JqlError(`The JQL function '${value.name}(${value.args.join(', ')})' is not supported by the simulator for the field '${field}'.`);
  }
  const text = value.text.trim();
  const abs = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (abs) {
    const [year, month, day, hour, minute] = [abs[1], abs[2], abs[3], abs[4] ?? '0', abs[5] ?? '0'].map(Number) as [number, number, number, number, number];
    const calendar = new Date(Date.UTC(year, month - 1, day));
    if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59) throw invalid(value.text, field);
    return zonedTime(zone, year, month - 1, day, hour, minute);
  }
  const rel = /^([+-]?)(\d+)([yMwdhm])$/.exec(text);
  if (rel) {
    const n = Number(rel[2]) * (rel[1] === '-' ? -1 : 1);
    const d = new Date(now);
    const unit = rel[3];
    if (unit === 'y') d.setUTCFullYear(d.getUTCFullYear() + n);
    else if (unit === 'M') d.setUTCMonth(d.getUTCMonth() + n);
    else d.setTime(now + n * { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 }[unit as 'w' | 'd' | 'h' | 'm']);
    return d.getTime();
  }
  throw invalid(value.text, field);
}

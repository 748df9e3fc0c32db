import { isValid, parseISO } from 'date-fns';

/**
 * Defensive readers for Jira field values of unknown shape. Each returns a clean value or a marker that the
 * value was present but unreadable, so callers can record a data gap instead of producing NaN.
 */
export const MALFORMED = Symbol('malformed');
export type Read<T> = T | null | typeof MALFORMED;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A finite number, or null when absent, or MALFORMED (strings, ADF objects, NaN, Infinity…). */
export function readNumber(v: unknown): Read<number> {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : MALFORMED;
  return MALFORMED;
}

/** Jira's date-time format with an explicit offset: `2026-11-20T10:00:00.000+0000` (or `Z`, or `+00:00`). */
const JIRA_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/**
 * A timestamp in ms from an ISO date or date-time string. Jira's own date-time format (explicit offset, so no
 * time zone is involved) is read by a fast path, since every issue and feedback ticket has one and scoring reads
 * hundreds of thousands; every other form goes through date-fns' parseISO.
 */
export function readDate(v: unknown): Read<number> {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'string' || v.length > 40) return MALFORMED;
  const m = JIRA_DATE_TIME.exec(v);
  if (m !== null) {
    const [, y, mo, d, h, mi, s, ms, z, sign, oh, om] = m;
    const month = Number(mo);
    const day = Number(d);
    const hour = Number(h);
    const minute = Number(mi);
    const second = Number(s);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59) {
      const local = Date.UTC(Number(y), month - 1, day, hour, minute, second, ms === undefined ? 0 : Number(ms.padEnd(3, '0')));
      // Date.UTC rolls 31 February over into March; a real calendar date keeps its day.
      if (new Date(local).getUTCDate() === day) {
        const offset = z !== undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
        return local - offset;
      }
    }
    return MALFORMED;
  }
  const parsed = parseISO(v);
  return isValid(parsed) ? parsed.getTime() : MALFORMED;
}

/** A plain string, or the `name` / `value` of a Jira object (issue type, status, select option). */
export function readName(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (isRecord(v)) {
    if (typeof v.name === 'string') return v.name;
    if (typeof v.value === 'string') return v.value;
  }
  return null;
}

/** Strings of an array field (labels), or the names of its objects (components); anything else is skipped. */
export function readNames(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const item of v) {
    const n = readName(item);
    if (n !== null) out.push(n);
  }
  return out;
}

/** Plain text of a string or an Atlassian Document Format node (summaries sometimes arrive as ADF). */
export function readText(v: unknown, limit = 1000): string {
  if (typeof v === 'string') return v.slice(0, limit);
  if (!isRecord(v) && !Array.isArray(v)) return '';
  const parts: string[] = [];
  let size = 0;
  const stack: unknown[] = [v];
  let steps = 0;
  while (stack.length > 0 && size < limit && steps++ < 10_000) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push(node[i]);
    } else if (isRecord(node)) {
      if (typeof node.text === 'string') {
        parts.push(node.text);
        size += node.text.length;
      }
      if (Array.isArray(node.content)) stack.push(node.content);
    }
  }
  return parts.join(' ').slice(0, limit);
}

/** The project key of an issue key (`PRJ-12` → `PRJ`), or null when the key is not of that form. */
export function projectOfKey(key: string): string | null {
  const i = key.lastIndexOf('-');
  return i > 0 ? key.slice(0, i) : null;
}

/**
 * m / (m + k), 0–1: the saturating normalisation of customer voice, debt interest and enablement. An overflowing
 * mass (a customer count of 1e308) saturates at 1 instead of giving Infinity / Infinity = NaN.
 */
export function saturate(m: number, k: number): number {
  if (!(m > 0)) return 0;
  return Number.isFinite(m) ? m / (m + k) : 1;
}

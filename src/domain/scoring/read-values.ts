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

/** The number written by `len` ASCII digits of `s` at `at`, or −1 when one of them is not a digit. */
function digitsAt(s: string, at: number, len: number): number {
  let v = 0;
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const NOT_JIRA_FORMAT = -1;

/**
 * Jira's date-time format with an explicit offset — `2026-11-20T10:00:00.000+0000` (or `Z`, or `+00:00`, with
 * 0–3 fraction digits) — read character by character: every issue and feedback ticket has one, and scoring
 * reads hundreds of thousands. Returns the timestamp, MALFORMED for an impossible date or time in that format,
 * or NOT_JIRA_FORMAT for any other text.
 */
function readJiraDateTime(v: string): number | typeof MALFORMED {
  const cc = (i: number): number => v.charCodeAt(i);
  if (v.length < 20 || cc(4) !== 45 || cc(7) !== 45 || cc(10) !== 84 || cc(13) !== 58 || cc(16) !== 58) return NOT_JIRA_FORMAT;
  const y = digitsAt(v, 0, 4);
  const month = digitsAt(v, 5, 2);
  const day = digitsAt(v, 8, 2);
  const hour = digitsAt(v, 11, 2);
  const minute = digitsAt(v, 14, 2);
  const second = digitsAt(v, 17, 2);
  if (y < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return NOT_JIRA_FORMAT;
  let i = 19;
  let ms = 0;
  if (cc(i) === 46) {
    let len = 0;
    while (len < 4 && i + 1 + len < v.length && cc(i + 1 + len) >= 48 && cc(i + 1 + len) <= 57) len++;
    if (len === 0 || len > 3) return NOT_JIRA_FORMAT;
    ms = digitsAt(v, i + 1, len) * (len === 1 ? 100 : len === 2 ? 10 : 1);
    i += 1 + len;
  }
  let offsetMinutes: number;
  const sign = cc(i);
  if (sign === 90 && v.length === i + 1) offsetMinutes = 0;
  else if (sign === 43 || sign === 45) {
    const colon = cc(i + 3) === 58 ? 1 : 0;
    if (v.length !== i + 5 + colon) return NOT_JIRA_FORMAT;
    const oh = digitsAt(v, i + 1, 2);
    const om = digitsAt(v, i + 3 + colon, 2);
    if (oh < 0 || om < 0) return NOT_JIRA_FORMAT;
    offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else return NOT_JIRA_FORMAT;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return MALFORMED;
  const local = Date.UTC(y, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 February over into March; a real calendar date keeps its day.
  if (new Date(local).getUTCDate() !== day) return MALFORMED;
  return local - offsetMinutes * 60_000;
}

/**
 * A timestamp in ms from an ISO date or date-time string. Jira's own date-time format (explicit offset, so no
 * time zone is involved) is read by a fast path; every other form goes through date-fns' parseISO.
 */
export function readDate(v: unknown): Read<number> {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'string' || v.length > 40) return MALFORMED;
  const fast = readJiraDateTime(v);
  if (fast !== NOT_JIRA_FORMAT) return fast;
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

/** The status category key (`new`, `indeterminate`, `done`) of an issue's fields, or null when unreadable. */
export function statusCategoryOf(fields: Record<string, unknown> | null): string | null {
  if (fields === null || !isRecord(fields.status) || !isRecord(fields.status.statusCategory)) return null;
  const k = fields.status.statusCategory.key;
  return typeof k === 'string' ? k : null;
}

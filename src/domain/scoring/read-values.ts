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

/** A timestamp in ms from an ISO date or date-time string (Jira's `2026-11-20T10:00:00.000+0000` included). */
export function readDate(v: unknown): Read<number> {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v !== 'string' || v.length > 40) return MALFORMED;
  const d = parseISO(v);
  return isValid(d) ? d.getTime() : MALFORMED;
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

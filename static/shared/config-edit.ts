import { isRecord } from './records';

/** `"a, b ,,c"` → `['a', 'b', 'c']` (trimmed, empties dropped, duplicates kept once, order kept). */
export function parseList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const v = part.trim();
    if (v !== '' && !seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

export function formatList(values: readonly string[] | null | undefined): string {
  return (values ?? []).join(', ');
}

/** Each pattern that is not a valid JavaScript regular expression, with the engine's reason. */
export function invalidPatterns(patterns: readonly string[]): { pattern: string; reason: string }[] {
  const out: { pattern: string; reason: string }[] = [];
  for (const pattern of patterns) {
    try {
      new RegExp(pattern);
    } catch (e) {
      out.push({ pattern, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/** A change between two configs at a dotted path (`weights.techDebt`, `techDebt.labels`). */
export interface ConfigChange {
  path: string;
  from: unknown;
  to: unknown;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The leaf paths where `after` differs from `before`. Objects are walked; arrays and records of
 * options compare whole at their own path (a list is one setting). Records such as `optionValues`
 * are walked too, so one added option is one change.
 */
export function diffConfig(before: unknown, after: unknown, prefix = ''): ConfigChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffConfig(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  return sameValue(before, after) ? [] : [{ path: prefix, from: before, to: after }];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (!isRecord(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/**
 * "Reload, keep my edits": applies the person's own changes (`base` → `edited`) onto the `latest`
 * config that someone else saved meanwhile. Returns the merged config and the paths where both sides
 * changed the same setting differently (the person's edit wins there; the UI lists them to check).
 */
export function rebaseEdits<T>(base: T, edited: T, latest: T): { merged: T; overlaps: ConfigChange[] } {
  const mine = diffConfig(base, edited);
  const theirs = new Map(diffConfig(base, latest).map((c) => [c.path, c]));
  const merged = structuredClone(latest) as unknown as Record<string, unknown>;
  const overlaps: ConfigChange[] = [];
  for (const change of mine) {
    const other = theirs.get(change.path);
    if (other && !sameValue(other.to, change.to)) overlaps.push({ path: change.path, from: other.to, to: change.to });
    setPath(merged, change.path, structuredClone(change.to));
  }
  return { merged: merged as unknown as T, overlaps };
}

/** A value for a one-line change summary: lists joined, null as "default", long text cut. */
export function describeValue(v: unknown): string {
  if (v === null) return 'default';
  if (v === undefined) return '—';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.map((x) => describeValue(x)).join(', ');
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/**
 * The `expectedVersion` to save a scope with. Asking for a project's config returns the global one
 * (scope `global`) while the project has no override of its own; its first override is then saved on top of version 0.
 */
export function expectedVersionFor(projectKey: string | null, loaded: { scope: 'global' | 'project'; version: number }): number {
  return projectKey !== null && loaded.scope === 'global' ? 0 : loaded.version;
}

/** Jira's timestamp format, e.g. `2026-11-25T09:30:00.000+0000` (always UTC here). */
export function jiraTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Parses an ISO-ish or Jira timestamp (`…+0000`, `…+01:00`, `2026-11-25`) to epoch ms; NaN when it is not a date. */
export function parseTimestamp(value: unknown): number {
  if (typeof value !== 'string' || value === '') return Number.NaN;
  const normalised = value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  return Date.parse(normalised);
}

/** A clock: frozen at `now` when given (ISO date), else the wall clock. */
export function makeClock(now: string | undefined): () => number {
  if (now === undefined) return () => Date.now();
  const fixed = parseTimestamp(now);
  if (Number.isNaN(fixed)) throw new Error(`Invalid --now date '${now}': use ISO 8601, e.g. 2026-11-25T00:00:00Z`);
  return () => fixed;
}

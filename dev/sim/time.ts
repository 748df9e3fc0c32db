/** Jira's timestamp format, e.g. `2026-11-25T09:30:00.000+0000` (always UTC here). */
export function jiraTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Parses an ISO-ish or Jira timestamp (`…+0000`, `…+01:00`, `2026-11-25`) to epoch ms; NaN when it is not a date. */
export function parseTimestamp(value: unknown): number {
  if (typeof value !== 'string' || value === '') return Number.NaN;
  // Every search over created/updated reads every issue's stamp again: parsed stamps are kept (a stamp string
  // always parses alike), so a search of 20,000 issues does not parse 20,000 dates.
  const known = parsed.get(value);
  if (known !== undefined) return known;
  const ms = Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(value, ms);
  return ms;
}

const parsed = new Map<string, number>();
const MAX_PARSED = 500_000;

/** A clock: frozen at `now` when given (ISO date), else the wall clock. */
export function makeClock(now: string | undefined): () => number {
  if (now === undefined) return () => Date.now();
  const fixed = parseTimestamp(now);
  if (Number.isNaN(fixed)) throw new Error(`Invalid --now date '${now}': use ISO 8601, e.g. 2026-11-25T00:00:00Z`);
  return () => fixed;
}

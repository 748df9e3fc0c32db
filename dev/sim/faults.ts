/**
 * Fault injection for the simulated Jira (`--faults`), decided per request with a seeded PRNG so
 * a run can be replayed: `latency=50ms,jitter=20ms,rate429=0.05,rate5xx=0.02,retryAfter=1`.
 *
 * Keys: latency / jitter (ms, `ms` or `s` suffix; each request waits latency + U(0, jitter)),
 * rate429 / rate5xx (probability 0–1 per request), retryAfter (seconds, the 429's `Retry-After`),
 * seed (PRNG seed, default 1), failRank (issue keys, `|`-separated, that every rank call reports
 * as failed in a 207), failFetch (issue keys that bulkfetch reports in `issueErrors`), searchLag (how long a write
 * stays invisible to `/search/jql` unless reconciled; default DEFAULT_SEARCH_LAG_MS, `0` turns it off; see
 * search-index.ts), retryAfterShare (0–1, default 0.5: the share of injected 429s and 503s that carry
 * `Retry-After`; Jira sends 429s with and without it, and some 503s with it), budget (`<points>/<window>`, e.g.
 * `budget=300/1m`: each principal's request budget, see rate-limits.ts; default none).
 */
import type { BudgetSpec } from './rate-limits';
import { seededRandom } from '../demo/random';

export interface FaultSpec {
  latencyMs: number;
  jitterMs: number;
  rate429: number;
  rate5xx: number;
  retryAfterSec: number;
  seed: number;
  failRank: string[];
  failFetch: string[];
  searchLagMs: number;
  retryAfterShare: number;
  budget: BudgetSpec | null;
}

/** Jira's search index catches up within moments; short, so a test that waits a second sees every write. */
export const DEFAULT_SEARCH_LAG_MS = 250;

export const NO_FAULTS: FaultSpec = {
  latencyMs: 0,
  jitterMs: 0,
  rate429: 0,
  rate5xx: 0,
  retryAfterSec: 1,
  seed: 1,
  failRank: [],
  failFetch: [],
  searchLagMs: DEFAULT_SEARCH_LAG_MS,
  retryAfterShare: 0.5,
  budget: null,
};

export class FaultSpecError extends Error {
  readonly code = 'INVALID_FAULTS';
}

const KNOWN = 'latency, jitter, rate429, rate5xx, retryAfter, retryAfterShare, seed, failRank, failFetch, searchLag, budget';

function duration(key: string, raw: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(raw);
  if (!m) throw new FaultSpecError(`Invalid --faults value ${key}=${raw}: use a duration such as 50ms, 1s or 1m.`);
  return Number(m[1]) * (m[2] === 'm' ? 60_000 : m[2] === 's' ? 1000 : 1);
}

function budget(key: string, raw: string): BudgetSpec {
  const m = /^(\d+)\/(.+)$/.exec(raw);
  const points = m ? Number(m[1]) : NaN;
  if (!m || points < 1) throw new FaultSpecError(`Invalid --faults value ${key}=${raw}: use <points>/<window>, e.g. 300/1m.`);
  const windowMs = duration(key, m[2] ?? '');
  if (windowMs <= 0) throw new FaultSpecError(`Invalid --faults value ${key}=${raw}: the window must be longer than 0.`);
  return { points, windowMs };
}

function rate(key: string, raw: string): number {
  const n = Number(raw);
  if (raw === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new FaultSpecError(`Invalid --faults value ${key}=${raw}: use a probability between 0 and 1.`);
  return n;
}

function whole(key: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw)) throw new FaultSpecError(`Invalid --faults value ${key}=${raw}: use a whole number.`);
  return n;
}

/** Parses a `--faults` spec; throws FaultSpecError naming the bad part. An empty spec injects nothing. */
export function parseFaults(spec: string): FaultSpec {
  const out: FaultSpec = { ...NO_FAULTS, failRank: [], failFetch: [] };
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new FaultSpecError(`Invalid --faults part '${part}': expected key=value (keys: ${KNOWN}).`);
    const key = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    switch (key) {
      case 'latency':
        out.latencyMs = duration(key, raw);
        break;
      case 'jitter':
        out.jitterMs = duration(key, raw);
        break;
      case 'rate429':
        out.rate429 = rate(key, raw);
        break;
      case 'rate5xx':
        out.rate5xx = rate(key, raw);
        break;
      case 'retryAfter':
        out.retryAfterSec = whole(key, raw);
        break;
      case 'seed':
        out.seed = whole(key, raw);
        break;
      case 'failRank':
        out.failRank = raw
          .split('|')
          .map((k) => k.trim().toUpperCase())
          .filter((k) => k !== '');
        break;
      case 'failFetch':
        out.failFetch = raw
          .split('|')
          .map((k) => k.trim().toUpperCase())
          .filter((k) => k !== '');
        break;
      case 'searchLag':
        out.searchLagMs = duration(key, raw);
        break;
      case 'retryAfterShare':
        out.retryAfterShare = rate(key, raw);
        break;
      case 'budget':
        out.budget = budget(key, raw);
        break;
      default:
        throw new FaultSpecError(`Unknown --faults key '${key}' (keys: ${KNOWN}).`);
    }
  }
  if (out.rate429 + out.rate5xx > 1) throw new FaultSpecError('Invalid --faults: rate429 + rate5xx must not exceed 1.');
  return out;
}

export interface FaultDecision {
  delayMs: number;
  inject: 429 | 503 | undefined;
  /** Whether the injected answer carries `Retry-After` (a `retryAfterShare` of them do). */
  retryAfter: boolean;
}

/** The live fault settings of one simulator; change them at run time with {@link configure}. */
export class Faults {
  private spec: FaultSpec;
  private random: () => number;

  constructor(spec: FaultSpec | string = NO_FAULTS) {
    this.spec = typeof spec === 'string' ? parseFaults(spec) : spec;
    this.random = seededRandom(this.spec.seed);
  }

  get current(): Readonly<FaultSpec> {
    return this.spec;
  }

  /** Replaces the settings (spec string or partial object) and restarts the PRNG from the seed. */
  configure(spec: string | Partial<FaultSpec>): void {
    this.spec = typeof spec === 'string' ? parseFaults(spec) : { ...this.spec, ...spec };
    this.random = seededRandom(this.spec.seed);
  }

  /** Issue keys whose rank moves fail (207); `[]` clears. */
  failRank(keys: string[]): void {
    this.spec = { ...this.spec, failRank: keys.map((k) => k.toUpperCase()) };
  }

  /** Issue keys that bulkfetch reports in `issueErrors`; `[]` clears. */
  failFetch(keys: string[]): void {
    this.spec = { ...this.spec, failFetch: keys.map((k) => k.toUpperCase()) };
  }

  rankFails(key: string): boolean {
    return this.spec.failRank.includes(key.toUpperCase());
  }

  fetchFails(key: string): boolean {
    return this.spec.failFetch.includes(key.toUpperCase());
  }

  decide(): FaultDecision {
    const { latencyMs, jitterMs, rate429, rate5xx } = this.spec;
    const delayMs = latencyMs + (jitterMs > 0 ? this.random() * jitterMs : 0);
    if (rate429 === 0 && rate5xx === 0) return { delayMs, inject: undefined, retryAfter: false };
    const r = this.random();
    const inject = r < rate429 ? 429 : r < rate429 + rate5xx ? 503 : undefined;
    // Where in its band the draw fell decides the header, so the injection sequence of a seed stays as it was.
    const within = inject === 429 ? r / rate429 : inject === 503 ? (r - rate429) / rate5xx : 1;
    return { delayMs, inject, retryAfter: within < this.spec.retryAfterShare };
  }
}

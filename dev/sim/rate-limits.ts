/**
 * Rate limiting as Jira Cloud applies it, per Atlassian's "Rate limiting" page
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/):
 *
 * - A refused request is a 429 that "may be accompanied by Retry-After and X-RateLimit-Reset headers": Retry-After
 *   in seconds, X-RateLimit-Reset the ISO 8601 instant the limit resets (`yyyy-MM-ddTHH:mmZ`); RateLimit-Reason
 *   names the limit (`jira-quota-tenant-based` for an app's budget on a site, `jira-cost-based` for a user's,
 *   `jira-burst-based` for a burst).
 * - Responses to a budgeted principal carry X-RateLimit-Limit and X-RateLimit-Remaining, and X-RateLimit-NearLimit:
 *   true "when less than 20% of any budget remains".
 * - Some transient 503s carry Retry-After too ("a 503 response may be returned when a resource limit has been
 *   reached").
 *
 * The budget (`--faults budget=<points>/<window>`) is per principal: the app (asApp) and each user (asUser) have
 * their own. Each request costs one point: the page describes points-based costs without a table the simulator
 * could follow, so it takes the simplest reading. Requests without a principal (tests, tooling) are not budgeted.
 */

export interface BudgetSpec {
  /** Points per window. */
  points: number;
  windowMs: number;
}

export type Principal = { kind: 'app' } | { kind: 'user'; accountId: string };

export interface BudgetDecision {
  /** Headers every budgeted answer carries. */
  headers: Record<string, string>;
  /** Set when the request is refused: the 429's extra headers. */
  refused?: Record<string, string>;
}

/** `yyyy-MM-ddTHH:mmZ`, rounded up to the minute so it is never before the real reset. */
export function rateLimitReset(atMs: number): string {
  const up = Math.ceil(atMs / 60_000) * 60_000;
  return new Date(up).toISOString().slice(0, 16) + 'Z';
}

export class RateBudgets {
  private readonly spent = new Map<string, { windowStart: number; used: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Charges one point to `principal`; refuses once its budget for the current window is spent. */
  charge(spec: BudgetSpec, principal: Principal): BudgetDecision {
    const now = this.clock();
    const key = principal.kind === 'app' ? 'app' : `user:${principal.accountId}`;
    let held = this.spent.get(key);
    if (held === undefined || now - held.windowStart >= spec.windowMs) {
      held = { windowStart: now, used: 0 };
      this.spent.set(key, held);
    }
    const resetAt = held.windowStart + spec.windowMs;
    const remainingBefore = spec.points - held.used;
    const base = (remaining: number): Record<string, string> => ({
      'x-ratelimit-limit': String(spec.points),
      'x-ratelimit-remaining': String(Math.max(0, remaining)),
      ...(remaining < spec.points * 0.2 ? { 'x-ratelimit-nearlimit': 'true' } : {}),
    });
    if (remainingBefore <= 0) {
      return {
        headers: base(0),
        refused: {
          'retry-after': String(Math.max(1, Math.ceil((resetAt - now) / 1000))),
          'x-ratelimit-reset': rateLimitReset(resetAt),
          'ratelimit-reason': principal.kind === 'app' ? 'jira-quota-tenant-based' : 'jira-cost-based',
        },
      };
    }
    held.used += 1;
    return { headers: base(remainingBefore - 1) };
  }

  reset(): void {
    this.spent.clear();
  }
}

/**
 * A time budget for one invocation: UI resolver calls have 25 s on Forge, queue consumers 900 s. Retries and
 * paging stop while there is still time to answer with a clear error.
 */
export class Deadline {
  private readonly endsAt: number;
  constructor(
    budgetMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.endsAt = this.now() + budgetMs;
  }
  /** Milliseconds left (never negative). */
  remaining(): number {
    return Math.max(0, this.endsAt - this.now());
  }
}

/** The budget of a UI resolver call, with 3 s kept back to answer. */
export const UI_BUDGET_MS = 22_000;
/** The budget of a queue consumer run (900 s), with 30 s kept back to record progress. */
export const CONSUMER_BUDGET_MS = 870_000;

import { isRetryable, type UiErrorCode } from './invoke-core';

/** How soon to ask again while an answer is still pending: the first wait, its growth per answer, and its ceiling (ms). */
export interface PollDelays {
  firstMs: number;
  factor: number;
  maxMs: number;
}

/** 1.5 s, then a quarter longer each time, never more than 10 s: quick at first, gentle on a long first build. */
export const POLL_DELAYS: PollDelays = { firstMs: 1500, factor: 1.25, maxMs: 10_000 };

/**
 * Schedules the next call while answers say "not yet" (a project's first snapshot still building). Each answer is
 * reported with `answered`: a pending one schedules `again` once, a little later than the last; a final one stops
 * and starts the delays over. At most one call is ever scheduled, and none after `close` (the view unmounted).
 */
export class PollBackoff {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private closed = false;

  constructor(
    private readonly again: () => void,
    private readonly delays: PollDelays = POLL_DELAYS,
  ) {}

  /** An answer arrived: `pending` when it asks to be asked again. */
  answered(pending: boolean): void {
    this.pause();
    if (!pending) {
      this.attempt = 0;
      return;
    }
    if (this.closed) return;
    const ms = Math.round(Math.min(this.delays.maxMs, this.delays.firstMs * this.delays.factor ** this.attempt));
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.again();
    }, ms);
  }

  /** Drops the scheduled call, keeping the delays where they were (a call started some other way is in flight). */
  pause(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops for good. */
  close(): void {
    this.closed = true;
    this.pause();
  }
}

/**
 * Whether to go on asking: the last answer said "not yet" (`pending`) and the last call did not fail in a way that
 * asking again will not mend (no access, not found: the view shows that failure instead of waiting).
 */
export function keepsPolling(pending: boolean, error: { code: UiErrorCode } | null): boolean {
  return pending && (error === null || isRetryable(error.code));
}

/**
 * The queue the triggers feed and the background consumer drains (implemented over @forge/events). "Async events
 * limits" (https://developer.atlassian.com/platform/forge/limits-async-events/): a push takes at most 50 events and
 * 200 KB; an installation pushes at most 500 events a minute.
 */
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_EVENTS_PER_MINUTE = 500;

/** A recompute request: a project, or issues whose project is still to be found (link events carry only ids). */
export interface RecomputeRequest {
  projectKey?: string;
  issueIds?: string[];
  /** One edited or created issue of `projectKey`: rescored on its own when the project's snapshot allows it. */
  issueId?: string;
  /** ISO time of the change; a project rebuilt after it is skipped (coalescing). */
  at: string;
  reason: string;
  /** The daily fan-out goes on with the enrolled projects whose key sorts after this one. */
  dailyAfter?: string;
  /** Run `projectKey`'s queued config preview job instead of recomputing it. */
  previewJob?: true;
}

export interface EnqueueOptions {
  /** Seconds between consecutive pushes' deliveries (0–900 in all), to spread a large fan-out over time. */
  spreadSeconds?: number;
  /** Delay of the first push's events, in seconds. */
  delaySeconds?: number;
}

export interface RecomputeQueue {
  /**
   * Pushes the requests in pushes of ≤ 50 events; push n's events are delayed by `delaySeconds + n·spreadSeconds`
   * (≤ 900 s). Work on one project runs one event at a time (the queue's concurrency key per project).
   */
  push(requests: readonly RecomputeRequest[], options?: EnqueueOptions): Promise<void>;
}

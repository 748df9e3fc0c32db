import { Queue, type PushEvent } from '@forge/events';

/** The queue the triggers feed and the `recompute` consumer drains (manifest: consumer `recompute-consumer`). */
export const RECOMPUTE_QUEUE = 'recompute';

/**
 * "Async events limits" (https://developer.atlassian.com/platform/forge/limits-async-events/): a push takes at most
 * 50 events and 200 KB; an installation pushes at most 500 events a minute.
 */
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_EVENTS_PER_MINUTE = 500;

/** A recompute request: a project, or issues whose project is still to be found (link events carry only ids). */
export interface RecomputeRequest {
  projectKey?: string;
  issueIds?: string[];
  /** One edited or created issue of `projectKey`: rescored on its own when the project context allows it. */
  issueId?: string;
  /** ISO time of the change; a project recomputed after it is skipped (coalescing). */
  at: string;
  reason: string;
  /** The daily fan-out goes on with the enrolled projects whose key sorts after this one. */
  dailyAfter?: string;
}

export interface EnqueueOptions {
  /** Seconds between consecutive pushes' deliveries (0–900 in all), to spread a large fan-out over time. */
  spreadSeconds?: number;
  /** Delay of the first push's events, in seconds. */
  delaySeconds?: number;
}

/**
 * Work on one project runs one event at a time: Forge delivers events concurrently, out of order and at times
 * twice ("Async events API", `concurrency`), so the key, not the arrival order, keeps a project's writes apart.
 */
export const projectConcurrency = (projectKey: string): { key: string; limit: number } => ({ key: `recompute-${projectKey}`, limit: 1 });

/** Pushes the requests in pushes of ≤ 50 events; push n's events are delayed by `delaySeconds + n·spreadSeconds` (≤ 900 s). */
export async function enqueueRecompute(requests: RecomputeRequest[], options: EnqueueOptions = {}): Promise<void> {
  const queue = new Queue({ key: RECOMPUTE_QUEUE });
  for (let start = 0, n = 0; start < requests.length; start += MAX_EVENTS_PER_PUSH, n++) {
    const delay = Math.min(900, Math.round((options.delaySeconds ?? 0) + n * (options.spreadSeconds ?? 0)));
    await queue.push(requests.slice(start, start + MAX_EVENTS_PER_PUSH).map((body) => toEvent(body, delay)));
  }
}

function toEvent(body: RecomputeRequest, delaySeconds: number): PushEvent {
  return {
    body: body as unknown as Record<string, unknown>,
    ...(delaySeconds > 0 ? { delayInSeconds: delaySeconds } : {}),
    ...(body.projectKey !== undefined ? { concurrency: projectConcurrency(body.projectKey) } : {}),
  };
}

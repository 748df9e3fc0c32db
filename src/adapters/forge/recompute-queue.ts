import { Queue, type PushEvent } from '@forge/events';
import { MAX_EVENTS_PER_PUSH, type EnqueueOptions, type RecomputeQueue, type RecomputeRequest } from '../../application/ports/recompute-queue';

/** The queue's key (manifest: consumer `recompute-consumer` on queue `recompute`). */
export const RECOMPUTE_QUEUE = 'recompute';

/**
 * Work on one project runs one event at a time: Forge delivers events concurrently, out of order and at times
 * twice ("Async events API", `concurrency`), so the key, not the arrival order, keeps a project's writes apart.
 */
export const projectConcurrency = (projectKey: string): { key: string; limit: number } => ({ key: `recompute-${projectKey}`, limit: 1 });

/** The recompute queue over @forge/events. */
export class ForgeRecomputeQueue implements RecomputeQueue {
  async push(requests: readonly RecomputeRequest[], options: EnqueueOptions = {}): Promise<void> {
    const queue = new Queue({ key: RECOMPUTE_QUEUE });
    for (let start = 0, n = 0; start < requests.length; start += MAX_EVENTS_PER_PUSH, n++) {
      const delay = Math.min(900, Math.round((options.delaySeconds ?? 0) + n * (options.spreadSeconds ?? 0)));
      await queue.push(requests.slice(start, start + MAX_EVENTS_PER_PUSH).map((body) => toEvent(body, delay)));
    }
  }
}

function toEvent(body: RecomputeRequest, delaySeconds: number): PushEvent {
  return {
    body: body as unknown as Record<string, unknown>,
    ...(delaySeconds > 0 ? { delayInSeconds: delaySeconds } : {}),
    ...(body.projectKey !== undefined ? { concurrency: projectConcurrency(body.projectKey) } : {}),
  };
}

import type { KeyValueStore } from '../ports/key-value-store';
import { MAX_EVENTS_PER_MINUTE, MAX_EVENTS_PER_PUSH, type RecomputeQueue } from '../ports/recompute-queue';
import { enrolledProjects } from './enrolment';

/**
 * Projects pushed by one run of the fan-out: eight pushes of 50, below the 500 events an installation may push a
 * minute, with room left for the events of edits made in that minute.
 */
const DAILY_PROJECTS_PER_RUN = MAX_EVENTS_PER_MINUTE - 2 * MAX_EVENTS_PER_PUSH;
/** Seconds between the deliveries of consecutive pushes: 400 recomputes start over about a minute, not at once. */
const SPREAD_SECONDS = 7;
/** The next run waits out the minute whose push budget this one used. */
const NEXT_RUN_DELAY_SECONDS = 60;

/**
 * Queues a recompute of every enrolled project whose key sorts after `after` (all when absent), at most
 * DAILY_PROJECTS_PER_RUN now; the rest by one continuation event a minute later, which calls this again.
 */
export async function fanOutDaily(kv: KeyValueStore, queue: RecomputeQueue, at: string, after?: string): Promise<void> {
  const projects = (await enrolledProjects(kv)).filter((k) => after === undefined || k > after);
  const now = projects.slice(0, DAILY_PROJECTS_PER_RUN);
  await queue.push(
    now.map((projectKey) => ({ projectKey, at, reason: 'daily recompute' })),
    { spreadSeconds: SPREAD_SECONDS },
  );
  const last = now.at(-1);
  if (projects.length > now.length && last !== undefined) {
    await queue.push([{ at, reason: 'daily recompute (continued)', dailyAfter: last }], { delaySeconds: NEXT_RUN_DELAY_SECONDS });
  }
}

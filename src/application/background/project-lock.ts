import type { KeyValueStore } from '../ports/key-value-store';
import { acquireLock, releaseLockOf } from '../shared/kv-lock';

/**
 * One background worker per project at a time. The queue's concurrency key (recompute-queue.ts) already keeps
 * events of one project apart; this set-if-absent marker is the guard for what the key cannot cover: an event
 * delivered twice at once (at-least-once delivery), events pushed without the key by an earlier version, and a
 * consumer still running when Forge hands the key's slot on. Two holders would each read the stored scores,
 * change their own part and write the whole back, losing the other's change.
 *
 * Key `lock:recompute:<KEY>` → `{ owner, at }` (kv-lock.ts). A lock older than STALE_MS belongs to a consumer that
 * died at its 900 s limit and is taken over by exactly one taker.
 */
const lockKey = (projectKey: string): string => `lock:recompute:${projectKey}`;
/** The consumer's 900 s limit plus a minute: no live holder is older. */
export const STALE_MS = 960_000;

/** Takes the project's lock for `holder` (unique per invocation: a redelivered event is another holder); false when someone else holds it. */
export async function acquireProjectLock(kv: KeyValueStore, projectKey: string, holder: string, now: Date): Promise<boolean> {
  return (await acquireLock(kv, lockKey(projectKey), holder, STALE_MS, {}, () => now.getTime())).held;
}

/** Releases the lock if `holder` still holds it. */
export async function releaseProjectLock(kv: KeyValueStore, projectKey: string, holder: string): Promise<void> {
  await releaseLockOf(kv, lockKey(projectKey), holder);
}

/**
 * When a busy project's event comes back, by how many times it was retried already: soon at first (the holder is
 * usually done within seconds), then later and later, so that four retries outlast a lock whose holder died and
 * that is taken over only after STALE_MS; a short fixed wait would use up an event's retries
 * and lose the edit. Jittered, so waiting events do not return together. Seconds, at most 900 (Forge's cap).
 */
export function busyRetryAfterSeconds(retryCount: number, random: () => number = Math.random): number {
  const base = [5, 60, 300, 900][Math.min(Math.max(0, Math.floor(retryCount)), 3)]!;
  return Math.min(900, base + Math.floor(random() * Math.max(5, base / 4)));
}

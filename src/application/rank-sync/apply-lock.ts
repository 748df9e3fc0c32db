import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports/key-value-store';
import { acquireLock, releaseLockOf, type LockRecord } from '../shared/kv-lock';

/**
 * A lock older than this is taken over: its holder ran out of time without releasing it. It must stay longer
 * than the longest apply (a UI resolver call ends after 25 s), so a lock whose owner still runs is never stale —
 * which is what lets the owner check then delete its own lock, and a taker replace a stale one, without a
 * conditional write (Forge KVS has none for plain keys: transaction conditions apply to custom entities only).
 */
export const LOCK_TTL_MS = 60_000;

/** `rs:<projectKey>:lock` → Lock while an apply runs; `owner` is unique per apply call (kv-lock.ts). */
type Lock = LockRecord & { planId: string };

export interface HeldLock {
  projectKey: string;
  owner: string;
}

const lockKey = (p: string): string => `rs:${p}:lock`;

const busy = (held?: Lock): AppError =>
  new AppError(
    'BUSY',
    'Another "apply order to Jira" is running for this project. Wait for it to finish, then try again.',
    held === undefined ? undefined : { since: new Date(held.at).toISOString() },
  );

/** Takes the project's apply lock, or throws BUSY while another apply holds a fresh one. `now` in epoch ms. */
export async function takeLock(kv: KeyValueStore, projectKey: string, planId: string, now: () => number = Date.now): Promise<HeldLock> {
  const owner = randomUUID();
  const taken = await acquireLock<{ planId: string }>(kv, lockKey(projectKey), owner, LOCK_TTL_MS, { planId }, now);
  if (!taken.held) throw busy(taken.by ?? undefined);
  return { projectKey, owner };
}

/** Releases the lock only if it is still this apply's own. */
export async function releaseLock(kv: KeyValueStore, lock: HeldLock): Promise<void> {
  await releaseLockOf(kv, lockKey(lock.projectKey), lock.owner);
}

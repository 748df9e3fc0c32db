import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { KeyValueStore } from '../ports/key-value-store';

/**
 * A lock older than this is taken over: its holder ran out of time without releasing it. It must stay longer
 * than the longest apply (a UI resolver call ends after 25 s), so a lock whose owner still runs is never stale —
 * which is what lets the owner check then delete its own lock, and a taker replace a stale one, without a
 * conditional write (Forge KVS has none for plain keys: transaction conditions apply to custom entities only).
 */
export const LOCK_TTL_MS = 60_000;

/** `rs:<projectKey>:lock` → Lock while an apply runs; `owner` is unique per apply call. */
interface Lock {
  owner?: string;
  planId: string;
  at: number;
}

export interface HeldLock {
  projectKey: string;
  owner: string;
}

const lockKey = (p: string): string => `rs:${p}:lock`;
/** Created by whoever takes over the stale lock of `owner`: of several takers exactly one creates it. */
const takeoverKey = (p: string, owner: string): string => `rs:${p}:lock:takeover:${owner}`;

const busy = (held?: Lock): AppError =>
  new AppError(
    'BUSY',
    'Another "apply order to Jira" is running for this project. Wait for it to finish, then try again.',
    held === undefined ? undefined : { since: new Date(held.at).toISOString() },
  );

/** Takes the project's apply lock, or throws BUSY while another apply holds a fresh one. `now` in epoch ms. */
export async function takeLock(kv: KeyValueStore, projectKey: string, planId: string, now: () => number = Date.now): Promise<HeldLock> {
  const owner = randomUUID();
  const mine: Lock = { owner, planId, at: now() };
  if (await kv.setIfAbsent(lockKey(projectKey), mine)) return { projectKey, owner };
  const held = await kv.get<Lock>(lockKey(projectKey));
  if (held === undefined) {
    if (await kv.setIfAbsent(lockKey(projectKey), { ...mine, at: now() })) return { projectKey, owner };
    throw busy();
  }
  if (now() - held.at < LOCK_TTL_MS) throw busy(held);
  // Stale. Deleting it and racing for a new one would let a second taker delete the first taker's fresh lock;
  // instead the takers race for a marker named after the stale owner, and only the winner replaces the lock.
  const staleOwner = ownerOf(held);
  const marker = await claimTakeover(kv, projectKey, staleOwner, owner, now);
  if (marker === null) throw busy(held);
  try {
    const still = await kv.get<Lock>(lockKey(projectKey));
    if (still !== undefined && ownerOf(still) !== staleOwner) throw busy(still);
    await kv.set(lockKey(projectKey), { ...mine, at: now() });
    return { projectKey, owner };
  } finally {
    await kv.delete(marker);
  }
}

/** Locks written before owners existed are told apart by plan and time. */
const ownerOf = (lock: Lock): string => lock.owner ?? `${lock.planId}-${lock.at}`;

/**
 * Creates the takeover marker of `staleOwner`, or returns null when another taker holds it. A marker left by a
 * taker that died (older than the TTL) is itself taken over the same way, through a marker named after that taker.
 */
async function claimTakeover(kv: KeyValueStore, projectKey: string, staleOwner: string, owner: string, now: () => number): Promise<string | null> {
  let token = staleOwner;
  for (let hop = 0; hop < MAX_TAKEOVER_HOPS; hop++) {
    const key = takeoverKey(projectKey, token);
    if (await kv.setIfAbsent(key, { owner, at: now() })) return key;
    const other = await kv.get<{ owner: string; at: number }>(key);
    if (other === undefined || now() - other.at < LOCK_TTL_MS) return null;
    token = other.owner;
  }
  return null;
}

/** Dead takers followed at most (each one is a crash inside the few requests of a takeover). */
const MAX_TAKEOVER_HOPS = 5;

/** Releases the lock only if it is still this apply's own. */
export async function releaseLock(kv: KeyValueStore, lock: HeldLock): Promise<void> {
  const held = await kv.get<Lock>(lockKey(lock.projectKey));
  if (held?.owner === lock.owner) await kv.delete(lockKey(lock.projectKey));
}

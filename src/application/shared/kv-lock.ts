import type { KeyValueStore } from '../ports/key-value-store';

/**
 * A lock in KVS, held by one owner at a time and taken over once it is older than its TTL (its owner died).
 * Forge KVS has no conditional write or delete for plain keys (transaction conditions apply to custom entities
 * only), so: the lock is created with set-if-absent; only its owner deletes it; and a stale lock is not deleted and
 * raced for (a second taker would delete the first taker's fresh lock) — the takers race for a marker named after
 * the stale owner, and only the winner replaces the lock. The TTL must exceed the longest life of a live owner.
 *
 * `key` → `{ owner, at (epoch ms), ...extra }`; `<key>:takeover:<stale owner>` → `{ owner, at }` during a takeover.
 */
export interface LockRecord {
  owner?: string;
  at: number;
}

/** Dead takers followed at most (each one is a crash inside the few requests of a takeover). */
const MAX_TAKEOVER_HOPS = 5;

/** Takes the lock at `key` for a new `owner`; returns the fresh lock that stands in the way instead (or null when it vanished mid-way). */
export async function acquireLock<T extends object>(
  kv: KeyValueStore,
  key: string,
  owner: string,
  ttlMs: number,
  extra: T,
  now: () => number = Date.now,
): Promise<{ held: true } | { held: false; by: (LockRecord & T) | null }> {
  const mine = (): LockRecord & T => ({ ...extra, owner, at: now() });
  if (await kv.setIfAbsent(key, mine())) return { held: true };
  const current = await kv.get<LockRecord & T>(key);
  if (current === undefined) return (await kv.setIfAbsent(key, mine())) ? { held: true } : { held: false, by: null };
  if (now() - current.at < ttlMs) return { held: false, by: current };
  const staleOwner = ownerOf(current);
  const marker = await claimTakeover(kv, key, staleOwner, owner, ttlMs, now);
  if (marker === null) return { held: false, by: current };
  try {
    const still = await kv.get<LockRecord & T>(key);
    if (still !== undefined && ownerOf(still) !== staleOwner) return { held: false, by: still };
    await kv.set(key, mine());
    return { held: true };
  } finally {
    await kv.delete(marker);
  }
}

/** Deletes the lock only if `owner` still holds it. */
export async function releaseLockOf(kv: KeyValueStore, key: string, owner: string): Promise<void> {
  const current = await kv.get<LockRecord>(key);
  if (current?.owner === owner) await kv.delete(key);
}

/** Locks written before owners existed are told apart by their time. */
const ownerOf = (lock: LockRecord): string => lock.owner ?? `at-${String(lock.at)}`;

/**
 * Creates the takeover marker of `staleOwner`, or returns null when another taker holds it. A marker left by a
 * taker that died (older than the TTL) is itself taken over the same way, through a marker named after that taker.
 */
async function claimTakeover(kv: KeyValueStore, key: string, staleOwner: string, owner: string, ttlMs: number, now: () => number): Promise<string | null> {
  let token = staleOwner;
  for (let hop = 0; hop < MAX_TAKEOVER_HOPS; hop++) {
    const markerKey = `${key}:takeover:${token}`;
    if (await kv.setIfAbsent(markerKey, { owner, at: now() })) return markerKey;
    const other = await kv.get<{ owner: string; at: number }>(markerKey);
    if (other === undefined || now() - other.at < ttlMs) return null;
    token = other.owner;
  }
  return null;
}

import type { RankBatch } from '../../contract/model';
import { applyBatches } from '../../domain';
import type { KeyValueStore } from '../ports/key-value-store';
import { CHUNK_BYTES } from '../shared/chunk-by-bytes';
import { jsonBytes } from '../shared/json-bytes';

/**
 * Read-after-write for rank sync. Jira's `/search/jql` may not show a change made a moment ago unless the changed
 * issues' ids are passed in `reconcileIssues` (POST /rest/api/3/search/jql; Atlassian's "Search and reconcile"
 * page, https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/), which "accepts max 50 ids".
 * After an apply, the ids of the issues it moved last are kept for a while, and every load of the project's
 * candidates passes them, so a re-plan (or the backlog's Jira rank column) right after an apply sees the new order.
 * When an apply moved more than 50 issues, reconciling cannot cover them all: the load then also replays the
 * apply's own rank calls over the order search gave (placing an issue where Jira already has it changes nothing).
 *
 * Key `rs:<projectKey>:recent` → `{ at: epoch ms, ids: string[] (newest last, ≤ RECONCILE_LIMIT), moved: number,
 * batches: RankBatch[] (the calls that moved them, ≤ MAX_REPLAY_BATCHES, newest last) }`.
 */
export const RECONCILE_LIMIT = 50;
/** How long moved ids are reconciled after the apply that moved them (ms); the index catches up far sooner. */
export const RECONCILE_WINDOW_MS = 60_000;

/** Rank calls kept for replay (fewer when they would outgrow one KVS value). */
const MAX_REPLAY_BATCHES = 100;

const recentKey = (projectKey: string): string => `rs:${projectKey}:recent`;

interface RecentMoves {
  at: number;
  ids: string[];
  moved: number;
  batches: RankBatch[];
}

/** What a load of the project's candidates should do about recent moves. */
export interface ReadAfterWrite {
  /** Ids for `reconcileIssues` (≤ 50). */
  reconcile: string[];
  /** Rank calls to replay over the search's order; empty when reconciling covers every recent move. */
  replay: RankBatch[];
}

/**
 * Remembers what an apply just did: the ids it moved (in the order moved) and the rank calls that moved them (only
 * the issues Jira accepted). Merges with the previous apply's when that is still within the window.
 */
export async function rememberMoved(
  kv: KeyValueStore,
  projectKey: string,
  moves: { ids: readonly string[]; batches: readonly RankBatch[] },
  now: number = Date.now(),
): Promise<void> {
  if (moves.ids.length === 0) return;
  const held = await kv.get<RecentMoves>(recentKey(projectKey));
  const earlier = held !== undefined && now - held.at < RECONCILE_WINDOW_MS ? held : { ids: [], moved: 0, batches: [] };
  const fresh = new Set(moves.ids);
  const value: RecentMoves = {
    at: now,
    ids: [...earlier.ids.filter((id) => !fresh.has(id)), ...moves.ids].slice(-RECONCILE_LIMIT),
    moved: earlier.moved + moves.ids.length,
    batches: [...earlier.batches, ...moves.batches].slice(-MAX_REPLAY_BATCHES),
  };
  // Long issue keys can make 100 calls outgrow one KVS value: the oldest calls go first (their moves are the most
  // likely to be in Jira's index already).
  while (value.batches.length > 0 && jsonBytes(value) > CHUNK_BYTES) value.batches.shift();
  await kv.set(recentKey(projectKey), value);
}

/** How to read the project's candidates now: ids moved within the window to reconcile, and moves to replay. */
export async function readAfterWrite(kv: KeyValueStore, projectKey: string, now: number = Date.now()): Promise<ReadAfterWrite> {
  const held = await kv.get<RecentMoves>(recentKey(projectKey));
  if (held === undefined || now - held.at >= RECONCILE_WINDOW_MS) return { reconcile: [], replay: [] };
  return { reconcile: held.ids, replay: held.moved > held.ids.length ? held.batches : [] };
}

/**
 * `keys` (Jira's order as search gave it) with the rank calls replayed in order; issues or anchors that are not
 * among `keys` are left out of each call.
 */
export function replayMoves(keys: readonly string[], batches: readonly RankBatch[]): string[] {
  const present = new Set(keys);
  const usable = batches
    .map((b) => ({ ...b, issues: b.issues.filter((k) => present.has(k)) }))
    .filter((b) => {
      const anchor = b.rankBeforeIssue ?? b.rankAfterIssue;
      return b.issues.length > 0 && anchor !== undefined && present.has(anchor) && !b.issues.includes(anchor);
    });
  return applyBatches(keys, usable);
}

import type { RankBatch } from '../../contract/model';
import { acquireProjectLock, releaseProjectLock } from '../background/project-lock';
import type { KeyValueStore } from '../ports/key-value-store';
import { replayMoves } from '../rank-sync/recent-moves';
import { readMeta, readRows, rewriteRows } from './snapshot-store';

const LOCK_ATTEMPTS = 15;
const LOCK_WAIT_MS = 200;

/**
 * After a rank sync moved issues, the snapshot's "Jira rank" follows: the rank calls are replayed over the
 * snapshot's order, so the page shows the new distances at once instead of after the next rebuild. Done under the
 * project's lock, waited for a few seconds (the moves' own events are being rescored meanwhile); when background
 * work holds it longer (a rebuild, which reads Jira's new order itself), nothing is written here.
 */
export async function replayOnSnapshot(kv: KeyValueStore, projectKey: string, batches: readonly RankBatch[], holder: string): Promise<void> {
  if (batches.length === 0) return;
  let held = false;
  for (let attempt = 0; attempt < LOCK_ATTEMPTS && !held; attempt++) {
    held = await acquireProjectLock(kv, projectKey, holder, new Date());
    if (!held) await new Promise((r) => setTimeout(r, LOCK_WAIT_MS));
  }
  if (!held) return;
  try {
    const meta = await readMeta(kv, projectKey);
    if (meta === undefined) return;
    const rows = await readRows(kv, projectKey, meta);
    const keys = [...rows].sort((a, b) => a.jiraRank - b.jiraRank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => r.key);
    const rankOf = new Map(replayMoves(keys, batches).map((k, i) => [k, i + 1]));
    await rewriteRows(kv, projectKey, meta, (r) => {
      const to = rankOf.get(r.key);
      return to === undefined || to === r.jiraRank ? r : { ...r, jiraRank: to };
    });
  } finally {
    await releaseProjectLock(kv, projectKey, holder);
  }
}

import type { FactorId } from '../../contract/model';
import { encodeEntries, pointOf, type HistoryPoint } from '../../domain/history';
import type { SnapshotRow } from '../../domain/snapshot/types';
import { statusCategoryOf } from '../../domain/scoring/read-values';
import type { AppDeps } from '../app-deps';
import type { JiraIssueLike } from '../../domain';
import { readEdges, readRows, type BlocksEdge, type SnapshotMeta } from '../snapshot/snapshot-store';
import { readIndex, readPoints, writePoint } from './history-store';
import { recordLeft, type LeftRecord, type LeftWhy } from './left-log';

/** In-place rescoring rewrites the day's point at most this often (the daily build always writes it). */
export const REWRITE_EVERY_MS = 10 * 60_000;
/** Issues that left in one rebuild whose reason is read from Jira (⌈n/100⌉ requests); the rest count as 'filtered'. */
const MAX_CLASSIFIED = 1000;

const dayOf = (iso: string): string => iso.slice(0, 10);

function snapshotPoint(
  at: string,
  meta: SnapshotMeta,
  rows: readonly SnapshotRow[],
  edges: readonly BlocksEdge[],
  pins: Awaited<ReturnType<AppDeps['pins']['all']>>,
): HistoryPoint {
  return pointOf({ at, configVersion: meta.configVersion, weights: meta.weights as Record<FactorId, number>, rows, edges, pins });
}

/**
 * After a build switched the snapshot's generation (before the old generation is deleted): the day's point, or, when
 * the config changed, the points just before (the old snapshot) and just after it; and why the `gone` rows (those of
 * `previous` that are no longer candidates) left, from `goneIssues` (each as the app read it; absent: not found).
 */
export async function recordBuild(
  deps: AppDeps,
  projectKey: string,
  meta: SnapshotMeta,
  data: { rows: readonly SnapshotRow[]; edges: readonly BlocksEdge[] },
  previous: SnapshotMeta | undefined,
  gone: readonly SnapshotRow[],
  goneIssues: ReadonlyMap<string, JiraIssueLike>,
): Promise<void> {
  const now = deps.clock();
  const pins = await deps.pins.all(projectKey);
  const current = snapshotPoint(now.toISOString(), meta, data.rows, data.edges, pins);
  if (previous !== undefined) {
    if (previous.configDigest !== meta.configDigest) {
      const [before, edges] = await Promise.all([readRows(deps.kv, projectKey, previous), readEdges(deps.kv, projectKey, previous)]);
      const old = snapshotPoint(new Date(now.getTime() - 1).toISOString(), previous, before, edges, pins);
      await writePoint(deps.kv, projectKey, old, 'b', { replaceLast: false, now });
      await writePoint(deps.kv, projectKey, current, 'a', { replaceLast: false, now });
    } else await writeDayPoint(deps, projectKey, current, now);
  } else await writeDayPoint(deps, projectKey, current, now);
  if (gone.length > 0) await recordLeft(deps.kv, projectKey, classifyLeft(projectKey, gone, goneIssues, now), now);
}

/**
 * After in-place rescoring (one edited issue, under the project's lock): rewrites the day's point when the ranking,
 * a score or a fact changed, at most every REWRITE_EVERY_MS (a new day's first change always writes).
 */
export async function recordRescore(deps: AppDeps, projectKey: string, meta: SnapshotMeta): Promise<void> {
  const now = deps.clock();
  const index = await readIndex(deps.kv, projectKey);
  const last = index.points.at(-1);
  if (last !== undefined && dayOf(last.at) === dayOf(now.toISOString()) && now.getTime() - Date.parse(last.at) < REWRITE_EVERY_MS) return;
  const [rows, edges, pins] = await Promise.all([readRows(deps.kv, projectKey, meta), readEdges(deps.kv, projectKey, meta), deps.pins.all(projectKey)]);
  const current = snapshotPoint(now.toISOString(), meta, rows, edges, pins);
  if (last !== undefined) {
    const stored = (await readPoints(deps.kv, projectKey, index, [index.points.length - 1])).get(index.points.length - 1);
    if (stored !== undefined && JSON.stringify(encodeEntries(stored.entries, null)) === JSON.stringify(encodeEntries(current.entries, null))) return;
  }
  await writeDayPoint(deps, projectKey, current, now);
}

async function writeDayPoint(deps: AppDeps, projectKey: string, point: HistoryPoint, now: Date): Promise<void> {
  const last = (await readIndex(deps.kv, projectKey)).points.at(-1);
  const replaceLast = last !== undefined && last.kind === 'd' && dayOf(last.at) === dayOf(point.at);
  await writePoint(deps.kv, projectKey, point, 'd', { replaceLast, now });
}

/** Records why one issue left the snapshot (in-place rescoring found it done, gone or no longer a candidate). */
export async function recordIssueLeft(deps: AppDeps, projectKey: string, row: { id: string; key: string; summary: string }, why: LeftWhy): Promise<void> {
  const now = deps.clock();
  await recordLeft(deps.kv, projectKey, [{ id: row.id, key: row.key, summary: row.summary, why, at: now.toISOString() }], now);
}

function classifyLeft(projectKey: string, gone: readonly SnapshotRow[], found: ReadonlyMap<string, JiraIssueLike>, now: Date): LeftRecord[] {
  return gone.map((r, i) => ({
    id: r.id,
    key: r.key,
    summary: r.summary,
    why: i < MAX_CLASSIFIED ? leftWhy(projectKey, found.get(r.id)) : 'filtered',
    at: now.toISOString(),
  }));
}

/** Why a fetched issue is no longer a candidate, for in-place rescoring. */
export function leftWhy(projectKey: string, issue: JiraIssueLike | undefined): LeftWhy {
  if (issue === undefined || !issue.key.startsWith(`${projectKey}-`)) return 'removed';
  if (statusCategoryOf(issue.fields) === 'done') return 'done';
  return 'filtered';
}

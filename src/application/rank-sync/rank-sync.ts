import { randomUUID } from 'node:crypto';
import type { RankBatch, RankMove } from '../../contract/model';
import type { Payload, ResultMap } from '../../contract/operations';
import { planRankSync as planDomain } from '../../domain';
import { AppError } from '../errors';
import type { JiraReader, JiraWriter } from '../ports/jira';
import type { KeyValueStore } from '../ports/key-value-store';
import { chunk } from '../shared/concurrency';
import { rankProject, type AppDeps, type Ranking } from '../backlog/rank-project';
import { rememberMoved } from './recent-moves';

/** Batches per stored plan chunk (≤ 100 × 50 keys keeps each KVS value far below 240 KiB). */
const BATCHES_PER_CHUNK = 100;
/** A lock older than this is taken over: its holder ran out of time without releasing it. */
const LOCK_TTL_MS = 60_000;

/**
 * A stored rank-sync plan. Keys: `rs:<projectKey>:<planId>:meta` → PlanMeta, `rs:<projectKey>:<planId>:b:<n>` →
 * RankBatch[] (chunks), `rs:<projectKey>:lock` → `{ planId, at }` while an apply runs.
 */
interface PlanMeta {
  planId: string;
  projectKey: string;
  createdBy: string;
  createdAt: string;
  chunks: number;
  batches: number;
  /** Index of the next batch to send. */
  next: number;
  applied: number;
  failed: { key: string; message: string }[];
  /** Fresh plans made to finish the job after per-issue failures. */
  rounds: number;
}

const metaKey = (p: string, id: string): string => `rs:${p}:${id}:meta`;
const chunkKey = (p: string, id: string, n: number): string => `rs:${p}:${id}:b:${n}`;
const lockKey = (p: string): string => `rs:${p}:lock`;
/** `rs:<projectKey>:<planId>:i:<n>` → the issue ids of chunk n's batches (string[][], same order as their keys). */
const idsKey = (p: string, id: string, n: number): string => `rs:${p}:${id}:i:${n}`;

/** The ids of the plan's issues, kept beside its batches: the rank body names keys, reconcileIssues takes ids. */
async function storeBatchIds(kv: KeyValueStore, projectKey: string, planId: string, batches: RankBatch[], ranking: Ranking): Promise<void> {
  const { backlog } = ranking;
  const idOf = (key: string): string => {
    const pos = backlog.positionOf(key);
    return pos < 0 ? '' : backlog.idAt(pos);
  };
  const chunks = chunk(batches, BATCHES_PER_CHUNK);
  await kv.setMany(chunks.map((c, n) => ({ key: idsKey(projectKey, planId, n), value: c.map((b) => b.issues.map(idOf)) })));
}

async function storePlan(kv: KeyValueStore, meta: PlanMeta, batches: RankBatch[]): Promise<void> {
  const chunks = chunk(batches, BATCHES_PER_CHUNK);
  await kv.setMany(chunks.map((c, n) => ({ key: chunkKey(meta.projectKey, meta.planId, n), value: c })));
  await kv.set(metaKey(meta.projectKey, meta.planId), { ...meta, chunks: chunks.length, batches: batches.length });
}

/** The fewest moves from Jira's order (the candidates' jiraRank) to the value order (pins applied). */
function planFromRanking(ranking: Ranking): ReturnType<typeof planDomain> {
  return planDomain(ranking.backlog.keysInJiraOrder(), ranking.backlog.keysInValueOrder());
}

/** Computes the fewest rank moves that make Jira's order the value order (pins kept), stores them, returns the diff. */
export async function planRankSync(deps: AppDeps, reader: JiraReader, accountId: string, p: Payload<'planRankSync'>): Promise<ResultMap['planRankSync']> {
  const ranking = await rankProject(deps, reader, p.projectKey);
  const plan = planFromRanking(ranking);
  const planId = randomUUID().replace(/-/g, '');
  await storePlan(deps.kv, { planId, projectKey: p.projectKey, createdBy: accountId, createdAt: deps.clock().toISOString(), chunks: 0, batches: 0, next: 0, applied: 0, failed: [], rounds: 0 }, plan.batches);
  await storeBatchIds(deps.kv, p.projectKey, planId, plan.batches, ranking);
  const { backlog } = ranking;
  const moves: RankMove[] = plan.moves.map((m) => {
    const pos = backlog.positionOf(m.key);
    return pos < 0 ? m : { ...m, summary: backlog.summaryAt(pos), from: backlog.jiraRankAt(pos), to: pos + 1 };
  });
  return { planId, total: plan.total, unchanged: plan.unchanged, moves, calls: plan.batches.length };
}

/**
 * Applies a stored plan in rank calls of ≤ 50 until it is done or the time budget nears its end ('partial': call
 * again to resume). Progress is saved after every call, so a crash or a restart resumes where it stopped;
 * re-sending a call is harmless (it places the same issues at the same anchor). Issues Jira refused are reported;
 * the next apply makes a fresh plan for what is still out of place. A second caller while one runs gets BUSY.
 */
export async function applyRankSync(
  deps: AppDeps,
  reader: JiraReader,
  writer: JiraWriter,
  timeLeftMs: () => number,
  p: Payload<'applyRankSync'>,
): Promise<ResultMap['applyRankSync']> {
  const kv = deps.kv;
  let meta = await kv.get<PlanMeta>(metaKey(p.projectKey, p.planId));
  if (meta === undefined) throw new AppError('NOT_FOUND', 'This rank-sync plan does not exist (it may be from another project). Plan the rank sync again.');
  await takeLock(kv, p.projectKey, p.planId, deps.clock);
  /** What this call moved, so the next reads see it despite Jira's search lag (recent-moves.ts). */
  const moved: { ids: string[]; batches: RankBatch[] } = { ids: [], batches: [] };
  try {
    if (meta.next >= meta.batches && meta.failed.length > 0) meta = await replan(deps, reader, meta);
    let cached: { n: number; batches: RankBatch[]; ids: string[][] } | null = null;
    while (meta.next < meta.batches && timeLeftMs() > 3000) {
      const n = Math.floor(meta.next / BATCHES_PER_CHUNK);
      if (cached === null || cached.n !== n) {
        const loaded: [RankBatch[] | undefined, string[][] | undefined] = await Promise.all([kv.get<RankBatch[]>(chunkKey(p.projectKey, p.planId, n)), kv.get<string[][]>(idsKey(p.projectKey, p.planId, n))]);
        cached = { n, batches: loaded[0] ?? [], ids: loaded[1] ?? [] };
      }
      const batch: RankBatch | undefined = cached.batches[meta.next % BATCHES_PER_CHUNK];
      if (batch === undefined) throw new AppError('INTERNAL', 'The stored plan is incomplete. Plan the rank sync again.');
      const batchIds = cached.ids[meta.next % BATCHES_PER_CHUNK] ?? [];
      const failures = await writer.rank(batch);
      const failedKeys = new Set(failures.map((f) => f.key));
      batch.issues.forEach((key, i) => {
        const id = batchIds[i];
        if (!failedKeys.has(key) && id !== undefined && id !== '') moved.ids.push(id);
      });
      const accepted = batch.issues.filter((k) => !failedKeys.has(k));
      if (accepted.length > 0) moved.batches.push({ ...batch, issues: accepted });
      meta = {
        ...meta,
        next: meta.next + 1,
        applied: meta.applied + batch.issues.filter((k: string) => !failedKeys.has(k)).length,
        failed: [...meta.failed.filter((f) => !batch.issues.includes(f.key)), ...failures],
      };
      await kv.set(metaKey(p.projectKey, p.planId), meta);
    }
    const done = meta.next >= meta.batches && meta.failed.length === 0;
    return { status: done ? 'done' : 'partial', applied: meta.applied, failed: meta.failed };
  } finally {
    await rememberMoved(kv, p.projectKey, moved);
    // Jira's order changed: nobody's recent load of this project is current any more.
    deps.loadCache?.invalidate(p.projectKey);
    await kv.delete(lockKey(p.projectKey));
  }
}

/**
 * After per-issue failures: a fresh plan from Jira's order now, under the same plan id. Jira's search lags the
 * moves just made; the load reconciles the ids the last applies moved (recent-moves.ts), so the plan starts from
 * where the issues are now.
 */
async function replan(deps: AppDeps, reader: JiraReader, meta: PlanMeta): Promise<PlanMeta> {
  const ranking = await rankProject(deps, reader, meta.projectKey);
  const plan = planFromRanking(ranking);
  const next: PlanMeta = { ...meta, next: 0, failed: [], rounds: meta.rounds + 1, chunks: 0, batches: 0 };
  await storePlan(deps.kv, next, plan.batches);
  await storeBatchIds(deps.kv, meta.projectKey, meta.planId, plan.batches, ranking);
  return { ...next, chunks: Math.ceil(plan.batches.length / BATCHES_PER_CHUNK), batches: plan.batches.length };
}

async function takeLock(kv: KeyValueStore, projectKey: string, planId: string, clock: () => Date): Promise<void> {
  const lock = { planId, at: Date.now() };
  if (await kv.setIfAbsent(lockKey(projectKey), lock)) return;
  const held = await kv.get<{ planId: string; at: number }>(lockKey(projectKey));
  if (held !== undefined && Date.now() - held.at < LOCK_TTL_MS) {
    throw new AppError('BUSY', 'Another "apply order to Jira" is running for this project. Wait for it to finish, then try again.', { since: new Date(held.at).toISOString(), now: clock().toISOString() });
  }
  await kv.delete(lockKey(projectKey));
  if (!(await kv.setIfAbsent(lockKey(projectKey), lock))) {
    throw new AppError('BUSY', 'Another "apply order to Jira" is running for this project. Wait for it to finish, then try again.');
  }
}

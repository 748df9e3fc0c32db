import { randomUUID } from 'node:crypto';
import type { RankBatch, RankMove } from '../../contract/model';
import type { Payload, ResultMap } from '../../contract/operations';
import { planRankSync as planDomain } from '../../domain';
import { AppError } from '../errors';
import type { JiraReader, JiraWriter } from '../ports/jira';
import type { KeyValueStore } from '../ports/key-value-store';
import { chunkByBytes } from '../shared/chunk-by-bytes';
import type { AppDeps } from '../app-deps';
import { replayOnSnapshot } from '../snapshot/jira-order';
import { openView } from '../snapshot/open-view';
import { candidateJql, searchInRankOrder } from '../backlog/load-project';
import { releaseLock, takeLock } from './apply-lock';
import { rememberMoved } from './recent-moves';

/**
 * Refused issues kept in a plan's report, each message clipped: the report lives in the plan's one KVS value
 * (240 KiB). Issues past it are not lost: the next apply plans again from Jira's order and moves them then.
 */
const MAX_REPORTED_FAILURES = 200;
const clipFailure = (f: { key: string; message: string }): { key: string; message: string } => ({ key: f.key.slice(0, 255), message: f.message.slice(0, 500) });

/** A plan older than this is refused: the backlog it was made from has likely moved on. */
export const PLAN_TTL_MS = 30 * 60_000;

/**
 * A stored rank-sync plan. Keys: `rs:<projectKey>:<planId>:meta` → PlanMeta, `rs:<projectKey>:<planId>:b:<n>` →
 * StoredBatch[] (chunks cut by bytes), `rs:<projectKey>:<planId>:o:<n>` → the candidates' ids in Jira's order when the plan was
 * made (chunks), `rs:<projectKey>:lock` while an apply runs (apply-lock.ts).
 */
interface PlanMeta {
  planId: string;
  projectKey: string;
  createdBy: string;
  createdAt: string;
  /** When the plan was made, in epoch ms of the wall clock (the scoring clock may be frozen). Absent: made before plans expired. */
  madeAt?: number;
  /** Chunks of the Jira order it was made from. */
  orderChunks?: number;
  chunks: number;
  /** Index of the first batch of each stored chunk (chunks are cut by bytes, so their sizes differ). */
  starts: number[];
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
const orderKey = (p: string, id: string, n: number): string => `rs:${p}:${id}:o:${n}`;

/** A rank call and the ids of its issues: the call names keys, `reconcileIssues` takes ids (recent-moves.ts). */
interface StoredBatch {
  batch: RankBatch;
  ids: string[];
}

function withIds(batches: readonly RankBatch[], idOf: ReadonlyMap<string, string>): StoredBatch[] {
  return batches.map((batch) => ({ batch, ids: batch.issues.map((k) => idOf.get(k) ?? '') }));
}

async function storePlan(kv: KeyValueStore, meta: PlanMeta, batches: StoredBatch[]): Promise<PlanMeta> {
  const chunks = chunkByBytes(batches);
  const starts: number[] = [];
  chunks.reduce((at, c) => (starts.push(at), at + c.length), 0);
  await kv.setMany(chunks.map((c, n) => ({ key: chunkKey(meta.projectKey, meta.planId, n), value: c })));
  const stored: PlanMeta = { ...meta, chunks: chunks.length, starts, batches: batches.length };
  await kv.set(metaKey(meta.projectKey, meta.planId), stored);
  return stored;
}

/** The stored chunk that holds batch `index`. */
function chunkOf(meta: PlanMeta, index: number): number {
  let n = 0;
  while (n + 1 < meta.starts.length && (meta.starts[n + 1] as number) <= index) n++;
  return n;
}

/**
 * The fewest moves from Jira's order now to the value order (pins applied) of the candidates the user can see:
 * the value order from the project's snapshot, Jira's order read live (ids in Rank order, as the user, ⌈N/5,000⌉
 * searches), since a rank sync must start from where the issues are, not from where the snapshot saw them.
 */
async function planFromSnapshot(deps: AppDeps, reader: JiraReader, projectKey: string): Promise<Planned> {
  const opened = await openView(deps, reader, projectKey);
  if (opened.status === 'building') {
    throw new AppError('BUSY', 'ValueRank is scoring this project for the first time. Plan the rank sync once the backlog shows its ranking.');
  }
  const { view } = opened;
  const config = (await deps.configs.effective(projectKey)).config;
  const live = await searchInRankOrder(reader, deps.kv, projectKey, candidateJql(projectKey, config), Number.MAX_SAFE_INTEGER);
  const inJiraOrder = live.filter((i) => view.positionOf(i.key) >= 0);
  const ranked = new Set(inJiraOrder.map((i) => i.key));
  const valueOrder = view.keysInValueOrder().filter((k) => ranked.has(k));
  const plan = planDomain(
    inJiraOrder.map((i) => i.key),
    valueOrder,
  );
  const jiraPos = new Map(inJiraOrder.map((i, n) => [i.key, n + 1]));
  const valuePos = new Map(valueOrder.map((k, n) => [k, n + 1]));
  return {
    plan,
    order: inJiraOrder,
    idOf: new Map(inJiraOrder.map((i) => [i.key, i.id])),
    jiraPos,
    valuePos,
    summaryOf: (k) => view.summaryAt(view.positionOf(k)),
  };
}

interface Planned {
  plan: ReturnType<typeof planDomain>;
  order: { id: string; key: string }[];
  idOf: Map<string, string>;
  jiraPos: Map<string, number>;
  valuePos: Map<string, number>;
  summaryOf: (key: string) => string;
}

/** Computes the fewest rank moves that make Jira's order the value order (pins kept), stores them, returns the diff. */
export async function planRankSync(deps: AppDeps, reader: JiraReader, accountId: string, p: Payload<'planRankSync'>): Promise<ResultMap['planRankSync']> {
  const planned = await planFromSnapshot(deps, reader, p.projectKey);
  const { plan } = planned;
  const planId = randomUUID().replace(/-/g, '');
  const order = chunkByBytes(planned.order.map((c) => c.id));
  await deps.kv.setMany(order.map((ids, n) => ({ key: orderKey(p.projectKey, planId, n), value: ids })));
  const meta: PlanMeta = {
    planId,
    projectKey: p.projectKey,
    createdBy: accountId,
    createdAt: deps.clock().toISOString(),
    madeAt: Date.now(),
    orderChunks: order.length,
    chunks: 0,
    starts: [],
    batches: 0,
    next: 0,
    applied: 0,
    failed: [],
    rounds: 0,
  };
  await storePlan(deps.kv, meta, withIds(plan.batches, planned.idOf));
  const moves: RankMove[] = plan.moves.map((m) => {
    const from = planned.jiraPos.get(m.key);
    const to = planned.valuePos.get(m.key);
    return from === undefined || to === undefined ? m : { ...m, summary: planned.summaryOf(m.key), from, to };
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
  if (meta.madeAt === undefined || Date.now() - meta.madeAt > PLAN_TTL_MS) {
    throw new AppError(
      'PLAN_EXPIRED',
      `This plan is more than ${PLAN_TTL_MS / 60_000} minutes old and may no longer match the backlog. Plan again to see the moves that are needed now.`,
      { madeAt: meta.madeAt === undefined ? null : new Date(meta.madeAt).toISOString() },
    );
  }
  if (!Array.isArray(meta.starts)) throw new AppError('NOT_FOUND', 'This rank-sync plan was stored by an older version of the app. Plan the rank sync again.');
  const lock = await takeLock(kv, p.projectKey, p.planId);
  /** What this call moved, so the next reads see it despite Jira's search lag (recent-moves.ts). */
  const moved: { ids: string[]; batches: RankBatch[] } = { ids: [], batches: [] };
  try {
    // Before the first rank call only: once the plan has moved issues, Jira's order differs from it by design.
    if (meta.next === 0 && meta.applied === 0 && meta.rounds === 0) await requireOrderUnchanged(deps, reader, meta);
    if (meta.next >= meta.batches && meta.failed.length > 0) meta = await replan(deps, reader, meta);
    let cached: { n: number; batches: StoredBatch[] } | null = null;
    while (meta.next < meta.batches && timeLeftMs() > 3000) {
      const n = chunkOf(meta, meta.next);
      if (cached === null || cached.n !== n) cached = { n, batches: (await kv.get<StoredBatch[]>(chunkKey(p.projectKey, p.planId, n))) ?? [] };
      const stored: StoredBatch | undefined = cached.batches[meta.next - (meta.starts[n] ?? 0)];
      if (stored === undefined) throw new AppError('INTERNAL', 'The stored plan is incomplete. Plan the rank sync again.');
      const batch: RankBatch = stored.batch;
      const failures = await writer.rank(batch);
      const failedKeys = new Set(failures.map((f) => f.key));
      batch.issues.forEach((key, i) => {
        const id = stored.ids[i];
        if (!failedKeys.has(key) && id !== undefined && id !== '') moved.ids.push(id);
      });
      const accepted = batch.issues.filter((k) => !failedKeys.has(k));
      if (accepted.length > 0) moved.batches.push({ ...batch, issues: accepted });
      meta = {
        ...meta,
        next: meta.next + 1,
        applied: meta.applied + accepted.length,
        failed: [...meta.failed.filter((f) => !batch.issues.includes(f.key)), ...failures.map(clipFailure)].slice(0, MAX_REPORTED_FAILURES),
      };
      await kv.set(metaKey(p.projectKey, p.planId), meta);
    }
    const done = meta.next >= meta.batches && meta.failed.length === 0;
    return { status: done ? 'done' : 'partial', applied: meta.applied, failed: meta.failed };
  } finally {
    try {
      await rememberMoved(kv, p.projectKey, moved);
      await replayOnSnapshot(kv, p.projectKey, moved.batches, `apply:${p.planId}:${randomUUID()}`);
    } finally {
      await releaseLock(kv, lock);
    }
  }
}

/**
 * Refuses a plan when Jira's order of its issues is no longer the order it was made from: someone ranked,
 * finished or removed one of them meanwhile, and the stored moves would undo their change. Issues created since
 * do not make it outdated (the plan leaves them where they are). ⌈N/5,000⌉ id searches as the user.
 */
async function requireOrderUnchanged(deps: AppDeps, reader: JiraReader, meta: PlanMeta): Promise<void> {
  const keys = Array.from({ length: meta.orderChunks ?? 0 }, (_, n) => orderKey(meta.projectKey, meta.planId, n));
  const stored = await deps.kv.getMany<string[]>(keys);
  const then = keys.flatMap((k) => stored.get(k) ?? []);
  const planned = new Set(then);
  const now: string[] = [];
  const config = (await deps.configs.effective(meta.projectKey)).config;
  // No limit of its own: the reader bounds the pages, and a cut-short answer reads as "changed", the safe side.
  // Read as a load reads it, so a plan made right after a large apply is not refused for the search index's lag.
  for (const { id } of await searchInRankOrder(reader, deps.kv, meta.projectKey, candidateJql(meta.projectKey, config), Number.MAX_SAFE_INTEGER))
    if (planned.has(id)) now.push(id);
  if (now.length !== then.length || now.some((id, i) => id !== then[i])) {
    throw new AppError(
      'PLAN_OUTDATED',
      "Jira's order changed since this plan was made (someone ranked, finished or removed an issue), so its moves could undo their change. Plan again from Jira's current order.",
    );
  }
}

/**
 * After per-issue failures: a fresh plan from Jira's order now, under the same plan id. Jira's search lags the
 * moves just made; the load reconciles the ids the last applies moved (recent-moves.ts), so the plan starts from
 * where the issues are now.
 */
async function replan(deps: AppDeps, reader: JiraReader, meta: PlanMeta): Promise<PlanMeta> {
  const planned = await planFromSnapshot(deps, reader, meta.projectKey);
  return storePlan(
    deps.kv,
    { ...meta, next: 0, failed: [], rounds: meta.rounds + 1, chunks: 0, starts: [], batches: 0 },
    withIds(planned.plan.batches, planned.idOf),
  );
}

import type { RankBatch, RankMove } from '../../contract/model';
import { longestIncreasingSubsequence } from './lis';

/** Most issues one `PUT /rest/agile/1.0/issue/rank` call may place (count). */
export const MAX_RANK_BATCH = 50;

/** How to bring Jira's rank order to the target order with the fewest moves and rank calls. */
export interface RankSyncPlan {
  /** Issues compared (count). */
  total: number;
  /** Issues left where they are: a longest subsequence already in target relative order (count). */
  unchanged: number;
  /** One entry per moved issue (`total − unchanged` of them), in target order, naming its call's anchor. */
  moves: RankMove[];
  /**
   * Rank calls in the order they must run: Σ ⌈run / 50⌉ over the runs of moved issues that are consecutive in
   * the target order. Each call's anchor is already in its final place when the call runs, so after a partial
   * failure the remaining calls (or all of them again) still produce the target order.
   */
  batches: RankBatch[];
}

/** The orders handed to rank sync do not describe one set of issues, so no plan can join them. */
export class RankSyncInputError extends Error {
  readonly code = 'INVALID_RANK_INPUT' as const;

  constructor(message: string) {
    super(message);
    this.name = 'RankSyncInputError';
  }
}

/**
 * Plans the rank calls that turn `current` into `target`.
 *
 * Keeps a longest increasing subsequence of target positions (read in current order) in place and moves every
 * other issue, so `moves.length = total − LIS` — no plan moves fewer. Moved issues that sit next to each other in
 * the target order travel together, up to 50 per call, placed before the next kept issue, or after the previous
 * kept one when they end the list. Pure and deterministic: the same orders always give the same plan.
 *
 * @param current Jira's present rank order of the candidate issue keys, top first.
 * @param target the desired order of the same keys, top first.
 * @throws RankSyncInputError when the lists hold different keys or a key twice.
 */
export function planRankSync(current: readonly string[], target: readonly string[]): RankSyncPlan {
  const targetPosition = indexSameIssues(current, target);
  const positions = current.map((key) => targetPosition.get(key)!);
  const keptAt = new Uint8Array(target.length);
  const kept = longestIncreasingSubsequence(positions);
  for (const i of kept) keptAt[positions[i]!] = 1;

  const plan: RankSyncPlan = { total: target.length, unchanged: kept.length, moves: [], batches: [] };
  let start = 0;
  while (start < target.length) {
    if (keptAt[start] === 1) {
      start++;
      continue;
    }
    let end = start + 1;
    while (end < target.length && keptAt[end] !== 1) end++;
    placeRun(target, start, end, plan);
    start = end;
  }
  return plan;
}

/**
 * Adds the calls for the moved issues `target[start, end)`, whose neighbours in the target order are kept
 * issues or the end of the list. Chunks are ordered so that each call anchors on an issue already final: the
 * kept neighbour, or the edge of the chunk placed just before.
 */
function placeRun(target: readonly string[], start: number, end: number, plan: RankSyncPlan): void {
  const chunks: string[][] = [];
  for (let i = start; i < end; i += MAX_RANK_BATCH) chunks.push(target.slice(i, Math.min(i + MAX_RANK_BATCH, end)));

  const next = target[end];
  if (next !== undefined) {
    const batches = chunks.map((issues, c) => ({ issues, rankBeforeIssue: chunks[c + 1]?.[0] ?? next }));
    for (const { issues, rankBeforeIssue } of batches) {
      for (const key of issues) plan.moves.push({ key, before: rankBeforeIssue });
    }
    plan.batches.push(...batches.reverse());
  } else {
    // A run that ends the list follows a kept issue: a non-empty list always keeps at least one.
    const previous = target[start - 1]!;
    const batches = chunks.map((issues, c) => ({ issues, rankAfterIssue: chunks[c - 1]?.at(-1) ?? previous }));
    for (const { issues, rankAfterIssue } of batches) {
      for (const key of issues) plan.moves.push({ key, after: rankAfterIssue });
    }
    plan.batches.push(...batches);
  }
}

/** Target position (0-based) of each key, after checking both lists hold the same keys once each. */
function indexSameIssues(current: readonly string[], target: readonly string[]): Map<string, number> {
  const retry = 'Reload the backlog and plan the rank sync again.';
  if (current.length !== target.length) {
    throw new RankSyncInputError(`Jira's order has ${current.length} issues but the target order has ${target.length}. ${retry}`);
  }
  const targetPosition = new Map<string, number>();
  target.forEach((key, position) => {
    if (targetPosition.has(key)) throw new RankSyncInputError(`${key} appears twice in the target order. ${retry}`);
    targetPosition.set(key, position);
  });
  const seen = new Set<string>();
  for (const key of current) {
    if (!targetPosition.has(key)) {
      throw new RankSyncInputError(`${key} is in Jira's order but not in the target order. ${retry}`);
    }
    if (seen.has(key)) throw new RankSyncInputError(`${key} appears twice in Jira's order. ${retry}`);
    seen.add(key);
  }
  return targetPosition;
}

/**
 * Simulates Jira running `batches` in order on `order` (top first): each call takes its issues out and puts them
 * back side by side, in the call's order, directly before `rankBeforeIssue` or after `rankAfterIssue`.
 * O(n) per call. Used by tests and the simulator; `order` is not modified.
 *
 * @throws RankSyncInputError for a call the planner must never make: more than 50 issues, none, or one twice;
 *   an issue not in the order; not exactly one anchor; an anchor missing from the order or among the issues.
 */
export function applyBatches(order: readonly string[], batches: readonly RankBatch[]): string[] {
  let result = [...order];
  for (const batch of batches) {
    const moving = new Set(batch.issues);
    if (batch.issues.length === 0 || batch.issues.length > MAX_RANK_BATCH || moving.size !== batch.issues.length) {
      throw new RankSyncInputError(`A rank call needs 1–${MAX_RANK_BATCH} distinct issues; this one has [${batch.issues.join(', ')}].`);
    }
    const { rankBeforeIssue: before, rankAfterIssue: after } = batch;
    const anchor = before ?? after;
    if (anchor === undefined || (before !== undefined && after !== undefined)) {
      throw new RankSyncInputError('A rank call needs exactly one of rankBeforeIssue and rankAfterIssue.');
    }
    if (moving.has(anchor)) throw new RankSyncInputError(`${anchor} cannot be ranked next to itself.`);
    const rest = result.filter((key) => !moving.has(key));
    if (rest.length !== result.length - moving.size) {
      throw new RankSyncInputError(`A rank call moves issues that are not in the order: [${batch.issues.join(', ')}].`);
    }
    const at = rest.indexOf(anchor);
    if (at < 0) throw new RankSyncInputError(`The rank anchor ${anchor} is not in the order.`);
    rest.splice(before !== undefined ? at : at + 1, 0, ...batch.issues);
    result = rest;
  }
  return result;
}

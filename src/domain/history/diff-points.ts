import type { Reason } from './reasons';
import { reasonsBetween, weightsDiffer } from './reasons';
import type { HistoryPoint, PointEntry } from './types';

export interface RawMove {
  id: string;
  key: string;
  /** 1-based positions among the included issues. */
  rankFrom: number;
  rankTo: number;
  scoreFrom: number;
  scoreTo: number;
  reasons: Reason[];
}

export interface PointDiff {
  moves: RawMove[];
  entered: { id: string; key: string; rank: number; score: number }[];
  left: { id: string; key: string; rankFrom: number }[];
}

/**
 * What moved from `from` to `to` among the issues `include` admits (what one user may browse), ranked among
 * themselves: moves of more than `minMove` places (largest first), issues that entered, issues that left.
 */
export function diffPoints(from: HistoryPoint, to: HistoryPoint, include: (id: string) => boolean, minMove = 0): PointDiff {
  const before = ranked(from.entries, include);
  const after = ranked(to.entries, include);
  const config = { from: from.configVersion, to: to.configVersion, weightsChanged: weightsDiffer(from.weights, to.weights), weights: to.weights };
  const moves: RawMove[] = [];
  const entered: PointDiff['entered'] = [];
  for (const [id, b] of after) {
    const a = before.get(id);
    if (a === undefined) {
      entered.push({ id, key: b.entry.facts.key, rank: b.rank, score: b.entry.score });
      continue;
    }
    if (Math.abs(b.rank - a.rank) <= minMove || b.rank === a.rank) continue;
    moves.push({
      id,
      key: b.entry.facts.key,
      rankFrom: a.rank,
      rankTo: b.rank,
      scoreFrom: a.entry.score,
      scoreTo: b.entry.score,
      reasons: reasonsBetween(a.entry.facts, b.entry.facts, config, a.entry.score !== b.entry.score),
    });
  }
  const left: PointDiff['left'] = [];
  for (const [id, a] of before) if (!after.has(id)) left.push({ id, key: a.entry.facts.key, rankFrom: a.rank });
  moves.sort((x, y) => Math.abs(y.rankTo - y.rankFrom) - Math.abs(x.rankTo - x.rankFrom) || x.rankTo - y.rankTo);
  entered.sort((x, y) => x.rank - y.rank);
  left.sort((x, y) => x.rankFrom - y.rankFrom);
  return { moves, entered, left };
}

/** Included entries by id with their 1-based rank among the included. */
function ranked(entries: readonly PointEntry[], include: (id: string) => boolean): Map<string, { rank: number; entry: PointEntry }> {
  const out = new Map<string, { rank: number; entry: PointEntry }>();
  for (const entry of entries) if (include(entry.id)) out.set(entry.id, { rank: out.size + 1, entry });
  return out;
}

export interface SeriesStep {
  at: string;
  score: number;
  rank: number;
  /** The main reason of the change since the step before (absent on the first step, or when nothing of its own changed). */
  reason?: Reason;
}

/** One issue's score and rank (among the included) at each point it appears in, oldest first. */
export function issueSeries(points: readonly HistoryPoint[], id: string, include: (id: string) => boolean): SeriesStep[] {
  const out: SeriesStep[] = [];
  let prev: { point: HistoryPoint; entry: PointEntry } | null = null;
  for (const point of points) {
    let rank = 0;
    let entry: PointEntry | undefined;
    for (const e of point.entries) {
      if (!include(e.id)) continue;
      rank++;
      if (e.id === id) {
        entry = e;
        break;
      }
    }
    if (entry === undefined) continue;
    const step: SeriesStep = { at: point.at, score: entry.score, rank };
    if (prev !== null) {
      const config = {
        from: prev.point.configVersion,
        to: point.configVersion,
        weightsChanged: weightsDiffer(prev.point.weights, point.weights),
        weights: point.weights,
      };
      const [main] = reasonsBetween(prev.entry.facts, entry.facts, config, prev.entry.score !== entry.score);
      if (main !== undefined) step.reason = main;
    }
    out.push(step);
    prev = { point, entry };
  }
  return out;
}

import { randomUUID } from 'node:crypto';
import { FACTOR_IDS, type FactorId } from '../../contract/model';
import { decodeEntries, encodeEntries, factsById, type Facts, type HistoryPoint, type StoredEntry } from '../../domain/history';
import type { KeyValueStore } from '../ports/key-value-store';
import { chunkByBytes } from '../shared/chunk-by-bytes';

/**
 * A project's ranking history (docs/storage.md): `hist:<KEY>:idx` → HistoryIndex; `hist:<KEY>:p:<pointId>:<n>` →
 * the point's entries (tuples, facts as a delta against the point before; cut by bytes). A point is written under
 * a new id and then named in the index (write new, then switch), so a reader never sees half a point.
 */
export interface PointHead {
  id: string;
  /** ISO date-time of the computation. */
  at: string;
  /** 'd': the day's ranking (rewritten while it is the newest); 'b' / 'a': just before / after a config change (never rewritten). */
  kind: 'd' | 'b' | 'a';
  configVersion: number;
  /** Weights in FACTOR_IDS order. */
  w: number[];
  /** A base point carries every issue's facts; the others only the facts that changed since the point before. */
  base: boolean;
  chunks: number;
}

export interface HistoryIndex {
  v: 1;
  /** Oldest first. */
  points: PointHead[];
}

/** Days of history kept. */
export const HISTORY_DAYS = 90;
/** Config changes whose before/after points are kept even when older than HISTORY_DAYS. */
export const KEPT_CONFIG_CHANGES = 5;
/** A base point at least every this many points: a read replays at most this many deltas. */
export const BASE_EVERY = 15;

const indexKey = (p: string): string => `hist:${p}:idx`;
const chunkKey = (p: string, id: string, n: number): string => `hist:${p}:p:${id}:${n}`;

export async function readIndex(kv: KeyValueStore, projectKey: string): Promise<HistoryIndex> {
  return (await kv.get<HistoryIndex>(indexKey(projectKey))) ?? { v: 1, points: [] };
}

/**
 * The points at `wanted` (indexes into `index.points`), decoded: reads from the base point before the first of them
 * through the last (every point between is needed to replay the deltas).
 */
export async function readPoints(kv: KeyValueStore, projectKey: string, index: HistoryIndex, wanted: readonly number[]): Promise<Map<number, HistoryPoint>> {
  const out = new Map<number, HistoryPoint>();
  if (wanted.length === 0) return out;
  const first = Math.min(...wanted);
  const last = Math.max(...wanted);
  let start = first;
  while (start > 0 && !index.points[start]!.base) start--;
  const heads = index.points.slice(start, last + 1);
  const keys = heads.flatMap((h) => Array.from({ length: h.chunks }, (_, n) => chunkKey(projectKey, h.id, n)));
  const found = await kv.getMany<StoredEntry[]>(keys);
  const want = new Set(wanted);
  let previous: Map<string, Facts> | null = null;
  heads.forEach((h, i) => {
    const stored = Array.from({ length: h.chunks }, (_, n) => found.get(chunkKey(projectKey, h.id, n)) ?? []).flat();
    const entries = decodeEntries(stored, h.base ? null : previous);
    previous = factsById(entries);
    if (want.has(start + i)) out.set(start + i, { at: h.at, configVersion: h.configVersion, weights: weightsOf(h.w), entries });
  });
  return out;
}

const weightsOf = (w: readonly number[]): Record<FactorId, number> => Object.fromEntries(FACTOR_IDS.map((f, k) => [f, w[k] ?? 0])) as Record<FactorId, number>;

/**
 * Adds `point` as the newest, or (`replaceLast`) in place of the newest. Then prunes what is no longer kept:
 * points older than HISTORY_DAYS, except the before/after points of the last KEPT_CONFIG_CHANGES config changes
 * and the newest point, are dropped a base-to-base segment at a time (a delta never loses its base).
 */
export async function writePoint(
  kv: KeyValueStore,
  projectKey: string,
  point: HistoryPoint,
  kind: PointHead['kind'],
  opts: { replaceLast: boolean; now: Date },
): Promise<HistoryIndex> {
  const index = await readIndex(kv, projectKey);
  const kept = opts.replaceLast && index.points.length > 0 ? index.points.slice(0, -1) : [...index.points];
  const replaced = opts.replaceLast ? index.points.at(-1) : undefined;
  const lastBase = kept.map((h) => h.base).lastIndexOf(true);
  const base = replaced?.base === true || kept.length === 0 || kept.length - lastBase >= BASE_EVERY;
  const previous = base ? null : ((await readPoints(kv, projectKey, { v: 1, points: kept }, [kept.length - 1])).get(kept.length - 1) ?? null);
  const stored = encodeEntries(point.entries, previous === null ? null : factsById(previous.entries));
  const chunks = chunkByBytes(stored);
  const id = `${point.at.slice(0, 10).replace(/-/g, '')}${kind}${randomUUID().replace(/-/g, '').slice(0, 6)}`;
  await kv.setMany(chunks.map((c, n) => ({ key: chunkKey(projectKey, id, n), value: c })));
  const head: PointHead = {
    id,
    at: point.at,
    kind,
    configVersion: point.configVersion,
    w: FACTOR_IDS.map((f) => point.weights[f] ?? 0),
    base,
    chunks: chunks.length,
  };
  const all = [...kept, head];
  const { keep, drop } = prune(all, opts.now);
  const next: HistoryIndex = { v: 1, points: keep };
  await kv.set(indexKey(projectKey), next);
  for (const h of replaced === undefined ? drop : [...drop, replaced]) await deleteChunks(kv, projectKey, h);
  return next;
}

async function deleteChunks(kv: KeyValueStore, projectKey: string, h: PointHead): Promise<void> {
  for (let n = 0; n < h.chunks; n++) await kv.delete(chunkKey(projectKey, h.id, n));
}

/** Splits the heads into those kept and those dropped (whole segments from one base point to the next). */
export function prune(points: readonly PointHead[], now: Date): { keep: PointHead[]; drop: PointHead[] } {
  const cutoff = now.getTime() - HISTORY_DAYS * 86_400_000;
  const marks = new Set<PointHead>();
  const after = points.filter((h) => h.kind === 'a').slice(-KEPT_CONFIG_CHANGES);
  for (const a of after) {
    marks.add(a);
    const i = points.indexOf(a);
    if (i > 0 && points[i - 1]!.kind === 'b') marks.add(points[i - 1]!);
  }
  const retained = (h: PointHead, i: number): boolean => i === points.length - 1 || Date.parse(h.at) >= cutoff || marks.has(h);
  const keep: PointHead[] = [];
  const drop: PointHead[] = [];
  let segment: PointHead[] = [];
  let any = false;
  const flush = (): void => {
    (any ? keep : drop).push(...segment);
    segment = [];
    any = false;
  };
  points.forEach((h, i) => {
    if (h.base && segment.length > 0) flush();
    segment.push(h);
    any ||= retained(h, i);
  });
  flush();
  return { keep, drop };
}

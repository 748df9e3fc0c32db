import { randomUUID } from 'node:crypto';
import type { Weights } from '../../contract/config';
import type { ResolvedFields } from '../../domain';
import type { SnapshotEvidence, SnapshotRow, SourceProblem } from '../../domain/snapshot/types';
import type { KeyValueStore } from '../ports/key-value-store';
import { CHUNK_BYTES, chunkByBytes } from '../shared/chunk-by-bytes';
import { jsonBytes } from '../shared/json-bytes';

/** A "blocks" edge among the project's issues (`toDone`: the blocked issue is resolved). */
export interface BlocksEdge {
  from: string;
  to: string;
  toDone: boolean;
}

/** What a snapshot knows besides its rows: when and how it was computed, and the project-wide facts of that run. */
export interface SnapshotMeta {
  /** The build that wrote the chunks (their keys carry it); a rebuild writes a new one and then switches the meta. */
  gen: string;
  /** Bumped by every in-place change (one issue rescored), so cached copies of the rows know they are old. */
  rev: number;
  computedAt: string;
  configVersion: number;
  /** Digest of the config in force (scope and version alone do not name a config). */
  configDigest: string;
  /** The weights the scores were computed with: every user's page, panel and the field show these scores. */
  weights: Weights;
  total: number;
  rowChunks: number;
  evChunks: number;
  edgeChunks: number;
  medianPoints: number;
  businessValueMax: number;
  fields: ResolvedFields;
  feedbackProjects: string[];
  /** The app's "Value score" field id (null: not found on this site). */
  scoreField: string | null;
  sources: SourceProblem[];
  /** More candidates than a project may have: the rest was left out. */
  truncated: boolean;
  /**
   * Creation times (epoch ms, to the minute) that split the issues the candidate JQL matched (epics and sub-tasks
   * too) into ranges of at most RANGE_SIZE: a page view's searches (visibility.ts). Absent in older snapshots.
   */
  rangeBounds?: number[];
}

/** A row as stored: a tuple, about half the bytes of an object (20,000 rows in ~15 KVS values); business value last (absent in older rows). */
type StoredRow = [
  string,
  string,
  string,
  string,
  string,
  number,
  number | null,
  string[],
  string | null,
  string | null,
  number | null,
  number[],
  number,
  number,
  0 | 1,
  string[],
  number,
  number,
  (number | null)?,
];

/** A row with the evidence chunk that holds its evidence. */
export interface StoredSnapshotRow extends SnapshotRow {
  evChunk: number;
}

/**
 * Storage keys (docs/storage.md): `snap:<KEY>:meta` → SnapshotMeta; `snap:<KEY>:<gen>:r:<n>` → rows (tuples, cut by
 * bytes); `snap:<KEY>:<gen>:e:<n>` → SnapshotEvidence[] in value order, so a page's evidence sits in one or two
 * values; `snap:<KEY>:<gen>:g:<n>` → "blocks" edges.
 */
export const snapMetaKey = (p: string): string => `snap:${p}:meta`;
const rowKey = (p: string, gen: string, n: number): string => `snap:${p}:${gen}:r:${n}`;
const evKey = (p: string, gen: string, n: number): string => `snap:${p}:${gen}:e:${n}`;
const edgeKey = (p: string, gen: string, n: number): string => `snap:${p}:${gen}:g:${n}`;

const encode = (r: StoredSnapshotRow): StoredRow => [
  r.id,
  r.key,
  r.summary,
  r.issueType,
  r.status,
  r.jiraRank,
  r.created,
  r.labels,
  r.epicKey,
  r.dueDate,
  r.points,
  r.values,
  r.divisor,
  r.customers,
  r.isDebt ? 1 : 0,
  r.gaps,
  r.confidence,
  r.evChunk,
  r.businessValue ?? null,
];

const decode = (t: StoredRow): StoredSnapshotRow => ({
  id: t[0],
  key: t[1],
  summary: t[2],
  issueType: t[3],
  status: t[4],
  jiraRank: t[5],
  created: t[6],
  labels: t[7],
  epicKey: t[8],
  dueDate: t[9],
  points: t[10],
  values: t[11],
  divisor: t[12],
  customers: t[13],
  isDebt: t[14] === 1,
  gaps: t[15],
  confidence: t[16],
  evChunk: t[17],
  businessValue: t[18] ?? null,
});

/** Decoded rows kept per function instance (Forge keeps warm ones): a page view then reads only the meta. */
const cache = new Map<string, { gen: string; rev: number; rows: StoredSnapshotRow[]; chunks: StoredSnapshotRow[][] }>();
const MAX_CACHED = 4;

export class SnapshotMissingError extends Error {
  constructor(projectKey: string) {
    super(`The snapshot of ${projectKey} changed while it was read.`);
  }
}

export async function readMeta(kv: KeyValueStore, projectKey: string): Promise<SnapshotMeta | undefined> {
  return kv.get<SnapshotMeta>(snapMetaKey(projectKey));
}

/** Every row of the snapshot `meta` describes (from this instance's cache when it is current). */
export async function readRows(kv: KeyValueStore, projectKey: string, meta: SnapshotMeta): Promise<StoredSnapshotRow[]> {
  return (await readChunks(kv, projectKey, meta)).rows;
}

async function readChunks(kv: KeyValueStore, projectKey: string, meta: SnapshotMeta): Promise<{ rows: StoredSnapshotRow[]; chunks: StoredSnapshotRow[][] }> {
  const hit = cache.get(projectKey);
  if (hit !== undefined && hit.gen === meta.gen && hit.rev === meta.rev) return hit;
  const keys = Array.from({ length: meta.rowChunks }, (_, n) => rowKey(projectKey, meta.gen, n));
  const found = await kv.getMany<StoredRow[]>(keys);
  const chunks = keys.map((k) => {
    const c = found.get(k);
    if (c === undefined) throw new SnapshotMissingError(projectKey);
    return c.map(decode);
  });
  const entry = { gen: meta.gen, rev: meta.rev, rows: chunks.flat(), chunks };
  cache.delete(projectKey);
  cache.set(projectKey, entry);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  return entry;
}

/** The evidence of `keys` (rows of the snapshot `meta` describes), by key. */
export async function readEvidence(
  kv: KeyValueStore,
  projectKey: string,
  meta: SnapshotMeta,
  rows: readonly StoredSnapshotRow[],
): Promise<Map<string, SnapshotEvidence>> {
  const wanted = new Set(rows.map((r) => r.key));
  const keys = [...new Set(rows.map((r) => r.evChunk))].map((n) => evKey(projectKey, meta.gen, n));
  const found = await kv.getMany<SnapshotEvidence[]>(keys);
  const out = new Map<string, SnapshotEvidence>();
  for (const k of keys) {
    const chunk = found.get(k);
    if (chunk === undefined) throw new SnapshotMissingError(projectKey);
    for (const e of chunk) if (wanted.has(e.key)) out.set(e.key, e);
  }
  return out;
}

export async function readEdges(kv: KeyValueStore, projectKey: string, meta: SnapshotMeta): Promise<BlocksEdge[]> {
  const keys = Array.from({ length: meta.edgeChunks }, (_, n) => edgeKey(projectKey, meta.gen, n));
  const found = await kv.getMany<BlocksEdge[]>(keys);
  return keys.flatMap((k) => found.get(k) ?? []);
}

/**
 * Writes a whole snapshot under a new generation, then switches the meta to it (one write: readers see the old
 * snapshot or the new one, never a mix). The old generation's values stay until `deleteGeneration(previous)`.
 */
export async function saveSnapshot(
  kv: KeyValueStore,
  projectKey: string,
  data: { rows: readonly SnapshotRow[]; evidence: readonly SnapshotEvidence[]; edges: readonly BlocksEdge[] },
  meta: Omit<SnapshotMeta, 'gen' | 'rev' | 'total' | 'rowChunks' | 'evChunks' | 'edgeChunks'>,
): Promise<{ meta: SnapshotMeta; previous: SnapshotMeta | undefined }> {
  const gen = randomUUID().replace(/-/g, '').slice(0, 12);
  const evChunks = chunkByBytes(data.evidence.map(fitEvidence));
  const chunkOf = new Map<string, number>();
  evChunks.forEach((c, n) => c.forEach((e) => chunkOf.set(e.key, n)));
  const stored = data.rows.map((r) => encode({ ...r, evChunk: chunkOf.get(r.key) ?? 0 }));
  const rowChunks = chunkByBytes(stored);
  const edgeChunks = chunkByBytes(data.edges);
  await kv.setMany([
    ...rowChunks.map((c, n) => ({ key: rowKey(projectKey, gen, n), value: c })),
    ...evChunks.map((c, n) => ({ key: evKey(projectKey, gen, n), value: c })),
    ...edgeChunks.map((c, n) => ({ key: edgeKey(projectKey, gen, n), value: c })),
  ]);
  const previous = await readMeta(kv, projectKey);
  const next: SnapshotMeta = {
    ...meta,
    gen,
    rev: 0,
    total: data.rows.length,
    rowChunks: rowChunks.length,
    evChunks: evChunks.length,
    edgeChunks: edgeChunks.length,
  };
  await kv.set(snapMetaKey(projectKey), next);
  return { meta: next, previous };
}

/** Deletes the values of a generation the meta no longer names (after a rebuild switched it). */
export async function deleteGeneration(kv: KeyValueStore, projectKey: string, meta: SnapshotMeta): Promise<void> {
  const keys = [
    ...Array.from({ length: meta.rowChunks }, (_, n) => rowKey(projectKey, meta.gen, n)),
    ...Array.from({ length: meta.evChunks }, (_, n) => evKey(projectKey, meta.gen, n)),
    ...Array.from({ length: meta.edgeChunks }, (_, n) => edgeKey(projectKey, meta.gen, n)),
  ];
  for (const k of keys) await kv.delete(k);
}

/**
 * An issue's evidence cut to fit one stored value: a hub issue can list thousands of refs. The lists the UI shows
 * are capped already (10 customers, 10 blocked keys); refs beyond what they name are not needed.
 */
function fitEvidence(e: SnapshotEvidence): SnapshotEvidence {
  if (jsonBytes(e) + 2 <= CHUNK_BYTES) return e;
  const named = JSON.stringify(e.evidence);
  const refs = Object.fromEntries(Object.entries(e.refs).filter(([k]) => named.includes(`"${k}"`)));
  return { ...e, refs };
}

/**
 * Replaces (or adds, or with `row` null removes) one issue's row and evidence in place, under the project lock:
 * one edited issue costs two chunk writes and the meta, not a rebuild. A chunk that would outgrow one value sends
 * the issue to a new chunk at the end.
 */
export async function updateIssue(
  kv: KeyValueStore,
  projectKey: string,
  meta: SnapshotMeta,
  key: string,
  change: { row: SnapshotRow; evidence: SnapshotEvidence } | null,
): Promise<SnapshotMeta> {
  const chunks = (await readChunks(kv, projectKey, meta)).chunks.map((c) => [...c]);
  const next: SnapshotMeta = { ...meta, rev: meta.rev + 1 };
  const dirty = new Set<number>();
  const at = chunks.findIndex((c) => c.some((r) => r.key === key));
  const old = at < 0 ? undefined : chunks[at]!.find((r) => r.key === key);
  if (at >= 0) {
    chunks[at] = chunks[at]!.filter((r) => r.key !== key);
    dirty.add(at);
    next.total -= 1;
  }
  const writes: { key: string; value: unknown }[] = [];
  if (change !== null) {
    const evidence = fitEvidence(change.evidence);
    let evChunk = old?.evChunk ?? meta.evChunks - 1;
    const current = evChunk < 0 ? null : ((await kv.get<SnapshotEvidence[]>(evKey(projectKey, meta.gen, evChunk))) ?? []);
    const replaced = current === null ? null : [...current.filter((e) => e.key !== key), evidence];
    if (replaced === null || jsonBytes(replaced) > CHUNK_BYTES) {
      evChunk = next.evChunks;
      next.evChunks += 1;
      writes.push({ key: evKey(projectKey, meta.gen, evChunk), value: [evidence] });
    } else writes.push({ key: evKey(projectKey, meta.gen, evChunk), value: replaced });
    const row: StoredSnapshotRow = { ...change.row, evChunk };
    const target = at >= 0 ? at : chunks.length - 1;
    if (target >= 0 && jsonBytes([...chunks[target]!, row].map(encode)) <= CHUNK_BYTES) {
      chunks[target]!.push(row);
      dirty.add(target);
    } else {
      chunks.push([row]);
      dirty.add(chunks.length - 1);
      next.rowChunks = chunks.length;
    }
    next.total += 1;
  }
  if (writes.length === 0 && dirty.size === 0) return meta;
  for (const n of dirty) writes.push({ key: rowKey(projectKey, meta.gen, n), value: chunks[n]!.map(encode) });
  await kv.setMany(writes);
  await kv.set(snapMetaKey(projectKey), next);
  cache.delete(projectKey);
  return next;
}

/** Replaces the snapshot's edges touching `key` with `edges` (an edited issue's links), under the project lock. */
export async function updateEdges(kv: KeyValueStore, projectKey: string, meta: SnapshotMeta, key: string, edges: readonly BlocksEdge[]): Promise<SnapshotMeta> {
  const all = await readEdges(kv, projectKey, meta);
  const kept = all.filter((e) => e.from !== key);
  const next = [...kept, ...edges];
  if (next.length === all.length && next.every((e, i) => e === all[i])) return meta;
  const chunks = chunkByBytes(next);
  await kv.setMany(chunks.map((c, n) => ({ key: edgeKey(projectKey, meta.gen, n), value: c })));
  for (let n = chunks.length; n < meta.edgeChunks; n++) await kv.delete(edgeKey(projectKey, meta.gen, n));
  const updated = { ...meta, edgeChunks: chunks.length, rev: meta.rev + 1 };
  await kv.set(snapMetaKey(projectKey), updated);
  return updated;
}

/** Rewrites the rows `change` alters (it returns the row itself to leave one as it is), under the project lock. */
export async function rewriteRows(
  kv: KeyValueStore,
  projectKey: string,
  meta: SnapshotMeta,
  change: (row: StoredSnapshotRow) => StoredSnapshotRow,
): Promise<SnapshotMeta> {
  const { chunks } = await readChunks(kv, projectKey, meta);
  const writes: { key: string; value: unknown }[] = [];
  chunks.forEach((rows, n) => {
    const next = rows.map(change);
    if (next.some((r, i) => r !== rows[i])) writes.push({ key: rowKey(projectKey, meta.gen, n), value: next.map(encode) });
  });
  if (writes.length === 0) return meta;
  const updated = { ...meta, rev: meta.rev + 1 };
  await kv.setMany(writes);
  await kv.set(snapMetaKey(projectKey), updated);
  cache.delete(projectKey);
  return updated;
}

import type { ShippedRecord } from '../../domain/shipped/shipped-record';
import type { KeyValueStore } from '../ports/key-value-store';
import { chunkByBytes } from '../shared/chunk-by-bytes';

/**
 * The shipped log of a project (docs/storage.md): `shipped:<KEY>:meta` → `{ gen, chunks }` and
 * `shipped:<KEY>:<gen>:<n>` → ShippedRecord[] (newest resolved first, cut by bytes). Written only by background
 * work, under the project's recompute lock, so appends never race; a new generation is written before the meta
 * points to it, so a reader sees the old log or the new one.
 */
const metaKey = (p: string): string => `shipped:${p}:meta`;
const chunkKey = (p: string, gen: number, n: number): string => `shipped:${p}:${gen}:${n}`;

interface LogMeta {
  gen: number;
  chunks: number;
}

/** Records kept: those resolved in the last 400 days (a year and a quarter of "what did we ship"), at most 2,000. */
export const SHIPPED_KEEP_DAYS = 400;
export const SHIPPED_MAX_ITEMS = 2000;
const DAY_MS = 86_400_000;

export async function readShipped(kv: KeyValueStore, projectKey: string): Promise<ShippedRecord[]> {
  const meta = await kv.get<LogMeta>(metaKey(projectKey));
  if (meta === undefined) return [];
  const keys = Array.from({ length: meta.chunks }, (_, n) => chunkKey(projectKey, meta.gen, n));
  const found = await kv.getMany<ShippedRecord[]>(keys);
  return keys.flatMap((k) => found.get(k) ?? []);
}

/**
 * Adds `records` (an issue already logged is replaced: reopened and done again), drops those resolved more than
 * SHIPPED_KEEP_DAYS before `now` and keeps the newest SHIPPED_MAX_ITEMS. Call under the project's lock.
 */
export async function appendShipped(kv: KeyValueStore, projectKey: string, records: readonly ShippedRecord[], now: Date): Promise<void> {
  if (records.length === 0) return;
  const meta = await kv.get<LogMeta>(metaKey(projectKey));
  const fresh = new Set(records.map((r) => r.id));
  const oldest = now.getTime() - SHIPPED_KEEP_DAYS * DAY_MS;
  const kept = [...records, ...(await readShipped(kv, projectKey)).filter((r) => !fresh.has(r.id))]
    .filter((r) => Date.parse(r.resolvedAt) >= oldest)
    .sort((a, b) => b.resolvedAt.localeCompare(a.resolvedAt) || a.key.localeCompare(b.key))
    .slice(0, SHIPPED_MAX_ITEMS);
  const gen = (meta?.gen ?? 0) + 1;
  const chunks = chunkByBytes(kept);
  await kv.setMany(chunks.map((c, n) => ({ key: chunkKey(projectKey, gen, n), value: c })));
  await kv.set(metaKey(projectKey), { gen, chunks: chunks.length });
  for (let n = 0; n < (meta?.chunks ?? 0); n++) await kv.delete(chunkKey(projectKey, meta!.gen, n));
}

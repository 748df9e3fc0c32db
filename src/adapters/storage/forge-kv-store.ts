import { kvs, WhereConditions } from '@forge/kvs';
import type { KeyValueStore } from '../../application/ports/key-value-store';
import { chunkByBytes } from '../../application/shared/chunk-by-bytes';
import { chunk } from '../../application/shared/concurrency';

/** Forge KVS batch limit. */
const BATCH = 25;
/**
 * Bytes of values one batchSet may carry: Forge takes "a payload of 4MB" per batch
 * (developer.atlassian.com/platform/forge/storage-reference/batchops), read as 4,000,000 bytes, less room for keys
 * and the request's own JSON.
 */
const BATCH_BYTES = 3_500_000;
/** Pages read at most by one prefix listing (100 entries each). */
const MAX_QUERY_PAGES = 200;

/** KeyValueStore over `@forge/kvs`. */
export class ForgeKvStore implements KeyValueStore {
  async get<T>(key: string): Promise<T | undefined> {
    return kvs.get<T>(key);
  }

  async getMany<T>(keys: readonly string[]): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    for (const part of chunk(keys, BATCH)) {
      const res = await kvs.batchGet<T>(part.map((key) => ({ key })));
      for (const item of res.successfulKeys ?? []) out.set(item.key, item.value as T);
    }
    return out;
  }

  async set(key: string, value: unknown): Promise<void> {
    await kvs.set(key, value);
  }

  async setMany(entries: readonly { key: string; value: unknown }[]): Promise<void> {
    const bySize = chunkByBytes(entries, BATCH_BYTES);
    for (const part of bySize.flatMap((c) => chunk(c, BATCH))) {
      const res = await kvs.batchSet(part.map((e) => ({ key: e.key, value: e.value })));
      if ((res.failedKeys ?? []).length > 0)
        throw new Error(`KVS refused ${res.failedKeys.length} of ${part.length} writes: ${JSON.stringify(res.failedKeys[0])}`);
    }
  }

  async setIfAbsent(key: string, value: unknown): Promise<boolean> {
    try {
      await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
      return true;
    } catch (e) {
      if (isKeyExists(e)) return false;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await kvs.delete(key);
  }

  async listByPrefix<T>(prefix: string, limit: number): Promise<{ key: string; value: T }[]> {
    const out: { key: string; value: T }[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_QUERY_PAGES && out.length < limit; page++) {
      let q = kvs
        .query()
        .where('key', WhereConditions.beginsWith(prefix))
        .limit(Math.min(100, limit - out.length));
      if (cursor !== undefined) q = q.cursor(cursor);
      const res = await q.getMany<T>();
      out.push(...res.results.map((r) => ({ key: r.key, value: r.value })));
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    return out;
  }
}

/** The error KVS raises when FAIL_IF_EXISTS meets an existing key (HTTP 409 from the storage API). */
function isKeyExists(e: unknown): boolean {
  const err = e as { code?: unknown; responseDetails?: { status?: unknown } } | null;
  return err?.code === 'KEY_ALREADY_EXISTS' || err?.responseDetails?.status === 409;
}

import type { RemoteLinkLike } from '../../domain';
import { isRecord } from '../../domain/scoring/read-values';
import type { KeyValueStore } from '../ports/key-value-store';
import { chunkByBytes } from '../shared/chunk-by-bytes';
import { jsonBytes } from '../shared/json-bytes';

/** Remote-link cache buckets per project: a warm load reads them all in three batches. */
const BUCKETS = 64;
/**
 * Largest cached entry, in bytes of JSON: a hundred links with 2,000-character URLs would not fit one KVS value. A larger
 * entry is not cached at all, so such an issue's links are read again on each load: keeping only the links that
 * fit would silently count fewer customers on a warm load than on a cold one.
 */
const MAX_ENTRY_BYTES = 64 * 1024;

type Entry = { u: string; l: RemoteLinkLike[] };
type Bucket = Record<string, Entry>;
/** The stored parts of a bucket: the first says how many parts there are. */
type FirstPart = { n: number; e: Bucket };
type OtherPart = { e: Bucket };

/**
 * Remote links cost one request per issue, so they are cached in KVS keyed by issue id and the issue's
 * `updated` stamp (Jira bumps it when a remote link changes): a warm load fetches only what changed.
 * Keys: `rl:<projectKey>:<bucket 0–63>` → `{ n: parts, e: { [issueId]: { u: updated, l: links } } }` and, when a
 * bucket outgrows one KVS value, `rl:<projectKey>:<bucket>:<part 1…>` → `{ e: … }` (parts are cut by bytes, see
 * chunkByBytes); only the URL and globalId of each link are kept.
 */
export class RemoteLinkCache {
  private readonly dirty = new Set<number>();
  private constructor(
    private readonly kv: KeyValueStore,
    private readonly projectKey: string,
    private readonly buckets: Bucket[],
    /** Parts each bucket has in the store now (so a shrinking bucket drops the parts it no longer needs). */
    private readonly parts: number[],
  ) {}

  static async open(kv: KeyValueStore, projectKey: string): Promise<RemoteLinkCache> {
    const keys = Array.from({ length: BUCKETS }, (_, i) => bucketKey(projectKey, i));
    const found = await kv.getMany<unknown>(keys);
    const firsts = keys.map((k) => readPart(found.get(k)));
    const parts = firsts.map((f) => (f === null ? 0 : Math.max(1, Math.min(64, Math.floor(f.n)))));
    const more = parts.flatMap((n, b) => Array.from({ length: Math.max(0, n - 1) }, (_, i) => partKey(projectKey, b, i + 1)));
    const rest = more.length === 0 ? new Map<string, unknown>() : await kv.getMany<unknown>(more);
    const buckets = firsts.map((f, b) => {
      const bucket: Bucket = { ...(f?.e ?? {}) };
      for (let i = 1; i < (parts[b] ?? 0); i++) Object.assign(bucket, readPart(rest.get(partKey(projectKey, b, i)))?.e ?? {});
      return bucket;
    });
    return new RemoteLinkCache(kv, projectKey, buckets, parts);
  }

  get(issueId: string, updated: string): RemoteLinkLike[] | undefined {
    const e = this.buckets[bucketOf(issueId)]![issueId];
    return e !== undefined && e.u === updated ? e.l : undefined;
  }

  put(issueId: string, updated: string, links: readonly RemoteLinkLike[]): void {
    const b = bucketOf(issueId);
    const entry: Entry = { u: updated, l: links.map(compact) };
    if (jsonBytes(entry) <= MAX_ENTRY_BYTES) this.buckets[b]![issueId] = entry;
    else delete this.buckets[b]![issueId];
    this.dirty.add(b);
  }

  /**
   * Moves an entry to a new `updated` stamp when the change behind it is known not to touch remote links (the
   * app's own "Value score" write bumps `updated` too).
   */
  restamp(issueId: string, from: string, to: string): void {
    const b = bucketOf(issueId);
    const e = this.buckets[b]![issueId];
    if (e === undefined || e.u !== from || from === to) return;
    e.u = to;
    this.dirty.add(b);
  }

  /** Moves a cached entry to the issue's new `updated` stamp, whatever stamp it had (the app's own field write bumped it). */
  restampAny(issueId: string, to: string): void {
    const b = bucketOf(issueId);
    const e = this.buckets[b]![issueId];
    if (e === undefined || e.u === to) return;
    e.u = to;
    this.dirty.add(b);
  }

  /** Forgets issues that are no longer candidates (done, moved, deleted). */
  retainOnly(ids: ReadonlySet<string>): void {
    this.buckets.forEach((bucket, b) => {
      for (const id of Object.keys(bucket)) {
        if (!ids.has(id)) {
          delete bucket[id];
          this.dirty.add(b);
        }
      }
    });
  }

  async save(): Promise<void> {
    const writes: { key: string; value: FirstPart | OtherPart }[] = [];
    const stale: string[] = [];
    for (const b of this.dirty) {
      const chunks = chunkByBytes(Object.entries(this.buckets[b]!));
      const n = Math.max(1, chunks.length);
      writes.push({ key: bucketKey(this.projectKey, b), value: { n, e: Object.fromEntries(chunks[0] ?? []) } });
      chunks.slice(1).forEach((c, i) => writes.push({ key: partKey(this.projectKey, b, i + 1), value: { e: Object.fromEntries(c) } }));
      for (let i = n; i < (this.parts[b] ?? 0); i++) stale.push(partKey(this.projectKey, b, i));
      this.parts[b] = n;
    }
    if (writes.length > 0) await this.kv.setMany(writes);
    for (const key of stale) await this.kv.delete(key);
    this.dirty.clear();
  }
}

const bucketKey = (projectKey: string, b: number): string => `rl:${projectKey}:${b}`;
const partKey = (projectKey: string, b: number, part: number): string => `rl:${projectKey}:${b}:${part}`;

/** A stored part, or null for anything else (a value written by an older version is a cache miss). */
function readPart(value: unknown): { n: number; e: Bucket } | null {
  if (!isRecord(value) || !isRecord(value.e)) return null;
  return { n: typeof value.n === 'number' && Number.isFinite(value.n) ? value.n : 1, e: value.e as Bucket };
}

function bucketOf(issueId: string): number {
  let h = 0;
  for (let i = 0; i < issueId.length; i++) h = (h * 31 + issueId.charCodeAt(i)) >>> 0;
  return h % BUCKETS;
}

function compact(link: RemoteLinkLike): RemoteLinkLike {
  const url = isRecord(link) && isRecord(link.object) && typeof link.object.url === 'string' ? link.object.url.slice(0, 2000) : undefined;
  return { ...(typeof link.globalId === 'string' ? { globalId: link.globalId.slice(0, 500) } : {}), object: url === undefined ? null : { url } };
}

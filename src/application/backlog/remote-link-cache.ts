import type { RemoteLinkLike } from '../../domain';
import { isRecord } from '../../domain/scoring/read-values';
import type { KeyValueStore } from '../ports/key-value-store';
import { MAX_VALUE_BYTES } from '../ports/key-value-store';

/** Remote-link cache buckets per project: enough that each stays far below the 240 KiB value limit at 50,000 issues. */
const BUCKETS = 64;

type Entry = { u: string; l: RemoteLinkLike[] };
type Bucket = Record<string, Entry>;

/**
 * Remote links cost one request per issue, so they are cached in KVS keyed by issue id and the issue's
 * `updated` stamp (Jira bumps it when a remote link changes): a warm load fetches only what changed.
 * Keys: `rl:<projectKey>:<bucket 0–63>` → `{ [issueId]: { u: updated, l: links } }`; only the URL and globalId
 * of each link are kept. A bucket that would outgrow the value limit drops entries (they are fetched again).
 */
export class RemoteLinkCache {
  private readonly dirty = new Set<number>();
  private constructor(
    private readonly kv: KeyValueStore,
    private readonly projectKey: string,
    private readonly buckets: Bucket[],
  ) {}

  static async open(kv: KeyValueStore, projectKey: string): Promise<RemoteLinkCache> {
    const keys = Array.from({ length: BUCKETS }, (_, i) => bucketKey(projectKey, i));
    const found = await kv.getMany<Bucket>(keys);
    return new RemoteLinkCache(kv, projectKey, keys.map((k) => found.get(k) ?? {}));
  }

  get(issueId: string, updated: string): RemoteLinkLike[] | undefined {
    const e = this.buckets[bucketOf(issueId)]![issueId];
    return e !== undefined && e.u === updated ? e.l : undefined;
  }

  put(issueId: string, updated: string, links: readonly RemoteLinkLike[]): void {
    const b = bucketOf(issueId);
    this.buckets[b]![issueId] = { u: updated, l: links.slice(0, 100).map(compact) };
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
    const entries = [...this.dirty].map((b) => ({ key: bucketKey(this.projectKey, b), value: fitBucket(this.buckets[b]!) }));
    if (entries.length > 0) await this.kv.setMany(entries);
    this.dirty.clear();
  }
}

const bucketKey = (projectKey: string, b: number): string => `rl:${projectKey}:${b}`;

function bucketOf(issueId: string): number {
  let h = 0;
  for (let i = 0; i < issueId.length; i++) h = (h * 31 + issueId.charCodeAt(i)) >>> 0;
  return h % BUCKETS;
}

function compact(link: RemoteLinkLike): RemoteLinkLike {
  const url = isRecord(link) && isRecord(link.object) && typeof link.object.url === 'string' ? link.object.url.slice(0, 2000) : undefined;
  return { ...(typeof link.globalId === 'string' ? { globalId: link.globalId.slice(0, 500) } : {}), object: url === undefined ? null : { url } };
}

/** Drops entries until the bucket fits one KVS value (with headroom for JSON overhead). */
function fitBucket(bucket: Bucket): Bucket {
  let json = JSON.stringify(bucket);
  if (Buffer.byteLength(json) <= MAX_VALUE_BYTES - 1024) return bucket;
  const ids = Object.keys(bucket).sort();
  while (ids.length > 0 && Buffer.byteLength(json) > MAX_VALUE_BYTES - 1024) {
    delete bucket[ids.pop()!];
    json = JSON.stringify(bucket);
  }
  return bucket;
}

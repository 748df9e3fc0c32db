import type { KeyValueStore } from '../ports/key-value-store';
import { CHUNK_BYTES } from '../shared/chunk-by-bytes';
import { jsonBytes } from '../shared/json-bytes';
import { HISTORY_DAYS } from './history-store';

/** Why an issue left the ranking: resolved, deleted or moved away (or hidden from the app), or no longer a candidate. */
export type LeftWhy = 'done' | 'removed' | 'filtered';

/** `[issueId, key, at (ISO), why, summary (≤ 120 characters)]`, newest last. */
type LeftEntry = [string, string, string, LeftWhy, string];

/** `hist:<KEY>:left` → LeftEntry[]: the issues that left the snapshot in the last HISTORY_DAYS, cut to one value. */
const leftKey = (p: string): string => `hist:${p}:left`;

export interface LeftRecord {
  id: string;
  key: string;
  at: string;
  why: LeftWhy;
  summary: string;
}

export async function readLeft(kv: KeyValueStore, projectKey: string): Promise<Map<string, LeftRecord>> {
  const log = (await kv.get<LeftEntry[]>(leftKey(projectKey))) ?? [];
  // The newest record of an id wins (an issue may leave, come back and leave again).
  return new Map(log.map(([id, key, at, why, summary]) => [id, { id, key, at, why, summary }]));
}

/** Adds `records` (under the project's lock: the queue consumer or a build), dropping what is too old or does not fit. */
export async function recordLeft(kv: KeyValueStore, projectKey: string, records: readonly LeftRecord[], now: Date): Promise<void> {
  if (records.length === 0) return;
  const cutoff = now.getTime() - HISTORY_DAYS * 86_400_000;
  const log = (await kv.get<LeftEntry[]>(leftKey(projectKey))) ?? [];
  let next: LeftEntry[] = [
    ...log.filter((e) => Date.parse(e[2]) >= cutoff),
    ...records.map((r): LeftEntry => [r.id, r.key, r.at, r.why, r.summary.slice(0, 120)]),
  ];
  while (next.length > 0 && jsonBytes(next) > CHUNK_BYTES) next = next.slice(Math.ceil(next.length / 10));
  await kv.set(leftKey(projectKey), next);
}

import type { KeyValueStore } from '../ports/key-value-store';

/**
 * Who was told about a shipped item (docs/storage.md):
 * - `notified:<KEY>:<itemId>:<ticketId>` → `{ state: 'pending' | 'done', at, by, commentId? }`: one per (item,
 *   ticket), created with set-if-absent before the comment is posted, so of two calls at once only one posts; set
 *   to done once Jira took the comment; deleted when Jira refused it or failed, so a later call may try again.
 * - `shipnote:<KEY>:<itemId>` → `{ at }`: when the item's customers were last told (getShipped's `notifiedAt`).
 */
export const claimKey = (p: string, itemId: string, ticketId: string): string => `notified:${p}:${itemId}:${ticketId}`;
const noteKey = (p: string, itemId: string): string => `shipnote:${p}:${itemId}`;

export interface NotifiedRecord {
  state: 'pending' | 'done';
  /** Epoch ms. */
  at: number;
  by: string;
  commentId?: string;
}

/** When each of `itemIds` was last notified (ISO), for those that were. */
export async function readNotified(kv: KeyValueStore, projectKey: string, itemIds: readonly string[]): Promise<Map<string, string>> {
  const found = await kv.getMany<{ at: string }>(itemIds.map((id) => noteKey(projectKey, id)));
  const out = new Map<string, string>();
  for (const id of itemIds) {
    const note = found.get(noteKey(projectKey, id));
    if (note !== undefined) out.set(id, note.at);
  }
  return out;
}

export async function markNotified(kv: KeyValueStore, projectKey: string, itemId: string, at: Date): Promise<void> {
  await kv.set(noteKey(projectKey, itemId), { at: at.toISOString() });
}

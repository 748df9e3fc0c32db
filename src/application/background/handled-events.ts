import type { KeyValueStore } from '../ports/key-value-store';

/**
 * Forge delivers an event at least once, now and then twice ("Async events API"). The ids of a project's last
 * events that finished are kept, so a second delivery is dropped without a Jira request. Read and written only
 * while the project's lock is held (project-lock.ts), so the read-change-write never loses an id.
 *
 * Key `handled:<KEY>` → event ids, newest last, at most KEEP (~40 bytes each).
 */
const handledKey = (projectKey: string): string => `handled:${projectKey}`;
const KEEP = 200;

export async function wasHandled(kv: KeyValueStore, projectKey: string, eventId: string): Promise<boolean> {
  return ((await kv.get<string[]>(handledKey(projectKey))) ?? []).includes(eventId);
}

export async function markHandled(kv: KeyValueStore, projectKey: string, eventId: string): Promise<void> {
  const ids = (await kv.get<string[]>(handledKey(projectKey))) ?? [];
  if (ids.includes(eventId)) return;
  await kv.set(handledKey(projectKey), [...ids, eventId].slice(-KEEP));
}

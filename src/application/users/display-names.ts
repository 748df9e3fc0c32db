import type { JiraReader } from '../ports/jira';
import type { KeyValueStore } from '../ports/key-value-store';
import { MIGRATION_AUTHOR } from '../config/config-store';

/** What an account Jira no longer knows (deleted, or never a user of this site) is shown as. */
export const FORMER_USER = 'former user';
/** What the app's own writes (a stored config's migration) are shown as. */
export const APP_NAME = 'ValueRank';
/** How long a name read from Jira is reused: a renamed user shows the new name within a day. */
export const NAME_TTL_MS = 24 * 60 * 60 * 1000;

/** `user:<accountId>` → `{ name, at }`: `name` null for an account Jira did not return (docs/storage.md). */
const nameKey = (accountId: string): string => `user:${accountId}`;
interface CachedName {
  name: string | null;
  /** Epoch ms when read from Jira. */
  at: number;
}

/**
 * Display names for account ids, as a person reads them: from a KVS cache when read within NAME_TTL_MS, else from
 * Jira (`GET /rest/api/3/user/bulk`, as `reader`'s principal) and cached. An account Jira does not return shows as
 * "former user"; the app's own migration author as "ValueRank". Every id asked for is in the map; callers bound how many they ask for (a history page, one issue's votes).
 */
export async function displayNames(kv: KeyValueStore, reader: JiraReader, accountIds: readonly string[], now = Date.now()): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = [...new Set(accountIds)];
  const accounts: string[] = [];
  for (const id of wanted) {
    if (id === MIGRATION_AUTHOR) names.set(id, APP_NAME);
    else accounts.push(id);
  }
  const cached = await kv.getMany<CachedName>(accounts.map(nameKey));
  const missing: string[] = [];
  for (const id of accounts) {
    const c = cached.get(nameKey(id));
    if (c !== undefined && typeof c.at === 'number' && now - c.at < NAME_TTL_MS && now >= c.at) names.set(id, c.name ?? FORMER_USER);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const read = await reader.users(missing);
    for (const id of missing) names.set(id, read.get(id) ?? FORMER_USER);
    await kv.setMany(missing.map((id) => ({ key: nameKey(id), value: { name: read.get(id) ?? null, at: now } satisfies CachedName })));
  }
  return names;
}

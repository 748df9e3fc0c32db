import type { KeyValueStore } from '../ports/key-value-store';

/**
 * Which projects the background work may read and write: those a user opened in ValueRank (its project page, after
 * the browse check) and those a project admin gave an override. No other project is ever read or written, so an
 * edit in, say, a service desk costs no Jira request.
 *
 * Storage (docs/storage.md): one key per project, `enrolled:<KEY>` → `{ at, via }`, written with set-if-absent and
 * listed by a KVS prefix query. One key each means two concurrent enrolments never overwrite each other, as they
 * did when the set was one list read, changed and written back. `projects:known` (that list, from earlier versions)
 * is still read so that projects enrolled before the change stay enrolled.
 */
const ENROLLED_PREFIX = 'enrolled:';
const LEGACY_KNOWN_PROJECTS_KEY = 'projects:known';
/** Most projects listed for the daily run (a KVS query reads 100 a page). */
const MAX_ENROLLED = 2000;

export type EnrolledVia = 'opened' | 'override';

const enrolledKey = (projectKey: string): string => `${ENROLLED_PREFIX}${projectKey}`;

/** Enrols a project once; later calls cost one KVS read and write nothing. */
export async function enrolProject(kv: KeyValueStore, projectKey: string, via: EnrolledVia, now: Date): Promise<void> {
  if ((await kv.get(enrolledKey(projectKey))) !== undefined) return;
  await kv.setIfAbsent(enrolledKey(projectKey), { at: now.toISOString(), via });
}

export async function isEnrolled(kv: KeyValueStore, projectKey: string): Promise<boolean> {
  if ((await kv.get(enrolledKey(projectKey))) !== undefined) return true;
  return ((await kv.get<string[]>(LEGACY_KNOWN_PROJECTS_KEY)) ?? []).includes(projectKey);
}

/** True when at least one project is enrolled (one KVS query): link events are resolved to projects only then. */
export async function anyEnrolled(kv: KeyValueStore): Promise<boolean> {
  if ((await kv.listByPrefix(ENROLLED_PREFIX, 1)).length > 0) return true;
  return ((await kv.get<string[]>(LEGACY_KNOWN_PROJECTS_KEY)) ?? []).length > 0;
}

/** Every enrolled project key, in key order, at most MAX_ENROLLED. */
export async function enrolledProjects(kv: KeyValueStore): Promise<string[]> {
  const [listed, legacy] = await Promise.all([kv.listByPrefix(ENROLLED_PREFIX, MAX_ENROLLED), kv.get<string[]>(LEGACY_KNOWN_PROJECTS_KEY)]);
  const keys = new Set([...listed.map((e) => e.key.slice(ENROLLED_PREFIX.length)), ...(legacy ?? [])]);
  return [...keys].sort().slice(0, MAX_ENROLLED);
}

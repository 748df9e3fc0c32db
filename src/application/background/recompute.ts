import type { JiraField, JiraReader, JiraWriter } from '../ports/jira';
import type { KeyValueStore } from '../ports/key-value-store';
import { chunk } from '../shared/concurrency';
import { rankProject, type AppDeps, type Ranking } from '../backlog/rank-project';
import { RemoteLinkCache } from '../backlog/remote-link-cache';

/** Scores per stored chunk: `[issueId, score]` pairs, ~25 bytes each, far below the 240 KiB value limit. */
const SCORES_PER_CHUNK = 5000;

/**
 * Storage keys of the background work:
 * - `scores:<projectKey>:meta` → `{ chunks, at }` and `scores:<projectKey>:<n>` → `[issueId, score][]`: the
 *   "Value score" values last written, so a recompute writes only what changed;
 * - `projects:known` → project keys the app has ranked (the daily trigger recomputes them).
 */
const metaKey = (p: string): string => `scores:${p}:meta`;
const chunkKey = (p: string, n: number): string => `scores:${p}:${n}`;
export const KNOWN_PROJECTS_KEY = 'projects:known';
/** Most projects the daily trigger keeps fresh. */
const MAX_KNOWN_PROJECTS = 500;

/** The app's own "Value score" field: its key ends in `__value-score` (Forge: `<app>__<env>__<module key>`). */
export function findScoreField(fields: readonly (JiraField & { key?: string })[]): string | null {
  const f = fields.find((x) => (x.key ?? x.id).endsWith('__value-score') || (x.schema?.custom ?? '').endsWith('/value-score'));
  return f === undefined ? null : (f.key ?? f.id);
}

export async function rememberProject(kv: KeyValueStore, projectKey: string): Promise<void> {
  const known = (await kv.get<string[]>(KNOWN_PROJECTS_KEY)) ?? [];
  if (known.includes(projectKey)) return;
  await kv.set(KNOWN_PROJECTS_KEY, [...known, projectKey].slice(-MAX_KNOWN_PROJECTS));
}

export async function knownProjects(kv: KeyValueStore): Promise<string[]> {
  return (await kv.get<string[]>(KNOWN_PROJECTS_KEY)) ?? [];
}

/**
 * Recomputes a project as the app and writes the "Value score" of every issue whose score changed (one decimal,
 * as shown), in bulk requests. Returns how many values were written.
 */
export async function recomputeProject(deps: AppDeps, reader: JiraReader, writer: JiraWriter, projectKey: string): Promise<{ written: number; total: number }> {
  const fieldKey = findScoreField(await reader.fields());
  const ranking = await rankProject(deps, reader, projectKey, undefined, { remoteLinkBudget: Number.POSITIVE_INFINITY });
  const previous = await readScores(deps.kv, projectKey);
  const next = new Map(ranking.items.map((i) => [i.id, Math.round(i.score * 10) / 10]));
  const changed = [...next].filter(([id, s]) => previous.get(id) !== s).map(([issueId, value]) => ({ issueId, value }));
  if (fieldKey !== null && changed.length > 0) {
    await writer.writeScores(fieldKey, changed);
    if (ranking.config.customerVoice.remoteLinkPatterns.length > 0) await restampRemoteLinks(deps.kv, reader, ranking, changed.map((c) => c.issueId));
  }
  await writeScores(deps.kv, projectKey, next);
  return { written: fieldKey === null ? 0 : changed.length, total: next.size };
}

/**
 * Writing "Value score" bumps each issue's `updated`, which keys the remote-link cache; re-reading the new stamps
 * (⌈n/100⌉ requests) keeps the cache warm instead of re-reading every written issue's remote links next time.
 */
async function restampRemoteLinks(kv: KeyValueStore, reader: JiraReader, ranking: Ranking, ids: string[]): Promise<void> {
  const before = new Map(ranking.loaded.candidates.map((c) => [c.id, typeof c.fields.updated === 'string' ? c.fields.updated : '']));
  const fresh = await reader.fetchIssues(ids, ['updated']);
  const cache = await RemoteLinkCache.open(kv, ranking.projectKey);
  for (const issue of fresh) {
    const to = issue.fields.updated;
    if (typeof to === 'string') cache.restamp(issue.id, before.get(issue.id) ?? '', to);
  }
  await cache.save();
}

async function readScores(kv: KeyValueStore, projectKey: string): Promise<Map<string, number>> {
  const meta = await kv.get<{ chunks: number }>(metaKey(projectKey));
  if (meta === undefined) return new Map();
  const keys = Array.from({ length: meta.chunks }, (_, n) => chunkKey(projectKey, n));
  const found = await kv.getMany<[string, number][]>(keys);
  return new Map(keys.flatMap((k) => found.get(k) ?? []));
}

async function writeScores(kv: KeyValueStore, projectKey: string, scores: Map<string, number>): Promise<void> {
  const chunks = chunk([...scores], SCORES_PER_CHUNK);
  await kv.setMany(chunks.map((c, n) => ({ key: chunkKey(projectKey, n), value: c })));
  await kv.set(metaKey(projectKey), { chunks: chunks.length, at: new Date().toISOString() });
}

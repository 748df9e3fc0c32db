import { createHash } from 'node:crypto';
import { blocksEdges, classifyLinks, linkRulesFor, scoreBacklog, type JiraIssueLike, type RemoteLinkLike, type ResolvedFields } from '../../domain';
import { candidateFieldList, ticketFieldList } from '../backlog/discover-fields';
import { isBacklogItem } from '../backlog/load-project';
import type { JiraField, JiraReader, JiraWriter } from '../ports/jira';
import { customFieldType, SCORE_FIELD_MODULE_KEY, type AppIdentity } from '../ports/app-identity';
import type { KeyValueStore } from '../ports/key-value-store';
import { chunkByBytes } from '../shared/chunk-by-bytes';
import { rankProject, type AppDeps, type Ranking } from '../backlog/rank-project';
import { RemoteLinkCache } from '../backlog/remote-link-cache';
import { prunePins } from '../pins/prune-pins';

/**
 * Storage keys of the background work:
 * - `scores:<projectKey>:meta` → `{ chunks, at }` and `scores:<projectKey>:<n>` → `[issueId, score][]`: the
 *   "Value score" values last written, so a recompute writes only what changed. Which projects are recomputed at
 *   all is enrolment.ts's decision.
 */
const metaKey = (p: string): string => `scores:${p}:meta`;
const chunkKey = (p: string, n: number): string => `scores:${p}:${n}`;

/**
 * The app's own "Value score" field: the one whose type (`schema.custom`) is this app's and environment's
 * `value-score` module. A name or a key suffix would also match a field of the same app in another environment
 * (development and production installed on one site), or any field someone named alike; Jira answers a write to
 * such a field with 403. Returns the field id (what `PUT /rest/api/3/app/field/{fieldIdOrKey}/value` takes).
 */
export function findScoreField(fields: readonly JiraField[], app: AppIdentity): string | null {
  const type = customFieldType(app, SCORE_FIELD_MODULE_KEY);
  return fields.find((f) => f.custom && f.schema?.custom === type)?.id ?? null;
}

/**
 * Recomputes a project as the app and writes the "Value score" of every issue whose score changed (one decimal,
 * as shown), in bulk requests. Returns how many values were written.
 */
export async function recomputeProject(deps: AppDeps, reader: JiraReader, writer: JiraWriter, projectKey: string): Promise<{ written: number; total: number }> {
  // The app reads as its own user, with the permissions a site admin gave it: it may have been taken out of the
  // project's permission scheme, or the project is gone. Retrying cannot change that; the project waits until the
  // app can see it again (users still get their own view, read as them).
  if ((await reader.project(projectKey)) === null) {
    console.warn(
      `[valuerank] Skipped the background recompute of ${projectKey}: the app cannot browse it. A Jira admin can grant the app Browse Projects there.`,
    );
    return { written: 0, total: 0 };
  }
  const fieldKey = findScoreField(await reader.fields(), deps.appIdentity());
  const ranking = await rankProject(deps, reader, projectKey, undefined, { remoteLinkBudget: Number.POSITIVE_INFINITY });
  await prunePins(deps, reader, ranking);
  const previous = await readScores(deps.kv, projectKey);
  const { backlog } = ranking;
  const next = new Map<string, number>();
  for (let pos = 0; pos < backlog.length; pos++) next.set(backlog.idAt(pos), Math.round(backlog.scoreAt(pos) * 10) / 10);
  const changed = [...next].filter(([id, s]) => previous.get(id) !== s).map(([issueId, value]) => ({ issueId, value }));
  if (fieldKey !== null && changed.length > 0) {
    await writer.writeScores(fieldKey, changed);
    if (ranking.config.customerVoice.remoteLinkPatterns.length > 0)
      await restampRemoteLinks(
        deps.kv,
        reader,
        ranking,
        changed.map((c) => c.issueId),
      );
  }
  await writeScores(deps.kv, projectKey, next);
  // The field id is remembered for single-issue rescoring, which must not spend a request on the field list.
  await writeContext(deps.kv, projectKey, ranking, fieldKey);
  return { written: fieldKey === null ? 0 : changed.length, total: next.size };
}

const ctxMetaKey = (p: string): string => `ctx:${p}:meta`;
const ctxChunkKey = (p: string, n: number): string => `ctx:${p}:${n}`;

interface ContextMeta {
  /**
   * Digest of the config the context was computed with. A version number alone does not name a config: a project
   * override's first version is 1, like the global config's.
   */
  configDigest?: string;
  at: string;
  businessValueMax: number;
  medianPoints: number;
  fields: ResolvedFields;
  feedbackProjects: string[];
  scoreField: string | null;
  chunks: number;
}

/**
 * Keys `ctx:<projectKey>:meta` and `ctx:<projectKey>:<n>`: the project-wide facts of the last full recompute
 * (normalisation, field ids, "blocks" edges), so one edited issue can be rescored on its own.
 */
async function writeContext(kv: KeyValueStore, projectKey: string, ranking: Ranking, scoreField: string | null = null): Promise<void> {
  const { loaded, config } = ranking;
  const edges = blocksEdges(loaded.candidates, linkRulesFor(config, loaded.feedbackProjects));
  // Chunked by bytes: an edge names two issue keys, whose length Jira leaves to the site (project keys up to 10+).
  const chunks = chunkByBytes(edges);
  await kv.setMany(chunks.map((c, n) => ({ key: ctxChunkKey(projectKey, n), value: c })));
  const meta: ContextMeta = {
    configDigest: configDigest(config),
    at: ranking.computedAt,
    businessValueMax: ranking.backlog.businessValueMax,
    medianPoints: ranking.backlog.medianPoints,
    fields: loaded.fields,
    feedbackProjects: [...loaded.feedbackProjects],
    scoreField: scoreField ?? (await kv.get<ContextMeta>(ctxMetaKey(projectKey)))?.scoreField ?? null,
    chunks: chunks.length,
  };
  await kv.set(ctxMetaKey(projectKey), meta);
}

/**
 * Rescores one edited issue on its own, with the project context of the last full recompute: one bulkfetch for
 * the issue, one for its feedback tickets, one remote-link read when it changed, one field write — at most four
 * Jira requests whatever the project's size. Returns false when it cannot (no context yet, config changed,
 * a custom candidate JQL, the issue left the backlog, or its business value exceeds the known maximum): the
 * caller then recomputes the whole project.
 */
export async function recomputeIssue(deps: AppDeps, reader: JiraReader, writer: JiraWriter, projectKey: string, issueId: string): Promise<boolean> {
  const [meta, effective, pins] = await Promise.all([
    deps.kv.get<ContextMeta>(ctxMetaKey(projectKey)),
    deps.configs.effective(projectKey),
    deps.pins.all(projectKey),
  ]);
  const config = effective.config;
  if (meta === undefined || meta.scoreField === null || meta.configDigest !== configDigest(config) || (config.candidateJql?.trim() ?? '') !== '') return false;
  const [issue] = await reader.fetchIssues([issueId], candidateFieldList(meta.fields));
  if (issue === undefined || !isBacklogItem(issue) || statusCategoryOf(issue) === 'done') return false;
  const feedbackProjects = new Set(meta.feedbackProjects);
  const ticketKeys = classifyLinks(issue.key, issue.fields.issuelinks, linkRulesFor(config, feedbackProjects)).feedback;
  const tickets = ticketKeys.length === 0 ? [] : await reader.fetchIssues(ticketKeys, ticketFieldList(meta.fields));
  const remoteLinks = new Map<string, RemoteLinkLike[]>();
  if (config.customerVoice.remoteLinkPatterns.length > 0) {
    const cache = await RemoteLinkCache.open(deps.kv, projectKey);
    const updated = typeof issue.fields.updated === 'string' ? issue.fields.updated : '';
    let links = cache.get(issue.id, updated);
    if (links === undefined) {
      links = await reader.remoteLinks(issue.id);
      cache.put(issue.id, updated, links);
      await cache.save();
    }
    if (links.length > 0) remoteLinks.set(issue.key, links);
  }
  const edges = (
    await deps.kv.getMany<{ from: string; to: string; toDone: boolean }[]>(Array.from({ length: meta.chunks }, (_, n) => ctxChunkKey(projectKey, n)))
  ).values();
  const scored = scoreBacklog({
    now: deps.clock(),
    config,
    fields: meta.fields,
    candidates: [issue],
    linked: new Map(tickets.map((t) => [t.key, t])),
    remoteLinks,
    feedbackProjects,
    pins,
    projectContext: { businessValueMax: meta.businessValueMax, medianPoints: meta.medianPoints, blocks: [...edges].flat() },
  });
  if (scored.length === 0) return false;
  const bv = scored.businessValueAt(0);
  if (config.businessValue.max === null && bv !== null && bv > meta.businessValueMax) return false;
  const score = Math.round(scored.scoreAt(0) * 10) / 10;
  const previous = await readScores(deps.kv, projectKey);
  if (previous.get(issue.id) !== score) {
    await writer.writeScores(meta.scoreField, [{ issueId: issue.id, value: score }]);
    previous.set(issue.id, score);
    await writeScores(deps.kv, projectKey, previous);
  }
  return true;
}

function configDigest(config: unknown): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('base64url');
}

function statusCategoryOf(issue: JiraIssueLike): string | null {
  const status = issue.fields.status as { statusCategory?: { key?: unknown } } | undefined;
  return typeof status?.statusCategory?.key === 'string' ? status.statusCategory.key : null;
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
  const chunks = chunkByBytes([...scores]);
  await kv.setMany(chunks.map((c, n) => ({ key: chunkKey(projectKey, n), value: c })));
  await kv.set(metaKey(projectKey), { chunks: chunks.length, at: new Date().toISOString() });
}

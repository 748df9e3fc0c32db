import { classifyLinks, linkRulesFor, scoreBacklog, snapshotOf, blocksEdges, type RemoteLinkLike } from '../../domain';
import type { AppDeps } from '../app-deps';
import { candidateFieldList, ticketFieldList } from '../backlog/discover-fields';
import { isBacklogItem } from '../backlog/load-project';
import { RemoteLinkCache } from '../backlog/remote-link-cache';
import { prunePins } from '../pins/prune-pins';
import { leftWhy, recordIssueLeft, recordRescore } from '../history/record-history';
import type { JiraField, JiraReader, JiraWriter } from '../ports/jira';
import { customFieldType, SCORE_FIELD_MODULE_KEY, type AppIdentity } from '../ports/app-identity';
import type { KeyValueStore } from '../ports/key-value-store';
import { chunkByBytes } from '../shared/chunk-by-bytes';
import { statusCategoryOf } from '../../domain/scoring/read-values';
import { buildSnapshot, type BuildOutcome } from '../snapshot/build-snapshot';
import { updatedOf } from '../snapshot/score-candidates';
import { configDigest } from '../snapshot/build-state';
import { shipRows } from '../shipped/ship-rows';
import { markUnreadableSources } from '../snapshot/sources';
import { VoteStore } from '../votes/vote-store';
import { readEdges, readMeta, readRows, snapMetaKey, updateEdges, updateIssue, type SnapshotMeta } from '../snapshot/snapshot-store';

/**
 * Storage keys of the "Value score" writes: `scores:<projectKey>:meta` → `{ chunks, at }` and
 * `scores:<projectKey>:<n>` → `[issueId, score][]`, the values last written, so a rebuild writes only what changed.
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
 * Builds (or goes on building) the project's snapshot as the app, then writes the "Value score" of every issue
 * whose score changed (one decimal, as shown) in bulk. 'continue': the time ran short; queue another run.
 */
export async function rebuildProject(
  deps: AppDeps,
  reader: JiraReader,
  writer: JiraWriter,
  projectKey: string,
  timeLeftMs: () => number,
): Promise<BuildOutcome> {
  const outcome = await buildSnapshot(deps, reader, projectKey, timeLeftMs, async (meta, next) => {
    const fieldKey = findScoreField(await reader.fields(), deps.appIdentity());
    // The field id is kept with the snapshot: single-issue rescoring must not spend a request on the field list.
    await deps.kv.set(snapMetaKey(projectKey), { ...meta, scoreField: fieldKey });
    const previous = await readScores(deps.kv, projectKey);
    const changed = [...next].filter(([id, s]) => previous.get(id) !== s).map(([issueId, value]) => ({ issueId, value }));
    if (fieldKey !== null && changed.length > 0) {
      await writer.writeScores(fieldKey, changed);
      const { config } = await deps.configs.effective(projectKey);
      if (config.customerVoice.remoteLinkPatterns.length > 0)
        await restampRemoteLinks(
          deps.kv,
          reader,
          projectKey,
          changed.map((c) => c.issueId),
        );
    }
    await writeScores(deps.kv, projectKey, next);
    return fieldKey === null ? 0 : changed.length;
  });
  if (outcome.status === 'done') await prunePins(deps, reader, projectKey, await readRows(deps.kv, projectKey, outcome.meta), outcome.meta.truncated);
  return outcome;
}

/**
 * Rescores one edited issue on its own, with the project-wide facts of the last build (normalisation, field ids,
 * "blocks" edges), and updates its place in the snapshot and its "Value score": one bulkfetch for the issue, one
 * for its feedback tickets, one remote-link read when it changed, one field write — at most four Jira requests
 * whatever the project's size (its votes come from KVS). An issue that left the backlog leaves the snapshot. Returns false when it cannot
 * (no snapshot yet, config changed, a custom candidate JQL, or a business value above the known maximum): the
 * caller then rebuilds the project.
 */
export async function recomputeIssue(deps: AppDeps, reader: JiraReader, writer: JiraWriter, projectKey: string, issueId: string): Promise<boolean> {
  const [meta, effective] = await Promise.all([readMeta(deps.kv, projectKey), deps.configs.effective(projectKey)]);
  const config = effective.config;
  if (meta === undefined || meta.scoreField === null || meta.configDigest !== configDigest(config) || (config.candidateJql?.trim() ?? '') !== '') return false;
  const [issue] = await reader.fetchIssues([issueId], [...candidateFieldList(meta.fields), 'resolutiondate']);
  const rows = await readRows(deps.kv, projectKey, meta);
  const old = rows.find((r) => r.id === issueId);
  const inProject = issue !== undefined && issue.key.startsWith(`${projectKey}-`);
  if (issue === undefined || !inProject || !isBacklogItem(issue) || statusCategoryOf(issue.fields) === 'done') {
    // Done, deleted, moved away or hidden from the app: it is no longer ranked. Done, it goes to the shipped log.
    if (old !== undefined) {
      if (inProject && statusCategoryOf(issue.fields) === 'done') await shipRows(deps, projectKey, meta, [{ row: old, issue }]);
      await removeFromSnapshot(deps.kv, projectKey, meta, old.key);
      await recordIssueLeft(deps, projectKey, old, leftWhy(projectKey, issue));
      await recordRescore(deps, projectKey, (await readMeta(deps.kv, projectKey)) ?? meta);
    }
    return true;
  }
  const feedbackProjects = new Set(meta.feedbackProjects);
  const rules = linkRulesFor(config, feedbackProjects);
  const ticketKeys = classifyLinks(issue.key, issue.fields.issuelinks, rules).feedback;
  const tickets = ticketKeys.length === 0 ? [] : await reader.fetchIssues(ticketKeys, ticketFieldList(meta.fields));
  const remoteLinks = new Map<string, RemoteLinkLike[]>();
  if (config.customerVoice.remoteLinkPatterns.length > 0) {
    const cache = await RemoteLinkCache.open(deps.kv, projectKey);
    let links = cache.get(issue.id, updatedOf(issue));
    if (links === undefined) {
      links = await reader.remoteLinks(issue.id);
      cache.put(issue.id, updatedOf(issue), links);
      await cache.save();
    }
    if (links.length > 0) remoteLinks.set(issue.key, links);
  }
  const [edges, votes] = await Promise.all([readEdges(deps.kv, projectKey, meta), new VoteStore(deps.kv).ofIssue(projectKey, issue.id)]);
  const scored = scoreBacklog({
    now: deps.clock(),
    config,
    fields: meta.fields,
    candidates: [issue],
    linked: new Map(tickets.map((t) => [t.key, t])),
    remoteLinks,
    feedbackProjects,
    pins: new Map(),
    votes: new Map([[issue.id, votes]]),
    projectContext: { businessValueMax: meta.businessValueMax, medianPoints: meta.medianPoints, blocks: edges.filter((e) => e.from !== issue.key) },
  });
  if (scored.length === 0) return false;
  const bv = scored.businessValueAt(0);
  if (config.businessValue.max === null && bv !== null && bv > meta.businessValueMax) return false;
  const snap = snapshotOf(scored);
  const [row0] = meta.sources.some((s) => s.code === 'APP_CANNOT_BROWSE_FEEDBACK') ? markUnreadableSources(snap.rows) : snap.rows;
  // A moved key (the issue went to another project and back) is replaced under its new key.
  if (old !== undefined && old.key !== issue.key) await removeFromSnapshot(deps.kv, projectKey, meta, old.key);
  const current = (await readMeta(deps.kv, projectKey)) ?? meta;
  const jiraRank = old?.jiraRank ?? current.total + 1;
  const updated = await updateIssue(deps.kv, projectKey, current, issue.key, { row: { ...row0!, jiraRank }, evidence: snap.evidence[0]! });
  const withEdges = await updateEdges(deps.kv, projectKey, updated, issue.key, blocksEdges([issue], rules));
  await recordRescore(deps, projectKey, withEdges);
  const score = Math.round(scored.scoreAt(0) * 10) / 10;
  const previous = await readScores(deps.kv, projectKey);
  if (previous.get(issue.id) !== score) {
    await writer.writeScores(meta.scoreField, [{ issueId: issue.id, value: score }]);
    previous.set(issue.id, score);
    await writeScores(deps.kv, projectKey, previous);
  }
  return true;
}

async function removeFromSnapshot(kv: KeyValueStore, projectKey: string, meta: SnapshotMeta, key: string): Promise<void> {
  const updated = await updateIssue(kv, projectKey, meta, key, null);
  await updateEdges(kv, projectKey, updated, key, []);
}

/**
 * Writing "Value score" bumps each issue's `updated`, which keys the remote-link cache; re-reading the new stamps
 * (⌈n/100⌉ requests) keeps the cache warm instead of re-reading every written issue's remote links next time.
 */
async function restampRemoteLinks(kv: KeyValueStore, reader: JiraReader, projectKey: string, ids: string[]): Promise<void> {
  const cache = await RemoteLinkCache.open(kv, projectKey);
  const fresh = await reader.fetchIssues(ids, ['updated']);
  for (const issue of fresh) {
    const to = issue.fields.updated;
    if (typeof to === 'string') cache.restampAny(issue.id, to);
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

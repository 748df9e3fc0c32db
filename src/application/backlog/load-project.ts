import type { ValueRankConfig } from '../../contract/config';
import type { JiraIssueLike, RemoteLinkLike, ResolvedFields } from '../../domain';
import { isRecord, projectOfKey, readName } from '../../domain/scoring/read-values';
import type { JiraReader } from '../ports/jira';
import type { KeyValueStore } from '../ports/key-value-store';
import { readAfterWrite, replayMoves } from '../rank-sync/recent-moves';
import { mapLimit } from '../shared/concurrency';
import { candidateFieldList, discoverFields, ticketFieldList } from './discover-fields';
import { checkCandidateScope } from './candidate-scope';
import { RemoteLinkCache } from './remote-link-cache';

/** Most candidates one project may have; beyond it the backlog is cut and says so. */
export const MAX_CANDIDATES = 50_000;
/** Remote-link reads in flight at once (one request per changed issue). */
export const REMOTE_LINK_CONCURRENCY = 16;
/**
 * Remote-link reads one UI call may make. A cold load of a large project would need one request per issue (20,000
 * requests do not fit a 25 s call); past this many, the rest is read in the background by the queue consumer
 * and the answer says its evidence is incomplete (`remoteLinksPending`).
 */
export const REMOTE_LINK_BUDGET_UI = 400;

export interface LoadedProject {
  projectKey: string;
  fields: ResolvedFields;
  /** Candidates in Jira's Rank order. */
  candidates: JiraIssueLike[];
  linked: Map<string, JiraIssueLike>;
  remoteLinks: Map<string, RemoteLinkLike[]>;
  feedbackProjects: Set<string>;
  /** True when the project had more than MAX_CANDIDATES candidates and the rest was left out. */
  truncated: boolean;
  /** Candidates whose remote links were not read yet (over the call's budget); 0 when the evidence is complete. */
  remoteLinksPending: number;
}

/** The JQL of the candidates: the configured filter within the project, in Jira's Rank order. Keys are validated before. */
export function candidateJql(projectKey: string, config: ValueRankConfig): string {
  const scope = `project = "${projectKey}"`;
  const filter = config.candidateJql?.trim() ? `(${config.candidateJql.trim()})` : 'statusCategory != Done';
  return `${scope} AND ${filter} ORDER BY Rank ASC`;
}

/** Sub-tasks and epics are not backlog items (epics are a filter and a grouping). */
export function isBacklogItem(issue: JiraIssueLike): boolean {
  const type = issue.fields.issuetype;
  if (isRecord(type)) {
    if (type.subtask === true) return false;
    if (typeof type.hierarchyLevel === 'number' && type.hierarchyLevel !== 0) return false;
  }
  const name = (readName(type) ?? '').toLowerCase();
  return name !== 'epic' && name !== 'sub-task' && name !== 'subtask';
}

/**
 * The project's issues matching `jql` in Jira's Rank order as it is now, at most `limit` (ids and keys, 5,000 a
 * search page). Only the project's own keys, whatever the JQL selects. Jira's search lags writes: the issues a rank
 * sync moved in the last minute are reconciled, and when it moved more than `reconcileIssues` can name, its own
 * rank calls are replayed over the search's order (recent-moves.ts). Loads and the rank-sync order check read
 * Jira's order through this one function, so they agree.
 */
export async function searchInRankOrder(
  reader: JiraReader,
  kv: KeyValueStore,
  projectKey: string,
  jql: string,
  limit: number,
): Promise<{ id: string; key: string }[]> {
  const prefix = `${projectKey}-`;
  const recent = await readAfterWrite(kv, projectKey);
  const found: { id: string; key: string }[] = [];
  for await (const page of reader.searchKeys(jql, limit, recent.reconcile)) for (const i of page) if (i.key.startsWith(prefix)) found.push(i);
  if (recent.replay.length === 0) return found;
  const byKey = new Map(found.map((i) => [i.key, i]));
  return replayMoves([...byKey.keys()], recent.replay).map((k) => byKey.get(k)!);
}

/**
 * Reads everything a scoring run needs for a project: candidate ids by JQL (5,000 a page), their fields by
 * bulkfetch (100 a call, in parallel), the linked feedback tickets (same way), and the remote links of issues
 * changed since they were last cached. Reads as the given reader's principal, so a user only gets what they
 * can browse.
 */
export async function loadProject(args: {
  reader: JiraReader;
  kv: KeyValueStore;
  config: ValueRankConfig;
  projectKey: string;
  /** Most remote-link reads this call may make (default: no limit, for background work). */
  remoteLinkBudget?: number;
}): Promise<LoadedProject> {
  const { reader, kv, config, projectKey } = args;
  const [siteFields, feedbackProjects] = await Promise.all([reader.fields(), resolveFeedbackProjects(reader, config)]);
  const fields = discoverFields(config, siteFields);

  const jql = candidateJql(projectKey, config);
  // An admin's JQL is checked with Jira's parser first; ValueRank's own filter needs no check.
  if (config.candidateJql?.trim()) await checkCandidateScope(reader, projectKey, jql);
  const found = await searchInRankOrder(reader, kv, projectKey, jql, MAX_CANDIDATES + 1);
  const truncated = found.length > MAX_CANDIDATES;
  const ids = found.slice(0, MAX_CANDIDATES).map((i) => i.id);

  const fetched = await reader.fetchIssues(ids, candidateFieldList(fields));
  const byId = new Map(fetched.map((i) => [i.id, i]));
  const candidates: JiraIssueLike[] = [];
  const prefix = `${projectKey}-`;
  for (const id of ids) {
    const issue = byId.get(id);
    // Checked again: an issue moved to another project between the search and the fetch has a new key.
    if (issue !== undefined && issue.key.startsWith(prefix) && isBacklogItem(issue)) candidates.push(issue);
  }

  const ticketKeys = new Set<string>();
  for (const issue of candidates) {
    const links = issue.fields.issuelinks;
    if (!Array.isArray(links)) continue;
    for (const link of links) {
      if (!isRecord(link)) continue;
      const other = isRecord(link.outwardIssue) ? link.outwardIssue : isRecord(link.inwardIssue) ? link.inwardIssue : null;
      const key = other !== null && typeof other.key === 'string' ? other.key : null;
      const project = key === null ? null : projectOfKey(key);
      if (key !== null && project !== null && feedbackProjects.has(project)) ticketKeys.add(key);
    }
  }
  const tickets = ticketKeys.size === 0 ? [] : await reader.fetchIssues([...ticketKeys], ticketFieldList(fields));
  const linked = new Map(tickets.map((t) => [t.key, t]));

  const remoteLinks = new Map<string, RemoteLinkLike[]>();
  let remoteLinksPending = 0;
  if (config.customerVoice.remoteLinkPatterns.length > 0) {
    const cache = await RemoteLinkCache.open(kv, projectKey);
    const stale = candidates.filter((c) => cache.get(c.id, updatedOf(c)) === undefined);
    const budget = args.remoteLinkBudget ?? Number.POSITIVE_INFINITY;
    const now = stale.length > budget ? stale.slice(0, budget) : stale;
    remoteLinksPending = stale.length - now.length;
    const loaded = await mapLimit(now, REMOTE_LINK_CONCURRENCY, async (c) => ({ issue: c, links: await reader.remoteLinks(c.id) }));
    // Links just read are used as read: the cache may decline an entry too large to store.
    const fresh = new Map(loaded.map(({ issue, links }) => [issue.id, links]));
    for (const { issue, links } of loaded) cache.put(issue.id, updatedOf(issue), links);
    for (const c of candidates) {
      const links = fresh.get(c.id) ?? cache.get(c.id, updatedOf(c));
      if (links !== undefined && links.length > 0) remoteLinks.set(c.key, links);
    }
    if (remoteLinksPending === 0) cache.retainOnly(new Set(candidates.map((c) => c.id)));
    await cache.save();
  }
  return { projectKey, fields, candidates, linked, remoteLinks, feedbackProjects, truncated, remoteLinksPending };
}

function updatedOf(issue: JiraIssueLike): string {
  const u = issue.fields.updated;
  return typeof u === 'string' ? u : '';
}

async function resolveFeedbackProjects(reader: JiraReader, config: ValueRankConfig): Promise<Set<string>> {
  if (config.customerVoice.feedbackProjects !== null) return new Set(config.customerVoice.feedbackProjects);
  return new Set((await reader.projectsOfType('service_desk')).map((p) => p.key));
}

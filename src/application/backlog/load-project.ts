import type { ValueRankConfig } from '../../contract/config';
import type { JiraIssueLike } from '../../domain';
import { isRecord, readName } from '../../domain/scoring/read-values';
import type { JiraReader } from '../ports/jira';
import type { KeyValueStore } from '../ports/key-value-store';
import { readAfterWrite, replayMoves } from '../rank-sync/recent-moves';

/** Most candidates one project may have; beyond it the backlog is cut and says so. */
export const MAX_CANDIDATES = 100_000;
/** Remote-link reads in flight at once (one request per changed issue). */
export const REMOTE_LINK_CONCURRENCY = 16;

/** The candidates' filter as a JQL condition: within the project, the admin's JQL or "not done". Keys are validated before. */
export function candidateWhere(projectKey: string, config: ValueRankConfig): string {
  const filter = config.candidateJql?.trim() ? `(${config.candidateJql.trim()})` : 'statusCategory != Done';
  return `project = "${projectKey}" AND ${filter}`;
}

/** The JQL of the candidates in Jira's Rank order. */
export function candidateJql(projectKey: string, config: ValueRankConfig): string {
  return `${candidateWhere(projectKey, config)} ORDER BY Rank ASC`;
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

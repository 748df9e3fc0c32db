import { readDate, statusCategoryOf } from '../../domain/scoring/read-values';
import { shippedRecord } from '../../domain/shipped/shipped-record';
import type { JiraIssueLike } from '../../domain';
import type { AppDeps } from '../app-deps';
import { readEvidence, type SnapshotMeta, type StoredSnapshotRow } from '../snapshot/snapshot-store';
import { appendShipped } from './shipped-log';

/** The fields that tell whether (and when) an issue was finished. */
export const DONE_FIELDS = ['status', 'resolutiondate'] as const;

/** Jira's `resolutiondate` as ISO, else `fallback` (a done status without a resolution date: a workflow that sets none). */
export function resolvedAtOf(issue: JiraIssueLike, fallback: Date): string {
  const ms = readDate(issue.fields.resolutiondate);
  return typeof ms === 'number' ? new Date(ms).toISOString() : fallback.toISOString();
}

/**
 * Logs rows of the snapshot `meta` describes that left the backlog done (`done`: each row with the issue as Jira
 * has it now), with the evidence the snapshot kept for them. Call before `meta`'s generation is deleted.
 */
export async function shipRows(
  deps: AppDeps,
  projectKey: string,
  meta: SnapshotMeta,
  done: readonly { row: StoredSnapshotRow; issue: JiraIssueLike }[],
): Promise<void> {
  if (done.length === 0) return;
  const evidence = await readEvidence(
    deps.kv,
    projectKey,
    meta,
    done.map((d) => d.row),
  );
  const now = deps.clock();
  const records = done.map(({ row, issue }) => shippedRecord(row, evidence.get(row.key), resolvedAtOf(issue, now)));
  await appendShipped(deps.kv, projectKey, records, now);
}

/**
 * After a rebuild: of the rows the previous snapshot had and the new one has not (`gone`), those whose issue is done
 * now (`goneIssues`, as the app read them) are logged; deleted, moved or merely filtered-out issues are not.
 */
export async function shipGoneRows(
  deps: AppDeps,
  projectKey: string,
  previous: SnapshotMeta,
  gone: readonly StoredSnapshotRow[],
  goneIssues: ReadonlyMap<string, JiraIssueLike>,
): Promise<void> {
  const done = gone.flatMap((row) => {
    const issue = goneIssues.get(row.id);
    return issue !== undefined && statusCategoryOf(issue.fields) === 'done' ? [{ row, issue }] : [];
  });
  await shipRows(deps, projectKey, previous, done);
}

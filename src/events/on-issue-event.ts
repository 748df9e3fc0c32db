import { anyEnrolled, isEnrolled } from '../application/background/enrolment';
import type { RecomputeRequest } from '../application/ports/recompute-queue';
import { createRuntime } from '../composition';
import { projectOfKey } from '../domain/scoring/read-values';

const { deps, queue } = createRuntime();

/**
 * Trigger for issue created/updated/deleted and issue link created/deleted: enqueues a coalesced recompute of the
 * issue's project when it is enrolled (link events carry issue ids only; the consumer resolves their projects, and
 * only when some project is enrolled). Decided from KVS alone: an edit in a project nobody opened in ValueRank costs
 * no Jira request. The app's own "Value score" writes never arrive: the manifest's trigger filter has `ignoreSelf`.
 * Returns nothing to any user: background work.
 */
export async function onIssueEvent(event: Record<string, unknown>): Promise<void> {
  const at = new Date().toISOString();
  const type = typeof event.eventType === 'string' ? event.eventType : 'issue event';
  const requests: RecomputeRequest[] = [];
  const issue = event.issue as { key?: unknown; id?: unknown } | undefined;
  if (issue !== undefined && typeof issue.key === 'string') {
    const projectKey = projectOfKey(issue.key);
    // A deleted issue too: rescoring it alone finds it gone and takes it out of the snapshot.
    const single = typeof issue.id === 'string' || typeof issue.id === 'number';
    if (projectKey !== null && (await isEnrolled(deps.kv, projectKey)))
      requests.push({ projectKey, ...(single ? { issueId: String(issue.id) } : {}), at, reason: `${type} ${issue.key}` });
  }
  const ids = [event.sourceIssueId, event.destinationIssueId].filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String);
  if (ids.length > 0 && (await anyEnrolled(deps.kv))) requests.push({ issueIds: ids, at, reason: `${type} link ${String(event.id ?? '')}` });
  await queue.push(requests);
}

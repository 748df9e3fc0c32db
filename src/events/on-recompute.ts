import { recomputeIssue, recomputeProject } from '../application/background/recompute';
import { isRecord, projectOfKey } from '../domain/scoring/read-values';
import { CONSUMER_BUDGET_MS, Deadline } from '../adapters/jira/deadline';
import { ForgeJiraReader } from '../adapters/jira/forge-jira-reader';
import { ForgeJiraWriter } from '../adapters/jira/forge-jira-writer';
import { createDeps } from '../composition';
import type { RecomputeRequest } from './recompute-queue';

const deps = createDeps();
const doneKey = (projectKey: string): string => `recomputed:${projectKey}`;

/**
 * Queue consumer: recomputes the projects named by the event (as the app: background work, nothing returned to a
 * user) and writes changed "Value score" values. A project already recomputed after the change is skipped, so a
 * burst of edits costs one recompute. Errors are thrown, so the queue retries the event.
 */
export async function onRecompute(event: { body?: unknown }): Promise<void> {
  const body = (isRecord(event.body) ? event.body : {}) as Partial<RecomputeRequest>;
  const at = typeof body.at === 'string' ? body.at : new Date(0).toISOString();
  const deadline = new Deadline(CONSUMER_BUDGET_MS);
  const reader = new ForgeJiraReader('app', deadline);
  const projects = new Set<string>();
  if (typeof body.projectKey === 'string') projects.add(body.projectKey);
  if (Array.isArray(body.issueIds) && body.issueIds.length > 0) {
    const issues = await reader.fetchIssues(body.issueIds.filter((x): x is string => typeof x === 'string').slice(0, 100), ['project']);
    for (const i of issues) {
      const p = projectOfKey(i.key);
      if (p !== null) projects.add(p);
    }
  }
  const writer = new ForgeJiraWriter('app', deadline);
  if (typeof body.projectKey === 'string' && typeof body.issueId === 'string' && projects.size === 1) {
    if (await recomputeIssue(deps, reader, writer, body.projectKey, body.issueId)) return;
  }
  for (const projectKey of projects) {
    const last = await deps.kv.get<{ at: string }>(doneKey(projectKey));
    if (last !== undefined && last.at > at) continue;
    const started = new Date().toISOString();
    await recomputeProject(deps, reader, writer, projectKey);
    await deps.kv.set(doneKey(projectKey), { at: started });
  }
}

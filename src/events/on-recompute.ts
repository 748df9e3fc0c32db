import { randomUUID } from 'node:crypto';
import { InvocationError, InvocationErrorCode, RateLimitError } from '@forge/events';
import { isEnrolled } from '../application/background/enrolment';
import { markHandled, wasHandled } from '../application/background/handled-events';
import { acquireProjectLock, busyRetryAfterSeconds, releaseProjectLock } from '../application/background/project-lock';
import { projectWork } from '../application/background/project-work';
import { runPreviewJob } from '../application/config/preview-job';
import { dirtyPrefix, readBuildState } from '../application/snapshot/build-state';
import { isRecord, projectOfKey } from '../domain/scoring/read-values';
import { fanOutDaily } from '../application/background/daily-fan-out';
import type { JiraReader } from '../application/ports/jira';
import type { RecomputeRequest } from '../application/ports/recompute-queue';
import { createRuntime } from '../composition';

const runtime = createRuntime();
const { deps, queue } = runtime;

/**
 * Queue consumer: recomputes the project named by the event (as the app: background work, nothing returned to a
 * user) and writes changed "Value score" values. A project that is not enrolled is never read. Events arrive
 * concurrently, out of order and at times twice: one project's work holds its lock (project-lock.ts), and a
 * project recomputed after the change is skipped, so a burst of edits costs at most one full reload. Errors are
 * thrown, so the queue retries the event.
 */
export async function onRecompute(event: { body?: unknown; eventId?: unknown; retryContext?: { retryCount?: unknown } }): Promise<InvocationError | undefined> {
  const body = (isRecord(event.body) ? event.body : {}) as Partial<RecomputeRequest>;
  const at = typeof body.at === 'string' ? body.at : new Date(0).toISOString();
  if (typeof body.dailyAfter === 'string') {
    try {
      await fanOutDaily(deps.kv, queue, at, body.dailyAfter);
    } catch (e) {
      // Over the installation's events a minute (a second delivery of this event, or a burst of edits): the pushes
      // are retried once the minute has passed, as "Error handling for Forge async events" advises.
      if (e instanceof RateLimitError) return new InvocationError({ retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
      throw e;
    }
    return undefined;
  }
  const jira = runtime.asApp();
  const reader = jira.reader;
  if (typeof body.projectKey !== 'string') {
    await routeLinkedIssues(reader, body, at);
    return undefined;
  }
  const projectKey = body.projectKey;
  if (!(await isEnrolled(deps.kv, projectKey))) return undefined;
  // A preview reads the project but writes neither its snapshot nor its field: it needs no project lock.
  if (body.previewJob === true) {
    await runPreviewJob(deps, reader, projectKey);
    return undefined;
  }
  // An edit while the project's snapshot is being built is marked, not waited on: the build reads it again
  // before scoring. Checked again after marking, in case the build finished in between.
  if (typeof body.issueId === 'string' && (await readBuildState(deps.kv, projectKey)) !== undefined) {
    await deps.kv.set(`${dirtyPrefix(projectKey)}${body.issueId}`, { at });
    if ((await readBuildState(deps.kv, projectKey)) !== undefined) return undefined;
  }
  const holder = randomUUID();
  if (!(await acquireProjectLock(deps.kv, projectKey, holder, new Date()))) {
    const retryCount = typeof event.retryContext?.retryCount === 'number' ? event.retryContext.retryCount : 0;
    return new InvocationError({ retryAfter: busyRetryAfterSeconds(retryCount), retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
  const eventId = typeof event.eventId === 'string' ? event.eventId : null;
  let more: boolean;
  try {
    if (eventId !== null && (await wasHandled(deps.kv, projectKey, eventId))) return undefined;
    more = await projectWork(
      deps,
      reader,
      jira.writer,
      { projectKey, at, ...(typeof body.issueId === 'string' ? { issueId: body.issueId } : {}) },
      jira.timeLeftMs,
    );
    if (eventId !== null) await markHandled(deps.kv, projectKey, eventId);
  } finally {
    await releaseProjectLock(deps.kv, projectKey, holder);
  }
  // Queued once the lock is free: a continuation delivered while this run still held it would be turned away.
  if (more) await queue.push([{ projectKey, at: new Date().toISOString(), reason: 'continue the snapshot build' }]);
  return undefined;
}

/**
 * A link event names issue ids only: one bulkfetch finds their projects, and each enrolled one gets a project
 * event (with its concurrency key). Nothing is read when no project is enrolled at all.
 */
async function routeLinkedIssues(reader: JiraReader, body: Partial<RecomputeRequest>, at: string): Promise<void> {
  const ids = Array.isArray(body.issueIds) ? body.issueIds.filter((x): x is string => typeof x === 'string').slice(0, 100) : [];
  if (ids.length === 0) return;
  const projects = new Set<string>();
  for (const issue of await reader.fetchIssues(ids, ['project'])) {
    const p = projectOfKey(issue.key);
    if (p !== null) projects.add(p);
  }
  const enrolled: string[] = [];
  for (const p of projects) if (await isEnrolled(deps.kv, p)) enrolled.push(p);
  await queue.push(enrolled.map((projectKey) => ({ projectKey, at, reason: body.reason ?? 'issue link changed' })));
}

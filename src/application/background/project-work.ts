import type { AppDeps } from '../app-deps';
import type { JiraReader, JiraWriter } from '../ports/jira';
import { readBuildState } from '../snapshot/build-state';
import { rebuildProject, recomputeIssue } from './recompute';

/** `recomputed:<KEY>` → `{ at }`: when the project's last completed build began (coalescing, docs/storage.md). */
const doneKey = (projectKey: string): string => `recomputed:${projectKey}`;

/**
 * The project's work for one queued event, under the project's lock: the edited issue alone when the snapshot
 * allows, else the snapshot's build — begun, or continued where the last run stopped. A project whose last build
 * began after the change is skipped, so a burst of edits costs at most one build. True: this run's time ran short
 * and the build goes on in another run (the caller queues it once the lock is free).
 */
export async function projectWork(
  deps: AppDeps,
  reader: JiraReader,
  writer: JiraWriter,
  event: { projectKey: string; at: string; issueId?: string },
  timeLeftMs: () => number,
): Promise<boolean> {
  const { projectKey, at } = event;
  if (event.issueId !== undefined && (await recomputeIssue(deps, reader, writer, projectKey, event.issueId))) return false;
  const state = await readBuildState(deps.kv, projectKey);
  if (state === undefined) {
    const last = await deps.kv.get<{ at: string }>(doneKey(projectKey));
    if (last !== undefined && last.at > at) return false;
  }
  const started = state?.startedAt ?? new Date().toISOString();
  const outcome = await rebuildProject(deps, reader, writer, projectKey, timeLeftMs);
  if (outcome.status === 'continue') return true;
  await deps.kv.set(doneKey(projectKey), { at: started });
  return false;
}

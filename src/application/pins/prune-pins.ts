import type { AppDeps } from '../app-deps';
import type { JiraReader } from '../ports/jira';

/**
 * Drops the pins of issues that left the backlog (done, turned into an epic or a sub-task, no longer matching
 * the candidate JQL), after a complete build as the app: an issue the app reads under its pinned key that is not
 * a candidate has left. A pinned key the app cannot read keeps its pin — the issue may be hidden from the app by
 * an issue security level rather than gone — and so does the old key of a moved issue (bulkfetch answers it under
 * its new key); neither is ranked, they only count towards the project's pin limit.
 * Returns the issue keys whose pins were removed.
 */
export async function prunePins(
  deps: AppDeps,
  appReader: JiraReader,
  projectKey: string,
  candidates: readonly { key: string }[],
  truncated: boolean,
): Promise<string[]> {
  if (truncated) return [];
  const pins = await deps.pins.all(projectKey);
  const keys = new Set(candidates.map((c) => c.key));
  const outside = [...pins.keys()].filter((k) => !keys.has(k));
  if (outside.length === 0) return [];
  const readable = new Set((await appReader.fetchIssues(outside, ['issuetype'])).map((i) => i.key));
  const gone = outside.filter((key) => readable.has(key));
  if (gone.length > 0) await deps.pins.remove(projectKey, gone);
  return gone;
}

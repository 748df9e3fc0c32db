import type { ValueRankConfig } from '../../contract/config';
import { candidateJql, isBacklogItem } from '../backlog/load-project';
import { notFound } from '../errors';
import type { JiraReader } from '../ports/jira';

/**
 * Refuses a pin on anything but a backlog candidate of the project that the user can browse. A key that does not
 * exist, one the user cannot see and one outside the backlog (Done, an epic, a sub-task, moved away) all get the
 * same NOT_FOUND, so the answer never tells a hidden issue from a missing one.
 *
 * Two requests as the user: bulkfetch (issues the user cannot see are left out of its answer, like missing ones:
 * POST /rest/api/3/issue/bulkfetch, "issueErrors"), then the candidate JQL narrowed to that one key — asked only
 * once the key is known to be visible, because JQL naming an invisible key is an error that would tell them apart.
 */
export async function requirePinnable(reader: JiraReader, config: ValueRankConfig, projectKey: string, issueKey: string): Promise<void> {
  const refused = notFound(`Issue ${issueKey} in the backlog of ${projectKey}`);
  const [issue] = (await reader.fetchIssues([issueKey], ['issuetype'])).filter((i) => i.key === issueKey);
  if (issue === undefined || !isBacklogItem(issue)) throw refused;
  for await (const ids of reader.searchIds(`key = "${issueKey}" AND ${candidateJql(projectKey, config)}`, 1)) {
    if (ids.includes(issue.id)) return;
  }
  throw refused;
}

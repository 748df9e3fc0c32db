import { AppError } from '../errors';
import type { JiraReader } from '../ports/jira';

/**
 * Refuses at save a candidate JQL that Jira's own parser refuses on its own (`POST /rest/api/3/jql/parse`, strict,
 * as the admin saving it). The local check (`candidateJqlProblem`) reads brackets and quotes, not Jira's escapes:
 * a JQL that would close ValueRank's `project = "KEY" AND (…)` group has, as Jira reads it, a bracket without
 * its pair, so it does not parse alone. Each load checks the wrapped query again (`checkCandidateScope`).
 */
export async function checkCandidateJqlWithJira(reader: JiraReader, jql: string): Promise<void> {
  const parsed = await reader.parseJql(jql);
  if (parsed.errors.length === 0) return;
  const why = `Jira refused it: ${parsed.errors.join('; ').slice(0, 500)}`;
  throw new AppError('INVALID_PAYLOAD', `Invalid configuration: candidateJql: ${why}`, [{ path: 'candidateJql', message: why }]);
}

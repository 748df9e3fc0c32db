import { isRecord } from '../../domain/scoring/read-values';
import { AppError } from '../errors';
import type { JiraReader } from '../ports/jira';

/**
 * Checks, with Jira's own parser, that the candidate JQL stays a filter within the project. ValueRank wraps the
 * admin's JQL as `project = "KEY" AND (…) ORDER BY Rank ASC`; a local check of brackets and quotes can read a
 * query differently from Jira (Jira's unquoted values take backslash escapes: `x\(` is a value, not a bracket),
 * so `labels = x\( OR labels = y) OR project = OTHER OR (labels = z\)` would close the group and widen the
 * search. Jira's syntax tree must be an AND whose first clause is `project = KEY`.
 *
 * @param wrapped the full candidate query, as `candidateJql()` builds it
 */
export async function checkCandidateScope(reader: JiraReader, projectKey: string, wrapped: string): Promise<void> {
  const parsed = await reader.parseJql(wrapped);
  if (parsed.errors.length > 0) {
    const why = parsed.errors.join('; ').slice(0, 500);
    throw new AppError('INVALID_PAYLOAD', `candidateJql: Jira refused the candidate JQL for ${projectKey}: ${why}. Fix the JQL in the ValueRank settings.`, [
      { path: 'candidateJql', message: why },
    ]);
  }
  if (!confinedTo(parsed.where, projectKey)) {
    throw new AppError(
      'INVALID_PAYLOAD',
      `candidateJql: Jira reads the candidate JQL as reaching beyond project ${projectKey} (a bracket or quote in it closes ValueRank's group, e.g. through a backslash escape). Fix the JQL in the ValueRank settings.`,
      [{ path: 'candidateJql', message: 'reaches beyond the project' }],
    );
  }
}

/** Whether a `JqlQuery.where` is `project = KEY AND …` at its top. */
function confinedTo(where: unknown, projectKey: string): boolean {
  if (!isRecord(where) || where.operator !== 'and' || !Array.isArray(where.clauses)) return false;
  const first: unknown = where.clauses[0];
  if (!isRecord(first) || first.operator !== '=' || !isRecord(first.field) || !isRecord(first.operand)) return false;
  const field = typeof first.field.name === 'string' ? first.field.name.toLowerCase() : '';
  return field === 'project' && first.operand.value === projectKey;
}

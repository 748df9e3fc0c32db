import type { JiraReader, JiraSprint } from '../ports/jira';

/** Issues read at most from the active sprint; a sprint rarely holds more than a hundred. */
export const MAX_SPRINT_ISSUES = 1000;

export interface ActiveSprint {
  id: number;
  name: string;
  /** Ids of the sprint's issues the user can browse (every status, sub-tasks too: the caller keeps its candidates). */
  issueIds: Set<string>;
  /** Other active sprints of the project's boards, by name: the proposal is compared with the first one only. */
  others: string[];
}

/**
 * The project's active sprint as the user sees it: the first active sprint of the project's boards
 * (`GET /rest/agile/1.0/board/{id}/sprint?state=active`), its issues by JQL `sprint = <id>` through the user's
 * ids-only search. Null when no board has an active sprint.
 */
export async function readActiveSprint(reader: JiraReader, projectKey: string): Promise<ActiveSprint | null> {
  const [first, ...rest] = await reader.activeSprints(projectKey);
  if (first === undefined) return null;
  const issueIds = new Set<string>();
  for await (const page of reader.searchIds(`sprint = ${first.id}`, MAX_SPRINT_ISSUES)) for (const id of page) issueIds.add(id);
  return { id: first.id, name: nameOf(first), issueIds, others: rest.map(nameOf) };
}

function nameOf(s: JiraSprint): string {
  return typeof s.name === 'string' && s.name.trim() !== '' ? s.name : `Sprint ${s.id}`;
}

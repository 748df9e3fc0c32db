import { AppError, forbidden } from '../errors';
import type { JiraReader } from '../ports/jira';

export type Permission = 'BROWSE_PROJECTS' | 'SCHEDULE_ISSUES' | 'ADMINISTER_PROJECTS';

/**
 * Server-side permission checks (`GET /rest/api/3/mypermissions` as the user). Only the accountId in a Forge
 * context is tamper-proof, so the project a call names is always re-checked here. A project the user cannot
 * see answers FORBIDDEN, the same as one they may see but not change: nothing leaks about its existence.
 */
export async function requireProjectPermission(reader: JiraReader, projectKey: string, permission: Permission, action: string): Promise<void> {
  const held = await reader.myPermissions(projectKey, ['BROWSE_PROJECTS', permission]);
  if (held === null || !held.has('BROWSE_PROJECTS') || !held.has(permission)) throw forbidden(action);
}

/** Jira administrators (global ADMINISTER permission). */
export async function requireJiraAdmin(reader: JiraReader, action: string): Promise<void> {
  const held = await reader.myPermissions(null, ['ADMINISTER']);
  if (held === null || !held.has('ADMINISTER')) throw forbidden(action);
}

/**
 * The project the UI module runs in must be the one the payload names: a page of project A cannot be used to
 * read or change project B, even by someone who may see B through another page.
 */
export function requireSameProject(contextProjectKey: string | null, projectKey: string): void {
  if (contextProjectKey !== null && contextProjectKey !== projectKey) {
    throw new AppError('FORBIDDEN', `This page belongs to project ${contextProjectKey}; it cannot act on ${projectKey}.`);
  }
}

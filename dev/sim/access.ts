/**
 * Who is acting, and what they may do. Project permissions come from the seed's
 * `permissions: { "<accountId>" | "*": [PERMISSION_KEY…] }`; a project without that map lets everyone
 * do everything. Without `X-Sim-Account-Id` the caller is the site admin (the app in background
 * work, or a test): every permission, every project.
 */
import type { SeedProject, SeedUser } from './seed';
import type { SimIssue, SimState } from './state';

export interface Actor {
  accountId: string;
  /** Absent header: sees and may do everything. */
  superuser: boolean;
  user: SeedUser | undefined;
}

export const ADMIN_GROUPS = ['jira-admins', 'site-admins', 'administrators'];

interface PermissionInfo {
  id: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

export const PERMISSIONS: Record<string, PermissionInfo> = {
  ADMINISTER: { id: '0', name: 'Administer Jira', type: 'GLOBAL', description: 'Create and administer projects, issue types, fields, workflows and schemes.' },
  SYSTEM_ADMIN: { id: '44', name: 'Administer Jira system', type: 'GLOBAL', description: 'Configure Jira system settings.' },
  USER_PICKER: { id: '27', name: 'Browse users and groups', type: 'GLOBAL', description: 'View and select users or groups.' },
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', type: 'PROJECT', description: 'Ability to assign issues to other people.' },
  RESOLVE_ISSUES: { id: '14', name: 'Resolve Issues', type: 'PROJECT', description: 'Ability to resolve and reopen issues.' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.' },
  DELETE_ISSUES: { id: '16', name: 'Delete Issues', type: 'PROJECT', description: 'Ability to delete issues.' },
  LINK_ISSUES: { id: '21', name: 'Link Issues', type: 'PROJECT', description: 'Ability to link issues together.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
  MOVE_ISSUES: { id: '25', name: 'Move Issues', type: 'PROJECT', description: 'Ability to move issues between projects.' },
  SCHEDULE_ISSUES: { id: '28', name: 'Schedule Issues', type: 'PROJECT', description: 'Ability to view or edit an issue\'s due date and rank.' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.' },
};

const PROJECT_PERMISSION_KEYS = Object.keys(PERMISSIONS).filter((k) => PERMISSIONS[k]?.type === 'PROJECT');

export function actorFor(state: SimState, accountId: string | undefined): Actor | undefined {
  if (accountId === undefined || accountId === '') {
    const admin = [...state.users.values()].find((u) => (u.groups ?? []).some((g) => ADMIN_GROUPS.includes(g)));
    return { accountId: admin?.accountId ?? 'sim-admin', superuser: true, user: admin };
  }
  const user = state.users.get(accountId);
  return user ? { accountId, superuser: false, user } : undefined;
}

export function isJiraAdmin(actor: Actor): boolean {
  return actor.superuser || (actor.user?.groups ?? []).some((g) => ADMIN_GROUPS.includes(g));
}

export function projectPermissions(actor: Actor, project: SeedProject): Set<string> {
  if (actor.superuser || project.permissions === undefined) return new Set(PROJECT_PERMISSION_KEYS);
  return new Set([...(project.permissions['*'] ?? []), ...(project.permissions[actor.accountId] ?? [])]);
}

export function can(actor: Actor, project: SeedProject | undefined, permission: string): boolean {
  return project !== undefined && projectPermissions(actor, project).has(permission);
}

export function canBrowse(actor: Actor, project: SeedProject | undefined): boolean {
  return can(actor, project, 'BROWSE_PROJECTS');
}

/** The issue if it exists and the actor may browse its project; otherwise it does not exist for them. */
export function visibleIssue(state: SimState, actor: Actor, idOrKey: string): SimIssue | undefined {
  const issue = state.getIssue(idOrKey);
  return issue && canBrowse(actor, state.projectOf(issue)) ? issue : undefined;
}

/**
 * Who is acting, and what they may do.
 *
 * - A user (`X-Sim-Account-Id`): project permissions from the seed's `permissions: { "<accountId>" | "*": [KEY…] }`;
 *   a project without that map lets everyone do everything.
 * - The app (`X-Sim-Principal: app`, sent by the local Forge runtime for `asApp()`): its own user, as on Jira Cloud
 *   where a Forge app acts as an app user of account type `app`, not as a site admin. Its project permissions are
 *   the seed's `app.permissions` (`{ "PRJ": [KEY…] }`, unlisted projects: none); without them, every project
 *   permission in every project, which is what the `atlassian-addons-project-access` role has in Jira's default
 *   permission scheme (https://support.atlassian.com/jira-cloud-administration/docs/manage-project-permissions/).
 *   It holds no global permission.
 * - Neither header: the site admin with every permission (tests and simulator tooling; never the app).
 *
 * Issue security levels bind everyone but the site admin: an issue whose `fields.security` names a level exists
 * only for the level's members (https://support.atlassian.com/jira-cloud-administration/docs/configure-issue-security-schemes/);
 * the app is no member unless the seed lists its account id.
 */
import type { SeedProject, SeedUser } from './seed';
import type { SimIssue, SimState } from './state';

export interface Actor {
  accountId: string;
  kind: 'admin' | 'user' | 'app';
  /** The site admin (no header): sees and may do everything. */
  superuser: boolean;
  user: SeedUser | undefined;
  /** The app's project permissions by project key; undefined: the add-ons role's (every project permission). */
  appGrants?: Record<string, string[]> | undefined;
}

/** Sent by the local Forge runtime on `asApp()` requests (dev/runtime/install.ts). */
export const APP_PRINCIPAL_HEADER = 'x-sim-principal';

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
  SET_ISSUE_SECURITY: {
    id: '26',
    name: 'Set Issue Security',
    type: 'PROJECT',
    description: 'Ability to set the level of security on an issue so that only people in that security level can see the issue.',
  },
  SCHEDULE_ISSUES: { id: '28', name: 'Schedule Issues', type: 'PROJECT', description: "Ability to view or edit an issue's due date and rank." },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.' },
};

const PROJECT_PERMISSION_KEYS = Object.keys(PERMISSIONS).filter((k) => PERMISSIONS[k]?.type === 'PROJECT');

export function actorFor(state: SimState, accountId: string | undefined): Actor | undefined {
  if (accountId === undefined || accountId === '') {
    const admin = [...state.users.values()].find((u) => (u.groups ?? []).some((g) => ADMIN_GROUPS.includes(g)));
    return { accountId: admin?.accountId ?? 'sim-admin', kind: 'admin', superuser: true, user: admin };
  }
  const user = state.users.get(accountId);
  return user ? { accountId, kind: 'user', superuser: false, user } : undefined;
}

/** The app's own user. */
export function appActor(state: SimState): Actor {
  const { accountId, displayName, permissions } = state.appUser;
  return { accountId, kind: 'app', superuser: false, user: { accountId, displayName, groups: [] }, appGrants: permissions };
}

export function isJiraAdmin(actor: Actor): boolean {
  return actor.superuser || (actor.kind === 'user' && (actor.user?.groups ?? []).some((g) => ADMIN_GROUPS.includes(g)));
}

export function projectPermissions(actor: Actor, project: SeedProject): Set<string> {
  if (actor.superuser) return new Set(PROJECT_PERMISSION_KEYS);
  if (actor.kind === 'app') return new Set(actor.appGrants === undefined ? PROJECT_PERMISSION_KEYS : (actor.appGrants[project.key] ?? []));
  if (project.permissions === undefined) return new Set(PROJECT_PERMISSION_KEYS);
  return new Set([...(project.permissions['*'] ?? []), ...(project.permissions[actor.accountId] ?? [])]);
}

export function can(actor: Actor, project: SeedProject | undefined, permission: string): boolean {
  return project !== undefined && projectPermissions(actor, project).has(permission);
}

export function canBrowse(actor: Actor, project: SeedProject | undefined): boolean {
  return can(actor, project, 'BROWSE_PROJECTS');
}

/** True when no security level hides `issue` from `actor` (a level the site does not define hides it from all). */
export function securityAllows(state: SimState, actor: Actor, issue: SimIssue): boolean {
  if (actor.superuser) return true;
  const security = issue.fields['security'];
  if (security === undefined || security === null) return true;
  const id = typeof security === 'object' ? (security as { id?: unknown }).id : undefined;
  const level = id === undefined ? undefined : state.securityLevels.get(String(id));
  return level !== undefined && level.members.includes(actor.accountId);
}

/** True when `actor` may see `issue`: they browse its project and no security level hides it. */
export function canSee(state: SimState, actor: Actor, issue: SimIssue): boolean {
  return canBrowse(actor, state.projectOf(issue)) && securityAllows(state, actor, issue);
}

/** The issue if it exists and the actor may see it; otherwise it does not exist for them, by any endpoint. */
export function visibleIssue(state: SimState, actor: Actor, idOrKey: string): SimIssue | undefined {
  const issue = state.getIssue(idOrKey);
  return issue && canSee(state, actor, issue) ? issue : undefined;
}

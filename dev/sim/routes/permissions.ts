/**
 * Permissions and identity: `GET /rest/api/3/mypermissions` (404 for a project or issue the user
 * cannot see, as Jira answers), `POST /rest/api/3/permissions/check`, `GET /rest/api/3/myself`,
 * `GET /rest/api/3/field`.
 */
import { actorFor, canBrowse, isJiraAdmin, PERMISSIONS, projectPermissions, visibleIssue, type Actor } from '../access';
import { badRequest, bodyObject, forbidden, JiraHttpError, notFound, type Reply, type RequestContext, type Route } from '../http';
import type { SeedProject } from '../seed';
import { userTimeZone } from '../jql/dates';

function requestedKeys(raw: string | null): string[] {
  const keys = (raw ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (keys.length === 0) throw badRequest("The 'permissions' parameter is required, e.g. permissions=BROWSE_PROJECTS,EDIT_ISSUES.");
  const unknown = keys.filter((k) => PERMISSIONS[k] === undefined);
  if (unknown.length > 0) throw badRequest(`Invalid permissions: ${unknown.join(', ')}`);
  return keys;
}

function holds(ctx: RequestContext, actor: Actor, key: string, project: SeedProject | undefined): boolean {
  if (PERMISSIONS[key]?.type === 'GLOBAL') return key === 'USER_PICKER' || isJiraAdmin(actor);
  if (project) return projectPermissions(actor, project).has(key);
  return [...ctx.sim.state.projects.values()].some((p) => projectPermissions(actor, p).has(key));
}

function myPermissions(ctx: RequestContext): Reply {
  const { state } = ctx.sim;
  const q = ctx.url.searchParams;
  const keys = requestedKeys(q.get('permissions'));
  let project: SeedProject | undefined;
  const issueRef = q.get('issueId') ?? q.get('issueKey');
  const projectRef = q.get('projectId') ?? q.get('projectKey');
  if (issueRef !== null) {
    const issue = visibleIssue(state, ctx.actor, issueRef);
    if (!issue) throw notFound(`Issue does not exist or you do not have permission to see it.`);
    project = state.projectOf(issue);
  } else if (projectRef !== null) {
    project = state.projectByKeyOrId(projectRef);
    if (!project || !canBrowse(ctx.actor, project)) throw notFound(`No project could be found with key '${projectRef}'.`);
  }
  const permissions = Object.fromEntries(
    keys.map((key) => {
      const info = PERMISSIONS[key];
      return [key, { ...info, key, havePermission: holds(ctx, ctx.actor, key, project) }];
    }),
  );
  return { status: 200, body: { permissions } };
}

/** "A maximum of 1000 projects and 1000 issues can be checked" (platform spec, Get bulk permissions); nulls are ignored. */
const MAX_CHECKED = 1000;

function numberList(raw: unknown, name: string): number[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw badRequest(`'${name}' must be an array of ids.`);
  const ids = raw.filter((x) => x !== null).map(Number);
  if (ids.length > MAX_CHECKED) throw badRequest(`At most ${MAX_CHECKED} ${name} can be checked.`);
  return ids;
}

function checkPermissions(ctx: RequestContext): Reply {
  const { state } = ctx.sim;
  const b = bodyObject(ctx.body);
  let actor = ctx.actor;
  if (typeof b['accountId'] === 'string' && b['accountId'] !== ctx.actor.accountId) {
    if (!isJiraAdmin(ctx.actor)) throw forbidden('Only Jira administrators can perform this operation.');
    const other = actorFor(state, b['accountId']);
    if (!other) throw badRequest(`The user with account ID '${b['accountId']}' does not exist.`);
    actor = other;
  }
  const globals = (Array.isArray(b['globalPermissions']) ? b['globalPermissions'] : []).filter((x): x is string => typeof x === 'string');
  const badGlobal = globals.filter((g) => PERMISSIONS[g]?.type !== 'GLOBAL');
  if (badGlobal.length > 0) throw new JiraHttpError(400, [], Object.fromEntries(badGlobal.map((g) => [g, 'Unrecognized permission'])));
  const projectPermissions: Array<{ permission: string; projects: number[]; issues: number[] }> = [];
  const requests = Array.isArray(b['projectPermissions']) ? (b['projectPermissions'] as Array<Record<string, unknown>>) : [];
  for (const r of requests) {
    const perms = (Array.isArray(r['permissions']) ? r['permissions'] : []).filter((p): p is string => typeof p === 'string' && p !== '');
    if (perms.length === 0) throw badRequest('projectPermissions needs at least one project permission.');
    const bad = perms.filter((p) => PERMISSIONS[p]?.type !== 'PROJECT');
    if (bad.length > 0) throw new JiraHttpError(400, [], Object.fromEntries(bad.map((p) => [p, 'Unrecognized permission'])));
    const projectIds = numberList(r['projects'], 'projects');
    const issueIds = numberList(r['issues'], 'issues');
    for (const permission of perms) {
      const projects = projectIds.filter((id) => {
        const p = state.projectByKeyOrId(String(id));
        return p !== undefined && canBrowse(actor, p) && holds(ctx, actor, permission, p);
      });
      const issues = issueIds.filter((id) => {
        const issue = visibleIssue(state, actor, String(id));
        return issue !== undefined && holds(ctx, actor, permission, state.projectOf(issue));
      });
      projectPermissions.push({ permission, projects, issues });
    }
  }
  return { status: 200, body: { globalPermissions: globals.filter((g) => holds(ctx, actor, g, undefined)), projectPermissions } };
}

function myself(ctx: RequestContext): Reply {
  const u = ctx.actor.user;
  const groups = u?.groups ?? [];
  const body: Record<string, unknown> = {
    self: `${ctx.baseUrl}/rest/api/3/user?accountId=${ctx.actor.accountId}`,
    accountId: ctx.actor.accountId,
    // A Forge app's own user is of account type `app` (UserDetails.accountType in the platform spec).
    accountType: ctx.actor.kind === 'app' ? 'app' : 'atlassian',
    displayName: u?.displayName ?? 'Simulator admin',
    active: true,
    // The zone JQL dates are read in for this user (jql/dates.ts).
    timeZone: userTimeZone(ctx.actor),
    locale: 'en_US',
  };
  if (typeof u?.['emailAddress'] === 'string') body['emailAddress'] = u['emailAddress'];
  if ((ctx.url.searchParams.get('expand') ?? '').split(',').includes('groups')) {
    body['groups'] = { size: groups.length, items: groups.map((name) => ({ name })) };
  }
  return { status: 200, body };
}

function fields(ctx: RequestContext): Reply {
  return { status: 200, body: ctx.sim.state.fields };
}

export const permissionRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/mypermissions', handler: myPermissions },
  { method: 'POST', template: '/rest/api/3/permissions/check', handler: checkPermissions },
  { method: 'GET', template: '/rest/api/3/myself', handler: myself },
  { method: 'GET', template: '/rest/api/3/field', handler: fields },
];

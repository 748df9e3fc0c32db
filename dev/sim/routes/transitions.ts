/**
 * Issue transitions, as the platform spec (test/contract/openapi/jira-platform.openapi.json) defines them:
 * - `GET /rest/api/3/issue/{issueIdOrKey}/transitions` (getTransitions): 404 for an issue the user cannot see; an
 *   empty list without the Transition issues permission; `transitionId` narrows the list (empty when it names none).
 * - `POST /rest/api/3/issue/{issueIdOrKey}/transitions` (doTransition): `{transition: {id}}`; 400 when no transition
 *   is named, the user lacks Transition issues ("the user does not have permission to transition the issue"), the
 *   transition is not available, or `fields` / `update` name a field (the simulator's transitions have no screen);
 *   204 on success.
 *
 * The simulator has no workflow editor: a project's workflow is the statuses its issues use (a status stays in it
 * once seen), each reachable from any other by one global transition named after it, as a team-managed workflow's
 * "any status can move to this one" transitions are; its id is the target status's id. Moving to a status of the Done category sets `resolution` (Done) and
 * `resolutiondate`; moving out of it clears them, as the simplified workflow's resolution rule does. A transition
 * bumps `updated` and fires `avi:jira:updated:issue` with the status (and resolution) change, as an edit does.
 */
import { can, visibleIssue } from '../access';
import { changeItem, issueUpdated, type ChangelogItem } from '../events';
import { badRequest, bodyObject, issueNotFound, JiraHttpError, type Reply, type RequestContext, type Route } from '../http';
import type { SimIssue, SimState } from '../state';
import { jiraTimestamp } from '../time';

interface SimStatus {
  id: string;
  name: string;
  statusCategory: { key?: unknown };
}

/** Jira's default resolution (GET /rest/api/3/resolution on a new site lists "Done" with id 10000). */
const DONE_RESOLUTION = { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' };

function statusOf(issue: SimIssue): SimStatus | undefined {
  const s = issue.fields['status'] as Partial<SimStatus> | undefined;
  return s && typeof s.id === 'string' && typeof s.name === 'string' ? (s as SimStatus) : undefined;
}

/** Per site and project: every status its issues used since the simulator started, by id, in the order first met. */
const workflows = new WeakMap<SimState, Map<string, Map<string, SimStatus>>>();

/** The project's workflow: the statuses its issues use now or used before (an issue moving on does not remove one). */
function projectStatuses(state: SimState, projectKey: string): SimStatus[] {
  const site = workflows.get(state) ?? new Map<string, Map<string, SimStatus>>();
  workflows.set(state, site);
  const byId = site.get(projectKey) ?? new Map<string, SimStatus>();
  site.set(projectKey, byId);
  const prefix = `${projectKey}-`;
  for (const issue of state.issuesInRankOrder()) {
    if (!issue.key.startsWith(prefix)) continue;
    const s = statusOf(issue);
    if (s && !byId.has(s.id)) byId.set(s.id, structuredClone(s));
  }
  return [...byId.values()];
}

function available(state: SimState, issue: SimIssue): SimStatus[] {
  const project = state.projectOf(issue);
  const current = statusOf(issue)?.id;
  return project === undefined ? [] : projectStatuses(state, project.key).filter((s) => s.id !== current);
}

function isDone(s: SimStatus | undefined): boolean {
  return s?.statusCategory?.key === 'done';
}

function getTransitions(ctx: RequestContext): Reply {
  const { state } = ctx.sim;
  const issue = visibleIssue(state, ctx.actor, ctx.params['issueIdOrKey'] ?? '');
  if (!issue) throw issueNotFound();
  const wanted = ctx.url.searchParams.get('transitionId');
  const allowed = can(ctx.actor, state.projectOf(issue), 'TRANSITION_ISSUES');
  const transitions = (allowed ? available(state, issue) : [])
    .filter((s) => wanted === null || s.id === wanted)
    .map((s) => ({
      id: s.id,
      name: s.name,
      to: { self: `${ctx.baseUrl}/rest/api/3/status/${s.id}`, ...structuredClone(s) },
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
    }));
  return { status: 200, body: { transitions } };
}

function doTransition(ctx: RequestContext): Reply {
  const { state } = ctx.sim;
  const issue = visibleIssue(state, ctx.actor, ctx.params['issueIdOrKey'] ?? '');
  if (!issue) throw issueNotFound();
  const b = bodyObject(ctx.body);
  const ref = b['transition'] as { id?: unknown } | undefined;
  if (ref === undefined || ref === null || typeof ref !== 'object' || typeof ref.id !== 'string' || ref.id === '')
    throw badRequest('You must specify a transition to perform, as {"transition": {"id": "…"}}.');
  if (!can(ctx.actor, state.projectOf(issue), 'TRANSITION_ISSUES')) throw badRequest('You do not have permission to transition this issue.');
  const onScreen = [...Object.keys(bodyObject(b['fields'])), ...Object.keys(bodyObject(b['update']))];
  if (onScreen.length > 0)
    throw new JiraHttpError(
      400,
      [],
      Object.fromEntries(onScreen.map((f) => [f, `Field '${f}' cannot be set. It is not on the appropriate screen, or unknown.`])),
    );
  const target = available(state, issue).find((s) => s.id === ref.id);
  if (!target) throw badRequest(`Transition id '${ref.id}' is not valid for this issue.`);
  const before = statusOf(issue);
  ctx.sim.searchIndex.recordEdit(issue);
  const items: ChangelogItem[] = [changeItem('status', state.field('status'), before, target)];
  issue.fields['status'] = structuredClone(target);
  const now = jiraTimestamp(ctx.sim.now());
  if (isDone(target) && !isDone(before)) {
    const resolution = { self: `${ctx.baseUrl}/rest/api/3/resolution/${DONE_RESOLUTION.id}`, ...DONE_RESOLUTION };
    items.push(changeItem('resolution', state.field('resolution'), issue.fields['resolution'] ?? null, resolution));
    issue.fields['resolution'] = resolution;
    issue.fields['resolutiondate'] = now;
  } else if (!isDone(target) && isDone(before)) {
    items.push(changeItem('resolution', state.field('resolution'), issue.fields['resolution'] ?? null, null));
    issue.fields['resolution'] = null;
    issue.fields['resolutiondate'] = null;
  }
  issue.fields['updated'] = now;
  ctx.sim.emit(issueUpdated(issue, items, ctx.actor.accountId));
  ctx.sim.changed();
  return { status: 204 };
}

export const transitionRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: getTransitions },
  { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: doTransition },
];

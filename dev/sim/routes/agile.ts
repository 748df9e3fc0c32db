/**
 * Jira Software (agile) endpoints: rank, boards, sprints.
 *
 * Sprints: each value of `GET /rest/agile/1.0/board/{boardId}/sprint` carries only what the agile spec's
 * SprintBean defines (id, self, state, name, startDate, endDate, completeDate, createdDate, originBoardId, goal).
 * Jira keeps no velocity on a sprint: what a sprint delivered is read from its issues (Sprint field, resolutiondate).
 */
import { can, canBrowse, visibleIssue } from '../access';
import { issueUpdated } from '../events';
import { badRequest, bodyObject, forbidden, intParam, notFound, stringList, type Reply, type RequestContext, type Route } from '../http';
import type { SeedBoard, SeedSprint } from '../seed';
import type { SimIssue } from '../state';

const RANK_LIMIT = 50;
const PAGE_LIMIT = 50;

interface RankEntry {
  issueId: number | null;
  issueKey: string;
  status: number;
  errors?: string[];
}

function rankIssues(ctx: RequestContext): Reply {
  const { state } = ctx.sim;
  const b = bodyObject(ctx.body);
  const refs = stringList(b['issues'], 'issues');
  if (!refs || refs.length === 0) throw badRequest('At least one issue must be given to rank.');
  if (refs.length > RANK_LIMIT) throw badRequest(`At most ${RANK_LIMIT} issues may be ranked at once; ${refs.length} were given.`);
  const before = b['rankBeforeIssue'];
  const after = b['rankAfterIssue'];
  if ((before === undefined) === (after === undefined)) throw badRequest('Exactly one of rankBeforeIssue and rankAfterIssue must be given.');
  const anchorRef = String(before ?? after);
  const anchor = visibleIssue(state, ctx.actor, anchorRef);
  if (!anchor) throw badRequest(`Issue '${anchorRef}' does not exist or you do not have permission to see it.`);

  const entries: RankEntry[] = [];
  const moving: SimIssue[] = [];
  for (const ref of refs) {
    const issue = visibleIssue(state, ctx.actor, ref);
    if (!issue) {
      entries.push({
        issueId: /^\d+$/.test(ref) ? Number(ref) : null,
        issueKey: ref,
        status: 404,
        errors: ['Issue does not exist or you do not have permission to see it.'],
      });
      continue;
    }
    if (!can(ctx.actor, state.projectOf(issue), 'SCHEDULE_ISSUES')) throw forbidden('You do not have permission to rank issues (Schedule Issues).');
    const entry: RankEntry = { issueId: Number(issue.id), issueKey: issue.key, status: 200 };
    if (issue.id === anchor.id) {
      entries.push({ ...entry, status: 400, errors: ['An issue cannot be ranked relative to itself.'] });
    } else if (ctx.sim.faults.rankFails(issue.key)) {
      entries.push({ ...entry, status: 503, errors: ['JIRA Agile cannot execute the rank operation at this time. Please try again later.'] });
    } else {
      entries.push(entry);
      moving.push(issue);
    }
  }
  if (moving.length > 0) {
    const was = state.rankIndex();
    ctx.sim.searchIndex.recordMove(
      [...was.keys()],
      moving.map((i) => i.id),
      before !== undefined ? 'before' : 'after',
      anchor.id,
    );
    state.moveIssues(
      moving.map((i) => i.id),
      before !== undefined ? 'before' : 'after',
      anchor.id,
    );
    const now = state.rankIndex();
    const fieldId = state.fields.find((f) => f.name === 'Rank')?.id ?? 'customfield_10019';
    for (const issue of moving) {
      const higher = (now.get(issue.id) ?? 0) < (was.get(issue.id) ?? 0);
      const item = {
        field: 'Rank',
        fieldtype: 'custom' as const,
        fieldId,
        from: null,
        fromString: null,
        to: null,
        toString: higher ? 'Ranked higher' : 'Ranked lower',
      };
      ctx.sim.emit(issueUpdated(issue, [item], ctx.actor.accountId));
    }
    ctx.sim.changed();
  }
  return entries.every((e) => e.status === 200) ? { status: 204 } : { status: 207, body: { entries } };
}

function page<T>(ctx: RequestContext, items: T[]): { startAt: number; maxResults: number; isLast: boolean; values: T[] } {
  const startAt = Math.max(0, intParam(ctx.url.searchParams.get('startAt'), 'startAt', 0));
  const maxResults = Math.min(PAGE_LIMIT, Math.max(1, intParam(ctx.url.searchParams.get('maxResults'), 'maxResults', PAGE_LIMIT)));
  const values = items.slice(startAt, startAt + maxResults);
  return { maxResults, startAt, isLast: startAt + values.length >= items.length, values };
}

function boardView(ctx: RequestContext, board: SeedBoard): Record<string, unknown> {
  const project = boardProject(ctx, board);
  const location = project
    ? {
        projectId: Number(project.id),
        projectKey: project.key,
        projectName: project.name ?? project.key,
        projectTypeKey: project.projectTypeKey,
        displayName: `${project.name ?? project.key} (${project.key})`,
        ...board.location,
      }
    : board.location;
  return { ...board, self: `${ctx.baseUrl}/rest/agile/1.0/board/${board.id}`, ...(location ? { location } : {}) };
}

function boardProject(ctx: RequestContext, board: SeedBoard): ReturnType<RequestContext['sim']['state']['projectByKeyOrId']> {
  const loc = board.location;
  if (loc?.projectKey !== undefined) return ctx.sim.state.projectByKeyOrId(loc.projectKey);
  if (loc?.projectId !== undefined) return ctx.sim.state.projectByKeyOrId(String(loc.projectId));
  return undefined;
}

/** A board exists for the user when its project does (boards without a project: admins only). */
function boardVisible(ctx: RequestContext, board: SeedBoard): boolean {
  const project = boardProject(ctx, board);
  return project ? canBrowse(ctx.actor, project) : ctx.actor.superuser;
}

function listBoards(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const projectRef = q.get('projectKeyOrId');
  let boards = ctx.sim.state.boards.filter((b) => boardVisible(ctx, b));
  if (projectRef !== null) {
    const project = ctx.sim.state.projectByKeyOrId(projectRef);
    if (!project || !canBrowse(ctx.actor, project)) throw notFound(`No project could be found with key or id '${projectRef}'.`);
    boards = boards.filter((b) => boardProject(ctx, b)?.key === project.key);
  }
  const types = (q.get('type') ?? '').split(',').filter((t) => t !== '');
  if (types.length > 0) boards = boards.filter((b) => types.includes(b.type));
  const name = q.get('name');
  if (name !== null) boards = boards.filter((b) => b.name.toLowerCase().includes(name.toLowerCase()));
  const result = page(
    ctx,
    boards.map((b) => boardView(ctx, b)),
  );
  return { status: 200, body: { ...result, total: boards.length } };
}

function visibleBoard(ctx: RequestContext): SeedBoard {
  const id = ctx.params['boardId'] ?? '';
  const board = ctx.sim.state.boards.find((b) => String(b.id) === id);
  if (!board || !boardVisible(ctx, board)) throw notFound(`The board with id ${id} does not exist or you do not have permission to view it.`);
  return board;
}

function getBoard(ctx: RequestContext): Reply {
  return { status: 200, body: boardView(ctx, visibleBoard(ctx)) };
}

const STATE_ORDER = ['closed', 'active', 'future'];

function listSprints(ctx: RequestContext): Reply {
  const board = visibleBoard(ctx);
  const states = (ctx.url.searchParams.get('state') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const bad = states.filter((s) => !STATE_ORDER.includes(s));
  if (bad.length > 0) throw badRequest(`Invalid sprint state: ${bad.join(', ')} (valid: future, active, closed).`);
  const rank = (s: string): number => {
    const i = STATE_ORDER.indexOf(s.toLowerCase());
    return i < 0 ? STATE_ORDER.length : i;
  };
  const sprints = ctx.sim.state.sprints
    .filter((s) => s.originBoardId === board.id && (states.length === 0 || states.includes(s.state.toLowerCase())))
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s.state) - rank(b.s.state) || a.i - b.i)
    .map(({ s }) => sprintBean(ctx, s));
  return { status: 200, body: page(ctx, sprints) };
}

const SPRINT_BEAN_DATES = ['startDate', 'endDate', 'completeDate', 'createdDate'] as const;

function sprintBean(ctx: RequestContext, s: SeedSprint): Record<string, unknown> {
  const out: Record<string, unknown> = { id: s.id, self: `${ctx.baseUrl}/rest/agile/1.0/sprint/${s.id}`, state: s.state, name: s.name ?? `Sprint ${s.id}` };
  for (const k of SPRINT_BEAN_DATES) if (s[k] !== undefined) out[k] = s[k];
  out['originBoardId'] = s.originBoardId;
  if (s.goal !== undefined) out['goal'] = s.goal;
  return out;
}

export const agileRoutes: Route[] = [
  { method: 'PUT', template: '/rest/agile/1.0/issue/rank', handler: rankIssues },
  { method: 'GET', template: '/rest/agile/1.0/board', handler: listBoards },
  { method: 'GET', template: '/rest/agile/1.0/board/{boardId}', handler: getBoard },
  { method: 'GET', template: '/rest/agile/1.0/board/{boardId}/sprint', handler: listSprints },
];

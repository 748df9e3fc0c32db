/**
 * Comments, as the platform spec (test/contract/openapi/jira-platform.openapi.json) defines them:
 * - `GET /rest/api/3/issue/{issueIdOrKey}/comment` (getComments): paged by `startAt`/`maxResults` (default 100),
 *   `orderBy` only `created`, `-created` or `+created` (400 otherwise), properties only with `expand=properties`;
 *   404 for an issue the user cannot see.
 * - `POST /rest/api/3/issue/{issueIdOrKey}/comment` (addComment): needs Browse projects and Add comments in the
 *   issue's project; the body is Atlassian Document Format; `properties` is a list of EntityProperty `{key, value}`
 *   (key ≤ 255 characters, value a non-empty JSON value of ≤ 32,768 characters, as for every entity property);
 *   the author is the acting user; 201 with the comment.
 * - `GET /rest/api/3/comment/{commentId}/properties/{propertyKey}` (getCommentProperty): 404 when the comment or
 *   the property does not exist, or the comment's issue cannot be seen.
 *
 * A comment whose property `sd.public.comment` is `{internal: true}` is an internal comment of Jira Service
 * Management (DESIGN.md, "Operation shapes"): `jsdPublic` is false for it, true otherwise (the spec: "Defaults to
 * true when comments are created in the Jira Cloud Platform"). Comment visibility (roles, groups) is not modelled:
 * a body naming `visibility` is refused rather than stored and ignored.
 */
import { can, visibleIssue } from '../access';
import { badRequest, bodyObject, countParam, issueNotFound, JiraHttpError, notFound, type Reply, type RequestContext, type Route } from '../http';
import type { SimComment, SimIssue } from '../state';
import { jiraTimestamp } from '../time';
import { userBean } from './users';

const MAX_PROPERTY_KEY = 255;
const MAX_PROPERTY_VALUE_CHARS = 32768;
/** Most comments a page holds: the spec's default, and the less forgiving reading of an undocumented maximum. */
const MAX_RESULTS = 100;
export const INTERNAL_PROPERTY = 'sd.public.comment';

function isInternal(c: SimComment): boolean {
  const v = c.properties[INTERNAL_PROPERTY];
  return typeof v === 'object' && v !== null && (v as { internal?: unknown }).internal === true;
}

/** The comment's author as a `User` bean; an account the site no longer knows keeps its id as its name. */
function userDetails(ctx: RequestContext, accountId: string): Record<string, unknown> {
  return (
    userBean(ctx, accountId) ?? {
      self: `${ctx.baseUrl}/rest/api/3/user?accountId=${accountId}`,
      accountId,
      displayName: accountId,
      active: true,
      accountType: 'atlassian',
    }
  );
}

function render(ctx: RequestContext, issue: SimIssue, c: SimComment, withProperties: boolean): Record<string, unknown> {
  const author = userDetails(ctx, c.authorId);
  return {
    self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}/comment/${c.id}`,
    id: c.id,
    author,
    body: c.body,
    updateAuthor: author,
    created: c.created,
    updated: c.created,
    jsdPublic: !isInternal(c),
    ...(withProperties ? { properties: Object.entries(c.properties).map(([key, value]) => ({ key, value })) } : {}),
  };
}

function getComments(ctx: RequestContext): Reply {
  const issue = visibleIssue(ctx.sim.state, ctx.actor, ctx.params['issueIdOrKey'] ?? '');
  if (!issue) throw issueNotFound();
  const orderBy = ctx.url.searchParams.get('orderBy');
  if (orderBy !== null && !['created', '-created', '+created'].includes(orderBy))
    throw badRequest(`Invalid orderBy: '${orderBy}'. Use created, -created or +created.`);
  const startAt = countParam(ctx.url.searchParams.get('startAt'), 'startAt', 0);
  const maxResults = Math.min(countParam(ctx.url.searchParams.get('maxResults'), 'maxResults', MAX_RESULTS), MAX_RESULTS);
  const all = [...(ctx.sim.state.comments.get(issue.id) ?? [])];
  if (orderBy === '-created') all.reverse();
  const expand = (ctx.url.searchParams.get('expand') ?? '').split(',').map((s) => s.trim());
  const comments = all.slice(startAt, startAt + maxResults).map((c) => render(ctx, issue, c, expand.includes('properties')));
  return { status: 200, body: { startAt, maxResults, total: all.length, comments } };
}

/** An ADF document with some content: Jira refuses a missing, non-ADF or empty body. */
function checkBody(body: unknown): void {
  const doc = body as { type?: unknown; version?: unknown; content?: unknown } | null;
  if (doc === null || typeof doc !== 'object' || doc.type !== 'doc' || doc.version !== 1 || !Array.isArray(doc.content)) {
    throw new JiraHttpError(400, [], { comment: 'Comment body is not valid Atlassian Document Format.' });
  }
  if (doc.content.length === 0) throw new JiraHttpError(400, [], { comment: 'Comment body can not be empty!' });
}

function readProperties(raw: unknown): Record<string, unknown> {
  if (raw === undefined) return {};
  if (!Array.isArray(raw)) throw badRequest("'properties' must be an array of {key, value}.");
  const out: Record<string, unknown> = {};
  for (const p of raw as Array<{ key?: unknown; value?: unknown }>) {
    if (typeof p?.key !== 'string' || p.key.length === 0 || p.key.length > MAX_PROPERTY_KEY)
      throw badRequest('The property key must be 1 to 255 characters long.');
    if (p.value === undefined || p.value === null) throw badRequest(`The property '${p.key}' needs a non-empty JSON value.`);
    if (JSON.stringify(p.value).length > MAX_PROPERTY_VALUE_CHARS)
      throw badRequest(`The property value must be at most ${MAX_PROPERTY_VALUE_CHARS} characters.`);
    Object.defineProperty(out, p.key, { value: p.value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function addComment(ctx: RequestContext): Reply {
  const { state } = ctx.sim;
  const issue = visibleIssue(state, ctx.actor, ctx.params['issueIdOrKey'] ?? '');
  if (!issue) throw issueNotFound();
  // The spec lists no 403 for this operation; Jira answers a missing Add comments permission with 403 all the same,
  // the less forgiving of the two readings (a client must not take it for a bad body).
  if (!can(ctx.actor, state.projectOf(issue), 'ADD_COMMENTS')) throw new JiraHttpError(403, ['You do not have the permission to comment on this issue.']);
  const b = bodyObject(ctx.body);
  if (b['visibility'] !== undefined) throw badRequest('Comment visibility is not supported by the simulated Jira.');
  checkBody(b['body']);
  const properties = readProperties(b['properties']);
  const comment = state.addComment(issue, { authorId: ctx.actor.accountId, body: b['body'], created: jiraTimestamp(ctx.sim.now()), properties });
  ctx.sim.changed();
  return { status: 201, body: render(ctx, issue, comment, false) };
}

function getCommentProperty(ctx: RequestContext): Reply {
  const found = ctx.sim.state.findComment(ctx.params['commentId'] ?? '');
  if (!found || !visibleIssue(ctx.sim.state, ctx.actor, found.issue.id)) throw notFound('The comment does not exist or you do not have permission to see it.');
  const key = ctx.params['propertyKey'] ?? '';
  if (!Object.hasOwn(found.comment.properties, key)) throw notFound(`The property with key '${key}' does not exist.`);
  return { status: 200, body: { key, value: found.comment.properties[key] } };
}

export const commentRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/comment', handler: getComments },
  { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/comment', handler: addComment },
  { method: 'GET', template: '/rest/api/3/comment/{commentId}/properties/{propertyKey}', handler: getCommentProperty },
];

/**
 * `POST /rest/api/3/jql/match` (platform spec, operationId `matchIssues`, "Check issues against JQL"): for each JQL
 * query, in order, which of the given issue ids it would return. Body `IssuesAndJQLQueries` `{issueIds, jqls}`,
 * answer `IssueMatches` `{matches: [{matchedIssues, errors}]}`.
 *
 * What the simulator enforces, and the reading it takes where the spec leaves it open:
 * - Limits: "Up to 10 JQL queries can be specified and up to 50 issue IDs included in the request" (the operation's
 *   description in Atlassian's current platform spec, Issue search › Check issues against JQL; the copy this
 *   repository cuts from says only that exceeding "the maximum number" is a 400). More is a 400.
 * - The body schema has `additionalProperties: false`, both lists are required, `issueIds` are int64 with
 *   `uniqueItems`: an unknown property, a missing list, an id that is not an integer (a string included) or the same
 *   id twice is a 400 rather than coerced or ignored.
 * - "Issues are only matched against JQL queries where the user has Browse projects … and, if issue-level security is
 *   configured, issue-level security permission to view the issue": ids the user cannot see, and ids of no issue,
 *   are simply not matched; they do not fail the query.
 * - A query Jira cannot run (bad syntax, a field or value the user cannot see) answers its message in that query's
 *   `errors` (the spec's 200 example: `"errors":["Invalid JQL: broken = value"]`), not an HTTP error. A query with no
 *   search restriction is such an error too, as on `/search/jql`: the docs do not say the issue ids bound it.
 * - Matching reads the search index as `/search/jql` does (recent writes may not show yet): the operation is an
 *   issue search and offers no `reconcileIssues`.
 * - `matchedIssues` keeps the order of `issueIds` (the spec promises no order).
 */
import { canSee } from '../access';
import { compileQuery } from '../jql/compile';
import { JqlError, parseJql } from '../jql/parse';
import { badRequest, type RequestContext, type Reply, type Route } from '../http';
import type { IndexView } from '../search-index';

/** The documented maximums per request. */
export const MATCH_MAX_ISSUE_IDS = 50;
export const MATCH_MAX_JQLS = 10;

const PROPERTIES = new Set(['issueIds', 'jqls']);

interface MatchRequest {
  issueIds: number[];
  jqls: string[];
}

function readBody(body: unknown): MatchRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest("The request body must be a JSON object with 'issueIds' and 'jqls' (IssuesAndJQLQueries).");
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).find((k) => !PROPERTIES.has(k));
  if (unknown !== undefined) throw badRequest(`Unrecognized field "${unknown}": IssuesAndJQLQueries takes only 'issueIds' and 'jqls'.`);
  const { issueIds, jqls } = b;
  if (!Array.isArray(issueIds)) throw badRequest("The 'issueIds' property is required: a list of issue IDs (integers).");
  if (!Array.isArray(jqls)) throw badRequest("The 'jqls' property is required: a list of JQL queries.");
  const bad = issueIds.find((id) => typeof id !== 'number' || !Number.isSafeInteger(id));
  if (bad !== undefined) throw badRequest(`'issueIds' takes issue IDs as integers; got ${JSON.stringify(bad)}.`);
  if (new Set(issueIds).size !== issueIds.length) throw badRequest("'issueIds' must not name the same issue ID twice.");
  if (!jqls.every((q): q is string => typeof q === 'string')) throw badRequest("Each of 'jqls' must be a string.");
  if (issueIds.length > MATCH_MAX_ISSUE_IDS) throw badRequest(`A request may check at most ${MATCH_MAX_ISSUE_IDS} issue IDs; ${issueIds.length} were given.`);
  if (jqls.length > MATCH_MAX_JQLS) throw badRequest(`A request may check at most ${MATCH_MAX_JQLS} JQL queries; ${jqls.length} were given.`);
  return { issueIds: issueIds as number[], jqls };
}

function matchOne(ctx: RequestContext, jql: string, issueIds: readonly number[], index: IndexView): { matchedIssues: number[]; errors: string[] } {
  const { state } = ctx.sim;
  try {
    const query = parseJql(jql);
    if (query.where === undefined) throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
    const { predicate } = compileQuery(query, { state, actor: ctx.actor, now: ctx.sim.now(), rank: index.rank });
    const matchedIssues = issueIds.filter((id) => {
      const issue = state.getIssue(String(id));
      // Visibility is the current one (permissions are not indexed); field values are the index's.
      return issue !== undefined && canSee(state, ctx.actor, issue) && predicate(index.asIndexed(issue));
    });
    return { matchedIssues, errors: [] };
  } catch (e) {
    if (e instanceof JqlError) return { matchedIssues: [], errors: [e.message] };
    throw e;
  }
}

function matchIssues(ctx: RequestContext): Reply {
  const { issueIds, jqls } = readBody(ctx.body);
  const index = ctx.sim.searchIndex.view(new Set());
  return { status: 200, body: { matches: jqls.map((jql) => matchOne(ctx, jql, issueIds, index)) } };
}

export const jqlMatchRoutes: Route[] = [{ method: 'POST', template: '/rest/api/3/jql/match', handler: matchIssues }];

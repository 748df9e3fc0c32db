/**
 * `GET /rest/api/3/user/bulk` ("Bulk get users", platform spec): the accounts named by repeated `accountId`
 * parameters, as a PageBeanUser. The site's users are the seed's `users` and the app's own user. As Jira does,
 * an account it does not know is left out (no error); a request without `accountId` is a 400; `maxResults`
 * defaults to 10, as the spec says, so a caller that names more ids without raising it gets only the first page.
 */
import { badRequest, countParam, type Reply, type RequestContext, type Route } from '../http';

const DEFAULT_MAX_RESULTS = 10;

function bulkUsers(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const ids = q.getAll('accountId').filter((id) => id !== '');
  if (ids.length === 0) throw badRequest('accountId is required.');
  const startAt = countParam(q.get('startAt'), 'startAt', 0);
  const maxResults = countParam(q.get('maxResults'), 'maxResults', DEFAULT_MAX_RESULTS);
  const known = [...new Set(ids)].flatMap((id) => userBean(ctx, id) ?? []);
  const page = known.slice(startAt, startAt + maxResults);
  return {
    status: 200,
    body: {
      self: `${ctx.baseUrl}${ctx.url.pathname}${ctx.url.search}`,
      maxResults,
      startAt,
      total: known.length,
      isLast: startAt + page.length >= known.length,
      values: page,
    },
  };
}

/**
 * A site user (the seed's `users`) or the app's own user as the platform spec's `User` bean; undefined for an account
 * the site does not know.
 */
export function userBean(ctx: RequestContext, accountId: string): Record<string, unknown> | undefined {
  const { users, appUser } = ctx.sim.state;
  const isApp = accountId === appUser.accountId;
  const user = users.get(accountId);
  if (!isApp && user === undefined) return undefined;
  // Every Jira account has a display name; a seed user given none shows its account id.
  const displayName = isApp ? appUser.displayName : (user?.displayName ?? accountId);
  return {
    self: `${ctx.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
    accountId,
    accountType: isApp ? 'app' : 'atlassian',
    active: true,
    displayName,
  };
}

export const userRoutes: Route[] = [{ method: 'GET', template: '/rest/api/3/user/bulk', handler: bulkUsers }];

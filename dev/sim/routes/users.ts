/**
 * `GET /rest/api/3/user/bulk` ("Bulk get users", platform spec): the accounts named by repeated `accountId`
 * parameters, as a PageBeanUser. The site's users are the seed's `users` and the app's own user. As Jira does,
 * an account it does not know is left out (no error); a request without `accountId` is a 400; `maxResults`
 * defaults to 10, as the spec says, so a caller that names more ids without raising it gets only the first page.
 */
import { badRequest, type Reply, type RequestContext, type Route } from '../http';

const DEFAULT_MAX_RESULTS = 10;

function intParam(raw: string | null, fallback: number, name: string): number {
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`'${name}' must be a non-negative integer.`);
  return n;
}

function bulkUsers(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const ids = q.getAll('accountId').filter((id) => id !== '');
  if (ids.length === 0) throw badRequest('accountId is required.');
  const startAt = intParam(q.get('startAt'), 0, 'startAt');
  const maxResults = intParam(q.get('maxResults'), DEFAULT_MAX_RESULTS, 'maxResults');
  const { users, appUser } = ctx.sim.state;
  const known = [...new Set(ids)].flatMap((id) => {
    if (id === appUser.accountId) return [{ accountId: id, displayName: appUser.displayName, accountType: 'app' }];
    const u = users.get(id);
    return u === undefined ? [] : [{ accountId: id, displayName: u.displayName, accountType: 'atlassian' }];
  });
  const page = known.slice(startAt, startAt + maxResults);
  return {
    status: 200,
    body: {
      self: `${ctx.baseUrl}${ctx.url.pathname}${ctx.url.search}`,
      maxResults,
      startAt,
      total: known.length,
      isLast: startAt + page.length >= known.length,
      values: page.map((u) => ({
        self: `${ctx.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(u.accountId)}`,
        accountId: u.accountId,
        accountType: u.accountType,
        active: true,
        displayName: u.displayName,
      })),
    },
  };
}

export const userRoutes: Route[] = [{ method: 'GET', template: '/rest/api/3/user/bulk', handler: bulkUsers }];

/**
 * Projects: `GET /rest/api/3/project/search` (paged, `typeKey`, `keys`) and `GET /rest/api/3/project/{projectIdOrKey}`.
 * Only projects the acting user can browse exist for them, as in Jira.
 */
import { canBrowse } from '../access';
import { notFound, type Reply, type RequestContext, type Route } from '../http';
import type { SeedProject } from '../seed';

function view(ctx: RequestContext, p: SeedProject): Record<string, unknown> {
  return {
    self: `${ctx.baseUrl}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    projectTypeKey: p.projectTypeKey,
    simplified: p.style === 'next-gen',
    style: p.style,
    isPrivate: false,
  };
}

function search(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const typeKey = q.get('typeKey');
  const keys = q
    .getAll('keys')
    .flatMap((k) => k.split(','))
    .filter((k) => k !== '');
  const startAt = Math.max(0, Number(q.get('startAt') ?? 0) || 0);
  const maxResults = Math.min(100, Math.max(1, Number(q.get('maxResults') ?? 50) || 50));
  const all = [...ctx.sim.state.projects.values()]
    .filter((p) => canBrowse(ctx.actor, p))
    .filter((p) => typeKey === null || typeKey.split(',').includes(p.projectTypeKey))
    .filter((p) => keys.length === 0 || keys.includes(p.key))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const values = all.slice(startAt, startAt + maxResults).map((p) => view(ctx, p));
  return { status: 200, body: { self: ctx.url.toString(), maxResults, startAt, total: all.length, isLast: startAt + values.length >= all.length, values } };
}

function getProject(ctx: RequestContext): Reply {
  const ref = ctx.params['projectIdOrKey'] ?? '';
  const p = ctx.sim.state.projectByKeyOrId(ref);
  if (!p || !canBrowse(ctx.actor, p)) throw notFound(`No project could be found with key '${ref}'.`);
  return { status: 200, body: view(ctx, p) };
}

export const projectRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/project/search', handler: search },
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}', handler: getProject },
];

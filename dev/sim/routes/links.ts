/**
 * Issue links and remote links.
 *
 * `POST /rest/api/3/issueLink` follows real Jira's (surprising) direction: the request's
 * `inwardIssue` is the source, which reads the type's outward text. `{type: Blocks, inwardIssue: A,
 * outwardIssue: B}` makes "A blocks B": A's `issuelinks` gets `{outwardIssue: B}`, B's gets
 * `{inwardIssue: A}`, and the event has `sourceIssueId = A`, `destinationIssueId = B`.
 */
import { can, canSee, visibleIssue } from '../access';
import { issueLinkEvent } from '../events';
import { badRequest, bodyObject, forbidden, issueNotFound, notFound, type Reply, type RequestContext, type Route } from '../http';
import { links, type SimIssue } from '../state';

function linkTypes(ctx: RequestContext): Reply {
  const issueLinkTypes = ctx.sim.state.linkTypes.map((t) => ({ ...t, self: `${ctx.baseUrl}/rest/api/3/issueLinkType/${t.id}` }));
  return { status: 200, body: { issueLinkTypes } };
}

function issueRef(ctx: RequestContext, raw: unknown, name: string): SimIssue {
  const ref = raw as { id?: unknown; key?: unknown } | undefined;
  const idOrKey = ref?.id ?? ref?.key;
  if (typeof idOrKey !== 'string' && typeof idOrKey !== 'number') throw badRequest(`'${name}' needs an id or a key.`);
  const issue = visibleIssue(ctx.sim.state, ctx.actor, String(idOrKey));
  if (!issue) throw issueNotFound();
  return issue;
}

function createLink(ctx: RequestContext): Reply {
  const { state } = ctx.sim;
  const b = bodyObject(ctx.body);
  const typeRef = b['type'] as { id?: unknown; name?: unknown } | undefined;
  if (!typeRef || (typeRef.id === undefined && typeRef.name === undefined)) throw badRequest('The issue link type is required (id or name).');
  const type = state.linkType(typeRef);
  if (!type) throw notFound(`No issue link type with name '${String(typeRef.name ?? typeRef.id)}' found.`);
  const source = issueRef(ctx, b['inwardIssue'], 'inwardIssue');
  const destination = issueRef(ctx, b['outwardIssue'], 'outwardIssue');
  if (!can(ctx.actor, state.projectOf(source), 'LINK_ISSUES')) throw forbidden('You do not have the permission to link issues.');
  const duplicate = links(source).some((l) => l.type.id === type.id && l.outwardIssue?.id === destination.id);
  if (!duplicate) {
    const id = state.addLink(source, destination, type);
    ctx.sim.changed();
    ctx.sim.emit(issueLinkEvent('created', id, source.id, destination.id, type, ctx.actor.accountId));
  }
  return { status: 201 };
}

function visibleLink(ctx: RequestContext): NonNullable<ReturnType<RequestContext['sim']['state']['findLink']>> {
  const { state } = ctx.sim;
  const found = state.findLink(ctx.params['linkId'] ?? '');
  const bothVisible = (id: string): boolean => {
    const issue = state.getIssue(id);
    return issue === undefined || canSee(state, ctx.actor, issue);
  };
  if (!found || !bothVisible(found.sourceId) || !bothVisible(found.destinationId))
    throw notFound('No issue link with id ' + (ctx.params['linkId'] ?? '') + ' exists.');
  return found;
}

function getLink(ctx: RequestContext): Reply {
  const { link, sourceId, destinationId } = visibleLink(ctx);
  const ref = (id: string): Record<string, unknown> => {
    const issue = ctx.sim.state.getIssue(id);
    return issue
      ? {
          id: issue.id,
          key: issue.key,
          self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}`,
          fields: {
            summary: issue.fields['summary'],
            status: issue.fields['status'],
            issuetype: issue.fields['issuetype'],
            priority: issue.fields['priority'],
          },
        }
      : { id };
  };
  return {
    status: 200,
    body: {
      id: link.id,
      self: `${ctx.baseUrl}/rest/api/3/issueLink/${link.id}`,
      type: link.type,
      inwardIssue: ref(sourceId),
      outwardIssue: ref(destinationId),
    },
  };
}

function deleteLink(ctx: RequestContext): Reply {
  const { state } = ctx.sim;
  const { link, sourceId, destinationId } = visibleLink(ctx);
  const projects = [sourceId, destinationId].map((id) => state.getIssue(id)).map((i) => (i ? state.projectOf(i) : undefined));
  if (!projects.some((p) => can(ctx.actor, p, 'LINK_ISSUES'))) throw notFound(`No issue link with id ${link.id} exists.`);
  state.removeLink(link.id);
  ctx.sim.changed();
  const type = state.linkType(link.type) ?? { id: String(link.type.id ?? ''), name: String(link.type.name ?? ''), inward: '', outward: '' };
  ctx.sim.emit(issueLinkEvent('deleted', link.id, sourceId, destinationId, type, ctx.actor.accountId));
  return { status: 204 };
}

function remoteLinks(ctx: RequestContext): Reply {
  const issue = visibleIssue(ctx.sim.state, ctx.actor, ctx.params['issueIdOrKey'] ?? '');
  if (!issue) throw issueNotFound();
  const list = (ctx.sim.state.remoteLinks.get(issue.key) ?? []).map((l): Record<string, unknown> => ({
    ...l,
    self: `${ctx.baseUrl}/rest/api/3/issue/${issue.key}/remotelink/${String(l['id'] ?? '')}`,
  }));
  const globalId = ctx.url.searchParams.get('globalId');
  if (globalId === null) return { status: 200, body: list };
  const one = list.find((l) => l['globalId'] === globalId);
  if (!one) throw notFound('No remote link with that global ID exists on this issue.');
  return { status: 200, body: one };
}

export const linkRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/issueLinkType', handler: linkTypes },
  { method: 'POST', template: '/rest/api/3/issueLink', handler: createLink },
  { method: 'GET', template: '/rest/api/3/issueLink/{linkId}', handler: getLink },
  { method: 'DELETE', template: '/rest/api/3/issueLink/{linkId}', handler: deleteLink },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/remotelink', handler: remoteLinks },
];

/** Issue properties: `GET|PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}`. */
import { can, visibleIssue } from '../access';
import { badRequest, forbidden, issueNotFound, notFound, type Reply, type RequestContext, type Route } from '../http';

const MAX_VALUE_CHARS = 32768;

function getProperty(ctx: RequestContext): Reply {
  const issue = visibleIssue(ctx.sim.state, ctx.actor, ctx.params['issueIdOrKey'] ?? '');
  if (!issue) throw issueNotFound();
  const key = ctx.params['propertyKey'] ?? '';
  const props = ctx.sim.state.properties.get(issue.id);
  if (!props?.has(key)) throw notFound(`The property with key '${key}' does not exist.`);
  return { status: 200, body: { key, value: props.get(key) } };
}

function setProperty(ctx: RequestContext): Reply {
  const { state } = ctx.sim;
  const issue = visibleIssue(state, ctx.actor, ctx.params['issueIdOrKey'] ?? '');
  if (!issue) throw issueNotFound();
  if (!can(ctx.actor, state.projectOf(issue), 'EDIT_ISSUES')) throw forbidden('You do not have permission to edit this issue.');
  const key = ctx.params['propertyKey'] ?? '';
  if (key.length === 0 || key.length > 255) throw badRequest('The property key must be 1 to 255 characters long.');
  if (ctx.body === undefined) throw badRequest('The property value must be a non-empty JSON value.');
  if (JSON.stringify(ctx.body).length > MAX_VALUE_CHARS) throw badRequest(`The property value must be at most ${MAX_VALUE_CHARS} characters.`);
  const props = state.properties.get(issue.id) ?? new Map<string, unknown>();
  const existed = props.has(key);
  props.set(key, ctx.body);
  state.properties.set(issue.id, props);
  ctx.sim.changed();
  return { status: existed ? 200 : 201 };
}

export const propertyRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', handler: getProperty },
  { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', handler: setProperty },
];

/**
 * App custom field values: `PUT /rest/api/3/app/field/{fieldIdOrKey}/value` and bulk
 * `POST /rest/api/3/app/field/value`. Values land in the issue's fields, so JQL can search and
 * order by them (`ORDER BY "Value score" DESC`). Each changed issue fires
 * `avi:jira:updated:issue` whose changelog item has the app field's `fieldId`, unless the
 * request says `generateChangelog=false`.
 *
 * Who may write: "Only the app that owns the custom field or custom field type can update its values with this
 * operation" (the spec of both operations, jira-platform v3: 403 "Returned if the request is not authenticated as
 * the app that provided the field"). So a user (`asUser()`, an `X-Sim-Account-Id` header) gets 403, and so does the
 * app for a field it does not provide, another app's or its own in another environment.
 */
import { visibleIssue } from '../access';
import { changeItem, issueUpdated } from '../events';
import { badRequest, bodyObject, forbidden, notFound, type Reply, type RequestContext, type Route } from '../http';
import type { SeedField } from '../seed';
import type { SimIssue } from '../state';
import { jiraTimestamp } from '../time';

interface Update {
  field: SeedField;
  issues: SimIssue[];
  value: unknown;
}

/** The request is the app's own: no user header (`asApp()`), on a site where the app is installed. */
function requireApp(ctx: RequestContext): void {
  if (ctx.actor.kind !== 'app' || ctx.sim.state.app === undefined) {
    throw forbidden('Only the app that provided the custom field can update its values.');
  }
}

function appField(ctx: RequestContext, idOrKey: string): SeedField {
  const field = ctx.sim.state.field(idOrKey);
  if (!field) throw notFound(`The custom field '${idOrKey}' was not found.`);
  const app = ctx.sim.state.app;
  if (app === undefined || !ctx.sim.state.isAppField(field, app)) throw forbidden(`The app is not the provider of the custom field '${idOrKey}'.`);
  return field;
}

function checkValue(field: SeedField, value: unknown): void {
  const type = (field['schema'] as { type?: unknown } | undefined)?.type;
  const ok =
    value === null ||
    (type === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
    ((type === 'string' || type === 'datetime') && typeof value === 'string') ||
    (type !== 'number' && type !== 'string' && type !== 'datetime');
  if (!ok) throw badRequest(`The value for the custom field '${field.name}' must be a ${String(type)} or null.`);
}

/**
 * The issues to write; one that does not exist or that the caller cannot see (security level) is a 404. The spec of
 * both endpoints names only the app's ownership of the field as a permission and says nothing of issue visibility:
 * the simulator takes the less forgiving reading (the app cannot write an issue it cannot see), as DESIGN.md asks.
 */
function issuesFor(ctx: RequestContext, raw: unknown): SimIssue[] {
  if (!Array.isArray(raw) || raw.length === 0) throw badRequest("'issueIds' must be a non-empty array of issue ids.");
  return raw.map((id) => {
    const issue = visibleIssue(ctx.sim.state, ctx.actor, String(id));
    if (!issue) throw notFound(`Issue with id ${String(id)} does not exist.`);
    return issue;
  });
}

function apply(ctx: RequestContext, updates: Update[]): Reply {
  const changelog = ctx.url.searchParams.get('generateChangelog') !== 'false';
  const now = jiraTimestamp(ctx.sim.now());
  for (const { field, issues, value } of updates) {
    for (const issue of issues) {
      const before = issue.fields[field.id] ?? null;
      if (JSON.stringify(before) === JSON.stringify(value)) continue;
      ctx.sim.searchIndex.recordEdit(issue);
      issue.fields[field.id] = value;
      issue.fields['updated'] = now;
      if (changelog) ctx.sim.emit(issueUpdated(issue, [changeItem(field.id, field, before, value)], ctx.actor.accountId));
    }
  }
  ctx.sim.changed();
  return { status: 204 };
}

function updateOne(ctx: RequestContext): Reply {
  requireApp(ctx);
  const field = appField(ctx, ctx.params['fieldIdOrKey'] ?? '');
  const raw = bodyObject(ctx.body)['updates'];
  if (!Array.isArray(raw)) throw badRequest("'updates' must be an array.");
  const updates = (raw as Array<Record<string, unknown>>).map((u) => {
    checkValue(field, u['value'] ?? null);
    return { field, issues: issuesFor(ctx, u['issueIds']), value: u['value'] ?? null };
  });
  return apply(ctx, updates);
}

function updateMany(ctx: RequestContext): Reply {
  requireApp(ctx);
  const raw = bodyObject(ctx.body)['updates'];
  if (!Array.isArray(raw)) throw badRequest("'updates' must be an array.");
  const updates = (raw as Array<Record<string, unknown>>).map((u) => {
    if (typeof u['customField'] !== 'string') throw badRequest("Each update needs 'customField'.");
    if (!('value' in u)) throw badRequest("Each update needs 'value'.");
    const field = appField(ctx, u['customField']);
    checkValue(field, u['value']);
    return { field, issues: issuesFor(ctx, u['issueIds']), value: u['value'] };
  });
  return apply(ctx, updates);
}

export const appFieldRoutes: Route[] = [
  { method: 'PUT', template: '/rest/api/3/app/field/{fieldIdOrKey}/value', handler: updateOne },
  { method: 'POST', template: '/rest/api/3/app/field/value', handler: updateMany },
];

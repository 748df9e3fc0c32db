/**
 * Issues: `GET|PUT /rest/api/3/issue/{issueIdOrKey}` and `POST /rest/api/3/issue/bulkfetch`.
 * An issue in a project the user cannot browse does not exist for them (404, or absent).
 */
import { can, visibleIssue } from '../access';
import { changeItem, issueUpdated, type ChangelogItem } from '../events';
import { badRequest, bodyObject, forbidden, issueNotFound, JiraHttpError, listParam, stringList, type Reply, type RequestContext, type Route } from '../http';
import { expandList, parseFieldSelection, renderIssue } from '../issue-view';
import type { SimIssue } from '../state';
import { jiraTimestamp } from '../time';

const BULK_LIMIT = 100;
/** Fields no edit may set: Jira changes them itself (or through transitions / links). */
const READ_ONLY = new Set(['status', 'statusCategory', 'created', 'updated', 'project', 'issuelinks', 'subtasks', 'resolution', 'resolutiondate']);

function getIssue(ctx: RequestContext): Reply {
  const issue = visibleIssue(ctx.sim.state, ctx.actor, ctx.params['issueIdOrKey'] ?? '');
  if (!issue) throw issueNotFound();
  const sel = parseFieldSelection(listParam(ctx.url, 'fields'), '*all');
  return {
    status: 200,
    body: renderIssue(ctx.sim.state, issue, { ...sel, idsOnly: false }, ctx.baseUrl, {
      viewer: ctx.actor,
      properties: listParam(ctx.url, 'properties'),
      expand: expandList(ctx.url.searchParams.get('expand') ?? undefined),
    }),
  };
}

type Operation = { set?: unknown; add?: unknown; remove?: unknown; edit?: unknown };

function applyOperations(current: unknown, ops: unknown, fieldId: string): unknown {
  if (!Array.isArray(ops)) throw new JiraHttpError(400, [], { [fieldId]: 'Operations must be an array of {set|add|remove}.' });
  let value = current;
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  for (const op of ops as Operation[]) {
    if (op === null || typeof op !== 'object') throw new JiraHttpError(400, [], { [fieldId]: 'Each operation must be an object.' });
    if ('set' in op) value = op.set;
    else if ('add' in op) value = [...(Array.isArray(value) ? value : []), op.add];
    else if ('remove' in op) value = (Array.isArray(value) ? value : []).filter((v) => !same(v, op.remove));
    else if ('edit' in op && typeof op.edit === 'object' && op.edit !== null) {
      // `edit` changes parts of an object value (time tracking's estimates) and keeps the rest.
      value = { ...(typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}), ...(op.edit as object) };
    } else throw new JiraHttpError(400, [], { [fieldId]: 'Only set, add, remove and edit operations are supported by the simulator.' });
  }
  return value;
}

function editIssue(ctx: RequestContext): Reply {
  const { state } = ctx.sim;
  const issue = visibleIssue(state, ctx.actor, ctx.params['issueIdOrKey'] ?? '');
  if (!issue) throw issueNotFound();
  if (!can(ctx.actor, state.projectOf(issue), 'EDIT_ISSUES')) throw forbidden('You do not have permission to edit issues in this project.');
  if (ctx.body === undefined) throw badRequest('The request body is missing.');
  const b = bodyObject(ctx.body);
  const next = new Map<string, unknown>();
  const errors: Record<string, string> = {};
  const fieldsIn = bodyObject(b['fields']);
  const updateIn = bodyObject(b['update']);
  const project = state.projectOf(issue);
  const resolve = (id: string): string | undefined => {
    const def = state.field(id);
    // An app's custom field is read-only on every screen: only the app writes it, through the app field endpoints
    // (platform spec, "Update custom field value": "Only the app that owns the custom field … can update its
    // values"). The security field is on the edit screen only for holders of Set Issue Security (Jira's
    // "Permissions overview": Set Issue Security), so for anyone else it cannot be set, as any field off the screen.
    const settable =
      def !== undefined &&
      !READ_ONLY.has(def.id) &&
      !(state.app !== undefined && state.isAppField(def, state.app)) &&
      (def.id !== 'security' || can(ctx.actor, project, 'SET_ISSUE_SECURITY'));
    if (settable) return def.id;
    errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
    return undefined;
  };
  for (const [id, value] of Object.entries(fieldsIn)) {
    const fieldId = resolve(id);
    if (fieldId !== undefined) next.set(fieldId, value);
  }
  for (const [id, ops] of Object.entries(updateIn)) {
    const fieldId = resolve(id);
    if (fieldId !== undefined) next.set(fieldId, applyOperations(next.has(fieldId) ? next.get(fieldId) : issue.fields[fieldId], ops, id));
  }
  if (next.has('security')) {
    const level = next.get('security') as { id?: unknown } | null;
    if (level !== null && (typeof level !== 'object' || typeof level.id !== 'string' || !state.securityLevels.has(level.id))) {
      errors['security'] = 'Security level is not valid for this project.';
    }
  }
  if (Object.keys(errors).length > 0) throw new JiraHttpError(400, [], errors);
  const items: ChangelogItem[] = [];
  for (const [id, value] of next) {
    const before = issue.fields[id];
    if (JSON.stringify(before) === JSON.stringify(value)) continue;
    items.push(changeItem(id, state.field(id), before, value));
    ctx.sim.searchIndex.recordEdit(issue);
    issue.fields[id] = value;
  }
  setProperties(ctx, issue, b['properties']);
  if (items.length > 0) {
    issue.fields['updated'] = jiraTimestamp(ctx.sim.now());
    ctx.sim.emit(issueUpdated(issue, items, ctx.actor.accountId));
  }
  ctx.sim.changed();
  if (ctx.url.searchParams.get('returnIssue') === 'true') {
    return { status: 200, body: renderIssue(state, issue, parseFieldSelection(undefined, '*all'), ctx.baseUrl, { viewer: ctx.actor }) };
  }
  return { status: 204 };
}

function setProperties(ctx: RequestContext, issue: SimIssue, raw: unknown): void {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) throw badRequest("'properties' must be an array of {key, value}.");
  const props = ctx.sim.state.properties.get(issue.id) ?? new Map<string, unknown>();
  for (const p of raw as Array<{ key?: unknown; value?: unknown }>) {
    if (typeof p?.key !== 'string') throw badRequest("Each property needs a string 'key'.");
    props.set(p.key, p.value);
  }
  ctx.sim.state.properties.set(issue.id, props);
}

function bulkFetch(ctx: RequestContext): Reply {
  const b = bodyObject(ctx.body);
  const ids = stringList(b['issueIdsOrKeys'], 'issueIdsOrKeys');
  if (!ids || ids.length === 0) throw badRequest('No issue IDs or keys were provided.');
  if (ids.length > BULK_LIMIT) throw badRequest(`At most ${BULK_LIMIT} issues can be requested at once; ${ids.length} were requested.`);
  const sel = parseFieldSelection(
    stringList(b['fields'], 'fields')?.flatMap((f) => f.split(',').map((s) => s.trim())),
    '*navigable',
  );
  const options = { viewer: ctx.actor, properties: stringList(b['properties'], 'properties'), expand: expandList(b['expand']) };
  const seen = new Set<string>();
  const found: SimIssue[] = [];
  const issueErrors: Array<{ id: string; errorMessage: string }> = [];
  for (const idOrKey of ids) {
    // Not found or not browsable: silently absent, as the spec says (issueErrors is for retriable errors).
    const issue = visibleIssue(ctx.sim.state, ctx.actor, idOrKey);
    if (!issue || seen.has(issue.id)) continue;
    seen.add(issue.id);
    if (ctx.sim.faults.fetchFails(issue.key)) issueErrors.push({ id: issue.id, errorMessage: 'The issue could not be retrieved. Please try again later.' });
    else found.push(issue);
  }
  found.sort((x, y) => Number(x.id) - Number(y.id));
  const issues = found.map((issue) => renderIssue(ctx.sim.state, issue, { ...sel, idsOnly: false }, ctx.baseUrl, options));
  return { status: 200, body: { issues, issueErrors } };
}

export const issueRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/issue/bulkfetch', handler: bulkFetch },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', handler: getIssue },
  { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}', handler: editIssue },
];

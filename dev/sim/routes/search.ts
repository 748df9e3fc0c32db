/**
 * Search: `POST|GET /rest/api/3/search/jql` (token paging, no total) and
 * `POST /rest/api/3/search/approximate-count`.
 *
 * Page size follows the spec: `maxResults` defaults to 50; up to 5,000 issues come back per page
 * when only `id`/`key` are requested, and at most 100 when any other field is (the API "may return
 * fewer items per page where a large number of fields are requested"). The token encodes the
 * result list it pages through, its offset and a fingerprint of the query; a token from another query is refused with 400.
 */
import { JqlError, runJql } from '../jql';
import { visibleIssue } from '../access';
import { badRequest, bodyObject, intParam, listParam, stringList, type RequestContext, type Reply, type Route } from '../http';
import { expandList, parseFieldSelection, renderIssue } from '../issue-view';

const ID_ONLY_CAP = 5000;
const WITH_FIELDS_CAP = 100;
/** "Accepts max 50 ids" (SearchAndReconcileRequestBean.reconcileIssues). */
const RECONCILE_CAP = 50;

interface SearchInput {
  jql: string;
  nextPageToken: string | undefined;
  maxResults: number;
  fields: string[] | undefined;
  expand: string[] | undefined;
  properties: string[] | undefined;
  /** Issue ids whose latest writes the search must reflect (read-after-write), ≤ 50. */
  reconcile: Set<string>;
}

/** `reconcileIssues`: issue ids (int64), at most 50; anything else is a 400. */
function reconcileIds(raw: unknown[] | undefined): Set<string> {
  if (raw === undefined) return new Set();
  if (raw.length > RECONCILE_CAP) throw badRequest(`The reconcileIssues parameter accepts at most ${RECONCILE_CAP} issue IDs; ${raw.length} were given.`);
  const bad = raw.filter((id) => !(typeof id === 'number' ? Number.isSafeInteger(id) : typeof id === 'string' && /^\d+$/.test(id)));
  if (bad.length > 0) throw badRequest(`The reconcileIssues parameter takes issue IDs (numbers); got ${JSON.stringify(bad[0])}.`);
  return new Set(raw.map((id) => String(id)));
}

function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/**
 * A search's result list, kept for its later pages: an issue re-ranked or edited while someone pages is neither
 * lost nor repeated (issues deleted or hidden meanwhile are skipped). Per simulator, at most MAX_CURSORS, each
 * for CURSOR_TTL_MS.
 */
interface Cursor {
  ids: string[];
  accountId: string;
  at: number;
}
const cursors = new WeakMap<object, Map<string, Cursor>>();
const MAX_CURSORS = 500;
const CURSOR_TTL_MS = 15 * 60_000;
let cursorSeq = 0;

function cursorsOf(sim: object): Map<string, Cursor> {
  let m = cursors.get(sim);
  if (m === undefined) {
    m = new Map();
    cursors.set(sim, m);
  }
  return m;
}

function encodeToken(cursor: string, offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ c: cursor, o: offset, q: fingerprint(jql) })).toString('base64url');
}

function decodeToken(token: string, jql: string): { cursor: string; offset: number } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { c?: unknown; o?: unknown; q?: unknown };
    if (typeof parsed.c === 'string' && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.q === fingerprint(jql)) {
      return { cursor: parsed.c, offset: parsed.o };
    }
  } catch {
    // falls through to the error below
  }
  throw badRequest('The provided next page token is invalid or expired.');
}

/** Runs JQL for the acting user against the search index (lagging recent writes but `reconcile`), turning a JqlError into Jira's 400. */
export function runJqlOr400(ctx: RequestContext, jql: string, reconcile: ReadonlySet<string> = new Set()): ReturnType<typeof runJql> {
  try {
    return runJql(ctx.sim.state, ctx.actor, jql, ctx.sim.now(), { requireBounded: true, index: ctx.sim.searchIndex.view(reconcile) });
  } catch (e) {
    if (e instanceof JqlError) throw badRequest(e.message);
    throw e;
  }
}

function search(ctx: RequestContext, input: SearchInput): Reply {
  const sel = parseFieldSelection(input.fields, 'id');
  const cap = sel.idsOnly ? ID_ONLY_CAP : WITH_FIELDS_CAP;
  if (input.maxResults < 1) throw badRequest('The maxResults parameter must be greater than 0.');
  const pageSize = Math.min(input.maxResults, cap);
  const open = cursorsOf(ctx.sim);
  const now = Date.now();
  let cursorId: string;
  let offset = 0;
  let ids: string[];
  if (input.nextPageToken === undefined) {
    ids = runJqlOr400(ctx, input.jql, input.reconcile).map((i) => i.id);
    cursorId = `${++cursorSeq}`;
  } else {
    const t = decodeToken(input.nextPageToken, input.jql);
    const kept = open.get(t.cursor);
    if (kept === undefined || kept.accountId !== ctx.actor.accountId || now - kept.at > CURSOR_TTL_MS)
      throw badRequest('The provided next page token is invalid or expired.');
    ({ ids } = kept);
    cursorId = t.cursor;
    offset = t.offset;
  }
  const slice = ids.slice(offset, offset + pageSize);
  // Issues deleted or hidden since the first page are left out, as Jira does.
  const page = slice.map((id) => visibleIssue(ctx.sim.state, ctx.actor, id)).filter((i): i is NonNullable<typeof i> => i !== undefined);
  const issues = page.map((issue) =>
    renderIssue(ctx.sim.state, issue, sel, ctx.baseUrl, { viewer: ctx.actor, properties: input.properties, expand: input.expand }),
  );
  const isLast = offset + pageSize >= ids.length;
  const body: Record<string, unknown> = { issues, isLast };
  if (!isLast) {
    open.set(cursorId, { ids, accountId: ctx.actor.accountId, at: open.get(cursorId)?.at ?? now });
    while (open.size > MAX_CURSORS) open.delete(open.keys().next().value as string);
    body['nextPageToken'] = encodeToken(cursorId, offset + pageSize, input.jql);
  }
  if (input.expand?.includes('names')) {
    body['names'] = Object.assign({}, ...issues.map((i) => (i['names'] as Record<string, string> | undefined) ?? {})) as Record<string, string>;
    for (const i of issues) delete i['names'];
  }
  return { status: 200, body };
}

function searchPost(ctx: RequestContext): Reply {
  const b = bodyObject(ctx.body);
  if (typeof b['jql'] !== 'string') throw badRequest("The 'jql' property is required.");
  const token = b['nextPageToken'];
  if (token !== undefined && token !== null && typeof token !== 'string') throw badRequest("'nextPageToken' must be a string.");
  return search(ctx, {
    jql: b['jql'],
    nextPageToken: typeof token === 'string' ? token : undefined,
    maxResults: intParam(b['maxResults'], 'maxResults', 50),
    fields: stringList(b['fields'], 'fields')?.flatMap((f) => f.split(',').map((s) => s.trim())),
    expand: expandList(b['expand']),
    properties: stringList(b['properties'], 'properties'),
    reconcile: reconcileIds(optionalArray(b['reconcileIssues'])),
  });
}

function optionalArray(raw: unknown): unknown[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw badRequest("'reconcileIssues' must be an array of issue IDs.");
  return raw;
}

function searchGet(ctx: RequestContext): Reply {
  const q = ctx.url.searchParams;
  const jql = q.get('jql');
  if (jql === null) throw badRequest("The 'jql' parameter is required.");
  return search(ctx, {
    jql,
    nextPageToken: q.get('nextPageToken') ?? undefined,
    maxResults: intParam(q.get('maxResults'), 'maxResults', 50),
    fields: listParam(ctx.url, 'fields'),
    expand: expandList(q.get('expand') ?? undefined),
    properties: listParam(ctx.url, 'properties'),
    reconcile: reconcileIds(listParam(ctx.url, 'reconcileIssues')),
  });
}

function approximateCount(ctx: RequestContext): Reply {
  const b = bodyObject(ctx.body);
  if (typeof b['jql'] !== 'string') throw badRequest("The 'jql' property is required.");
  return { status: 200, body: { count: runJqlOr400(ctx, b['jql']).length } };
}

export const searchRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/search/jql', handler: searchPost },
  { method: 'GET', template: '/rest/api/3/search/jql', handler: searchGet },
  { method: 'POST', template: '/rest/api/3/search/approximate-count', handler: approximateCount },
];

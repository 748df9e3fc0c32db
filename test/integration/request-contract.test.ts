import type { RecordedExchange } from '../../dev/sim/server';
import { check, componentSchema, queryParameters, requestSchema, responseSchema } from '../dev/sim/openapi-schema';
import { invoke, PERSONAS, projectPage, startDemo } from './harness';

/**
 * Every request the app makes to Jira, and every reply it gets, recorded at the simulator during real flows, is
 * checked against Atlassian's OpenAPI specs (the repository's cut, test/contract/openapi): requests against the
 * request schema and query parameters, replies against the response schema of their status in strict mode (no
 * property the schema does not name, even where the spec leaves `additionalProperties` out).
 */
const AGILE = new Set(['/rest/agile/1.0/issue/rank', '/rest/agile/1.0/board', '/rest/agile/1.0/board/{boardId}', '/rest/agile/1.0/board/{boardId}/sprint']);
const specOf = (template: string): 'agile' | 'platform' => (AGILE.has(template) ? 'agile' : 'platform');

/**
 * The open maps of the specs these replies rely on, each declared by the spec itself (`additionalProperties` set):
 * - IssueBean.fields: an issue's fields, keyed by field id (system and custom fields); the system fields the app
 *   reads are checked below against their own component schemas.
 * - Permissions.permissions: `mypermissions` answers, keyed by permission key.
 * StatusDetails, StatusCategory, Priority and UserPermission are open in the spec too, but the simulator sends only
 * the properties they name, so they are not listed.
 */
const ALLOWED_OPEN_MAPS = new Set(['IssueBean.fields', 'Permissions.permissions']);

/** System fields inside `IssueBean.fields` whose value has a component schema in the platform spec. */
const FIELD_SCHEMAS: Record<string, { component: string; array?: true; oneSided?: true }> = {
  // IssueLink serves requests too, where it needs both ends; in an issue's view each link names the other end only.
  issuelinks: { component: 'IssueLink', array: true, oneSided: true },
  issuetype: { component: 'IssueTypeDetails' },
  status: { component: 'StatusDetails' },
  priority: { component: 'Priority' },
  security: { component: 'SecurityLevel' },
  project: { component: 'ProjectDetails' },
};

/**
 * `GET /rest/agile/1.0/board/{boardId}/sprint` has only an example in the spec; its values are the SprintBean
 * of `GET /rest/agile/1.0/sprint/{sprintId}`, in the agile paging envelope the board list declares.
 */
function sprintPageSchema(): { root: Record<string, unknown>; schema: Record<string, unknown> } {
  const { root, schema } = componentSchema('agile', 'SprintBean');
  return {
    root,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        isLast: { type: 'boolean' },
        maxResults: { type: 'integer' },
        startAt: { type: 'integer' },
        total: { type: 'integer' },
        values: { type: 'array', items: schema },
      },
    },
  };
}

function replyProblems(r: RecordedExchange, openMaps: Set<string>): string[] {
  const where = `${r.method} ${r.template} → ${r.status}`;
  if (r.status === 204) return r.response === undefined ? [] : [`${where}: a 204 with a body`];
  let target: { root: Record<string, unknown>; schema: Record<string, unknown> };
  try {
    target =
      r.template === '/rest/agile/1.0/board/{boardId}/sprint' && r.status === 200
        ? sprintPageSchema()
        : responseSchema(specOf(r.template), r.method, r.template, String(r.status));
  } catch (e) {
    // Most error statuses carry no schema in the spec; Jira answers them as an ErrorCollection.
    if (r.status < 400) return [`${where}: ${(e as Error).message}`];
    target = componentSchema('platform', 'ErrorCollection');
  }
  // The spec types the remote-link list as one RemoteIssueLink (the answer with `globalId`); its own example, and
  // Jira, answer the list as an array of them.
  const listOfOne = r.template === '/rest/api/3/issue/{issueIdOrKey}/remotelink' && Array.isArray(r.response);
  const schema = listOfOne ? { type: 'array', items: target.schema } : target.schema;
  const problems = check(target.root, schema, r.response, '$', { strict: true, openMaps }).map((p) => `${where}: ${p}`);
  const issues = issuesIn(r.response);
  issues.forEach((issue, i) => {
    for (const [fieldId, value] of Object.entries(issue.fields ?? {})) {
      const known = FIELD_SCHEMAS[fieldId];
      if (known === undefined || value === null || value === undefined) continue;
      const { root, schema } = componentSchema('platform', known.component);
      const s = known.array ? { type: 'array', items: schema } : schema;
      problems.push(
        ...check(root, s, value, `issues[${i}].fields.${fieldId}`, { strict: true, openMaps, ...(known.oneSided ? { required: false } : {}) }).map(
          (p) => `${where}: ${p}`,
        ),
      );
    }
  });
  return problems;
}

function issuesIn(body: unknown): { fields?: Record<string, unknown> }[] {
  if (typeof body !== 'object' || body === null) return [];
  const b = body as { issues?: unknown; fields?: unknown };
  if (Array.isArray(b.issues)) return b.issues as { fields?: Record<string, unknown> }[];
  return typeof b.fields === 'object' && b.fields !== null ? [b as { fields: Record<string, unknown> }] : [];
}

describe('the app and the simulated Jira speak the Jira OpenAPI specs', () => {
  const seen: RecordedExchange[] = [];

  beforeAll(async () => {
    const preview = await startDemo();
    preview.sim.onRequest((r) => seen.push(r));
    try {
      const po = { accountId: PERSONAS.productOwner.accountId, ...projectPage('PAY') };
      const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 5 }, po);
      await invoke(
        preview.url,
        'explainIssue',
        { issueKey: backlog.data.items[1].key },
        { ...po, moduleKey: 'valuerank-issue-panel', extension: { project: { key: 'PAY' }, issue: { key: backlog.data.items[1].key } } },
      );
      await invoke(preview.url, 'getRoadmap', { projectKey: 'PAY' }, po);
      await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, po);
      await invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: backlog.data.items[3].key, position: 1 }, po);
      const plan = await invoke(preview.url, 'planRankSync', { projectKey: 'PAY' }, po);
      await invoke(preview.url, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, po);
      await invoke(preview.url, 'listFields', {}, { accountId: PERSONAS.admin.accountId, moduleKey: 'valuerank-admin-page', extension: {} });
      await invoke(preview.url, 'planSprint', { projectKey: 'PAY' }, po);
      await fetch(`${preview.url}/__forge/scheduled/daily-recompute`, { method: 'POST' });
      for (let i = 0; i < 400; i++) {
        const q = (await (await fetch(`${preview.url}/__forge/queue`)).json()) as { pending: number; running: number };
        if (q.pending === 0 && q.running === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await preview.close();
    }
  }, 120_000);

  it('the flows reach every endpoint the app uses', () => {
    const templates = new Set(seen.map((r) => `${r.method} ${r.template}`));
    for (const t of [
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/issue/bulkfetch',
      'GET /rest/api/3/field',
      'GET /rest/api/3/mypermissions',
      'GET /rest/api/3/project/search',
      'GET /rest/api/3/issue/{issueIdOrKey}/remotelink',
      'GET /rest/agile/1.0/board',
      'GET /rest/agile/1.0/board/{boardId}/sprint',
      'PUT /rest/agile/1.0/issue/rank',
      'POST /rest/api/3/app/field/value',
    ]) {
      expect(templates).toContain(t);
    }
  });

  it('every request matches its request schema and query parameters', () => {
    const problems: string[] = [];
    for (const r of seen) {
      const which = specOf(r.template);
      for (const name of r.query.keys()) {
        if (!queryParameters(which, r.method, r.template).includes(name)) problems.push(`${r.method} ${r.template}: unknown query parameter ${name}`);
      }
      const schema = requestSchema(which, r.method, r.template);
      if (schema === null) {
        if (r.body !== undefined && r.body !== null && JSON.stringify(r.body) !== '{}')
          problems.push(`${r.method} ${r.template}: sends a body the spec does not take`);
        continue;
      }
      for (const p of check(schema.root, schema.schema, r.body)) problems.push(`${r.method} ${r.template}: ${p}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('every reply carries only what its response schema defines, with no invented property', () => {
    const openMaps = new Set<string>();
    // One line per kind of problem: indices are left out.
    const problems = seen.flatMap((r) => replyProblems(r, openMaps)).map((p) => p.replace(/\[\d+\]/g, '[]'));
    expect([...new Set(problems)]).toEqual([]);
    expect([...openMaps].sort()).toEqual([...ALLOWED_OPEN_MAPS].sort());
  });
});

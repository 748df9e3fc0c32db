import { check, queryParameters, requestSchema } from '../dev/sim/openapi-schema';
import { invoke, PERSONAS, projectPage, startDemo } from './harness';

/**
 * Every request the app makes to Jira, recorded at the simulator during real flows, is checked against the
 * request schema and query parameters of Atlassian's OpenAPI specs (the repository's cut, test/contract/openapi).
 */
const AGILE = new Set(['/rest/agile/1.0/issue/rank', '/rest/agile/1.0/board', '/rest/agile/1.0/board/{boardId}/sprint']);

describe('requests the app sends match the Jira OpenAPI specs', () => {
  it('covers backlog, explain, roadmap, config, pins, rank sync and the background recompute', async () => {
    const preview = await startDemo();
    const seen: { method: string; template: string; query: URLSearchParams; body: unknown }[] = [];
    preview.sim.onRequest((r) => seen.push(r));
    try {
      const po = { accountId: PERSONAS.productOwner.accountId, ...projectPage('PAY') };
      const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 5 }, po);
      await invoke(preview.url, 'explainIssue', { issueKey: backlog.data.items[1].key }, { ...po, moduleKey: 'valuerank-issue-panel', extension: { project: { key: 'PAY' }, issue: { key: backlog.data.items[1].key } } });
      await invoke(preview.url, 'getRoadmap', { projectKey: 'PAY' }, po);
      await invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: backlog.data.items[3].key, position: 1 }, po);
      const plan = await invoke(preview.url, 'planRankSync', { projectKey: 'PAY' }, po);
      await invoke(preview.url, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, po);
      await invoke(preview.url, 'listFields', {}, { accountId: PERSONAS.admin.accountId, moduleKey: 'valuerank-admin-page', extension: {} });
      await fetch(`${preview.url}/__forge/scheduled/daily-recompute`, { method: 'POST' });
      for (let i = 0; i < 400; i++) {
        const q = (await (await fetch(`${preview.url}/__forge/queue`)).json()) as { pending: number; running: number };
        if (q.pending === 0 && q.running === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await preview.close();
    }
    const templates = new Set(seen.map((r) => `${r.method} ${r.template}`));
    // The flows above reach every endpoint the app uses.
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
    const problems: string[] = [];
    for (const r of seen) {
      const which = AGILE.has(r.template) ? 'agile' : 'platform';
      for (const name of r.query.keys()) {
        if (!queryParameters(which, r.method, r.template).includes(name)) problems.push(`${r.method} ${r.template}: unknown query parameter ${name}`);
      }
      const schema = requestSchema(which, r.method, r.template);
      if (schema === null) {
        if (r.body !== undefined && r.body !== null && JSON.stringify(r.body) !== '{}') problems.push(`${r.method} ${r.template}: sends a body the spec does not take`);
        continue;
      }
      for (const p of check(schema.root, schema.schema, r.body)) problems.push(`${r.method} ${r.template}: ${p}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  }, 120_000);
});

import { requestExample } from './openapi-schema';
import { aSeed, anIssue, startSim, type RunningSim } from './helpers';

/**
 * Atlassian's own example request bodies (the `example` of each operation in the OpenAPI specs) are accepted by
 * the simulator: a site that holds the issues and projects the examples name answers each with success.
 */
describe('Atlassian example requests', () => {
  let sim: RunningSim;
  beforeAll(async () => {
    const issues = ['PR-1', 'PR-2', 'PR-3', 'PR-4', 'EX-1', 'EX-2', 'HSP-1', 'MKY-1'].map((key) => anIssue({ key }));
    const seed = aSeed(issues, {
      projects: ['PR', 'EX', 'HSP', 'MKY'].map((key, i) => ({ key, id: String(10100 + i), name: key, projectTypeKey: 'software' })),
      fields: [
        { id: 'customfield_10000', name: 'Notes', custom: true, schema: { type: 'any', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea' } },
        { id: 'customfield_10010', name: 'Count', custom: true, schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' } },
        { id: 'timetracking', name: 'Time tracking', custom: false, schema: { type: 'timetracking', system: 'timetracking' } },
        { id: 'components', name: 'Components', custom: false, schema: { type: 'array', items: 'component', system: 'components' } },
      ],
      issueLinkTypes: [{ id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' }],
    });
    sim = await startSim({ seed });
  });
  afterAll(() => sim.close());

  it.each([
    ['agile.rankIssues', 'PUT', '/rest/agile/1.0/issue/rank', '/rest/agile/1.0/issue/rank'],
    ['platform.bulkFetchIssues', 'POST', '/rest/api/3/issue/bulkfetch', '/rest/api/3/issue/bulkfetch'],
    ['platform.countIssues', 'POST', '/rest/api/3/search/approximate-count', '/rest/api/3/search/approximate-count'],
    ['platform.editIssue', 'PUT', '/rest/api/3/issue/{issueIdOrKey}', '/rest/api/3/issue/PR-1'],
    ['platform.getBulkPermissions', 'POST', '/rest/api/3/permissions/check', '/rest/api/3/permissions/check'],
    ['platform.linkIssues', 'POST', '/rest/api/3/issueLink', '/rest/api/3/issueLink'],
  ] as const)('accepts %s', async (name, method, template, path) => {
    const body = requestExample(name.startsWith('agile.') ? 'agile' : 'platform', method, template);
    // The example checks another user's permissions; that user must exist on the site.
    if (name === 'platform.getBulkPermissions') delete body['accountId'];
    const res = await sim.call(method, path, body);
    expect({ name, status: res.status, body: res.status >= 300 ? res.body : undefined }).toEqual({ name, status: expect.any(Number), body: undefined });
    expect(res.status).toBeLessThan(300);
  });
});

import { check, checkResponse, componentSchema, exampleOf } from './openapi-schema';
import { aSeed, anIssue, ALICE, startSim, type RunningSim } from './helpers';

/**
 * Every simulator endpoint answers with only the properties Atlassian's response schema names (strict mode: a
 * schema that leaves `additionalProperties` out is closed too). Open maps the spec declares pass: IssueBean.fields
 * (field values by id), Permissions.permissions (by permission key).
 */
describe('simulator replies in strict mode', () => {
  let s: RunningSim;
  beforeAll(async () => {
    const issues = [
      anIssue({ key: 'PRJ-1', links: [{ id: '20001', type: { name: 'Blocks' }, outwardIssue: { key: 'PRJ-2' } }] }),
      anIssue({ key: 'PRJ-2' }),
      anIssue({ key: 'SEC-1' }),
    ];
    s = await startSim({
      seed: aSeed(issues, {
        remoteLinks: {
          'PRJ-1': [
            {
              id: 10000,
              globalId: 'system=https://support.example.com&id=1',
              application: { type: 'com.acme.support', name: 'Support' },
              object: { url: 'https://support.example.com/1', title: 'T-1' },
            },
          ],
        },
        boards: [{ id: 1, name: 'PRJ board', type: 'scrum', location: { projectKey: 'PRJ' } }],
      }),
    });
  });
  afterAll(() => s.close());

  it.each([
    ['platform', 'GET', '/rest/api/3/issue/PRJ-1', '/rest/api/3/issue/{issueIdOrKey}', undefined],
    ['platform', 'POST', '/rest/api/3/search/jql', '/rest/api/3/search/jql', { jql: 'project = PRJ', fields: ['*all'], expand: 'names' }],
    ['platform', 'POST', '/rest/api/3/issue/bulkfetch', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['PRJ-1', 'PRJ-2'], fields: ['*all'] }],
    ['platform', 'GET', '/rest/api/3/field', '/rest/api/3/field', undefined],
    ['platform', 'GET', '/rest/api/3/myself', '/rest/api/3/myself', undefined],
    ['platform', 'GET', `/rest/api/3/user/bulk?accountId=${ALICE}&accountId=nobody&maxResults=5`, '/rest/api/3/user/bulk', undefined],
    ['platform', 'GET', '/rest/api/3/issueLinkType', '/rest/api/3/issueLinkType', undefined],
    ['platform', 'GET', '/rest/api/3/issueLink/20001', '/rest/api/3/issueLink/{linkId}', undefined],
    ['platform', 'GET', '/rest/api/3/project/search?typeKey=software', '/rest/api/3/project/search', undefined],
    ['platform', 'GET', '/rest/api/3/project/PRJ', '/rest/api/3/project/{projectIdOrKey}', undefined],
    ['platform', 'GET', '/rest/api/3/mypermissions?projectKey=PRJ&permissions=BROWSE_PROJECTS', '/rest/api/3/mypermissions', undefined],
    [
      'platform',
      'POST',
      '/rest/api/3/permissions/check',
      '/rest/api/3/permissions/check',
      { globalPermissions: ['ADMINISTER'], projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000] }] },
    ],
    ['platform', 'POST', '/rest/api/3/search/approximate-count', '/rest/api/3/search/approximate-count', { jql: 'project = PRJ' }],
    ['platform', 'POST', '/rest/api/3/jql/match', '/rest/api/3/jql/match', { issueIds: [10001, 10002, 99999], jqls: ['project = PRJ', 'project = ('] }],
    ['agile', 'GET', '/rest/agile/1.0/board?projectKeyOrId=PRJ', '/rest/agile/1.0/board', undefined],
    ['agile', 'GET', '/rest/agile/1.0/board/1', '/rest/agile/1.0/board/{boardId}', undefined],
  ] as const)('%s %s %s', async (which, method, path, template, body) => {
    const res = await s.call(method, path, body, ALICE);
    const problems = checkResponse(which, method, template, String(res.status), res.body, { strict: true });
    expect({ status: res.status, problems }).toEqual({ status: res.status, problems: [] });
  });

  it("PUT /rest/agile/1.0/issue/rank answers a partial failure with only the properties of the spec's 207 example", async () => {
    // The spec gives this reply as an example only: its entries name issueId, issueKey, status and errors.
    const example = JSON.parse(String(exampleOf('agile', 'PUT', '/rest/agile/1.0/issue/rank', '207'))) as { entries: Record<string, unknown>[] };
    const allowed = new Set(example.entries.flatMap((e) => Object.keys(e)));
    s.sim.faults.failRank(['PRJ-2']);
    try {
      const res = await s.call('PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-2'], rankBeforeIssue: 'PRJ-1' }, ALICE);
      expect(res.status).toBe(207);
      expect(Object.keys(res.body)).toEqual(['entries']);
      expect((res.body.entries as Record<string, unknown>[]).flatMap((e) => Object.keys(e)).filter((k) => !allowed.has(k))).toEqual([]);
    } finally {
      s.sim.faults.failRank([]);
    }
  });

  it("answers errors in Jira's ErrorCollection shape", async () => {
    const res = await s.call('GET', '/rest/api/3/issue/NOPE-1', undefined, ALICE);
    expect(res.status).toBe(404);
    const { root, schema } = componentSchema('platform', 'ErrorCollection');
    expect(check(root, schema, res.body, '$', { strict: true })).toEqual([]);
  });

  it('GET /rest/api/3/issue/{issueIdOrKey}/remotelink answers an array of RemoteIssueLink', async () => {
    const res = await s.call('GET', '/rest/api/3/issue/PRJ-1/remotelink', undefined, ALICE);
    expect(res.body).toHaveLength(1);
    for (const link of res.body as unknown[])
      expect(checkResponse('platform', 'GET', '/rest/api/3/issue/{issueIdOrKey}/remotelink', '200', link, { strict: true })).toEqual([]);
  });
});

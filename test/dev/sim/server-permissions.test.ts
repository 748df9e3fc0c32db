import { checkResponse } from './openapi-schema';
import { ADMIN, ALICE, aSeed, anIssue, BOB, startSim, type RunningSim } from './helpers';

let s: RunningSim;

beforeAll(async () => {
  s = await startSim({
    seed: aSeed([anIssue({ key: 'PRJ-1' }), anIssue({ key: 'PRJ-2' }), anIssue({ key: 'SEC-1' }), anIssue({ key: 'SEC-2' })], {
      remoteLinks: { 'SEC-1': [{ id: 1, object: { url: 'https://support.example/1', title: 'T-1' } }] },
    }),
  });
});
afterAll(() => s.close());

describe('per-user permissions', () => {
  it('a user without browse on SEC sees nothing of it in search', async () => {
    const res = await s.call('POST', '/rest/api/3/search/jql', { jql: 'statusCategory != Done', fields: ['key'] }, ALICE);
    expect(res.body.issues.map((i: { key: string }) => i.key).sort()).toEqual(['PRJ-1', 'PRJ-2']);
    const bob = await s.call('POST', '/rest/api/3/search/jql', { jql: 'statusCategory != Done', fields: ['key'] }, BOB);
    expect(bob.body.issues).toHaveLength(4);
  });

  it('JQL naming SEC is a 400 for that user, as if the project did not exist', async () => {
    const res = await s.call('POST', '/rest/api/3/search/jql', { jql: 'project = SEC' }, ALICE);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: ["The value 'SEC' does not exist for the field 'project'."], errors: {} });
  });

  it('issues, remote links, bulkfetch: SEC does not exist for that user', async () => {
    expect((await s.call('GET', '/rest/api/3/issue/SEC-1', undefined, ALICE)).status).toBe(404);
    expect((await s.call('GET', '/rest/api/3/issue/SEC-1/remotelink', undefined, ALICE)).status).toBe(404);
    const remote = await s.call('GET', '/rest/api/3/issue/SEC-1/remotelink', undefined, BOB);
    expect(remote.body).toEqual([expect.objectContaining({ id: 1, object: expect.objectContaining({ url: 'https://support.example/1' }) })]);
    const bulk = await s.call('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['SEC-1', 'PRJ-1'] }, ALICE);
    expect(bulk.body.issues.map((i: { key: string }) => i.key)).toEqual(['PRJ-1']);
  });

  it('mypermissions: 404 for a project the user cannot see, the permissions otherwise', async () => {
    const hidden = await s.call('GET', '/rest/api/3/mypermissions?projectKey=SEC&permissions=BROWSE_PROJECTS', undefined, ALICE);
    expect(hidden.status).toBe(404);
    expect((await s.call('GET', '/rest/api/3/mypermissions?projectKey=NOPE&permissions=BROWSE_PROJECTS', undefined, ALICE)).status).toBe(404);
    const own = await s.call(
      'GET',
      '/rest/api/3/mypermissions?projectKey=PRJ&permissions=BROWSE_PROJECTS,SCHEDULE_ISSUES,ADMINISTER_PROJECTS,ADMINISTER',
      undefined,
      ALICE,
    );
    expect(own.status).toBe(200);
    const have = Object.fromEntries(Object.entries(own.body.permissions as Record<string, { havePermission: boolean }>).map(([k, v]) => [k, v.havePermission]));
    expect(have).toEqual({ BROWSE_PROJECTS: true, SCHEDULE_ISSUES: true, ADMINISTER_PROJECTS: false, ADMINISTER: false });
    const bad = await s.call('GET', '/rest/api/3/mypermissions?projectKey=PRJ&permissions=FLY', undefined, ALICE);
    expect(bad.status).toBe(400);
    expect(checkResponse('platform', 'GET', '/rest/api/3/mypermissions', '200', own.body)).toEqual([]);
  });

  it('permissions/check lists the projects and issues the user holds a permission for', async () => {
    const res = await s.call(
      'POST',
      '/rest/api/3/permissions/check',
      {
        globalPermissions: ['ADMINISTER'],
        projectPermissions: [{ permissions: ['SCHEDULE_ISSUES', 'BROWSE_PROJECTS'], projects: [10000, 10001], issues: [] }],
      },
      BOB,
    );
    expect(res.body).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'SCHEDULE_ISSUES', projects: [], issues: [] },
        { permission: 'BROWSE_PROJECTS', projects: [10000, 10001], issues: [] },
      ],
    });
    const admin = await s.call('POST', '/rest/api/3/permissions/check', { globalPermissions: ['ADMINISTER'] }, ADMIN);
    expect(admin.body.globalPermissions).toEqual(['ADMINISTER']);
    expect((await s.call('POST', '/rest/api/3/permissions/check', { accountId: ADMIN }, BOB)).status).toBe(403);
    expect(checkResponse('platform', 'POST', '/rest/api/3/permissions/check', '200', res.body)).toEqual([]);
  });

  it('myself names the acting user; an unknown account is not authenticated', async () => {
    expect((await s.call('GET', '/rest/api/3/myself', undefined, ALICE)).body).toMatchObject({ accountId: ALICE, displayName: 'Alice' });
    expect((await s.call('GET', '/rest/api/3/myself')).body).toMatchObject({ accountId: ADMIN });
    expect((await s.call('GET', '/rest/api/3/myself', undefined, 'acc-stranger')).status).toBe(401);
  });
});

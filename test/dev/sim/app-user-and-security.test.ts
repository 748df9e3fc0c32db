import { check, checkResponse, componentSchema } from './openapi-schema';
import { aSeed, anIssue, ALICE, BOB, startSim, type RunningSim } from './helpers';

/** What `asApp()` reaches: the local Forge runtime marks app requests with this header. */
async function asApp(s: RunningSim, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(s.url + path, {
    method,
    headers: { 'x-sim-principal': 'app', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

const APP = 'app-valuerank-test';
const CONFIDENTIAL = { id: '10100', name: 'Confidential', description: 'Leadership only', members: [ALICE] };

function site(extra: Record<string, unknown> = {}) {
  return aSeed(
    [
      anIssue({ key: 'PRJ-1', links: [{ id: '30001', type: { name: 'Blocks' }, outwardIssue: { key: 'PRJ-2' } }] }),
      anIssue({ key: 'PRJ-2', extra: { security: { id: '10100' } } }),
      anIssue({ key: 'PRJ-3' }),
      anIssue({ key: 'SEC-1' }),
    ],
    {
      securityLevels: [CONFIDENTIAL],
      remoteLinks: { 'PRJ-2': [{ id: 1, globalId: 'g-1', object: { url: 'https://support.example.com/1', title: 'T-1' } }] },
      ...extra,
    },
  );
}

describe('the app user (asApp)', () => {
  it('is its own user of account type app, not a site admin', async () => {
    const s = await startSim({ seed: site() });
    try {
      const me = await asApp(s, 'GET', '/rest/api/3/myself');
      expect(me.body).toMatchObject({ accountType: 'app', accountId: '630000:valuerank-app' });
      const perms = await asApp(s, 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER');
      expect(perms.body.permissions.ADMINISTER.havePermission).toBe(false);
      // By default it browses every project, as the add-ons project-access role lets it.
      const projects = await asApp(s, 'GET', '/rest/api/3/project/search');
      expect(projects.body.values.map((p: { key: string }) => p.key)).toEqual(['PRJ', 'SEC']);
    } finally {
      await s.close();
    }
  });

  it('has only the project permissions the seed grants it', async () => {
    const s = await startSim({ seed: site({ app: { accountId: APP, permissions: { PRJ: ['BROWSE_PROJECTS'] } } }) });
    try {
      expect((await asApp(s, 'GET', '/rest/api/3/myself')).body.accountId).toBe(APP);
      const sec = await asApp(s, 'POST', '/rest/api/3/search/jql', { jql: 'project = SEC' });
      expect(sec.status).toBe(400);
      expect(sec.body.errorMessages).toEqual(["The value 'SEC' does not exist for the field 'project'."]);
      expect((await asApp(s, 'GET', '/rest/api/3/issue/SEC-1')).status).toBe(404);
      const rank = await asApp(s, 'PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-3'], rankBeforeIssue: 'PRJ-1' });
      expect(rank.status).toBe(403);
    } finally {
      await s.close();
    }
  });

  it('refuses a seed whose app permissions or security levels name what does not exist', async () => {
    await expect(startSim({ seed: site({ app: { accountId: APP, permissions: { NOPE: ['BROWSE_PROJECTS'] } } }) })).rejects.toThrow(
      'app.permissions.NOPE: unknown project',
    );
    await expect(startSim({ seed: site({ securityLevels: [{ ...CONFIDENTIAL, members: ['ghost'] }] }) })).rejects.toThrow(
      'securityLevels[0].members[0]: unknown user',
    );
    await expect(startSim({ seed: site({ securityLevels: [] }) })).rejects.toThrow("issues[1].fields.security.id: unknown security level '10100'");
  });

  it('may be a member of a security level by its default account id, when the seed names no app', async () => {
    const s = await startSim({ seed: site({ securityLevels: [{ ...CONFIDENTIAL, members: [ALICE, '630000:valuerank-app'] }] }) });
    try {
      expect((await asApp(s, 'GET', '/rest/api/3/issue/PRJ-2?fields=summary')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('issue security levels', () => {
  let s: RunningSim;
  beforeAll(async () => {
    s = await startSim({ seed: site() });
  });
  afterAll(() => s.close());

  it('hide the issue from search, count, bulkfetch and GET for everyone outside the level, the app included', async () => {
    const keys = async (who: string | 'app') => {
      const body = { jql: 'project = PRJ ORDER BY key ASC', fields: ['key'] };
      const res = who === 'app' ? await asApp(s, 'POST', '/rest/api/3/search/jql', body) : await s.call('POST', '/rest/api/3/search/jql', body, who);
      return res.body.issues.map((i: { key: string }) => i.key);
    };
    expect(await keys(ALICE)).toEqual(['PRJ-1', 'PRJ-2', 'PRJ-3']);
    expect(await keys(BOB)).toEqual(['PRJ-1', 'PRJ-3']);
    expect(await keys('app')).toEqual(['PRJ-1', 'PRJ-3']);
    expect((await s.call('POST', '/rest/api/3/search/approximate-count', { jql: 'project = PRJ' }, BOB)).body).toEqual({ count: 2 });
    const bulk = await asApp(s, 'POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['PRJ-1', 'PRJ-2'], fields: ['summary'] });
    expect(bulk.body.issues.map((i: { key: string }) => i.key)).toEqual(['PRJ-1']);
    expect((await s.call('GET', '/rest/api/3/issue/PRJ-2', undefined, BOB)).status).toBe(404);
    expect((await s.call('GET', '/rest/api/3/issue/PRJ-2', undefined, ALICE)).status).toBe(200);
    expect((await s.call('POST', '/rest/api/3/search/jql', { jql: 'key = PRJ-2' }, BOB)).status).toBe(400);
  });

  it('leave links to the hidden issue out of other issues, and hide its remote links, link and permissions', async () => {
    const links = async (who: string) => (await s.call('GET', '/rest/api/3/issue/PRJ-1?fields=issuelinks', undefined, who)).body.fields.issuelinks;
    expect(await links(ALICE)).toHaveLength(1);
    expect(await links(BOB)).toEqual([]);
    expect((await s.call('GET', '/rest/api/3/issue/PRJ-2/remotelink', undefined, BOB)).status).toBe(404);
    expect((await s.call('GET', '/rest/api/3/issueLink/30001', undefined, BOB)).status).toBe(404);
    expect((await s.call('GET', '/rest/api/3/mypermissions?issueKey=PRJ-2&permissions=BROWSE_PROJECTS', undefined, BOB)).status).toBe(404);
  });

  it('refuse rank moves and app field writes on the hidden issue', async () => {
    const rank = await asApp(s, 'PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-2', 'PRJ-3'], rankBeforeIssue: 'PRJ-1' });
    expect(rank.status).toBe(207);
    expect(rank.body.entries.map((e: { issueKey: string; status: number }) => [e.issueKey, e.status])).toEqual([
      ['PRJ-2', 404],
      ['PRJ-3', 200],
    ]);
    expect((await asApp(s, 'PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-3'], rankAfterIssue: 'PRJ-2' })).status).toBe(400);
    const fields = (await s.call('GET', '/rest/api/3/field')).body as { id: string; name: string }[];
    const score = fields.find((f) => f.name === 'Value score')!;
    const issueId = (await s.call('GET', '/rest/api/3/issue/PRJ-2', undefined, ALICE)).body.id;
    const write = await asApp(s, 'POST', '/rest/api/3/app/field/value', { updates: [{ customField: score.id, issueIds: [Number(issueId)], value: 5 }] });
    expect(write.status).toBe(404);
  });

  it('can be set by an edit only with Set Issue Security, and only to a level that exists', async () => {
    const put = (body: unknown, who?: string) => s.call('PUT', '/rest/api/3/issue/PRJ-3', body, who);
    // Alice may edit issues but lacks Set Issue Security: the field is not on her screen.
    expect((await put({ fields: { security: { id: '10100' } } }, ALICE)).status).toBe(400);
    expect((await put({ fields: { security: { id: '999' } } })).status).toBe(400);
    expect((await s.call('GET', '/rest/api/3/issue/PRJ-3?fields=security', undefined, BOB)).status).toBe(200);
  });

  it("refuse an edit of the app's own field through the issue, even by a site admin", async () => {
    const score = ((await s.call('GET', '/rest/api/3/field')).body as { id: string; name: string }[]).find((f) => f.name === 'Value score')!;
    const res = await s.call('PUT', '/rest/api/3/issue/PRJ-3', { fields: { [score.id]: 99 } });
    expect(res.status).toBe(400);
    expect(res.body.errors[score.id]).toMatch(/cannot be set/);
  });

  it("show the level as Jira's SecurityLevel to its members", async () => {
    const res = await s.call('GET', '/rest/api/3/issue/PRJ-2?fields=security', undefined, ALICE);
    expect(res.body.fields.security).toEqual({
      self: expect.stringContaining('/rest/api/3/securitylevel/10100'),
      id: '10100',
      name: 'Confidential',
      description: 'Leadership only',
    });
    const { root, schema } = componentSchema('platform', 'SecurityLevel');
    expect(check(root, schema, res.body.fields.security, '$', { strict: true })).toEqual([]);
    expect(checkResponse('platform', 'GET', '/rest/api/3/issue/{issueIdOrKey}', '200', res.body, { strict: true })).toEqual([]);
  });
});

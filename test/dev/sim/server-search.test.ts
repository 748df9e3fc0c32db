import { checkResponse } from './openapi-schema';
import { aSeed, anIssue, startSim, stories, type RunningSim } from './helpers';

const N = 237;
let s: RunningSim;

beforeAll(async () => {
  s = await startSim({ seed: aSeed([...stories(N), anIssue({ key: 'SEC-1' })]) });
});
afterAll(() => s.close());

async function allPages(body: Record<string, unknown>): Promise<{ keys: string[]; pages: number; sizes: number[] }> {
  const keys: string[] = [];
  const sizes: number[] = [];
  let token: string | undefined;
  for (let pages = 1; pages < 100; pages++) {
    const res = await s.call('POST', '/rest/api/3/search/jql', { ...body, ...(token ? { nextPageToken: token } : {}) });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('total');
    sizes.push(res.body.issues.length);
    keys.push(...res.body.issues.map((i: { id: string; key?: string }) => i.key ?? i.id));
    if (res.body.isLast) {
      expect(res.body).not.toHaveProperty('nextPageToken');
      return { keys, pages, sizes };
    }
    token = res.body.nextPageToken;
  }
  throw new Error('paging did not end');
}

describe('POST /rest/api/3/search/jql', () => {
  it('token paging returns every issue exactly once, in order', async () => {
    const { keys, pages, sizes } = await allPages({ jql: 'project = PRJ ORDER BY Rank', maxResults: 50, fields: ['key'] });
    expect(keys).toEqual(Array.from({ length: N }, (_, i) => `PRJ-${i + 1}`));
    expect(pages).toBe(5);
    expect(sizes).toEqual([50, 50, 50, 50, 37]);
  });

  it('returns only ids by default, up to 5000 per page', async () => {
    const res = await s.call('POST', '/rest/api/3/search/jql', { jql: 'project = PRJ', maxResults: 10000 });
    expect(res.body.issues).toHaveLength(N);
    expect(Object.keys(res.body.issues[0])).toEqual(['id']);
    expect(res.body.isLast).toBe(true);
  });

  it('caps a page at 100 when fields are requested', async () => {
    const res = await s.call('POST', '/rest/api/3/search/jql', {
      jql: 'project = PRJ ORDER BY key ASC',
      maxResults: 1000,
      fields: ['summary', 'customfield_10016'],
    });
    expect(res.body.issues).toHaveLength(100);
    expect(res.body.isLast).toBe(false);
    expect(res.body.issues[0]).toMatchObject({ key: 'PRJ-1', fields: { summary: 'Summary of PRJ-1', customfield_10016: 1 } });
    expect(Object.keys(res.body.issues[0].fields).sort()).toEqual(['customfield_10016', 'summary']);
  });

  it('GET works like POST and refuses a token from another query', async () => {
    const first = await s.call('GET', '/rest/api/3/search/jql?jql=project%3DPRJ&maxResults=10&fields=key,summary');
    expect(first.body.issues).toHaveLength(10);
    const other = await s.call('GET', `/rest/api/3/search/jql?jql=project%3DSEC&nextPageToken=${first.body.nextPageToken}`);
    expect(other.status).toBe(400);
  });

  it('answers unsupported JQL with Jira 400 shape naming the part', async () => {
    const res = await s.call('POST', '/rest/api/3/search/jql', { jql: 'summary ~ "x"' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: [expect.stringContaining("'~'")], errors: {} });
  });

  it('refuses an unbounded query', async () => {
    const res = await s.call('POST', '/rest/api/3/search/jql', { jql: 'ORDER BY key' });
    expect(res.status).toBe(400);
  });

  it('counts with approximate-count', async () => {
    const res = await s.call('POST', '/rest/api/3/search/approximate-count', { jql: 'project in (PRJ, SEC)' });
    expect(res.body).toEqual({ count: N + 1 });
  });
});

describe('POST /rest/api/3/issue/bulkfetch', () => {
  it('fetches up to 100 issues with field filtering, in id order', async () => {
    const res = await s.call('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['PRJ-3', 'PRJ-1', 'NOPE-1'], fields: ['summary', 'labels'] });
    expect(res.status).toBe(200);
    expect(res.body.issues.map((i: { key: string }) => i.key)).toEqual(['PRJ-1', 'PRJ-3']);
    expect(Object.keys(res.body.issues[0].fields).sort()).toEqual(['labels', 'summary']);
    expect(res.body.issueErrors).toEqual([]);
  });

  it('refuses more than 100 issues', async () => {
    const keys = Array.from({ length: 101 }, (_, i) => `PRJ-${i + 1}`);
    const res = await s.call('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: keys });
    expect(res.status).toBe(400);
    expect(res.body.errorMessages[0]).toMatch(/100/);
    const ok = await s.call('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: keys.slice(0, 100), fields: ['key'] });
    expect(ok.body.issues).toHaveLength(100);
  });

  it('reports injected per-issue failures in issueErrors', async () => {
    s.sim.faults.failFetch(['PRJ-2']);
    const res = await s.call('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['PRJ-1', 'PRJ-2'] });
    s.sim.faults.failFetch([]);
    expect(res.body.issues.map((i: { key: string }) => i.key)).toEqual(['PRJ-1']);
    expect(res.body.issueErrors).toEqual([{ id: expect.any(String), errorMessage: expect.any(String) }]);
  });
});

describe('GET /rest/api/3/issue/{issueIdOrKey}', () => {
  it('returns all fields by default and a subset with fields=', async () => {
    const all = await s.call('GET', '/rest/api/3/issue/PRJ-2');
    expect(all.body).toMatchObject({ key: 'PRJ-2', fields: { summary: 'Summary of PRJ-2', project: { key: 'PRJ' } } });
    const some = await s.call('GET', '/rest/api/3/issue/PRJ-2?fields=summary,-labels');
    expect(Object.keys(some.body.fields)).toEqual(['summary']);
    expect((await s.call('GET', '/rest/api/3/issue/PRJ-9999')).status).toBe(404);
  });
});

describe('responses fit the OpenAPI schemas', () => {
  it.each([
    ['POST', '/rest/api/3/search/jql', { jql: 'project = PRJ', maxResults: 3, fields: ['*all'], expand: 'names' }],
    ['POST', '/rest/api/3/search/approximate-count', { jql: 'project = PRJ' }],
    ['POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['PRJ-1', 'PRJ-2'] }],
  ])('%s %s', async (method, path, body) => {
    const res = await s.call(method, path, body);
    expect(res.status).toBe(200);
    expect(checkResponse('platform', method, path, '200', res.body)).toEqual([]);
  });

  it('GET /rest/api/3/issue/{issueIdOrKey}, /field, /myself, /issueLinkType', async () => {
    for (const [path, template] of [
      ['/rest/api/3/issue/PRJ-1', '/rest/api/3/issue/{issueIdOrKey}'],
      ['/rest/api/3/field', '/rest/api/3/field'],
      ['/rest/api/3/myself', '/rest/api/3/myself'],
      ['/rest/api/3/issueLinkType', '/rest/api/3/issueLinkType'],
    ] as const) {
      const res = await s.call('GET', path);
      expect({ path, problems: checkResponse('platform', 'GET', template, '200', res.body) }).toEqual({ path, problems: [] });
    }
  });
});

describe('token paging while issues change', () => {
  it('loses and repeats no issue when issues are re-ranked and edited between pages', async () => {
    const { startSim, aSeed, stories } = await import('./helpers');
    const sim = await startSim({ seed: aSeed(stories(30)) });
    try {
      const page = (token?: string) =>
        sim.call('POST', '/rest/api/3/search/jql', {
          jql: 'project = PRJ ORDER BY Rank ASC',
          fields: ['key'],
          maxResults: 10,
          ...(token ? { nextPageToken: token } : {}),
        });
      const first = await page();
      const seen: string[] = first.body.issues.map((i: { key: string }) => i.key);
      // Move the last issues to the top and edit one on the next page: the pages already promised stay stable.
      expect((await sim.call('PUT', '/rest/agile/1.0/issue/rank', { issues: ['PRJ-29', 'PRJ-30'], rankBeforeIssue: 'PRJ-1' })).status).toBe(204);
      expect((await sim.call('PUT', '/rest/api/3/issue/PRJ-12', { fields: { labels: ['changed'] } })).status).toBe(204);
      let token: string | undefined = first.body.nextPageToken;
      while (token !== undefined) {
        const next = await page(token);
        seen.push(...next.body.issues.map((i: { key: string }) => i.key));
        token = next.body.nextPageToken;
      }
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
    } finally {
      await sim.close();
    }
  });
});

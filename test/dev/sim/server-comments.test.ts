import { checkResponse } from './openapi-schema';
import { ALICE, aSeed, anIssue, BOB, startSim, type RunningSim } from './helpers';

let s: RunningSim;

const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const INTERNAL = { key: 'sd.public.comment', value: { internal: true } };

beforeAll(async () => {
  const seed = aSeed([anIssue({ key: 'PRJ-1' }), anIssue({ key: 'SEC-1' }), anIssue({ key: 'SEC-2' })]);
  const sec = (seed['projects'] as { key: string; permissions: Record<string, string[]> }[])[1]!;
  sec.permissions[BOB] = ['BROWSE_PROJECTS', 'ADD_COMMENTS'];
  s = await startSim({ seed });
});
afterAll(() => s.close());

describe('comments', () => {
  it('adds a comment as the acting user with its properties, in the spec shape', async () => {
    const res = await s.call('POST', '/rest/api/3/issue/SEC-1/comment', { body: doc('Shipped.'), properties: [INTERNAL] }, BOB);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ author: { accountId: BOB, displayName: 'Bob' }, body: doc('Shipped.'), jsdPublic: false });
    expect(checkResponse('platform', 'POST', '/rest/api/3/issue/{issueIdOrKey}/comment', '201', res.body, { strict: true })).toEqual([]);
    const prop = await s.call('GET', `/rest/api/3/comment/${res.body.id}/properties/sd.public.comment`, undefined, BOB);
    expect(prop).toMatchObject({ status: 200, body: { key: 'sd.public.comment', value: { internal: true } } });
    expect(checkResponse('platform', 'GET', '/rest/api/3/comment/{commentId}/properties/{propertyKey}', '200', prop.body, { strict: true })).toEqual([]);
    expect((await s.call('GET', `/rest/api/3/comment/${res.body.id}/properties/nope`, undefined, BOB)).status).toBe(404);
  });

  it('a comment without the internal property is public', async () => {
    const res = await s.call('POST', '/rest/api/3/issue/SEC-2/comment', { body: doc('Hello') }, BOB);
    expect(res.body.jsdPublic).toBe(true);
  });

  it('refuses a user without Add comments (403) and one who cannot see the issue (404)', async () => {
    expect((await s.call('POST', '/rest/api/3/issue/PRJ-1/comment', { body: doc('x') }, BOB)).status).toBe(403);
    expect((await s.call('POST', '/rest/api/3/issue/SEC-1/comment', { body: doc('x') }, ALICE)).status).toBe(404);
    expect((await s.call('GET', '/rest/api/3/issue/SEC-1/comment', undefined, ALICE)).status).toBe(404);
  });

  it('refuses a body that is not ADF or is empty, and a property without a key', async () => {
    expect((await s.call('POST', '/rest/api/3/issue/SEC-1/comment', { body: 'plain text' }, BOB)).status).toBe(400);
    expect((await s.call('POST', '/rest/api/3/issue/SEC-1/comment', { body: { type: 'doc', version: 1, content: [] } }, BOB)).status).toBe(400);
    expect((await s.call('POST', '/rest/api/3/issue/SEC-1/comment', { body: doc('x'), properties: [{ value: 1 }] }, BOB)).status).toBe(400);
  });

  it('pages the comments, oldest first, with properties only when expanded; the page is in the spec shape', async () => {
    for (let i = 0; i < 3; i++) await s.call('POST', '/rest/api/3/issue/PRJ-1/comment', { body: doc(`c${i}`) });
    const first = await s.call('GET', '/rest/api/3/issue/PRJ-1/comment?maxResults=2', undefined, ALICE);
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 2, total: 3 });
    expect(first.body.comments.map((c: { body: unknown }) => c.body)).toEqual([doc('c0'), doc('c1')]);
    expect(first.body.comments[0]).not.toHaveProperty('properties');
    expect(checkResponse('platform', 'GET', '/rest/api/3/issue/{issueIdOrKey}/comment', '200', first.body, { strict: true })).toEqual([]);
    const rest = await s.call('GET', '/rest/api/3/issue/PRJ-1/comment?startAt=2&orderBy=created', undefined, ALICE);
    expect(rest.body.comments.map((c: { body: unknown }) => c.body)).toEqual([doc('c2')]);
    const expanded = await s.call('GET', '/rest/api/3/issue/SEC-1/comment?expand=properties', undefined, BOB);
    expect(expanded.body.comments[0].properties).toEqual([INTERNAL]);
    expect((await s.call('GET', '/rest/api/3/issue/PRJ-1/comment?orderBy=author', undefined, ALICE)).status).toBe(400);
  });
});

import { ALICE, aSeed, startSim, stories, type RunningSim, AS_APP } from './helpers';

const APP = { appId: '4886f49a-482d-41ba-bd73-6aeb5ee40e0f', environmentId: '4e9fe62d-2575-4b2d-b0d7-5a37f43a80a9', environmentKey: 'DEVELOPMENT' };
/** The same app's field in its production environment, installed on the same site. */
const OTHER_ENV_FIELD = {
  id: 'customfield_10900',
  key: `${APP.appId}__PRODUCTION__value-score`,
  name: 'Value score',
  custom: true,
  schema: { type: 'number', custom: `ari:cloud:ecosystem::extension/${APP.appId}/0f0f0f0f-0000-4000-8000-000000000001/static/value-score`, customId: 10900 },
};

let s: RunningSim;
beforeEach(async () => {
  s = await startSim({ seed: aSeed(stories(3), { fields: [OTHER_ENV_FIELD] }), app: APP });
});
afterEach(() => s.close());

async function ownField(): Promise<{ id: string; key: string; schema: { custom: string } }> {
  const fields = await s.call('GET', '/rest/api/3/field');
  return fields.body.find(
    (f: { schema?: { custom?: string } }) => f.schema?.custom === `ari:cloud:ecosystem::extension/${APP.appId}/${APP.environmentId}/static/value-score`,
  );
}

describe('app custom fields', () => {
  it('lists the app field with the key and type Forge gives it (app id, environment, module key)', async () => {
    const field = await ownField();
    expect(field).toEqual(
      expect.objectContaining({ id: expect.stringMatching(/^customfield_\d+$/), key: `${APP.appId}__DEVELOPMENT__value-score`, name: 'Value score' }),
    );
  });

  it('lets only the app write its field: a user gets 403 on the single and the bulk endpoint, and nothing changes', async () => {
    const field = await ownField();
    const issue = (await s.call('GET', '/rest/api/3/issue/PRJ-1')).body.id;
    const one = await s.call('PUT', `/rest/api/3/app/field/${field.id}/value`, { updates: [{ issueIds: [issue], value: 50 }] }, ALICE);
    const bulk = await s.call('POST', '/rest/api/3/app/field/value', { updates: [{ customField: field.id, issueIds: [issue], value: 50 }] }, ALICE);
    expect([one.status, bulk.status]).toEqual([403, 403]);
    expect((await s.call('GET', `/rest/api/3/issue/PRJ-1?fields=${field.id}`)).body.fields[field.id] ?? null).toBeNull();

    // Nor may a site admin: only the app that provides the field writes it.
    expect((await s.call('PUT', `/rest/api/3/app/field/${field.id}/value`, { updates: [{ issueIds: [issue], value: 50 }] })).status).toBe(403);
    expect((await s.call('PUT', `/rest/api/3/app/field/${field.id}/value`, { updates: [{ issueIds: [issue], value: 50 }] }, AS_APP)).status).toBe(204);
  });

  it("refuses the app a write to another environment's field (another provider, for Jira)", async () => {
    const issue = (await s.call('GET', '/rest/api/3/issue/PRJ-1')).body.id;
    const res = await s.call('POST', '/rest/api/3/app/field/value', { updates: [{ customField: OTHER_ENV_FIELD.id, issueIds: [issue], value: 1 }] }, AS_APP);
    expect(res.status).toBe(403);
  });
});

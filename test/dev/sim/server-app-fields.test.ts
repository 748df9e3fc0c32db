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

describe('a data dir written before app fields took their Forge type', () => {
  it('keeps one "Value score" field, now of this app, with its values', async () => {
    const legacy = {
      id: 'customfield_10050',
      key: 'valuerank-sim__DEVELOPMENT__value-score',
      name: 'Value score',
      custom: true,
      schema: { type: 'number', custom: 'ari:cloud:ecosystem::extension/valuerank-sim/DEVELOPMENT/static/value-score', customId: 10050 },
    };
    const old = await startSim({ seed: aSeed(stories(2), { fields: [legacy] }), app: APP });
    try {
      const named = ((await old.call('GET', '/rest/api/3/field')).body as { id: string; name: string; key: string }[]).filter((f) => f.name === 'Value score');
      expect(named).toEqual([expect.objectContaining({ id: 'customfield_10050', key: `${APP.appId}__DEVELOPMENT__value-score` })]);
      const id = Number((await old.call('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['PRJ-1'], fields: ['key'] })).body.issues[0].id);
      const write = await old.call(
        'POST',
        '/rest/api/3/app/field/value',
        { updates: [{ customField: 'customfield_10050', issueIds: [id], value: 7 }] },
        AS_APP,
      );
      expect(write.status).toBe(204);
      expect((await old.call('POST', '/rest/api/3/search/jql', { jql: 'project = PRJ ORDER BY "Value score" DESC', fields: ['key'] })).status).toBe(200);
    } finally {
      await old.close();
    }
  });
});

/**
 * Field discovery on a site with both kinds of project (seeded simulator): a team-managed project's estimates live
 * in "Story point estimate", a company-managed project's in "Story Points", and feedback tickets carry a
 * "Customer tier" select whose option sets the customer's weight.
 */
import { buildFields, buildLinkTypes, FIELD, issueType, status, tierOption } from '../../dev/demo/jira-catalog';
import { invoke, startDemo } from './harness';

const ADMIN = 'fd-admin-0001';
const all = { [ADMIN]: ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'ADMINISTER_PROJECTS'] };
const page = (key: string) => ({ accountId: ADMIN, moduleKey: 'valuerank-project-page', extension: { project: { key } } });

let nextId = 30001;
function issue(key: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    id: String(nextId++),
    key,
    fields: {
      summary: `Summary of ${key}`,
      issuetype: issueType('Story'),
      status: status('To Do'),
      labels: [],
      created: '2026-11-01T09:00:00.000+0000',
      updated: '2026-11-01T09:00:00.000+0000',
      issuelinks: [],
      ...fields,
    },
  };
}
const relates = { name: 'Relates' };
const ticket = (key: string, org: string, tier: ReturnType<typeof tierOption>) =>
  issue(key, { issuetype: issueType('Support request'), [FIELD.organizations]: [{ id: org, name: org }], [FIELD.customerTier]: tier });

function seed(): Record<string, unknown> {
  return {
    now: '2026-11-25T00:00:00Z',
    users: [{ accountId: ADMIN, displayName: 'Site Admin', groups: ['jira-admins'] }],
    projects: [
      { key: 'TM', id: '10300', name: 'Team-managed', projectTypeKey: 'software', style: 'next-gen', permissions: all },
      { key: 'CM', id: '10301', name: 'Company-managed', projectTypeKey: 'software', permissions: all },
      { key: 'FB', id: '10302', name: 'Feedback', projectTypeKey: 'service_desk', permissions: all },
    ],
    // Both estimate fields exist site-wide, as on a Jira Cloud site with both kinds of project.
    fields: buildFields(),
    issueLinkTypes: buildLinkTypes(),
    issues: [
      issue('TM-1', { [FIELD.storyPointEstimate]: 5 }),
      issue('TM-2', { [FIELD.storyPointEstimate]: 8 }),
      issue('CM-1', { [FIELD.storyPoints]: 3, issuelinks: [{ id: 'l1', type: relates, inwardIssue: { key: 'FB-1' } }] }),
      issue('CM-2', { [FIELD.storyPoints]: 13, issuelinks: [{ id: 'l2', type: relates, inwardIssue: { key: 'FB-2' } }] }),
      ticket('FB-1', 'Acme', tierOption('Enterprise')),
      ticket('FB-2', 'Globex', tierOption('Free')),
    ],
    boards: [],
    sprints: [],
    config: { customerVoice: { tierWeights: { enterprise: 4 } } },
  };
}

type Item = {
  key: string;
  customers: number;
  effort: { points: number | null; estimated: boolean };
  factors: { customerVoice: { evidence: { weightedCustomers: number } } };
};

describe('field discovery on a site with team- and company-managed projects', () => {
  let preview: Awaited<ReturnType<typeof startDemo>>;
  beforeAll(async () => {
    preview = await startDemo({ seed: seed() });
  }, 60_000);
  afterAll(async () => {
    await preview.close();
  });

  const backlog = async (key: string): Promise<Item[]> => {
    const r = await invoke(preview.url, 'getBacklog', { projectKey: key, pageSize: 50 }, page(key));
    expect(r.error).toBeUndefined();
    return r.data.items;
  };

  it('reads a team-managed project\'s estimates from "Story point estimate"', async () => {
    const items = await backlog('TM');
    expect(Object.fromEntries(items.map((i) => [i.key, i.effort]))).toEqual({
      'TM-1': expect.objectContaining({ points: 5, estimated: false }),
      'TM-2': expect.objectContaining({ points: 8, estimated: false }),
    });
  }, 60_000);

  it('reads a company-managed project\'s estimates from "Story Points", and weighs customers by their "Customer tier" option', async () => {
    const items = await backlog('CM');
    expect(Object.fromEntries(items.map((i) => [i.key, i.effort]))).toEqual({
      'CM-1': expect.objectContaining({ points: 3, estimated: false }),
      'CM-2': expect.objectContaining({ points: 13, estimated: false }),
    });
    // One customer each, from tickets of the same date: the Enterprise customer (tier weight 4) counts four times
    // the Free one (a tier not listed counts 1). A page counts customers; the issue panel lists them.
    const voice = (key: string) => items.find((i) => i.key === key)!;
    expect(voice('CM-1').customers).toBe(1);
    expect(voice('CM-2').customers).toBe(1);
    const mass = (key: string) => voice(key).factors.customerVoice.evidence.weightedCustomers;
    expect(mass('CM-1') / mass('CM-2')).toBeCloseTo(4, 9);
  }, 60_000);
});

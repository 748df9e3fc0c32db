import { generateDemoSite } from '../../dev/demo/generate-site';
import { DEMO_CONFIG } from '../../dev/preview/demo-config';
import { DEFAULT_APP_ACCOUNT_ID } from '../../dev/sim/seed';
import { invoke, PERSONAS, projectPage, settleQueue, useDemo } from './harness';

type Json = Record<string, any>;
const PO = PERSONAS.productOwner.accountId;
const DEV = PERSONAS.developer.accountId;

/**
 * The demo site with issue security levels: one PAY candidate only the product owner and the app may see, one only
 * the product owner (not the app), and the feedback tickets linked to another candidate in a level nobody but the
 * site admin sees.
 */
function siteWithLevels(): { seed: Json; confidential: string; appHidden: string; withHiddenFeedback: string; hiddenTickets: string[] } {
  const seed = { ...generateDemoSite(), config: DEMO_CONFIG } as Json;
  const issues = seed.issues as Json[];
  const isCandidate = (i: Json) => i.key.startsWith('PAY-') && i.fields.issuetype?.name !== 'Epic' && i.fields.status?.statusCategory?.key !== 'done';
  const ticketsOf = (i: Json): string[] =>
    ((i.fields.issuelinks ?? []) as Json[])
      .map((l) => (l.outwardIssue ?? l.inwardIssue)?.key)
      .filter((k: unknown): k is string => typeof k === 'string' && k.startsWith('SUP-'));
  const candidates = issues.filter(isCandidate);
  const withHiddenFeedback = candidates.find((i) => ticketsOf(i).length > 0)!;
  const confidential = candidates.find((i) => i !== withHiddenFeedback && ticketsOf(i).length === 0)!;
  confidential.fields.security = { id: '10100' };
  const appHidden = candidates.find((i) => i !== withHiddenFeedback && i !== confidential && ticketsOf(i).length === 0)!;
  appHidden.fields.security = { id: '10102' };
  const hiddenTickets = ticketsOf(withHiddenFeedback);
  for (const t of issues.filter((i) => hiddenTickets.includes(i.key))) t.fields.security = { id: '10101' };
  seed.securityLevels = [
    { id: '10100', name: 'Leadership', members: [PO, DEFAULT_APP_ACCOUNT_ID] },
    { id: '10101', name: 'Legal hold', members: [] },
    { id: '10102', name: 'Board only', members: [PO] },
  ];
  return { seed, confidential: confidential.key, appHidden: appHidden.key, withHiddenFeedback: withHiddenFeedback.key, hiddenTickets };
}

/** The demo site where the app user holds only `permissions` (project key → permission keys). */
function siteWhereTheAppMay(permissions: Record<string, string[]>, config: Json = DEMO_CONFIG): Json {
  return { ...generateDemoSite(), config, app: { accountId: 'app-valuerank', displayName: 'ValueRank', permissions } };
}

describe('issue security levels, as the app meets them', () => {
  const site = siteWithLevels();
  const preview = useDemo({ seed: site.seed });

  it('ranks a confidential candidate for its level members only; others get a clear NOT_FOUND', async () => {
    const po = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: PO, ...projectPage('PAY') });
    const dev = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: DEV, ...projectPage('PAY') });
    const keys = (r: typeof po) => r.data.items.map((i: { key: string }) => i.key);
    expect(keys(po)).toContain(site.confidential);
    expect(keys(dev)).not.toContain(site.confidential);
    // Not even counted above the developer's issues: their ranks are 1…n among what they can see.
    expect(dev.data.total).toBe(po.data.total - 1);
    expect(dev.data.items.map((i: { rank: number }) => i.rank)).toEqual(dev.data.items.map((_: unknown, n: number) => n + 1));
    // Scores are computed as the app: an issue the app's user may not see is scored for nobody.
    expect(keys(po)).not.toContain(site.appHidden);
    const panel = { accountId: DEV, moduleKey: 'valuerank-issue-panel', extension: { project: { key: 'PAY' }, issue: { key: site.confidential } } };
    const explained = await invoke(preview.url, 'explainIssue', { issueKey: site.confidential }, panel);
    expect(explained.ok).toBe(false);
    expect(explained.error?.code).toBe('NOT_FOUND');
  }, 60_000);

  it('counts no customer from feedback tickets nobody may see, and does not fail on them', async () => {
    const po = await invoke(
      preview.url,
      'explainIssue',
      { issueKey: site.withHiddenFeedback },
      { accountId: PO, moduleKey: 'valuerank-issue-panel', extension: { project: { key: 'PAY' }, issue: { key: site.withHiddenFeedback } } },
    );
    expect(po.ok).toBe(true);
    const evidence = JSON.stringify(po.data.item.factors.customerVoice.evidence);
    for (const key of site.hiddenTickets) expect(evidence).not.toContain(key);
  }, 60_000);

  it('background recompute as the app skips what the app cannot see and writes every other score', async () => {
    await fetch(`${preview.url}/__forge/scheduled/daily-recompute`, { method: 'POST' });
    await settleQueue(preview.url);
    const fields = (await (await fetch(`${preview.url}/rest/api/3/field`)).json()) as { id: string; name: string }[];
    const score = fields.find((f) => f.name === 'Value score')!.id;
    const read = async (key: string) => ((await (await fetch(`${preview.url}/rest/api/3/issue/${key}?fields=${score}`)).json()) as Json).fields[score];
    expect(typeof (await read(site.confidential))).toBe('number');
    expect(await read(site.appHidden)).toBeUndefined();
    expect(typeof (await read(site.withHiddenFeedback))).toBe('number');
  }, 120_000);

  it('plans and applies a rank sync for a level member with the confidential candidate in it', async () => {
    const po = { accountId: PO, ...projectPage('PAY') };
    const plan = await invoke(preview.url, 'planRankSync', { projectKey: 'PAY' }, po);
    expect(plan.ok).toBe(true);
    const applied = await invoke(preview.url, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, po);
    expect(applied.data).toMatchObject({ status: 'done', failed: [] });
    const again = await invoke(preview.url, 'planRankSync', { projectKey: 'PAY' }, po);
    expect(again.data.moves).toEqual([]);
  }, 60_000);
});

describe('an app user that may not browse an enrolled project', () => {
  // A site admin took the app out of PAY's permission scheme; it still reads the service project.
  const preview = useDemo(() => ({ seed: siteWhereTheAppMay({ SUP: ['BROWSE_PROJECTS'] }) }));

  it('tells users what to grant to whom, and the background skips the project instead of failing and retrying', async () => {
    const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 5 }, { accountId: PO, ...projectPage('PAY') });
    expect(backlog.error).toBeUndefined();
    expect(backlog.data.items).toEqual([]);
    expect(backlog.data.sources).toEqual([
      expect.objectContaining({ code: 'APP_CANNOT_BROWSE_PROJECT', project: 'PAY', message: expect.stringMatching(/Browse Projects/) }),
    ]);
    await preview.sim.resetStats();
    await fetch(`${preview.url}/__forge/scheduled/daily-recompute`, { method: 'POST' });
    await settleQueue(preview.url);
    // One look at the project, as the app, and nothing more: no search it is bound to be refused.
    expect(preview.sim.stats().byEndpoint['POST /rest/api/3/search/jql'] ?? 0).toBe(0);
  }, 120_000);
});

describe('an app user that may not browse the feedback project', () => {
  const preview = useDemo(() => ({
    seed: siteWhereTheAppMay({ PAY: ['BROWSE_PROJECTS'] }, { ...DEMO_CONFIG, customerVoice: { ...DEMO_CONFIG.customerVoice, feedbackProjects: ['SUP'] } }),
  }));

  it('says what to grant, marks every score, and never reads the tickets as the user instead', async () => {
    const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: PO, ...projectPage('PAY') });
    expect(backlog.ok).toBe(true);
    expect(backlog.data.sources).toEqual([
      expect.objectContaining({ code: 'APP_CANNOT_BROWSE_FEEDBACK', project: 'SUP', message: expect.stringMatching(/grant|Browse Projects/) }),
    ]);
    const items = backlog.data.items as Json[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.gaps).toContain('feedback.sourceUnreadable');
    // The PO may browse SUP, yet no ticket of it reaches the score they see: the score is the app's.
    expect(JSON.stringify(items)).not.toMatch(/SUP-\d+/);
  }, 120_000);
});

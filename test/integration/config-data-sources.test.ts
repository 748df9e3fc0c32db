import { DATA_SOURCE_PATHS } from '../../src/contract/data-sources';
import { invoke, PERSONAS, projectPage, settleQueue, useDemo } from './harness';

const PO = PERSONAS.productOwner.accountId;
const ADMIN = PERSONAS.admin.accountId;
const settings = { accountId: PO, moduleKey: 'valuerank-project-settings', extension: { project: { key: 'PAY' } } };
const adminPage = { accountId: ADMIN, moduleKey: 'valuerank-admin-page', extension: {} };

const customersOf = (items: { customers: number }[]): number => items.reduce((n, i) => n + i.customers, 0);

describe("a project admin and the Jira admin's data sources, through the preview", () => {
  const preview = useDemo();

  it('refuses a project admin who changes the feedback projects, and scores the project from the global ones', async () => {
    const loaded = await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, settings);
    // No override yet: the project reads the global config (a first override is saved on top of version 0).
    expect(loaded.data).toMatchObject({ access: 'full', scope: 'global', globalOnly: [...DATA_SOURCE_PATHS] });

    const mine = structuredClone(loaded.data.config);
    mine.customerVoice.feedbackProjects = ['PAY'];
    const refused = await invoke(preview.url, 'saveConfig', { projectKey: 'PAY', expectedVersion: 0, config: mine }, settings);
    expect(refused.error?.code).toBe('DATA_SOURCE_GLOBAL_ONLY');
    expect(refused.error?.message).toMatch(/customerVoice\.feedbackProjects.*Jira admin/s);
    expect((await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, settings)).data.scope).toBe('global');

    // The form sends the global data sources back unchanged with the project's own weight: that is saved.
    const weightOnly = structuredClone(loaded.data.config);
    weightOnly.weights.customerVoice = 60;
    const saved = await invoke(preview.url, 'saveConfig', { projectKey: 'PAY', expectedVersion: 0, config: weightOnly }, settings);
    expect(saved.error).toBeUndefined();
    await settleQueue(preview.url);
    const before = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: PO, ...projectPage('PAY') });
    expect(customersOf(before.data.items)).toBeGreaterThan(0);

    // The Jira admin narrows the feedback projects to none: the project with its override follows.
    const global = await invoke(preview.url, 'getConfig', {}, adminPage);
    const narrowed = structuredClone(global.data.config);
    narrowed.customerVoice.feedbackProjects = [];
    narrowed.customerVoice.remoteLinkPatterns = [];
    const globalSaved = await invoke(preview.url, 'saveConfig', { expectedVersion: global.data.version, config: narrowed }, adminPage);
    expect(globalSaved.error).toBeUndefined();

    const effective = await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, settings);
    expect(effective.data).toMatchObject({ scope: 'project', version: 1 });
    expect(effective.data.config.weights.customerVoice).toBe(60);
    expect(effective.data.config.customerVoice).toMatchObject({ feedbackProjects: [], remoteLinkPatterns: [] });
    // The save queued the rebuild of every enrolled project's snapshot.
    await settleQueue(preview.url);
    const after = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: PO, ...projectPage('PAY') });
    expect(after.error).toBeUndefined();
    expect(customersOf(after.data.items)).toBe(0);
  }, 90_000);

  it("refuses a project admin's candidate JQL without asking Jira to parse it", async () => {
    const loaded = await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, settings);
    const mine = structuredClone(loaded.data.config);
    mine.candidateJql = 'issuetype = Bug';
    preview.sim.resetStats();
    const refused = await invoke(preview.url, 'saveConfig', { projectKey: 'PAY', expectedVersion: loaded.data.version, config: mine }, settings);
    expect(refused.error?.code).toBe('DATA_SOURCE_GLOBAL_ONLY');
    expect(refused.error?.message).toMatch(/^candidateJql cannot be set for one project/);
    expect(preview.sim.stats().byEndpoint['POST /rest/api/3/jql/parse'] ?? 0).toBe(0);
  }, 30_000);
});

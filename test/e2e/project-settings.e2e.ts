/**
 * A project admin on Project settings › ValueRank: the data sources (candidate JQL, feedback projects, support-tool
 * URL patterns, the fields read for customers) are shown read-only with the global values, the project's own
 * settings stay editable and save; an override stored with its own data sources shows the app's migration in the
 * history. The Jira admin's global page edits the data sources and says they apply to every project.
 */
import { kvs } from '@forge/kvs';
import type { ResultMap } from '../../src/contract/operations';
import { ctx, formatViolations, invoke, moduleFrame, openShell, PERSONAS, PROJECT, seriousAxeViolations } from './support';
import { useE2E } from './use-e2e';

const PO = PERSONAS.productOwner.accountId;
const ADMIN = PERSONAS.admin.accountId;
const settingsCtx = { accountId: PO, moduleKey: 'valuerank-project-settings', extension: { type: 'jira:projectSettingsPage', project: { key: PROJECT } } };

type Full = Extract<ResultMap['getConfig'], { access: 'full' }>;

describe('Project admin and the data sources a Jira admin sets', () => {
  const e2e = useE2E({ module: 'admin-page' });
  let global: Full;

  beforeAll(async () => {
    global = await invoke<Full>(e2e.url, 'getConfig', {}, ctx.adminPage(ADMIN));
  });

  it('shows the global data sources read-only on the project settings page, without axe violations', async () => {
    await openShell(e2e.page, e2e.url, 'project-settings', { user: PO });
    const sources = e2e.frame.locator('fieldset', { has: e2e.frame.locator('legend', { hasText: 'Data sources' }) });
    await sources.getByText('Set by a Jira admin in ValueRank settings (global): data sources decide the score everyone sees.').waitFor({ timeout: 30_000 });
    const pattern = global.config.customerVoice.remoteLinkPatterns[0]!;
    await expect(sources.getByText(pattern, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(sources.getByText('Every service-desk project').isVisible()).resolves.toBe(true);
    await expect(sources.locator('input, textarea').count()).resolves.toBe(0);
    await expect(e2e.frame.locator('#candidate-jql, #feedback-projects, #remote-patterns, #field-organizations').count()).resolves.toBe(0);

    const violations = await seriousAxeViolations(await moduleFrame(e2e.page, 'admin-page'));
    if (violations.length)
      throw new Error(`axe found ${violations.length} serious/critical rule violation(s):\n${formatViolations('project settings', violations)}`);
  });

  it("shows the app's migration of an override stored with its own feedback projects in the history", async () => {
    // What an earlier version of the app stored for a project admin who named their own feedback projects.
    const legacy = structuredClone(global.config);
    legacy.customerVoice.feedbackProjects = ['PAY'];
    legacy.weights.customerVoice = 55;
    await kvs.set(`cfg:project:${PROJECT}:v:000000001`, { version: 1, config: legacy, at: '2026-10-01T09:00:00.000Z', by: PO, changes: [] });
    await kvs.set(`cfg:project:${PROJECT}:head`, { version: 1 });

    await openShell(e2e.page, e2e.url, 'project-settings', { user: PO });
    await e2e.frame.getByRole('tab', { name: 'History' }).click();
    const newest = e2e.frame.locator('ol > li').first();
    await newest.getByText('Version 2', { exact: true }).waitFor({ timeout: 30_000 });
    await expect(newest.innerText()).resolves.toMatch(/by ValueRank \(automatic update\)/);
    await expect(newest.innerText()).resolves.toMatch(/set by a Jira admin for every project/);
    await expect(newest.innerText()).resolves.toMatch(/customerVoice\.feedbackProjects: PAY → /);

    const after = await invoke<Full>(e2e.url, 'getConfig', { projectKey: PROJECT }, settingsCtx);
    expect(after).toMatchObject({ scope: 'project', version: 2 });
    expect(after.config.weights.customerVoice).toBe(55);
    expect(after.config.customerVoice.feedbackProjects).toEqual(global.config.customerVoice.feedbackProjects);
  });

  it('lets the Jira admin edit the data sources on the global page, which says they apply to every project', async () => {
    await openShell(e2e.page, e2e.url, 'admin', { user: ADMIN });
    await e2e.frame.locator('#candidate-jql').waitFor({ timeout: 30_000 });
    await expect(e2e.frame.getByText(/^These apply to every project, including projects with their own settings/).isVisible()).resolves.toBe(true);
    await expect(e2e.frame.locator('#remote-patterns').inputValue()).resolves.toBe(global.config.customerVoice.remoteLinkPatterns.join('\n'));
    expect(e2e.errors).toEqual([]);
  });
});

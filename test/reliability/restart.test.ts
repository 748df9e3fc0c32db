/**
 * The preview is stopped in the middle of a job and started again on the same data dir.
 * The config, its history, pins, the stored rank-sync plan and the simulated Jira (with the moves already made)
 * all survive, and a further apply finishes the job.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoSite } from '../../dev/demo/generate-site';
import { startDemo } from '../integration/harness';
import { ADMIN, adminPage, call, jiraRankOrder, loadResolver, PO, projectPage, projectSettings, setFaults, settleQueue } from './helpers';

const po = { accountId: PO, ...projectPage('PAY') };
const poSettings = { accountId: PO, ...projectSettings('PAY') };
const admin = { accountId: ADMIN, ...adminPage };

describe('restart in the middle of a rank sync', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vr-restart-'));
  let preview: Awaited<ReturnType<typeof startDemo>> | undefined;

  afterAll(async () => {
    await preview?.close();
  });

  it('keeps config, history, pins, the plan and Jira state across a restart, and the next apply finishes', async () => {
    // ---- first life ----
    preview = await startDemo({ dataDir });
    let resolver = await loadResolver();

    const global0 = await call(resolver, 'getConfig', {}, admin);
    expect(global0.ok).toBe(true);
    if (!global0.ok) return;
    const globalCfg = structuredClone(global0.data.config);
    globalCfg.weights.techDebt = 33;
    globalCfg.techDebt.labels = [...globalCfg.techDebt.labels, 'legacy-cleanup'];
    const savedGlobal = await call(resolver, 'saveConfig', { expectedVersion: global0.data.version, config: globalCfg }, admin);
    expect(savedGlobal.ok).toBe(true);

    const override = structuredClone(globalCfg);
    override.weights.customerVoice = 55;
    const savedProject = await call(resolver, 'saveConfig', { projectKey: 'PAY', expectedVersion: 0, config: override }, poSettings);
    expect(savedProject).toMatchObject({ ok: true, data: { version: 1 } });

    const backlog0 = await call(resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, po);
    expect(backlog0.ok).toBe(true);
    if (!backlog0.ok) return;
    const keys0: string[] = backlog0.data.items.map((i: { key: string }) => i.key);
    const pinnedPos = keys0[keys0.length - 1]!;
    const pinnedQuarter = keys0[keys0.length - 2]!;
    expect((await call(resolver, 'setPin', { projectKey: 'PAY', issueKey: pinnedPos, position: 1 }, po)).ok).toBe(true);
    expect((await call(resolver, 'setPin', { projectKey: 'PAY', issueKey: pinnedQuarter, quarter: '2027-Q2' }, po)).ok).toBe(true);

    const plan = await call(resolver, 'planRankSync', { projectKey: 'PAY' }, po);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const moves = plan.data.moves as { key: string }[];
    expect(moves.length).toBeGreaterThan(5);
    const victim = moves[Math.floor(moves.length / 2)]!.key;
    await setFaults(preview.url, `failRank=${victim}`);
    const partial = await call(resolver, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, po);
    expect(partial).toMatchObject({ ok: true, data: { status: 'partial' } });
    if (!partial.ok) return;
    expect(partial.data.failed.map((f: { key: string }) => f.key)).toEqual([victim]);

    await settleQueue(preview.url);
    const orderBefore = await jiraRankOrder(preview.url);
    const historyBefore = await call(resolver, 'getConfigHistory', {}, admin);
    const projectHistoryBefore = await call(resolver, 'getConfigHistory', { projectKey: 'PAY' }, poSettings);
    const cfgBefore = await call(resolver, 'getConfig', { projectKey: 'PAY' }, poSettings);
    await preview.close();
    preview = undefined;

    // ---- second life: same data dir; the seed given is ignored (a different site would show if it were not) ----
    preview = await startDemo({ dataDir, seed: generateDemoSite({ seed: 7, issues: 40 }) });
    resolver = await loadResolver();
    // The fault settings are not state: they are gone after a restart.
    expect(await jiraRankOrder(preview.url)).toEqual(orderBefore);

    const cfgAfter = await call(resolver, 'getConfig', { projectKey: 'PAY' }, poSettings);
    expect(cfgAfter).toEqual(cfgBefore);
    expect(cfgAfter.ok && cfgAfter.data).toMatchObject({ scope: 'project', version: 1, updatedBy: PO });
    expect(cfgAfter.ok && cfgAfter.data.config.weights.customerVoice).toBe(55);
    const globalAfter = await call(resolver, 'getConfig', {}, admin);
    expect(globalAfter.ok && globalAfter.data.config.techDebt.labels).toContain('legacy-cleanup');
    expect(await call(resolver, 'getConfigHistory', {}, admin)).toEqual(historyBefore);
    expect(await call(resolver, 'getConfigHistory', { projectKey: 'PAY' }, poSettings)).toEqual(projectHistoryBefore);
    expect(historyBefore.ok && historyBefore.data.entries.length).toBeGreaterThanOrEqual(2);

    const backlog1 = await call(resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, po);
    expect(backlog1.ok).toBe(true);
    if (!backlog1.ok) return;
    const byKey = new Map<string, { pin: unknown; rank: number }>(backlog1.data.items.map((i: { key: string; pin: unknown; rank: number }) => [i.key, i]));
    expect(byKey.get(pinnedPos)).toMatchObject({ pin: { position: 1 }, rank: 1 });
    expect(byKey.get(pinnedQuarter)?.pin).toEqual({ quarter: '2027-Q2', by: expect.any(String), at: expect.any(String) });
    expect(backlog1.data.configVersion).toBe(1);

    // The plan survived: the same planId resumes and finishes.
    const finish = await call(resolver, 'applyRankSync', { projectKey: 'PAY', planId: plan.data.planId }, po);
    expect(finish).toMatchObject({ ok: true, data: { status: 'done', failed: [] } });
    await settleQueue(preview.url);
    const final = await jiraRankOrder(preview.url);
    const backlog2 = await call(resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, po);
    expect(backlog2.ok).toBe(true);
    if (!backlog2.ok) return;
    expect(final).toEqual(backlog2.data.items.map((i: { key: string }) => i.key));
    expect(new Set(final)).toEqual(new Set(keys0));
    expect(final[0]).toBe(pinnedPos);
  }, 60_000);
});

import { invoke, PERSONAS, projectPage, settleQueue, startDemo } from './harness';

const PO = PERSONAS.productOwner.accountId;
const ADMIN = PERSONAS.admin.accountId;
const settings = { accountId: PO, moduleKey: 'valuerank-project-settings', extension: { type: 'jira:projectSettingsPage', project: { key: 'PAY' } } };
const adminPage = { accountId: ADMIN, moduleKey: 'valuerank-admin-page', extension: { type: 'jira:adminPage' } };
const page = { accountId: PO, ...projectPage('PAY') };

type Move = { key: string; from: number; to: number };

describe('previewConfig: what a settings change would move, before it is saved', () => {
  let preview: Awaited<ReturnType<typeof startDemo>>;
  beforeAll(async () => {
    preview = await startDemo();
    // The project's first snapshot (the harness asks again while it builds).
    await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 1 }, page);
  }, 60_000);
  afterAll(async () => {
    await preview.close();
  });

  it('a new debt label moves up exactly the issues carrying it: at once with a lower bound, then exactly from the background', async () => {
    const labelled = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500, filter: { labels: ['quick-win'] } }, page);
    const newDebt = new Set<string>(labelled.data.items.filter((i: { isDebt: boolean }) => !i.isDebt).map((i: { key: string }) => i.key));
    expect(newDebt.size).toBeGreaterThan(0);
    const cfg = await invoke(preview.url, 'getConfig', {}, adminPage);
    const config = structuredClone(cfg.data.config);
    config.techDebt.labels = [...config.techDebt.labels, 'quick-win'];

    const first = await invoke(preview.url, 'previewConfig', { previewOn: 'PAY', config }, adminPage);
    expect(first.error).toBeUndefined();
    expect(first.data.previewed).toEqual(['techDebt.labels']);
    expect(first.data.notPreviewed).toEqual([]);
    expect(first.data.approximate).toEqual([{ count: newDebt.size, reason: expect.stringMatching(/lower bound/) }]);
    expect(first.data.job).toEqual({ status: 'running' });
    await settleQueue(preview.url);
    const exact = await invoke(preview.url, 'previewConfig', { previewOn: 'PAY', config }, adminPage);
    expect(exact.data.job).toEqual({ status: 'done' });
    expect(exact.data.approximate).toEqual([]);

    for (const r of [first, exact]) {
      const moves: Move[] = r.data.moves;
      const up = moves.filter((m) => m.to < m.from).map((m) => m.key);
      expect(up.length).toBeGreaterThan(0);
      for (const key of up) expect(newDebt).toContain(key);
      for (const m of moves) if (newDebt.has(m.key)) expect(m.to).toBeLessThanOrEqual(m.from);
      expect(r.data.moved).toBe(moves.filter((m) => m.to !== m.from).length);
      expect(r.data.largest.length).toBe(Math.min(25, r.data.moved));
    }
    // Nothing was saved.
    expect((await invoke(preview.url, 'getConfig', {}, adminPage)).data.version).toBe(cfg.data.version);
  }, 90_000);

  it('previews a half-life and tier weights from the background, and the preview equals saving them', async () => {
    const cfg = await invoke(preview.url, 'getConfig', {}, adminPage);
    const config = structuredClone(cfg.data.config);
    config.customerVoice.halfLifeDays = 7;
    config.customerVoice.tierWeights = { enterprise: 3 };
    config.roadmap.debtShare = 0.5;
    const first = await invoke(preview.url, 'previewConfig', { previewOn: 'PAY', config }, adminPage);
    expect(first.error).toBeUndefined();
    // At once: what the snapshot cannot show is named, not guessed.
    expect(first.data.notPreviewed).toEqual(['customerVoice.halfLifeDays', 'customerVoice.tierWeights.enterprise']);
    expect(first.data.moved).toBe(0);
    expect(first.data.job.status).toBe('running');
    await settleQueue(preview.url);
    const done = await invoke(preview.url, 'previewConfig', { previewOn: 'PAY', config }, adminPage);
    expect(done.data.job).toEqual({ status: 'done' });
    expect(done.data.notPreviewed).toEqual([]);
    expect(done.data.previewed).toEqual(['customerVoice.halfLifeDays', 'customerVoice.tierWeights.enterprise']);
    expect(done.data.moved).toBeGreaterThan(0);
    const predicted = [...(done.data.moves as Move[])].sort((a, b) => a.to - b.to).map((m) => m.key);

    const saved = await invoke(preview.url, 'saveConfig', { expectedVersion: cfg.data.version, config }, adminPage);
    expect(saved.error).toBeUndefined();
    await settleQueue(preview.url);
    const after = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, page);
    expect(after.data.stale).toBe(false);
    expect(after.data.items.map((i: { key: string }) => i.key)).toEqual(predicted);
  }, 120_000);

  it("a preset's preview equals the ranking after saving it", async () => {
    const presets = await invoke(preview.url, 'listPresets', {}, settings);
    const wsjf = presets.data.presets.find((p: { id: string }) => p.id === 'wsjf');
    const loaded = await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, settings);
    const config = { ...structuredClone(loaded.data.config), weights: wsjf.weights };
    config.effort.exponent = wsjf.effortExponent;

    const r = await invoke(preview.url, 'previewConfig', { projectKey: 'PAY', config }, settings);
    expect(r.error).toBeUndefined();
    expect(r.data.notPreviewed).toEqual([]);
    expect(r.data.previewed).toEqual(expect.arrayContaining(['effort.exponent', 'weights.customerVoice']));
    expect(r.data.moved).toBeGreaterThan(0);
    const predicted = [...(r.data.moves as Move[])].sort((a, b) => a.to - b.to).map((m) => m.key);

    const saved = await invoke(preview.url, 'saveConfig', { projectKey: 'PAY', expectedVersion: 0, config }, settings);
    expect(saved.error).toBeUndefined();
    await settleQueue(preview.url);
    const after = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, page);
    expect(after.data.stale).toBe(false);
    expect(after.data.items.map((i: { key: string }) => i.key)).toEqual(predicted);
  }, 90_000);

  it('refuses a project preview that changes a data source, and a global preview from a project page', async () => {
    const loaded = await invoke(preview.url, 'getConfig', { projectKey: 'PAY' }, settings);
    const config = structuredClone(loaded.data.config);
    config.customerVoice.feedbackProjects = ['PAY'];
    const r = await invoke(preview.url, 'previewConfig', { projectKey: 'PAY', config }, settings);
    expect(r.error?.code).toBe('DATA_SOURCE_GLOBAL_ONLY');
    const fromProject = await invoke(preview.url, 'previewConfig', { previewOn: 'PAY', config: loaded.data.config }, settings);
    expect(fromProject.error?.code).toBe('FORBIDDEN');
    const noTarget = await invoke(preview.url, 'previewConfig', { config: loaded.data.config }, adminPage);
    expect(noTarget.error?.code).toBe('INVALID_PAYLOAD');
  }, 60_000);
});

import { ConfigStore, type ConfigRecord } from '../../src/application/config/config-store';
import { dataSourceChanges } from '../../src/application/config/data-sources';
import { DATA_SOURCE_PATHS } from '../../src/contract/data-sources';
import type { ValueRankConfig } from '../../src/contract/config';
import { defaultConfig } from '../../src/domain';
import { MemoryKv } from '../fakes/memory-kv';

const clock = () => new Date('2026-11-25T12:00:00Z');
const GLOBAL = { kind: 'global' } as const;
const PRJ = { kind: 'project', projectKey: 'PRJ' } as const;

/** A global config that reads feedback from SUP through its own fields and a support tool's URLs. */
function globalSources(): ValueRankConfig {
  const c = defaultConfig();
  c.customerVoice.feedbackProjects = ['SUP'];
  c.customerVoice.remoteLinkPatterns = ['^https://support\\.example\\.com/orgs/(?<customer>[a-z0-9-]+)/'];
  c.fields.organizations = 'customfield_10002';
  c.fields.customerTier = 'customfield_10003';
  c.fields.customerCount = 'customfield_10004';
  c.candidateJql = 'issuetype != Epic';
  return c;
}

/** The global config with a project's own weight on top: what a project admin's form sends back unchanged. */
function projectEdit(from: ValueRankConfig, customerVoiceWeight: number): ValueRankConfig {
  const c = structuredClone(from);
  c.weights.customerVoice = customerVoiceWeight;
  return c;
}

/** Writes a project override as the app did before data sources were global-only: the whole config, no marker. */
async function storeLegacyOverride(kv: MemoryKv, config: ValueRankConfig, version = 1): Promise<void> {
  const record: ConfigRecord = { version, config, at: '2026-10-01T09:00:00.000Z', by: 'acc-project-admin', changes: [] };
  await kv.set(`cfg:project:PRJ:v:${String(version).padStart(9, '0')}`, record);
  await kv.set('cfg:project:PRJ:head', { version });
}

describe('data sources come from the global config only', () => {
  it('names exactly the data-source paths of the contract when two configs differ in all of them', () => {
    const changes = dataSourceChanges(defaultConfig(), globalSources());
    expect(changes.map((c) => c.path).sort()).toEqual([...DATA_SOURCE_PATHS].sort());
    expect(dataSourceChanges(globalSources(), projectEdit(globalSources(), 80))).toEqual([]);
  });

  it("gives a project with an override its own weights and the global config's data sources", async () => {
    const store = new ConfigStore(new MemoryKv(), clock);
    await store.save(PRJ, 0, projectEdit(defaultConfig(), 80), 'acc-project-admin');
    await store.save(GLOBAL, 0, globalSources(), 'acc-jira-admin');

    const { scope, config } = await store.effective('PRJ');
    expect(scope).toBe('project');
    expect(config.weights.customerVoice).toBe(80);
    expect(dataSourceChanges(config, globalSources())).toEqual([]);
  });

  it('refuses a project save that changes a data source with DATA_SOURCE_GLOBAL_ONLY, naming each field and the admin page', async () => {
    const store = new ConfigStore(new MemoryKv(), clock);
    await store.save(GLOBAL, 0, globalSources(), 'acc-jira-admin');
    const edit = projectEdit(globalSources(), 80);
    edit.customerVoice.feedbackProjects = ['SUP', 'SECRET'];
    edit.fields.customerTier = null;

    const refused = store.save(PRJ, 0, edit, 'acc-project-admin');
    await expect(refused).rejects.toMatchObject({
      code: 'DATA_SOURCE_GLOBAL_ONLY',
      details: [
        { path: 'customerVoice.feedbackProjects', global: ['SUP'], sent: ['SUP', 'SECRET'] },
        { path: 'fields.customerTier', global: 'customfield_10003', sent: null },
      ],
    });
    await expect(refused).rejects.toThrow(/customerVoice\.feedbackProjects.*fields\.customerTier.*Jira admin.*ValueRank admin page/s);
    expect(await store.latest(PRJ)).toBeNull();
  });

  it('accepts a project save whose data sources equal the global ones, and lists only what the project changed', async () => {
    const store = new ConfigStore(new MemoryKv(), clock);
    await store.save(GLOBAL, 0, globalSources(), 'acc-jira-admin');
    const saved = await store.save(PRJ, 0, projectEdit(globalSources(), 80), 'acc-project-admin');
    expect(saved.changes).toEqual([{ path: 'weights.customerVoice', from: 30, to: 80 }]);
  });

  it("does not list a later global data-source change as the project admin's change in the project's history", async () => {
    const store = new ConfigStore(new MemoryKv(), clock);
    await store.save(GLOBAL, 0, globalSources(), 'acc-jira-admin');
    await store.save(PRJ, 0, projectEdit(globalSources(), 80), 'acc-project-admin');
    const wider = globalSources();
    wider.customerVoice.feedbackProjects = ['SUP', 'CS'];
    await store.save(GLOBAL, 1, wider, 'acc-jira-admin');

    const saved = await store.save(PRJ, 1, projectEdit(wider, 70), 'acc-project-admin');
    expect(saved.changes).toEqual([{ path: 'weights.customerVoice', from: 80, to: 70 }]);
  });

  it("reverts a project override to an earlier version with today's global data sources", async () => {
    const kv = new MemoryKv();
    const store = new ConfigStore(kv, clock);
    const legacy = projectEdit(defaultConfig(), 80);
    legacy.customerVoice.feedbackProjects = ['OLD'];
    await storeLegacyOverride(kv, legacy);
    await store.save(GLOBAL, 0, globalSources(), 'acc-jira-admin');
    const head = (await store.latest(PRJ))!;

    const reverted = await store.revert(PRJ, 1, head.version, 'acc-project-admin');
    expect(reverted.config.weights.customerVoice).toBe(80);
    expect(dataSourceChanges(reverted.config, globalSources())).toEqual([]);
  });
});

describe('a project override stored with its own data sources', () => {
  it('is read with the global data sources, and migrated once into a new version that lists each dropped value', async () => {
    const kv = new MemoryKv();
    const store = new ConfigStore(kv, clock);
    await store.save(GLOBAL, 0, globalSources(), 'acc-jira-admin');
    const legacy = projectEdit(globalSources(), 80);
    legacy.customerVoice.feedbackProjects = ['SECRET'];
    legacy.candidateJql = null;
    await storeLegacyOverride(kv, legacy);

    const { config, record } = await store.effective('PRJ');
    expect(config.weights.customerVoice).toBe(80);
    expect(config.customerVoice.feedbackProjects).toEqual(['SUP']);
    expect(config.candidateJql).toBe('issuetype != Epic');
    expect(record).toMatchObject({
      version: 2,
      by: 'valuerank:migration',
      at: '2026-11-25T12:00:00.000Z',
      changes: [
        { path: 'candidateJql', from: null, to: 'issuetype != Epic' },
        { path: 'customerVoice.feedbackProjects', from: ['SECRET'], to: ['SUP'] },
      ],
      note: expect.stringMatching(/Jira admin/),
    });

    await store.effective('PRJ');
    await store.latest(PRJ);
    const { entries } = await store.history(PRJ);
    expect(entries.map((e) => [e.version, e.by])).toEqual([
      [2, 'valuerank:migration'],
      [1, 'acc-project-admin'],
    ]);
  });

  it('is migrated by exactly one of several readers at once', async () => {
    const kv = new MemoryKv();
    const store = new ConfigStore(kv, clock);
    const legacy = projectEdit(defaultConfig(), 80);
    legacy.fields.organizations = 'customfield_20000';
    await storeLegacyOverride(kv, legacy);

    const read = await Promise.all(Array.from({ length: 10 }, () => new ConfigStore(kv, clock).effective('PRJ')));
    expect(new Set(read.map((r) => r.record?.version))).toEqual(new Set([2]));
    expect(read.every((r) => r.config.fields.organizations === null)).toBe(true);
    expect((await store.history(PRJ)).entries.map((e) => e.version)).toEqual([2, 1]);
  });

  it('is migrated before a save on top of it, saying nothing changes when its data sources were the global ones', async () => {
    const kv = new MemoryKv();
    const store = new ConfigStore(kv, clock);
    await storeLegacyOverride(kv, projectEdit(defaultConfig(), 80));
    await expect(store.save(PRJ, 1, projectEdit(defaultConfig(), 70), 'acc-project-admin')).rejects.toMatchObject({
      code: 'CONFIG_CONFLICT',
      details: { currentVersion: 2, expectedVersion: 1 },
    });
    expect(await store.latest(PRJ)).toMatchObject({ changes: [], note: expect.stringMatching(/were the global ones already: nothing changes/) });
    const saved = await store.save(PRJ, 2, projectEdit(defaultConfig(), 70), 'acc-project-admin');
    expect(saved.version).toBe(3);
    expect((await store.latest(PRJ))!.version).toBe(3);
  });
});

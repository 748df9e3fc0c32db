/**
 * Configuration edge cases. Out-of-range values are refused with INVALID_PAYLOAD naming the
 * path and nothing is saved (history unchanged); unknown extra fields are dropped, never stored (DESIGN.md: "unknown
 * extra fields pass"); a config stored by an older schema version (written straight into the KVS under the keys
 * documented in src/application/config/config-store.ts) is migrated on read; a config too large for one KVS value
 * is refused with a clear message.
 */
import { kvs } from '@forge/kvs';
import { defaultConfig } from '../../src/domain';
import { CONFIG_SCHEMA_VERSION } from '../../src/contract/config';
import { useDemo } from '../integration/harness';
import { ADMIN, adminPage, call, PO, projectPage, projectSettings, type Answer } from './helpers';

const admin = { accountId: ADMIN, ...adminPage };
const poSettings = { accountId: PO, ...projectSettings('PAY') };

type Config = ReturnType<typeof defaultConfig>;
type Edit = (c: any) => void;

describe('config: validation, migration and size', () => {
  const preview = useDemo();

  async function globalState(): Promise<{ version: number; config: Config; history: unknown }> {
    const cfg = await call(preview.resolver, 'getConfig', {}, admin);
    const history = await call(preview.resolver, 'getConfigHistory', {}, admin);
    if (!cfg.ok || !history.ok) throw new Error('cannot read the global config');
    return { version: cfg.data.version, config: cfg.data.config, history: history.data };
  }

  const cases: [string, string, Edit][] = [
    ['a weight above 100', 'config.weights.customerVoice', (c) => (c.weights.customerVoice = 101)],
    ['a negative weight', 'config.weights.techDebt', (c) => (c.weights.techDebt = -1)],
    ['a weight that is NaN', 'config.weights.enablement', (c) => (c.weights.enablement = NaN)],
    ['a weight that is Infinity', 'config.weights.businessValue', (c) => (c.weights.businessValue = Infinity)],
    ['a weight given as a string', 'config.weights.timeCriticality', (c) => (c.weights.timeCriticality = '15')],
    ['all weights 0', 'config.weights', (c) => Object.keys(c.weights).forEach((k) => (c.weights[k] = 0))],
    [
      'a misspelled weight (the real one is then missing)',
      'config.weights.customerVoice',
      (c) => ((c.weights.custmerVoice = c.weights.customerVoice), delete c.weights.customerVoice),
    ],
    ['a half-life of 0 days', 'config.customerVoice.halfLifeDays', (c) => (c.customerVoice.halfLifeDays = 0)],
    ['a half-life over ten years', 'config.timeCriticality.halfLifeDays', (c) => (c.timeCriticality.halfLifeDays = 4000)],
    ['an effort exponent of 3', 'config.effort.exponent', (c) => (c.effort.exponent = 3)],
    ['a depth of 11 hops', 'config.enablement.maxDepth', (c) => (c.enablement.maxDepth = 11)],
    ['a fractional depth', 'config.enablement.maxDepth', (c) => (c.enablement.maxDepth = 2.5)],
    ['a debt share of 150 %', 'config.roadmap.debtShare', (c) => (c.roadmap.debtShare = 1.5)],
    ['a negative capacity', 'config.roadmap.capacityPerQuarter', (c) => (c.roadmap.capacityPerQuarter = -10)],
    ['a field id carrying JQL', 'config.fields.storyPoints', (c) => (c.fields.storyPoints = 'customfield_1" OR 1=1')],
    ['a lower-case feedback project key', 'config.customerVoice.feedbackProjects.0', (c) => (c.customerVoice.feedbackProjects = ['sup'])],
    ['an invalid regular expression', 'config.customerVoice.remoteLinkPatterns.0', (c) => (c.customerVoice.remoteLinkPatterns = ['(unclosed'])],
    [
      'a lookahead pattern the linear-time engine cannot run',
      'config.customerVoice.remoteLinkPatterns.1',
      (c) => (c.customerVoice.remoteLinkPatterns = ['^https://x/', '^https://(?=a)(?<customer>\\w+)']),
    ],
    ['a blank tech-debt label', 'config.techDebt.labels.0', (c) => (c.techDebt.labels = ['   '])],
    ['a negative option value', 'config.businessValue.optionValues.high', (c) => (c.businessValue.optionValues = { high: -1 })],
    ['a newer schema version', 'config.schemaVersion', (c) => (c.schemaVersion = CONFIG_SCHEMA_VERSION + 1)],
    ['a candidate JQL over 2,000 characters', 'config.candidateJql', (c) => (c.candidateJql = 'x'.repeat(2001))],
    ['a missing section', 'config.roadmap', (c) => delete c.roadmap],
  ];

  it.each(cases)('refuses %s with INVALID_PAYLOAD naming %s, and saves nothing', async (_what, path, edit) => {
    const before = await globalState();
    const bad = structuredClone(before.config) as any;
    edit(bad);
    const r = await call(preview.resolver, 'saveConfig', { expectedVersion: before.version, config: bad }, admin);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_PAYLOAD');
    // The path as the UI shows it (the regular-expression check names it without the payload's `config.` prefix).
    expect(r.error.message).toContain(path.replace(/^config\./, ''));
    expect(await globalState()).toEqual(before);
  });

  it('refuses an out-of-range project override too, and the project keeps inheriting the global config', async () => {
    const before = await call(preview.resolver, 'getConfig', { projectKey: 'PAY' }, poSettings);
    const historyBefore = await call(preview.resolver, 'getConfigHistory', { projectKey: 'PAY' }, poSettings);
    if (!before.ok) throw new Error('getConfig failed');
    const bad = structuredClone(before.data.config);
    bad.customerVoice.undatedWeight = 2;
    const r = await call(preview.resolver, 'saveConfig', { projectKey: 'PAY', expectedVersion: 0, config: bad }, poSettings);
    expect(r.ok ? null : r.error.code).toBe('INVALID_PAYLOAD');
    expect(r.ok ? '' : r.error.message).toContain('customerVoice.undatedWeight');
    expect(await call(preview.resolver, 'getConfig', { projectKey: 'PAY' }, poSettings)).toEqual(before);
    expect(await call(preview.resolver, 'getConfigHistory', { projectKey: 'PAY' }, poSettings)).toEqual(historyBefore);
  });

  it('drops unknown extra fields: they are never stored nor listed as changes', async () => {
    const before = await globalState();
    const next = structuredClone(before.config) as any;
    next.weights.customerVoice = before.config.weights.customerVoice === 31 ? 32 : 31;
    next.weights.bogus = 5;
    next.notASection = { deep: { __proto__: { polluted: true } } };
    Object.defineProperty(next, '__proto__', { value: { polluted: true }, enumerable: true });
    const r = await call(preview.resolver, 'saveConfig', { expectedVersion: before.version, config: next }, admin);
    expect(r.ok ? null : r.error).toBeNull();
    const after = await call(preview.resolver, 'getConfig', {}, admin);
    if (!after.ok) throw new Error('getConfig failed');
    expect(after.data.config.weights).not.toHaveProperty('bogus');
    expect(after.data.config).not.toHaveProperty('notASection');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const history = await call(preview.resolver, 'getConfigHistory', {}, admin);
    if (!history.ok) throw new Error('history failed');
    expect(history.data.entries[0].changes).toEqual([
      { path: 'weights.customerVoice', from: before.config.weights.customerVoice, to: next.weights.customerVoice },
    ]);
  });

  it('migrates a config stored by an older schema (no schemaVersion, only some sections) on read', async () => {
    // What an older app version left in the KVS: the record of version 1 of PAY's override, and the head pointer.
    const old = {
      version: 1,
      config: { weights: { customerVoice: 70, businessValue: 10, timeCriticality: 10, techDebt: 5, enablement: 5 }, techDebt: { labels: ['legacy'] } },
      at: '2025-01-01T00:00:00.000Z',
      by: PO,
      changes: [],
    };
    await kvs.set('cfg:project:PAY:v:000000001', old);
    await kvs.set('cfg:project:PAY:head', { version: 1 });

    const r = await call(preview.resolver, 'getConfig', { projectKey: 'PAY' }, poSettings);
    expect(r.ok ? null : r.error).toBeNull();
    if (!r.ok) return;
    // Read once, it is also migrated to the global data sources, as version 2 written by the app.
    expect(r.data).toMatchObject({ scope: 'project', version: 2, updatedBy: 'valuerank:migration' });
    const d = defaultConfig();
    const { config: global } = await globalState();
    expect(r.data.config).toEqual({
      ...d,
      // A config from before the stakeholders factor reads with its default weight.
      weights: { ...old.config.weights, stakeholders: 10 },
      techDebt: { ...d.techDebt, labels: ['legacy'] },
      customerVoice: { ...d.customerVoice, remoteLinkPatterns: global.customerVoice.remoteLinkPatterns },
    });

    // The backlog uses it.
    const backlog = await call(preview.resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 5 }, { accountId: PO, ...projectPage('PAY') });
    expect(backlog.ok ? null : backlog.error).toBeNull();
    if (backlog.ok) {
      expect(backlog.data.configVersion).toBe(2);
      expect(backlog.data.items[0].factors.customerVoice.weight).toBe(70);
    }
    // And the next save lands on top of it as version 3, in the current schema.
    const saved = await call(preview.resolver, 'saveConfig', { projectKey: 'PAY', expectedVersion: 2, config: r.data.config }, poSettings);
    expect(saved).toEqual({ ok: true, data: { version: 3 } });
    const stored = await kvs.get<{ config: { schemaVersion: number } }>('cfg:project:PAY:v:000000003');
    expect(stored?.config.schemaVersion).toBe(CONFIG_SCHEMA_VERSION);
  });

  it('migrates an explicit schemaVersion 0 record of another scope the same way', async () => {
    await kvs.set('cfg:project:SUP:v:000000001', {
      version: 1,
      config: { schemaVersion: 0, effort: { exponent: 0 } },
      at: '2025-01-01T00:00:00.000Z',
      by: ADMIN,
      changes: [],
    });
    await kvs.set('cfg:project:SUP:head', { version: 1 });
    const r = await call(preview.resolver, 'getConfig', { projectKey: 'SUP' }, admin);
    expect(r.ok ? null : r.error).toBeNull();
    const { config: global } = await globalState();
    if (r.ok)
      expect(r.data.config).toEqual({
        ...defaultConfig(),
        effort: { ...defaultConfig().effort, exponent: 0 },
        customerVoice: { ...defaultConfig().customerVoice, remoteLinkPatterns: global.customerVoice.remoteLinkPatterns },
      });
  });

  it('refuses a config too large for one KVS value (240 KiB) with a clear message, and saves nothing', async () => {
    const before = await globalState();
    const huge = structuredClone(before.config) as any;
    huge.businessValue.optionValues = Object.fromEntries(Array.from({ length: 1400 }, (_, i) => [`option-${i}-${'v'.repeat(200)}`, i]));
    expect(Buffer.byteLength(JSON.stringify(huge))).toBeGreaterThan(240 * 1024);
    const r = await call(preview.resolver, 'saveConfig', { expectedVersion: before.version, config: huge }, admin);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_PAYLOAD');
    expect(r.error.message).toMatch(/too large/i);
    expect(r.error.message).toMatch(/240 KiB/);
    expect(await globalState()).toEqual(before);
  });

  it('accepts a large config that fits (about 80 KB) and reads it back exactly', async () => {
    const before = await globalState();
    const big = structuredClone(before.config) as any;
    big.businessValue.optionValues = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`opt-${i}-${'w'.repeat(180)}`, i]));
    const r = await call(preview.resolver, 'saveConfig', { expectedVersion: before.version, config: big }, admin);
    expect(r.ok ? null : r.error).toBeNull();
    const after = await call(preview.resolver, 'getConfig', {}, admin);
    expect(after.ok && after.data.config).toEqual(big);
  });

  it('accepts a config of about 140 KB, which fits one KVS value (240 KiB) on its own', async () => {
    const before = await globalState();
    const big = structuredClone(before.config) as any;
    big.businessValue.optionValues = Object.fromEntries(Array.from({ length: 700 }, (_, i) => [`big-${i}-${'z'.repeat(190)}`, i]));
    const bytes = Buffer.byteLength(JSON.stringify(big));
    expect(bytes).toBeGreaterThan(130 * 1024);
    expect(bytes).toBeLessThan(160 * 1024);
    const r = await call(preview.resolver, 'saveConfig', { expectedVersion: before.version, config: big }, admin);
    // If it is refused, the message must not claim the configuration is over 240 KiB: it is not.
    expect(r.ok ? null : r.error).toBeNull();
  });

  it('saves a config near its limit whose change list alone is large: the stored record (config + changes) stays within 240 KiB', async () => {
    const before = await globalState();
    // First a large config (many tier names) as its own version, so the next save changes only what follows.
    const large = defaultConfig() as any;
    large.customerVoice.tierWeights = Object.fromEntries(Array.from({ length: 440 }, (_, i) => [`tier-${i}-${'t'.repeat(240)}`, 1]));
    const first = await call(preview.resolver, 'saveConfig', { expectedVersion: before.version, config: large }, admin);
    if (!first.ok) throw new Error(`first save: ${first.error.message}`);
    // Then 100 option names of 250 three-byte characters: each is a change whose path alone is ~780 bytes.
    const next = structuredClone(large);
    next.businessValue.optionValues = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`${String(i).padStart(3, '0')}${'値'.repeat(247)}`, i]));
    const configBytes = Buffer.byteLength(JSON.stringify(next));
    expect(configBytes).toBeGreaterThan(180 * 1024);
    expect(configBytes).toBeLessThan(200 * 1024);
    const r = await call(preview.resolver, 'saveConfig', { expectedVersion: first.data.version, config: next }, admin);
    expect(r.ok ? null : r.error).toBeNull();
    if (!r.ok) return;
    const stored = await kvs.get(`cfg:global:v:${String(r.data.version).padStart(9, '0')}`);
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThanOrEqual(240 * 1024);
    const after = await call(preview.resolver, 'getConfig', {}, admin);
    expect(after.ok && after.data.config).toEqual(next);
    // The change list says how many changes it left out.
    const history = await call(preview.resolver, 'getConfigHistory', {}, admin);
    if (!history.ok) throw new Error('history failed');
    const changes = history.data.entries[0].changes as { path: string; to: unknown }[];
    expect(changes.length).toBeGreaterThan(0);
    expect(changes[changes.length - 1]).toMatchObject({ path: '…', to: expect.stringMatching(/^\d+ more changes$/) });
  });

  it('pages the history through getConfigHistory: every version once, newest first; a bad cursor is INVALID_PAYLOAD', async () => {
    const { version } = await globalState();
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const r: Answer = await call(preview.resolver, 'getConfigHistory', { limit: 3, ...(cursor === null ? {} : { cursor }) }, admin);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.data.entries.length).toBeLessThanOrEqual(3);
      seen.push(...r.data.entries.map((e: { version: number }) => e.version));
      cursor = r.data.nextCursor;
      if (cursor === null) break;
    }
    expect(seen).toEqual(Array.from({ length: version }, (_, i) => version - i));
    const bad = await call(preview.resolver, 'getConfigHistory', { cursor: '../1' }, admin);
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_PAYLOAD');
    expect(bad.ok ? '' : bad.error.message).toContain('cursor');
  });

  it('a stored config newer than the app gives a clear error, not a crash', async () => {
    const head = (await kvs.get<{ version: number }>('cfg:global:head'))!.version;
    const next = head + 1;
    await kvs.set(`cfg:global:v:${String(next).padStart(9, '0')}`, {
      version: next,
      config: { ...defaultConfig(), schemaVersion: 99 },
      at: '2027-01-01T00:00:00.000Z',
      by: ADMIN,
      changes: [],
    });
    const r = await call(preview.resolver, 'getConfig', {}, admin);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).not.toBe('INTERNAL');
    expect(r.error.message).toMatch(/newer than this app/i);
  });
});

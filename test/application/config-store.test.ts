import { ConfigStore } from '../../src/application/config/config-store';
import { migrateConfig } from '../../src/application/config/migrate-config';
import { AppError } from '../../src/application/errors';
import { defaultConfig } from '../../src/domain';
import { MemoryKv } from '../fakes/memory-kv';

const clock = () => new Date('2026-11-25T12:00:00Z');
const GLOBAL = { kind: 'global' } as const;

function withWeight(w: number) {
  const c = defaultConfig();
  c.weights.customerVoice = w;
  return c;
}

describe('ConfigStore', () => {
  it('starts from the defaults at version 0 and saves version 1 with who, when and what changed', async () => {
    const store = new ConfigStore(new MemoryKv(), clock);
    expect(await store.effective(null)).toEqual({ scope: 'global', record: null, config: defaultConfig(), globalVersion: 0 });
    const saved = await store.save(GLOBAL, 0, withWeight(50), 'acc-admin');
    expect(saved).toMatchObject({
      version: 1,
      by: 'acc-admin',
      at: '2026-11-25T12:00:00.000Z',
      changes: [{ path: 'weights.customerVoice', from: 30, to: 50 }],
    });
    expect((await store.effective('PRJ')).config.weights.customerVoice).toBe(50);
  });

  it('refuses a save on top of a stale version with CONFIG_CONFLICT', async () => {
    const store = new ConfigStore(new MemoryKv(), clock);
    await store.save(GLOBAL, 0, withWeight(40), 'a');
    await expect(store.save(GLOBAL, 0, withWeight(41), 'b')).rejects.toMatchObject({
      code: 'CONFIG_CONFLICT',
      details: { currentVersion: 1, expectedVersion: 0 },
    });
  });

  it('lets exactly one of 20 parallel saves with the same expected version win, with one history entry', async () => {
    const store = new ConfigStore(new MemoryKv(), clock);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.save(GLOBAL, 0, withWeight(i + 1), `admin-${i}`)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.reason instanceof AppError && r.reason.code === 'CONFIG_CONFLICT')).toBe(true);
    expect((await store.history(GLOBAL)).entries).toHaveLength(1);
  });

  it('keeps a project override apart from the global config', async () => {
    const store = new ConfigStore(new MemoryKv(), clock);
    await store.save(GLOBAL, 0, withWeight(10), 'a');
    const saved = await store.save({ kind: 'project', projectKey: 'PRJ' }, 0, withWeight(90), 'b');
    expect(saved.changes).toEqual([{ path: 'weights.customerVoice', from: 10, to: 90 }]);
    expect((await store.effective('PRJ')).scope).toBe('project');
    expect((await store.effective('PRJ')).config.weights.customerVoice).toBe(90);
    expect((await store.effective('OTHER')).config.weights.customerVoice).toBe(10);
  });

  it('reverts by saving the earlier config as a new version, restoring it exactly', async () => {
    const store = new ConfigStore(new MemoryKv(), clock);
    await store.save(GLOBAL, 0, withWeight(11), 'a');
    await store.save(GLOBAL, 1, withWeight(22), 'a');
    const reverted = await store.revert(GLOBAL, 1, 2, 'b');
    expect(reverted).toMatchObject({ version: 3, revertedTo: 1 });
    expect(reverted.config).toEqual((await store.history(GLOBAL)).entries.find((h) => h.version === 1)!.config);
    expect((await store.history(GLOBAL)).entries.map((h) => h.version)).toEqual([3, 2, 1]);
    await expect(store.revert(GLOBAL, 9, 3, 'b')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('finds a version written before a crash kept the head pointer from moving', async () => {
    const kv = new MemoryKv();
    const store = new ConfigStore(kv, clock);
    await store.save(GLOBAL, 0, withWeight(11), 'a');
    await kv.setIfAbsent('cfg:global:v:000000002', { ...(await store.latest(GLOBAL))!, version: 2, config: withWeight(33) });
    expect((await store.latest(GLOBAL))!.version).toBe(2);
    await expect(store.save(GLOBAL, 1, withWeight(44), 'a')).rejects.toMatchObject({ code: 'CONFIG_CONFLICT' });
  });

  it('refuses a config too large for one KVS value with a clear message', async () => {
    const store = new ConfigStore(new MemoryKv(), clock);
    const big = defaultConfig();
    big.businessValue.optionValues = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`option ${i} ${'x'.repeat(90)}`, i]));
    await expect(store.save(GLOBAL, 0, big, 'a')).rejects.toMatchObject({ code: 'INVALID_PAYLOAD', message: expect.stringContaining('too large') });
  });
});

describe('migrateConfig', () => {
  it('fills what an older, partial config lacks from the defaults', () => {
    const migrated = migrateConfig({ weights: { customerVoice: 5, businessValue: 1, timeCriticality: 1, techDebt: 1, enablement: 1 }, extra: 'ignored' });
    expect(migrated.schemaVersion).toBe(2);
    expect(migrated.weights.customerVoice).toBe(5);
    expect(migrated.weights.stakeholders).toBe(10);
    expect(migrated.techDebt.labels).toEqual(defaultConfig().techDebt.labels);
    expect(migrated).not.toHaveProperty('extra');
  });

  it('names the failing path of an out-of-range value', () => {
    const bad = defaultConfig() as unknown as { weights: Record<string, number> };
    bad.weights.techDebt = -1;
    expect(() => migrateConfig(bad)).toThrow(/weights\.techDebt/);
  });

  it('refuses an invalid remote-link pattern at save and a config from a newer app', async () => {
    const c = defaultConfig();
    c.customerVoice.remoteLinkPatterns = ['(unclosed'];
    await expect(new ConfigStore(new MemoryKv(), clock).save(GLOBAL, 0, c, 'acc-admin')).rejects.toThrow(/remoteLinkPatterns\.0/);
    expect(() => migrateConfig({ ...defaultConfig(), schemaVersion: 99 })).toThrow(/newer than this app/);
  });

  it('ignores prototype-pollution keys', () => {
    const migrated = migrateConfig(
      JSON.parse(
        '{"__proto__": {"polluted": true}, "weights": {"customerVoice": 1, "businessValue": 1, "timeCriticality": 1, "techDebt": 1, "enablement": 1}}',
      ),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(migrated.weights.customerVoice).toBe(1);
  });
});

describe('ConfigStore history', () => {
  it('reads a long history a page at a time, newest first, from the versions it asks for and never a listing of every record', async () => {
    const kv = new MemoryKv();
    const store = new ConfigStore(kv, clock);
    for (let v = 0; v < 60; v++) await store.save(GLOBAL, v, withWeight(v % 2 === 0 ? 41 : 42), 'a');
    const listed = jest.spyOn(kv, 'listByPrefix');
    const read = jest.spyOn(kv, 'getMany');
    const first = await store.history(GLOBAL, { limit: 25 });
    expect(first.entries.map((e) => e.version)).toEqual(Array.from({ length: 25 }, (_, i) => 60 - i));
    expect(first.nextCursor).not.toBeNull();
    expect(listed).not.toHaveBeenCalled();
    expect(Math.max(...read.mock.calls.map(([keys]) => keys.length))).toBeLessThanOrEqual(25);
    const seen = [...first.entries.map((e) => e.version)];
    let cursor = first.nextCursor;
    for (let page = 0; cursor !== null && page < 10; page++) {
      const next = await store.history(GLOBAL, { cursor, limit: 25 });
      seen.push(...next.entries.map((e) => e.version));
      cursor = next.nextCursor;
    }
    expect(cursor).toBeNull();
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => 60 - i));
  });

  it('answers an empty page with no cursor for a scope never saved, and for a cursor past the first version', async () => {
    const store = new ConfigStore(new MemoryKv(), clock);
    expect(await store.history(GLOBAL, {})).toEqual({ entries: [], nextCursor: null });
    await store.save(GLOBAL, 0, withWeight(41), 'a');
    expect(await store.history(GLOBAL, { cursor: '1' })).toEqual({ entries: [], nextCursor: null });
  });
});

describe('ConfigStore and URL patterns the linear-time engine cannot run', () => {
  const lookahead = '^https://(?=a)(?<customer>\\w+)';

  it('still loads a config stored with such a pattern, so the app keeps working until an admin edits it', async () => {
    const kv = new MemoryKv();
    const store = new ConfigStore(kv, clock);
    const saved = await store.save(GLOBAL, 0, defaultConfig(), 'acc-admin');
    // As an earlier version of the app, which checked patterns with the built-in engine, could have stored it.
    const raw = (await kv.get<{ config: { customerVoice: { remoteLinkPatterns: string[] } } }>('cfg:global:v:000000001'))!;
    raw.config.customerVoice.remoteLinkPatterns = ['^https://support\\.example\\.com/', lookahead];
    await kv.set('cfg:global:v:000000001', raw);

    const { config, record } = await store.effective('PRJ');
    expect(record?.version).toBe(saved.version);
    expect(config.customerVoice.remoteLinkPatterns).toEqual(['^https://support\\.example\\.com/', lookahead]);
  });

  it('refuses to save such a pattern, naming it, whether saved anew or by a revert', async () => {
    const kv = new MemoryKv();
    const store = new ConfigStore(kv, clock);
    const bad = defaultConfig();
    bad.customerVoice.remoteLinkPatterns = [lookahead];
    await expect(store.save(GLOBAL, 0, bad, 'acc-admin')).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
      details: [{ path: 'customerVoice.remoteLinkPatterns.0' }],
    });

    await store.save(GLOBAL, 0, defaultConfig(), 'acc-admin');
    const raw = (await kv.get<{ config: { customerVoice: { remoteLinkPatterns: string[] } } }>('cfg:global:v:000000001'))!;
    raw.config.customerVoice.remoteLinkPatterns = [lookahead];
    await kv.set('cfg:global:v:000000001', raw);
    await store.save(GLOBAL, 1, defaultConfig(), 'acc-admin');
    await expect(store.revert(GLOBAL, 1, 2, 'acc-admin')).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kvs, Filter, FilterConditions, WhereConditions, ForgeKvsAPIError } from '@forge/kvs';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../../dev/runtime/install';
import { KvsStore } from '../../../dev/runtime/kvs-store';
import { LocalQueue } from '../../../dev/runtime/queue';

/** Runs the real @forge/kvs against `store` for the duration of `fn`. */
async function withStore<T>(store: KvsStore, fn: () => Promise<T>): Promise<T> {
  const runtime: InstalledForgeRuntime = installForgeRuntime({ jiraBaseUrl: 'http://127.0.0.1:9', store, queue: new LocalQueue() });
  try {
    return await fn();
  } finally {
    runtime.uninstall();
  }
}

const kvsError = (code: string) => expect.objectContaining({ name: 'ForgeKvsError', code });

describe('local KVS through @forge/kvs', () => {
  let dir: string;
  let store: KvsStore;
  let runtime: InstalledForgeRuntime;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'valuerank-kvs-'));
    store = new KvsStore({ dir });
    runtime = installForgeRuntime({ jiraBaseUrl: 'http://127.0.0.1:9', store, queue: new LocalQueue() });
  });
  afterEach(() => {
    runtime.uninstall();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sets, gets and deletes values of every JSON type', async () => {
    await kvs.set('config:global', { version: 3, weights: [1, 2] });
    await kvs.set('flag', true);
    await kvs.set('count', 42);

    expect(await kvs.get('config:global')).toEqual({ version: 3, weights: [1, 2] });
    expect(await kvs.get('flag')).toBe(true);
    expect(await kvs.get('count')).toBe(42);
    expect(await kvs.get('missing')).toBeUndefined();

    await kvs.delete('flag');
    await kvs.delete('never-existed');
    expect(await kvs.get('flag')).toBeUndefined();
  });

  it('returns metadata when asked', async () => {
    await kvs.set('k', 'v');
    const result = await kvs.get('k', { metadataFields: ['CREATED_AT' as never, 'UPDATED_AT' as never] });
    expect(result).toEqual({ key: 'k', value: 'v', createdAt: expect.any(Number), updatedAt: expect.any(Number) });
  });

  it('rejects a value over 240 KiB and a key over 500 characters with the package error', async () => {
    const big = { text: 'x'.repeat(240 * 1024) };
    await expect(kvs.set('big', big)).rejects.toBeInstanceOf(ForgeKvsAPIError);
    await expect(kvs.set('big', big)).rejects.toEqual(kvsError('MAX_SIZE'));
    await expect(kvs.set('k'.repeat(501), 1)).rejects.toEqual(kvsError('KEY_TOO_LONG'));
    await expect(kvs.set('bad/key', 1)).rejects.toEqual(kvsError('INVALID_KEY'));
    await expect(kvs.get('big')).resolves.toBeUndefined();

    await expect(kvs.set('k'.repeat(500), { text: 'x'.repeat(200 * 1024) })).resolves.toBeUndefined();
  });

  it('pages a prefix query with a cursor, in key order', async () => {
    for (const n of [3, 1, 5, 2, 4]) await kvs.set(`score:PRJ-${n}`, n);
    await kvs.set('other', 0);

    const first = await kvs.query().where('key', WhereConditions.beginsWith('score:')).limit(2).getMany<number>();
    expect(first.results).toEqual([
      { key: 'score:PRJ-1', value: 1 },
      { key: 'score:PRJ-2', value: 2 },
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));

    const rest: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await kvs.query().where('key', WhereConditions.beginsWith('score:')).limit(2).cursor(cursor).getMany<number>();
      rest.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    }
    expect(rest).toEqual(['score:PRJ-3', 'score:PRJ-4', 'score:PRJ-5']);
    expect(await kvs.query().where('key', WhereConditions.beginsWith('score:PRJ-4')).getOne()).toEqual({ key: 'score:PRJ-4', value: 4 });
  });

  it('batches up to 25 keys and reports per-key failures', async () => {
    const set = await kvs.batchSet([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
      { key: 'b'.repeat(501), value: 3 },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'a' }, { key: 'b' }]);
    expect(set.failedKeys).toEqual([{ key: 'b'.repeat(501), error: expect.objectContaining({ code: 'KEY_TOO_LONG' }) }]);

    const got = await kvs.batchGet<number>([{ key: 'a' }, { key: 'b' }, { key: 'c' }]);
    expect(got.successfulKeys.map(({ key, value }) => ({ key, value }))).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
    expect(got.failedKeys).toEqual([{ key: 'c', error: expect.objectContaining({ code: 'KEY_NOT_FOUND' }) }]);

    const tooMany = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
    await expect(kvs.batchSet(tooMany)).rejects.toEqual(kvsError('INVALID_REQUEST'));

    await kvs.batchDelete([{ key: 'a' }]);
    expect(await kvs.get('a')).toBeUndefined();
  });

  it('refuses a batch or transaction whose body exceeds 4 MB, though each value is under 240 KiB', async () => {
    const value = { text: 'x'.repeat(230 * 1024) };
    const items = Array.from({ length: 20 }, (_, i) => ({ key: `big${i}`, value }));
    await expect(kvs.batchSet(items)).rejects.toEqual(kvsError('MAX_SIZE'));
    const tx = items.reduce((t, item) => t.set(item.key, item.value), kvs.transact());
    await expect(tx.execute()).rejects.toEqual(kvsError('MAX_SIZE'));
    expect(store.peek('big0')).toBeUndefined();

    await expect(kvs.batchSet(items.slice(0, 10))).resolves.toEqual(expect.objectContaining({ failedKeys: [] }));
  });

  it('honours FAIL_IF_EXISTS and returns previous values on request', async () => {
    await kvs.set('lock', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expect(kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' })).rejects.toEqual(kvsError('KEY_ALREADY_EXISTS'));
    const previous = await kvs.set('lock', 'third', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(previous).toEqual({ key: 'lock', value: 'first' });
    expect(await kvs.get('lock')).toBe('third');
  });

  it('applies a transaction all together', async () => {
    await kvs.set('old', 1);
    await kvs.transact().set('config', { version: 2 }).set('history:2', { by: 'u' }).delete('old').execute();

    expect(await kvs.get('config')).toEqual({ version: 2 });
    expect(await kvs.get('history:2')).toEqual({ by: 'u' });
    expect(await kvs.get('old')).toBeUndefined();
  });

  it('applies nothing when a transaction check fails (optimistic concurrency on an entity)', async () => {
    await kvs.entity<{ version: number }>('config').set('global', { version: 3 });
    const expected = (version: number) => new Filter<{ version: number }>().and('version', FilterConditions.equalTo(version));

    await expect(
      kvs
        .transact()
        .set('global', { version: 4 }, { entityName: 'config', conditions: expected(2) })
        .set('history:4', { by: 'late' })
        .execute(),
    ).rejects.toEqual(kvsError('CONDITIONAL_CHECK_FAILED'));
    expect(await kvs.entity('config').get('global')).toEqual({ version: 3 });
    expect(await kvs.get('history:4')).toBeUndefined();

    await kvs
      .transact()
      .set('global', { version: 4 }, { entityName: 'config', conditions: expected(3) })
      .set('history:4', { by: 'on time' })
      .execute();
    expect(await kvs.entity('config').get('global')).toEqual({ version: 4 });
    expect(await kvs.get('history:4')).toEqual({ by: 'on time' });
  });

  it('rejects a transaction that names a key twice or an invalid value, changing nothing', async () => {
    await expect(kvs.transact().set('x', 1).delete('x').execute()).rejects.toEqual(kvsError('INVALID_REQUEST'));
    await expect(
      kvs
        .transact()
        .set('y', 1)
        .set('z', { t: 'x'.repeat(241 * 1024) })
        .execute(),
    ).rejects.toEqual(kvsError('MAX_SIZE'));
    expect(await kvs.get('y')).toBeUndefined();
  });

  it('keeps secrets apart from plain keys', async () => {
    await kvs.setSecret('token', 's3cret');
    expect(await kvs.get('token')).toBeUndefined();
    expect(await kvs.getSecret('token')).toBe('s3cret');
    expect((await kvs.query().getMany()).results).toEqual([]);
  });

  it('expires values after their TTL', async () => {
    let now = Date.parse('2026-11-25T00:00:00Z');
    const clocked = new KvsStore({ now: () => now });
    await withStore(clocked, async () => {
      await kvs.set('session', 'v', { ttl: { value: 1, unit: 'HOURS' } });
      expect(await kvs.get('session')).toBe('v');
      now += 3_600_001;
      expect(await kvs.get('session')).toBeUndefined();
    });
  });

  it('persists across a new store on the same directory', async () => {
    await kvs.set('config', { version: 7 });
    await kvs.transact().set('a', 1).set('b', 2).execute();
    await kvs.delete('b');

    const reopened = new KvsStore({ dir });
    expect(reopened.peek('config')).toEqual({ version: 7 });
    await withStore(reopened, async () => {
      expect(await kvs.get('a')).toBe(1);
      expect(await kvs.get('b')).toBeUndefined();
      expect((await kvs.query().getMany()).results.map((r) => r.key)).toEqual(['a', 'config']);
    });
    expect(fs.readdirSync(path.join(dir, 'kvs', 'records')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('finishes an interrupted transaction from its journal on restart', async () => {
    const journal = [{ put: { ns: 'kv', key: 'half', value: 'done', createdAt: 1, updatedAt: 1 } }, { remove: { ns: 'kv', key: 'gone' } }];
    await kvs.set('gone', 1);
    fs.writeFileSync(path.join(dir, 'kvs', 'journal.json'), JSON.stringify(journal));

    const reopened = new KvsStore({ dir });
    expect(reopened.peek('half')).toBe('done');
    expect(reopened.peek('gone')).toBeUndefined();
    expect(fs.existsSync(path.join(dir, 'kvs', 'journal.json'))).toBe(false);
  });
});

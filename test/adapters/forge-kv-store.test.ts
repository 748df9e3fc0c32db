import { ForgeKvStore } from '../../src/adapters/storage/forge-kv-store';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../dev/runtime/install';
import { KvsStore } from '../../dev/runtime/kvs-store';
import { LocalQueue } from '../../dev/runtime/queue';

describe('ForgeKvStore over the local KVS', () => {
  let runtime: InstalledForgeRuntime;
  let store: KvsStore;
  beforeEach(() => {
    store = new KvsStore();
    runtime = installForgeRuntime({ jiraBaseUrl: 'http://127.0.0.1:9', store, queue: new LocalQueue() });
  });
  afterEach(() => runtime.uninstall());

  it('writes 25 values near the 240 KiB limit in batches that each stay under the 4 MB request limit', async () => {
    const kv = new ForgeKvStore();
    const entries = Array.from({ length: 25 }, (_, i) => ({ key: `ctx:PAY:${i}`, value: [`${i}`, 'x'.repeat(235 * 1024)] }));

    await kv.setMany(entries);

    for (const e of entries) expect(store.peek(e.key)).toEqual(e.value);
    const back = await kv.getMany<unknown>(entries.map((e) => e.key));
    expect(back.size).toBe(25);
  });
});

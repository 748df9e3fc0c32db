import { RemoteLinkCache } from '../../../src/application/backlog/remote-link-cache';
import { MAX_VALUE_BYTES } from '../../../src/application/ports/key-value-store';
import { MemoryKv } from '../../fakes/memory-kv';

const longLink = (issue: number, n: number) => ({
  globalId: `system=https://support.example.com&id=${issue}-${n}`,
  object: { url: `https://support.example.com/orgs/acme/tickets/${issue}-${n}?${'q'.repeat(900)}` },
});

describe('RemoteLinkCache', () => {
  it('keeps every issue it was given when a bucket outgrows one KVS value, each stored value under the limit', async () => {
    const kv = new MemoryKv();
    const cache = await RemoteLinkCache.open(kv, 'PAY');
    const ids = Array.from({ length: 600 }, (_, i) => String(20000 + i));
    for (const id of ids)
      cache.put(
        id,
        '2026-11-01T00:00:00.000+0000',
        Array.from({ length: 30 }, (_, n) => longLink(Number(id), n)),
      );
    await cache.save();

    expect(Math.max(...[...kv.data.values()].map((v) => Buffer.byteLength(v)))).toBeLessThanOrEqual(MAX_VALUE_BYTES);
    const again = await RemoteLinkCache.open(kv, 'PAY');
    const missing = ids.filter((id) => again.get(id, '2026-11-01T00:00:00.000+0000')?.length !== 30);
    expect(missing).toEqual([]);
  });

  it('drops the parts a bucket no longer needs once its entries are forgotten', async () => {
    const kv = new MemoryKv();
    const cache = await RemoteLinkCache.open(kv, 'PAY');
    for (let i = 0; i < 600; i++)
      cache.put(
        String(30000 + i),
        'u',
        Array.from({ length: 30 }, (_, n) => longLink(i, n)),
      );
    await cache.save();
    const partsBefore = [...kv.data.keys()].filter((k) => /^rl:PAY:\d+:\d+$/.test(k)).length;
    cache.retainOnly(new Set(['30000']));
    await cache.save();

    expect(partsBefore).toBeGreaterThan(0);
    expect([...kv.data.keys()].filter((k) => /^rl:PAY:\d+:\d+$/.test(k))).toEqual([]);
    expect((await RemoteLinkCache.open(kv, 'PAY')).get('30000', 'u')).toHaveLength(30);
  });

  it('does not cache an issue whose links alone would not fit one value, so they are read again rather than cut', async () => {
    const kv = new MemoryKv();
    const cache = await RemoteLinkCache.open(kv, 'PAY');
    cache.put(
      '1',
      'u',
      Array.from({ length: 100 }, (_, n) => ({ object: { url: `https://wiki.example.com/${n}/${'x'.repeat(1900)}` } })),
    );
    cache.put('2', 'u', [{ object: { url: 'https://wiki.example.com/short' } }]);
    await cache.save();
    const again = await RemoteLinkCache.open(kv, 'PAY');

    expect(again.get('1', 'u')).toBeUndefined();
    expect(again.get('2', 'u')).toEqual([{ object: { url: 'https://wiki.example.com/short' } }]);
  });

  it('keeps every link of an issue with more than a hundred short ones', async () => {
    const kv = new MemoryKv();
    const cache = await RemoteLinkCache.open(kv, 'PAY');
    cache.put(
      '1',
      'u',
      Array.from({ length: 150 }, (_, n) => ({ object: { url: `https://support.example.com/t/${n}` } })),
    );
    await cache.save();

    expect((await RemoteLinkCache.open(kv, 'PAY')).get('1', 'u')).toHaveLength(150);
  });
});

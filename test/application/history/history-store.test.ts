import { BASE_EVERY, HISTORY_DAYS, prune, readIndex, readPoints, writePoint, type PointHead } from '../../../src/application/history/history-store';
import { MAX_VALUE_BYTES } from '../../../src/application/ports/key-value-store';
import { MemoryKv } from '../../fakes/memory-kv';
import { syntheticDays } from '../../../bench/history/synthetic-history';

const DAY = 86_400_000;

function head(i: number, over: Partial<PointHead> = {}): PointHead {
  return {
    id: `p${i}`,
    at: new Date(Date.UTC(2026, 0, 1) + i * DAY).toISOString(),
    kind: 'd',
    configVersion: 1,
    w: [],
    base: i % BASE_EVERY === 0,
    chunks: 1,
    ...over,
  };
}

describe('history store', () => {
  it('reads back every one of 40 daily points exactly, through base points and deltas', async () => {
    const kv = new MemoryKv();
    const days = [...syntheticDays(300, 40)];
    for (const p of days) await writePoint(kv, 'PAY', p, 'd', { replaceLast: false, now: new Date(p.at) });
    const index = await readIndex(kv, 'PAY');
    expect(index.points).toHaveLength(40);
    expect(index.points.filter((h) => h.base).map((h) => index.points.indexOf(h))).toEqual([0, BASE_EVERY, 2 * BASE_EVERY]);
    const read = await readPoints(kv, 'PAY', index, [3, 17, 39]);
    expect(read.get(3)).toEqual(days[3]);
    expect(read.get(17)).toEqual(days[17]);
    expect(read.get(39)).toEqual(days[39]);
  });

  it("rewrites the newest point in place and deletes the replaced point's values", async () => {
    const kv = new MemoryKv();
    const [a, b, c] = [...syntheticDays(50, 3)];
    await writePoint(kv, 'PAY', a!, 'd', { replaceLast: false, now: new Date(a!.at) });
    await writePoint(kv, 'PAY', b!, 'd', { replaceLast: false, now: new Date(b!.at) });
    const before = [...kv.data.keys()].filter((k) => k.startsWith('hist:PAY:p:')).length;
    await writePoint(kv, 'PAY', { ...c!, at: b!.at }, 'd', { replaceLast: true, now: new Date(b!.at) });
    const index = await readIndex(kv, 'PAY');
    expect(index.points).toHaveLength(2);
    expect((await readPoints(kv, 'PAY', index, [1])).get(1)!.entries).toEqual(c!.entries);
    expect([...kv.data.keys()].filter((k) => k.startsWith('hist:PAY:p:')).length).toBe(before);
  });

  it('drops whole base-to-base segments older than 90 days, keeping the newest config changes and the newest point', () => {
    const points = Array.from({ length: 120 }, (_, i) => head(i, i === 2 ? { kind: 'b' } : i === 3 ? { kind: 'a' } : {}));
    const now = new Date(Date.parse(points[119]!.at) + DAY);
    const { keep, drop } = prune(points, now);
    const cutoff = now.getTime() - HISTORY_DAYS * DAY;
    expect(keep[0]!.base).toBe(true);
    expect(keep.some((h) => h.kind === 'a') && keep.some((h) => h.kind === 'b')).toBe(true);
    // Segment 0 stays for the config change in it; 15–29 lies wholly before the cutoff; 30 on is kept.
    expect(drop.map((h) => h.id)).toEqual(Array.from({ length: 15 }, (_, i) => `p${15 + i}`));
    expect(drop.every((h) => Date.parse(h.at) < cutoff)).toBe(true);
    expect(keep.at(-1)!.id).toBe('p119');
  });

  it('keeps every stored value within the KVS limit when one point outgrows a value', async () => {
    const kv = new MemoryKv();
    const [p] = [...syntheticDays(5000, 1)];
    await writePoint(kv, 'PAY', p!, 'd', { replaceLast: false, now: new Date(p!.at) });
    const index = await readIndex(kv, 'PAY');
    expect(index.points[0]!.chunks).toBeGreaterThan(1);
    for (const [k, v] of kv.data) if (k.startsWith('hist:')) expect(Buffer.byteLength(v)).toBeLessThanOrEqual(MAX_VALUE_BYTES);
    expect((await readPoints(kv, 'PAY', index, [0])).get(0)).toEqual(p);
  });
});

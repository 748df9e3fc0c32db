import { LOCK_TTL_MS, releaseLock, takeLock } from '../../src/application/rank-sync/apply-lock';
import { MemoryKv } from '../fakes/memory-kv';

const LOCK = 'rs:PRJ:lock';

/**
 * A store that parks the first `n` reads of the lock: the test lets them go on one at a time, so every taker acts
 * on the same stale lock it read, each after the previous one has finished.
 */
class ParkedReadsKv extends MemoryKv {
  readonly parked: (() => void)[] = [];
  constructor(private pending: number) {
    super();
  }
  override async get<T>(key: string): Promise<T | undefined> {
    const value = await super.get<T>(key);
    if (key === LOCK && this.pending > 0) {
      this.pending--;
      await new Promise<void>((resolve) => this.parked.push(resolve));
    }
    return value;
  }
}

describe('the rank-sync apply lock', () => {
  it.each([2, 3, 5])('gives a stale lock to exactly one of %i appliers that all read it before any took it over', async (n) => {
    const kv = new ParkedReadsKv(n);
    await kv.set(LOCK, { owner: 'dead', planId: 'p0', at: Date.now() - 2 * LOCK_TTL_MS });
    const takers = Array.from({ length: n }, (_, i) => takeLock(kv, 'PRJ', `p${i + 1}`));
    while (kv.parked.length < n) await new Promise((r) => setImmediate(r));
    const outcomes: PromiseSettledResult<{ owner: string }>[] = [];
    for (let i = 0; i < n; i++) {
      kv.parked[i]!();
      outcomes.push((await Promise.allSettled([takers[i]!]))[0]!);
    }
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(Array(n - 1).fill('BUSY'));
    // The lock in the store is the winner's.
    expect((await kv.get<{ owner: string }>(LOCK))!.owner).toBe((won[0] as PromiseFulfilledResult<{ owner: string }>).value.owner);
  });

  it('takes over a lock written before locks had owners', async () => {
    const kv = new MemoryKv();
    await kv.set(LOCK, { planId: 'old', at: Date.now() - 2 * LOCK_TTL_MS });
    const held = await takeLock(kv, 'PRJ', 'p1');
    expect(await kv.get(LOCK)).toMatchObject({ owner: held.owner, planId: 'p1' });
  });

  it('answers BUSY while a fresh lock is held, and its release by another apply leaves it', async () => {
    const kv = new MemoryKv();
    const first = await takeLock(kv, 'PRJ', 'p1');
    await expect(takeLock(kv, 'PRJ', 'p2')).rejects.toMatchObject({ code: 'BUSY' });
    await releaseLock(kv, { projectKey: 'PRJ', owner: 'someone-else' });
    expect(await kv.get(LOCK)).toMatchObject({ owner: first.owner });
    await releaseLock(kv, first);
    expect(await kv.get(LOCK)).toBeUndefined();
  });

  it('gets past a takeover whose taker died half-way, once that taker is stale too', async () => {
    const kv = new MemoryKv();
    const longAgo = Date.now() - 2 * LOCK_TTL_MS;
    await kv.set(LOCK, { owner: 'dead', planId: 'p0', at: longAgo });
    await kv.set('rs:PRJ:lock:takeover:dead', { owner: 'dead-taker', at: longAgo });
    const held = await takeLock(kv, 'PRJ', 'p1');
    expect(await kv.get(LOCK)).toMatchObject({ owner: held.owner });
  });
});

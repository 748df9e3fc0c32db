import { anyEnrolled, enrolledProjects, enrolProject, isEnrolled } from '../../../src/application/background/enrolment';
import { markHandled, wasHandled } from '../../../src/application/background/handled-events';
import { acquireProjectLock, busyRetryAfterSeconds, releaseProjectLock, STALE_MS } from '../../../src/application/background/project-lock';
import { MemoryKv } from '../../fakes/memory-kv';

const AT = new Date('2026-11-25T10:00:00.000Z');
const minutesLater = (m: number): Date => new Date(AT.getTime() + m * 60_000);

describe('project lock', () => {
  it('lets one holder in at a time and the next in after release', async () => {
    const kv = new MemoryKv();
    const results = await Promise.all(['a', 'b', 'c'].map((h) => acquireProjectLock(kv, 'PAY', h, AT)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = ['a', 'b', 'c'][results.indexOf(true)]!;

    await releaseProjectLock(kv, 'PAY', 'not-the-holder');
    expect(await acquireProjectLock(kv, 'PAY', 'd', AT)).toBe(false);
    await releaseProjectLock(kv, 'PAY', holder);
    expect(await acquireProjectLock(kv, 'PAY', 'd', AT)).toBe(true);
  });

  it('gives a stale lock to exactly one of three takers that all read it before any took it over', async () => {
    // The first three reads of the lock are parked and let go one at a time, each after the previous taker finished.
    const parked: (() => void)[] = [];
    let pending = 3;
    const kv = new MemoryKv();
    const get = kv.get.bind(kv);
    kv.get = async <T>(key: string): Promise<T | undefined> => {
      const value = await get<T>(key);
      if (key === 'lock:recompute:PAY' && pending > 0) {
        pending--;
        await new Promise<void>((resolve) => parked.push(resolve));
      }
      return value;
    };
    await kv.set('lock:recompute:PAY', { owner: 'dead', at: AT.getTime() });
    const takers = ['a', 'b', 'c'].map((h) => acquireProjectLock(kv, 'PAY', h, minutesLater(17)));
    while (parked.length < 3) await new Promise((r) => setImmediate(r));
    const won: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      parked[i]!();
      won.push(await takers[i]!);
    }
    expect(won.filter(Boolean)).toHaveLength(1);
    expect((await get<{ owner: string }>('lock:recompute:PAY'))!.owner).toBe(['a', 'b', 'c'][won.indexOf(true)]);
  });

  it("brings a busy project's event back soon at first, and within four retries after a dead holder's lock goes stale", () => {
    const soonest = [0, 1, 2, 3].map((n) => busyRetryAfterSeconds(n, () => 0));
    const latest = [0, 1, 2, 3].map((n) => busyRetryAfterSeconds(n, () => 0.999));
    expect(latest[0]).toBeLessThan(30);
    expect(soonest.reduce((a, b) => a + b, 0) * 1000).toBeGreaterThan(STALE_MS);
    expect(
      Math.max(
        ...latest,
        busyRetryAfterSeconds(10, () => 0.999),
      ),
    ).toBeLessThanOrEqual(900);
  });

  it('keeps other projects free, and takes over a lock older than the consumer can live', async () => {
    const kv = new MemoryKv();
    expect(await acquireProjectLock(kv, 'PAY', 'a', AT)).toBe(true);
    expect(await acquireProjectLock(kv, 'OPS', 'b', AT)).toBe(true);
    expect(await acquireProjectLock(kv, 'PAY', 'c', minutesLater(15))).toBe(false);
    expect(await acquireProjectLock(kv, 'PAY', 'c', minutesLater(17))).toBe(true);
  });
});

describe('enrolment', () => {
  it('keeps every one of many concurrent enrolments', async () => {
    const kv = new MemoryKv();
    const keys = Array.from({ length: 20 }, (_, i) => `P${String(i).padStart(2, '0')}`);
    await Promise.all(keys.map((k) => enrolProject(kv, k, 'opened', AT)));
    expect(await enrolledProjects(kv)).toEqual(keys);
  });

  it('counts projects from the list earlier versions kept, and nothing else', async () => {
    const kv = new MemoryKv();
    expect(await anyEnrolled(kv)).toBe(false);
    await kv.set('projects:known', ['OLD']);
    await enrolProject(kv, 'NEW', 'override', AT);
    expect(await isEnrolled(kv, 'OLD')).toBe(true);
    expect(await isEnrolled(kv, 'NEW')).toBe(true);
    expect(await isEnrolled(kv, 'SUP')).toBe(false);
    expect(await enrolledProjects(kv)).toEqual(['NEW', 'OLD']);
  });

  it('writes an enrolment once', async () => {
    const kv = new MemoryKv();
    await enrolProject(kv, 'PAY', 'opened', AT);
    const writes = kv.writes;
    await enrolProject(kv, 'PAY', 'override', minutesLater(1));
    expect(kv.writes).toBe(writes);
  });
});

describe('handled events', () => {
  it('remembers the last 200 event ids of a project', async () => {
    const kv = new MemoryKv();
    for (let i = 0; i < 201; i++) await markHandled(kv, 'PAY', `e${i}`);
    expect(await wasHandled(kv, 'PAY', 'e200')).toBe(true);
    expect(await wasHandled(kv, 'PAY', 'e1')).toBe(true);
    expect(await wasHandled(kv, 'PAY', 'e0')).toBe(false);
    expect(await wasHandled(kv, 'OPS', 'e200')).toBe(false);
  });
});

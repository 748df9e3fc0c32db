import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import api, { route } from '@forge/api';
import { Queue, InvocationError, InvocationErrorCode, PayloadTooBigError, RateLimitError, TooManyEventsError } from '@forge/events';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../../dev/runtime/install';
import { KvsStore } from '../../../dev/runtime/kvs-store';
import { LocalQueue } from '../../../dev/runtime/queue';
import { invokeResolver } from '../../../dev/runtime/invoke';
import Resolver from '@forge/resolver';
import { startFakeJira, type FakeJira } from './fake-jira';
import { Rng } from '../../../dev/demo/random';

const seeded = (seed: number): (() => number) => {
  const rng = new Rng(seed);
  return () => rng.next();
};

interface SeenEvent {
  body: Record<string, unknown>;
  queueName: string;
  jobId: string;
  eventId: string;
  retryContext?: { retryCount: number; retryReason: string; retryData?: unknown };
}

describe('local queue through @forge/events', () => {
  let dir: string;
  let jira: FakeJira;
  let queue: LocalQueue;
  let runtime: InstalledForgeRuntime;

  const install = (q: LocalQueue) => {
    runtime?.uninstall();
    queue = q;
    runtime = installForgeRuntime({ jiraBaseUrl: jira.baseUrl, store: new KvsStore(), queue });
  };

  beforeAll(async () => {
    jira = await startFakeJira();
  });
  afterAll(() => jira.close());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'valuerank-queue-'));
    install(new LocalQueue({ dir, timeScale: 0.001 }));
  });
  afterEach(async () => {
    await queue.close();
    runtime.uninstall();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("delivers a pushed event to the queue's consumer, which may call Jira as the app", async () => {
    const seen: SeenEvent[] = [];
    queue.register('recompute', async (event: SeenEvent) => {
      seen.push(event);
      await api.asApp().requestJira(route`/rest/api/3/app/field/value`, { method: 'POST', body: '{}' });
    });

    const { jobId } = await new Queue({ key: 'recompute' }).push({ body: { projectKey: 'PRJ' } });
    await queue.drain();

    expect(seen).toEqual([
      { body: { projectKey: 'PRJ' }, queueName: 'recompute', jobId, eventId: expect.any(String), contextAri: expect.stringMatching(/^ari:cloud:jira::site\//) },
    ]);
    expect(jira.seen.at(-1)?.headers['x-sim-account-id']).toBeUndefined();
    expect(queue.stats()).toEqual({ pending: 0, running: 0, failed: 0 });
    expect(await new Queue({ key: 'recompute' }).getJob(jobId).getStats()).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });

  it("runs the consumer as the app even when a user's resolver pushed the event", async () => {
    const outcomes: string[] = [];
    queue.register(
      'recompute',
      async () => {
        await api
          .asUser()
          .requestJira(route`/rest/api/3/myself`)
          .then(
            () => outcomes.push('asUser allowed'),
            () => outcomes.push('asUser refused'),
          );
      },
      { moduleKey: 'recompute-consumer', timeoutSeconds: 900 },
    );
    const resolver = new Resolver();
    resolver.define('refresh', async () => new Queue({ key: 'recompute' }).push({ body: { projectKey: 'PRJ' } }));

    await invokeResolver(resolver.getDefinitions(), { functionKey: 'refresh', context: { accountId: 'alice', moduleKey: 'm' } });
    await queue.drain();

    expect(outcomes).toEqual(['asUser refused']);
    expect(queue.stats().failed).toBe(0);
  });

  it('runs events of one queue concurrently and in no fixed order', async () => {
    install(new LocalQueue({ dir, timeScale: 0.001, random: seeded(7) }));
    const order: number[] = [];
    let concurrent = 0;
    let maxConcurrent = 0;
    queue.register('recompute', async (event: SeenEvent) => {
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(event.body.n as number);
      concurrent -= 1;
    });

    await new Queue({ key: 'recompute' }).push([1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ body: { n } })));
    await queue.drain();

    expect([...order].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(order).not.toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(maxConcurrent).toBeGreaterThan(1);
  });

  it('runs events that share a concurrency key at most limit at a time', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    let others = 0;
    queue.register('recompute', async (event: SeenEvent) => {
      if (event.body.project !== 'PRJ') return void (others += 1);
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise((resolve) => setTimeout(resolve, 3));
      concurrent -= 1;
    });

    await new Queue({ key: 'recompute' }).push([
      ...Array.from({ length: 6 }, () => ({ body: { project: 'PRJ' }, concurrency: { key: 'project-PRJ', limit: 1 } })),
      { body: { project: 'OPS' }, concurrency: { key: 'project-OPS', limit: 1 } },
    ]);
    await queue.drain();

    expect(maxConcurrent).toBe(1);
    expect(others).toBe(1);
  });

  it('delivers an event twice with the same eventId when it redelivers, counting it once in the job', async () => {
    install(new LocalQueue({ dir, timeScale: 0.001, redeliveryRate: 1 }));
    const seen: SeenEvent[] = [];
    queue.register('recompute', (event: SeenEvent) => void seen.push(event));

    const { jobId } = await new Queue({ key: 'recompute' }).push({ body: { n: 1 } });
    await queue.drain();

    expect(seen).toHaveLength(2);
    expect(seen[0]?.eventId).toBe(seen[1]?.eventId);
    expect(await new Queue({ key: 'recompute' }).getStats(jobId)).toEqual({ success: 1, inProgress: 0, failed: 0 });
  });

  it('refuses what Forge refuses: over 50 events or 200 KB a push, over 500 events a minute', async () => {
    const producer = new Queue({ key: 'recompute' });
    await expect(producer.push(Array.from({ length: 51 }, () => ({ body: {} })))).rejects.toBeInstanceOf(TooManyEventsError);
    expect(
      await queue.handle('/webhook/queue/publish/x', { queueName: 'recompute', jobId: 'j', payload: Array.from({ length: 51 }, () => ({ body: {} })) }),
    ).toMatchObject({ status: 400 });
    const big = 'x'.repeat(5000);
    await expect(producer.push(Array.from({ length: 45 }, () => ({ body: { big } })))).rejects.toBeInstanceOf(PayloadTooBigError);
    expect(
      await queue.handle('/webhook/queue/publish/x', { queueName: 'recompute', jobId: 'j', payload: Array.from({ length: 45 }, () => ({ body: { big } })) }),
    ).toMatchObject({ status: 413 });

    install(new LocalQueue({ timeScale: 1 }));
    const fresh = new Queue({ key: 'recompute' });
    for (let i = 0; i < 10; i++) await fresh.push(Array.from({ length: 50 }, () => ({ body: {} })));
    await expect(fresh.push({ body: {} })).rejects.toBeInstanceOf(RateLimitError);
  });

  it('refuses an event over 100 KB for a consumer whose timeout exceeds 55 s', async () => {
    queue.register('recompute', () => undefined, { timeoutSeconds: 900 });
    await expect(new Queue({ key: 'recompute' }).push({ body: { big: 'x'.repeat(110 * 1024) } })).rejects.toBeInstanceOf(PayloadTooBigError);
  });

  it('retries a throwing consumer with backoff, then counts the event as failed after 3 tries', async () => {
    const attempts: SeenEvent[] = [];
    queue.register('recompute', async (event: SeenEvent) => {
      attempts.push(event);
      throw new Error('Jira down');
    });

    const { jobId } = await new Queue({ key: 'recompute' }).push({ body: { projectKey: 'PRJ' } });
    await queue.drain();

    expect(attempts).toHaveLength(3);
    expect(attempts.map((a) => a.retryContext?.retryCount)).toEqual([undefined, 1, 2]);
    expect(new Set(attempts.map((a) => a.eventId)).size).toBe(1);
    expect(queue.stats()).toEqual({ pending: 0, running: 0, failed: 1 });
    expect(await new Queue({ key: 'recompute' }).getStats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  it('retries when the consumer returns an InvocationError, passing its retry data back', async () => {
    const attempts: SeenEvent[] = [];
    queue.register('recompute', (event: SeenEvent) => {
      attempts.push(event);
      if (attempts.length === 1) {
        return new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, retryData: { cursor: 'page-2' } });
      }
      return undefined;
    });

    await new Queue({ key: 'recompute' }).push({ body: {} });
    await queue.drain();

    expect(attempts[1]?.retryContext).toEqual({ retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { cursor: 'page-2' } });
    expect(queue.stats()).toEqual({ pending: 0, running: 0, failed: 0 });
  });

  it('reports running and pending while a consumer works', async () => {
    install(new LocalQueue({ dir, timeScale: 0.001, parallelism: 1 }));
    const releases: Array<() => void> = [];
    queue.register('recompute', () => new Promise<void>((resolve) => releases.push(resolve)));

    await new Queue({ key: 'recompute' }).push([{ body: { n: 1 } }, { body: { n: 2 } }]);
    await until(() => releases.length === 1);
    expect(queue.stats()).toEqual({ pending: 1, running: 1, failed: 0 });

    releases[0]?.();
    await until(() => releases.length === 2);
    expect(queue.stats()).toEqual({ pending: 0, running: 1, failed: 0 });

    releases[1]?.();
    await queue.drain();
    expect(queue.stats()).toEqual({ pending: 0, running: 0, failed: 0 });
  });

  it('keeps pending events across a restart and delivers them once the consumer is registered again', async () => {
    await new Queue({ key: 'recompute' }).push([{ body: { n: 1 } }, { body: { n: 2 } }]);
    expect(queue.stats()).toEqual({ pending: 2, running: 0, failed: 0 });
    await expect(queue.drain(50)).rejects.toThrow(/no consumer: recompute/);
    await queue.close();

    install(new LocalQueue({ dir, timeScale: 0.001 }));
    expect(queue.stats()).toEqual({ pending: 2, running: 0, failed: 0 });
    const bodies: unknown[] = [];
    queue.register('recompute', (event: SeenEvent) => void bodies.push(event.body));
    await queue.drain();

    expect(bodies).toEqual(expect.arrayContaining([{ n: 1 }, { n: 2 }]));
    expect(bodies).toHaveLength(2);
    expect(new LocalQueue({ dir }).stats()).toEqual({ pending: 0, running: 0, failed: 0 });
  });

  it('leaves a consumer that outlives the close grace behind like a stopped process: its late failure is not recorded and the event stays pending', async () => {
    let release!: () => void;
    const started = new Promise<void>((startedResolve) => {
      queue.register('recompute', async () => {
        startedResolve();
        await new Promise<void>((r) => (release = r));
        throw new Error('the runtime it ran on is gone');
      });
    });
    await new Queue({ key: 'recompute' }).push([{ body: { n: 1 } }]);
    await started;
    await queue.close(20);
    release();
    await new Promise((r) => setTimeout(r, 50));

    expect(queue.stats()).toEqual({ pending: 1, running: 0, failed: 0 });
    expect(new LocalQueue({ dir }).stats()).toEqual({ pending: 1, running: 0, failed: 0 });
  });

  it('honours delayInSeconds, scaled by timeScale', async () => {
    const delivered: number[] = [];
    queue.register('recompute', () => void delivered.push(Date.now()));
    const pushedAt = Date.now();
    await new Queue({ key: 'recompute' }).push({ body: {}, delayInSeconds: 60 });
    await queue.drain();
    expect((delivered[0] ?? 0) - pushedAt).toBeGreaterThanOrEqual(55);
  });

  it("cancels a job's pending events", async () => {
    const producer = new Queue({ key: 'recompute' });
    const { jobId } = await producer.push({ body: {} });
    await producer.cancel(jobId);
    expect(queue.stats().pending).toBe(0);
  });
});

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

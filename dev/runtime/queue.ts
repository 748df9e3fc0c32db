/**
 * The local async-events queue behind `@forge/events`: `new Queue({ key }).push(...)` lands here (through the
 * runtime's fetch, see install.ts) and each event is handed to the consumer registered for its queue, as a
 * manifest `consumer` with a `function` would receive it: `handler({ body, queueName, jobId, eventId, retryContext? }, context)`.
 *
 * Delivery as Forge's "Async events API" page describes it
 * (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/): events run concurrently and
 * in no promised order (here: a random ready event, up to `parallelism` at once per queue); delivery is
 * at-least-once (`redeliveryRate` delivers an event a second time, same `eventId`, alongside the first); events that
 * share a `concurrency.key` run at most `concurrency.limit` at a time, the others wait; a thrown error, or a
 * returned `InvocationError` / `QueueResponse` with `retry()`, makes the event retry with backoff, and after
 * `maxAttempts` invocations it is counted as failed.
 * Refused as the service refuses it ("Async events limits",
 * https://developer.atlassian.com/platform/forge/limits-async-events/): more than 50 events a push, more than
 * 200 KB a push, one event over 100 KB when its consumer's timeout exceeds 55 s (413), more than 500 events
 * pushed a minute per installation (429, which @forge/events turns into `RateLimitError`).
 * With `dir`, pending events are written to `<dir>/queue/state.json` (temp-then-rename) before `push` returns, so a
 * restarted process resumes them once their consumer is registered again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { SerialQueue, writeFileAtomic } from './atomic-write';
import { installContextOf, currentSite } from './context';
import { invokeFunction, type FunctionHandler, InvocationFailure } from './invoke';

export interface QueueStats {
  /** Events waiting (including those waiting to be retried). */
  pending: number;
  /** Events whose consumer is running now. */
  running: number;
  /** Events that used up their attempts, since the data dir was created. */
  failed: number;
}

export interface LocalQueueOptions {
  /** Data directory; state goes to `<dir>/queue/state.json`. Absent → memory only. */
  dir?: string;
  /**
   * Multiplies every wait (push `delayInSeconds`, retry backoff) and the per-minute push window: 1 = real time,
   * 0.001 = fast tests, 0 = none. Default 1.
   */
  timeScale?: number;
  /** Invocations per event before it counts as failed. Default 3. */
  maxAttempts?: number;
  /**
   * Consumer invocations running at once per queue. Default 10, a local bound on the preview's own CPU: Forge
   * publishes no such cap and delivers events in parallel, so a race needs at most ten events to show here.
   */
  parallelism?: number;
  /** Chance (0–1) that a pushed event is delivered twice, both copies with the same `eventId`. Default 0. */
  redeliveryRate?: number;
  /** Random source in [0, 1) for the delivery order and redeliveries (seed it for reproducible runs). Default Math.random. */
  random?: () => number;
  /** Told about every failed attempt (the preview logs them). */
  onError?: (event: QueuedEvent, error: unknown) => void;
}

export interface ConsumerOptions {
  /** The manifest consumer's module key. Default: the queue name. */
  moduleKey?: string;
  /** The consumer function's `timeoutSeconds` from the manifest (Forge default 25, max 900). */
  timeoutSeconds?: number;
}

/** An event as stored and as (mostly) handed to the consumer. */
export interface QueuedEvent {
  /** This delivery's own id (a redelivered event has the same `eventId` and another `id`). */
  id: string;
  eventId: string;
  queueName: string;
  jobId: string;
  body: Record<string, unknown>;
  /** As pushed; handed back to the consumer unchanged (Forge's AsyncEvent carries the PushEvent fields). */
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  /** A second delivery of an event: not counted again in its job's stats. */
  redelivery?: true;
  /** Invocations started so far. */
  attempts: number;
  /** Epoch ms before which the event is not delivered (push delay, retry backoff). */
  notBefore: number;
  retryContext?: { retryCount: number; retryReason: string; retryData?: unknown };
}

interface JobCounts {
  success: number;
  failed: number;
}

interface State {
  pending: QueuedEvent[];
  failed: number;
  jobs: Record<string, JobCounts>;
}

interface Consumer {
  handler: FunctionHandler;
  options: ConsumerOptions;
}

/** What `Queue.push` sends per event (`@forge/events` PushEvent). */
export interface PushedEvent {
  body: Record<string, unknown>;
  /** 0–900 s. */
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
}

/** A queue reply in the shape the Forge events service gives `@forge/events`. */
export interface QueueReply {
  status: number;
  body?: unknown;
}

const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;
/** Jobs whose counts are kept for `getStats`; older ones are forgotten. */
const MAX_JOBS_KEPT = 1000;
/** "Async events limits": events per push, bytes per push, events pushed per minute per installation. */
const MAX_EVENTS_PER_PUSH = 50;
const MAX_PUSH_BYTES = 200 * 1024;
const MAX_EVENTS_PER_MINUTE = 500;
/** "Payload size for long running functions": one event's size when its consumer's timeout exceeds 55 s. */
const MAX_LONG_RUNNING_EVENT_BYTES = 100 * 1024;
const LONG_RUNNING_SECONDS = 55;
/** "Retry data size": the largest `retryData` a consumer may hand back; a larger one ends the event's retries. */
const MAX_RETRY_DATA_BYTES = 4 * 1024;
/** "Async events API", retry events: `retryAfter` is at most 900 s. */
const MAX_RETRY_AFTER_SECONDS = 900;

export class LocalQueue {
  private state: State = { pending: [], failed: 0, jobs: {} };
  private readonly consumers = new Map<string, Consumer>();
  /** Delivery ids of the events whose consumer runs now. */
  private readonly running = new Set<string>();
  /** The deliveries in flight, so that closing lets them finish (a graceful stop, like a deploy draining its workers). */
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly writes = new SerialQueue();
  private readonly file: string | undefined;
  private readonly timeScale: number;
  private readonly maxAttempts: number;
  private readonly parallelism: number;
  private readonly random: () => number;
  /** Epoch ms and size of each accepted push in the last minute (the per-minute limit). */
  private pushes: Array<{ at: number; events: number }> = [];
  private waiters: Array<() => void> = [];
  private closed = false;

  constructor(private readonly options: LocalQueueOptions = {}) {
    this.timeScale = options.timeScale ?? 1;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.parallelism = Math.max(1, options.parallelism ?? 10);
    this.random = options.random ?? Math.random;
    if (options.dir !== undefined) {
      this.file = path.join(options.dir, 'queue', 'state.json');
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      if (fs.existsSync(this.file)) this.state = migrate(JSON.parse(fs.readFileSync(this.file, 'utf8')) as State);
    }
  }

  /** Registers the consumer of `queueName` (one per queue, as in the manifest) and starts delivering to it. */
  register(queueName: string, handler: FunctionHandler, options: ConsumerOptions = {}): void {
    if (this.consumers.has(queueName)) throw new Error(`Queue '${queueName}' already has a consumer.`);
    this.consumers.set(queueName, { handler, options });
    this.schedule(queueName);
  }

  /**
   * Adds events to a queue; resolves once they are persisted. `delayInSeconds` (0–900) is honoured, scaled by
   * `timeScale`. Limits are checked by `handle` (the service's side); this is the queue's own entry point.
   */
  async push(queueName: string, events: PushedEvent[], jobId: string = randomUUID()): Promise<{ jobId: string }> {
    const now = Date.now();
    for (const event of events) {
      const queued: QueuedEvent = {
        id: randomUUID(),
        eventId: randomUUID(),
        queueName,
        jobId,
        body: event.body,
        ...(event.delayInSeconds === undefined ? {} : { delayInSeconds: event.delayInSeconds }),
        ...(event.concurrency === undefined ? {} : { concurrency: event.concurrency }),
        attempts: 0,
        notBefore: now + (event.delayInSeconds ?? 0) * 1000 * this.timeScale,
      };
      this.state.pending.push(queued);
      if (this.random() < (this.options.redeliveryRate ?? 0)) this.state.pending.push({ ...structuredClone(queued), id: randomUUID(), redelivery: true });
    }
    this.job(jobId);
    await this.persist();
    this.schedule(queueName);
    return { jobId };
  }

  stats(): QueueStats {
    const pending = this.state.pending.filter((e) => !this.running.has(e.id)).length;
    return { pending, running: this.running.size, failed: this.state.failed };
  }

  /** Resolves when nothing is pending or running; rejects after `timeoutMs` naming what is left (e.g. a queue with no consumer). */
  drain(timeoutMs = 60_000): Promise<void> {
    if (this.idle()) return this.writes.idle();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const left = [...new Set(this.state.pending.map((e) => e.queueName))];
        const orphans = left.filter((name) => !this.consumers.has(name));
        reject(
          new Error(`Queue did not drain within ${timeoutMs} ms; left: ${left.join(', ')}${orphans.length ? ` (no consumer: ${orphans.join(', ')})` : ''}.`),
        );
      }, timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        void this.writes.idle().then(resolve);
      });
    });
  }

  /**
   * Stops delivering, gives the running consumers up to `graceMs` to finish (a consumer waiting out a long
   * `Retry-After` is left behind, as a stopped process would leave it; its event stays pending) and waits for the
   * state to be on disk.
   */
  async close(graceMs = 3000): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((r) => (grace = setTimeout(r, graceMs)))]);
    clearTimeout(grace);
    await this.writes.idle();
  }

  /** Serves `@forge/events` requests: `/webhook/queue/publish|stats|cancel/…` with their JSON bodies. */
  async handle(requestPath: string, raw: unknown): Promise<QueueReply> {
    const body = (raw ?? {}) as { queueName?: unknown; jobId?: unknown; payload?: unknown };
    const queueName = String(body.queueName ?? '');
    const jobId = String(body.jobId ?? '');
    if (!QUEUE_NAME.test(queueName)) return { status: 400, body: { message: 'Invalid queue name.' } };
    if (requestPath.startsWith('/webhook/queue/publish/')) {
      const refused = this.refusePush(queueName, body.payload);
      if (refused) return refused;
      const events = body.payload as PushedEvent[];
      this.pushes.push({ at: Date.now(), events: events.length });
      await this.push(queueName, events, jobId);
      return { status: 201, body: {} };
    }
    const counts = this.state.jobs[jobId];
    if (!counts) return { status: 404, body: { message: `Job ${jobId} not found.` } };
    if (requestPath.startsWith('/webhook/queue/stats/')) {
      const inProgress = this.state.pending.filter((e) => e.jobId === jobId && e.redelivery !== true).length;
      return { status: 200, body: { success: counts.success, inProgress, failed: counts.failed } };
    }
    if (requestPath.startsWith('/webhook/queue/cancel/')) {
      this.state.pending = this.state.pending.filter((e) => e.jobId !== jobId || this.running.has(e.id));
      await this.persist();
      this.notify();
      return { status: 204 };
    }
    return { status: 404, body: { message: `Unknown queue endpoint ${requestPath}.` } };
  }

  /** What the events service answers to a push over its limits (the client checks most of them first). */
  private refusePush(queueName: string, payload: unknown): QueueReply | undefined {
    if (!Array.isArray(payload) || payload.length === 0) return { status: 400, body: { message: 'No events pushed.' } };
    if (payload.length > MAX_EVENTS_PER_PUSH)
      return { status: 400, body: { message: `This push contains more than the ${MAX_EVENTS_PER_PUSH} events allowed.` } };
    if (Buffer.byteLength(JSON.stringify(payload)) > MAX_PUSH_BYTES)
      return { status: 413, body: { errorMessage: `The maximum payload size is ${MAX_PUSH_BYTES / 1024}KB.` } };
    const timeout = this.consumers.get(queueName)?.options.timeoutSeconds ?? 0;
    if (timeout > LONG_RUNNING_SECONDS && payload.some((e) => Buffer.byteLength(JSON.stringify(e)) > MAX_LONG_RUNNING_EVENT_BYTES)) {
      return {
        status: 413,
        body: {
          errorMessage: `An event for a consumer with a timeout over ${LONG_RUNNING_SECONDS} s may be at most ${MAX_LONG_RUNNING_EVENT_BYTES / 1024}KB.`,
        },
      };
    }
    const windowStart = Date.now() - 60_000 * this.timeScale;
    this.pushes = this.pushes.filter((p) => p.at > windowStart);
    const lastMinute = this.pushes.reduce((n, p) => n + p.events, 0);
    if (lastMinute + payload.length > MAX_EVENTS_PER_MINUTE) return { status: 429, body: { message: 'Too many requests.' } };
    return undefined;
  }

  private idle(): boolean {
    return this.state.pending.length === 0 && this.running.size === 0;
  }

  private notify(): void {
    if (!this.idle()) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private job(jobId: string): JobCounts {
    let counts = this.state.jobs[jobId];
    if (!counts) {
      counts = { success: 0, failed: 0 };
      this.state.jobs[jobId] = counts;
      const ids = Object.keys(this.state.jobs);
      for (const old of ids.slice(0, Math.max(0, ids.length - MAX_JOBS_KEPT))) delete this.state.jobs[old];
    }
    return counts;
  }

  private persist(): Promise<void> {
    const file = this.file;
    if (file === undefined) return Promise.resolve();
    return this.writes.run(() => writeFileAtomic(file, JSON.stringify(this.state)));
  }

  /**
   * Starts ready events of `queueName`, picked at random, while fewer than `parallelism` run and their
   * concurrency key has room; otherwise sets a timer for the next one due (a finished event schedules again).
   */
  private schedule(queueName: string): void {
    const consumer = this.consumers.get(queueName);
    if (this.closed || !consumer) return;
    clearTimeout(this.timers.get(queueName));
    this.timers.delete(queueName);
    const mine = this.state.pending.filter((e) => e.queueName === queueName);
    const busy = mine.filter((e) => this.running.has(e.id));
    const perKey = new Map<string, number>();
    for (const e of busy) if (e.concurrency) perKey.set(e.concurrency.key, (perKey.get(e.concurrency.key) ?? 0) + 1);
    const waiting = mine.filter((e) => !this.running.has(e.id));
    const now = Date.now();
    let slots = this.parallelism - busy.length;
    const ready = waiting.filter((e) => e.notBefore <= now);
    while (slots > 0 && ready.length > 0) {
      const pick = ready.splice(Math.floor(this.random() * ready.length), 1)[0]!;
      const key = pick.concurrency?.key;
      if (key !== undefined && (perKey.get(key) ?? 0) >= Math.max(1, pick.concurrency!.limit)) continue;
      if (key !== undefined) perKey.set(key, (perKey.get(key) ?? 0) + 1);
      slots -= 1;
      this.running.add(pick.id);
      const delivery: Promise<void> = this.deliver(pick, consumer).finally(() => {
        this.inFlight.delete(delivery);
        this.running.delete(pick.id);
        this.notify();
        this.schedule(queueName);
      });
      this.inFlight.add(delivery);
    }
    const later = waiting.filter((e) => e.notBefore > now);
    if (later.length === 0) return;
    const due = Math.min(...later.map((e) => e.notBefore));
    const timer = setTimeout(() => this.schedule(queueName), due - now);
    timer.unref();
    this.timers.set(queueName, timer);
  }

  private async deliver(event: QueuedEvent, consumer: Consumer): Promise<void> {
    event.attempts += 1;
    await this.persist();
    const { id, queueName, jobId } = event;
    let retry: { reason: string; afterSeconds: number; data?: unknown } | undefined;
    try {
      const result = await invokeFunction(consumer.handler, toAsyncEvent(event), {
        moduleKey: consumer.options.moduleKey ?? queueName,
        ...(consumer.options.timeoutSeconds === undefined ? {} : { timeoutSeconds: consumer.options.timeoutSeconds }),
      });
      retry = retryRequested(result);
      if (retry) this.options.onError?.(event, new Error(`Consumer asked to retry: ${retry.reason}`));
      if (retry?.data !== undefined && Buffer.byteLength(JSON.stringify(retry.data)) > MAX_RETRY_DATA_BYTES) {
        this.options.onError?.(event, new Error(`retryData is over ${MAX_RETRY_DATA_BYTES / 1024}KB: the event is not retried.`));
        event.attempts = this.maxAttempts;
      }
    } catch (error) {
      this.options.onError?.(event, error);
      const timedOut = error instanceof InvocationFailure && error.code === 'FUNCTION_TIME_OUT';
      retry = { reason: timedOut ? 'FUNCTION_TIME_OUT' : 'FUNCTION_PLATFORM_UNKNOWN_ERROR', afterSeconds: 2 ** (event.attempts - 1) };
    }
    if (retry && event.attempts < this.maxAttempts) {
      event.notBefore = Date.now() + retry.afterSeconds * 1000 * this.timeScale;
      event.retryContext = { retryCount: event.attempts, retryReason: retry.reason, ...(retry.data === undefined ? {} : { retryData: retry.data }) };
    } else {
      this.state.pending = this.state.pending.filter((e) => e.id !== id);
      // An event counts once, however often it was delivered.
      if (event.redelivery !== true) {
        const counts = this.job(jobId);
        if (retry) counts.failed += 1;
        else counts.success += 1;
        if (retry) this.state.failed += 1;
      }
    }
    await this.persist();
  }
}

/** A state file written before deliveries had their own id: each event's id is its eventId. */
function migrate(state: State): State {
  return { ...state, pending: state.pending.map((e) => ({ ...e, id: e.id ?? e.eventId })) };
}

/** The consumer's view of an event: a copy (so a consumer cannot edit the stored event) without the queue's bookkeeping. */
function toAsyncEvent(event: QueuedEvent): Record<string, unknown> {
  const { body, queueName, jobId, eventId, delayInSeconds, concurrency, retryContext } = event;
  return structuredClone({
    body,
    queueName,
    jobId,
    eventId,
    ...(delayInSeconds === undefined ? {} : { delayInSeconds }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(retryContext === undefined ? {} : { retryContext }),
    contextAri: installContextOf(currentSite()),
  });
}

/**
 * `new InvocationError(opts)` returns the plain `{ _retry: true, retryOptions: { retryAfter (s), retryReason, retryData? } }`;
 * a `QueueResponse` after `.retry()` is `{ _retry: true }`.
 */
function retryRequested(result: unknown): { reason: string; afterSeconds: number; data?: unknown } | undefined {
  if (result === null || typeof result !== 'object' || (result as { _retry?: unknown })._retry !== true) return undefined;
  const options = (result as { retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown } }).retryOptions ?? {};
  return {
    reason: options.retryReason ?? 'FUNCTION_RETRY_REQUEST',
    afterSeconds: Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, options.retryAfter ?? 1)),
    ...(options.retryData === undefined ? {} : { data: options.retryData }),
  };
}

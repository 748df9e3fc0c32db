/**
 * The local async-events queue behind `@forge/events`: `new Queue({ key }).push(...)` lands here (through the
 * runtime's fetch, see install.ts) and each event is handed to the consumer registered for its queue, as a
 * manifest `consumer` with a `function` would receive it: `handler({ body, queueName, jobId, eventId, retryContext? }, context)`.
 *
 * Semantics kept from Forge: at-least-once delivery; a thrown error, or a returned `InvocationError` /
 * `QueueResponse` with `retry()`, makes the event retry with backoff; after `maxAttempts` invocations it is counted
 * as failed. Chosen locally: one event at a time per queue, FIFO by push order (Forge promises no order).
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
  /** Events whose consumer is running now (≤ 1 per queue). */
  running: number;
  /** Events that used up their attempts, since the data dir was created. */
  failed: number;
}

export interface LocalQueueOptions {
  /** Data directory; state goes to `<dir>/queue/state.json`. Absent → memory only. */
  dir?: string;
  /** Multiplies every wait (push `delayInSeconds`, retry backoff): 1 = real time, 0.001 = fast tests, 0 = none. Default 1. */
  timeScale?: number;
  /** Invocations per event before it counts as failed. Default 3. */
  maxAttempts?: number;
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
  eventId: string;
  queueName: string;
  jobId: string;
  body: Record<string, unknown>;
  /** As pushed; handed back to the consumer unchanged (Forge's AsyncEvent carries the PushEvent fields). */
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  /** Push order, for FIFO. */
  seq: number;
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
  seq: number;
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

export class LocalQueue {
  private state: State = { seq: 0, pending: [], failed: 0, jobs: {} };
  private readonly consumers = new Map<string, Consumer>();
  /** Queue name → id of the event its consumer is handling now. */
  private readonly running = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly writes = new SerialQueue();
  private readonly file: string | undefined;
  private readonly timeScale: number;
  private readonly maxAttempts: number;
  private waiters: Array<() => void> = [];
  private closed = false;

  constructor(private readonly options: LocalQueueOptions = {}) {
    this.timeScale = options.timeScale ?? 1;
    this.maxAttempts = options.maxAttempts ?? 3;
    if (options.dir !== undefined) {
      this.file = path.join(options.dir, 'queue', 'state.json');
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      if (fs.existsSync(this.file)) this.state = JSON.parse(fs.readFileSync(this.file, 'utf8')) as State;
    }
  }

  /** Registers the consumer of `queueName` (one per queue, as in the manifest) and starts delivering to it. */
  register(queueName: string, handler: FunctionHandler, options: ConsumerOptions = {}): void {
    if (this.consumers.has(queueName)) throw new Error(`Queue '${queueName}' already has a consumer.`);
    this.consumers.set(queueName, { handler, options });
    this.schedule(queueName);
  }

  /** Adds events to a queue; resolves once they are persisted. `delayInSeconds` (0–900) is honoured, scaled by `timeScale`. */
  async push(queueName: string, events: PushedEvent[], jobId: string = randomUUID()): Promise<{ jobId: string }> {
    const now = Date.now();
    for (const event of events) {
      this.state.pending.push({
        eventId: randomUUID(),
        queueName,
        jobId,
        body: event.body,
        ...(event.delayInSeconds === undefined ? {} : { delayInSeconds: event.delayInSeconds }),
        ...(event.concurrency === undefined ? {} : { concurrency: event.concurrency }),
        seq: ++this.state.seq,
        attempts: 0,
        notBefore: now + (event.delayInSeconds ?? 0) * 1000 * this.timeScale,
      });
    }
    this.job(jobId);
    await this.persist();
    this.schedule(queueName);
    return { jobId };
  }

  stats(): QueueStats {
    const busy = new Set(this.running.values());
    const pending = this.state.pending.filter((e) => !busy.has(e.eventId)).length;
    return { pending, running: this.running.size, failed: this.state.failed };
  }

  /** Resolves when nothing is pending or running; rejects after `timeoutMs` naming what is left (e.g. a queue with no consumer). */
  drain(timeoutMs = 60_000): Promise<void> {
    if (this.idle()) return this.writes.idle();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const left = [...new Set(this.state.pending.map((e) => e.queueName))];
        const orphans = left.filter((name) => !this.consumers.has(name));
        reject(new Error(`Queue did not drain within ${timeoutMs} ms; left: ${left.join(', ')}${orphans.length ? ` (no consumer: ${orphans.join(', ')})` : ''}.`));
      }, timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        void this.writes.idle().then(resolve);
      });
    });
  }

  /** Stops delivering (running consumers finish) and waits for the state to be on disk. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.writes.idle();
  }

  /** Serves `@forge/events` requests: `/webhook/queue/publish|stats|cancel/…` with their JSON bodies. */
  async handle(requestPath: string, raw: unknown): Promise<QueueReply> {
    const body = (raw ?? {}) as { queueName?: unknown; jobId?: unknown; payload?: unknown };
    const queueName = String(body.queueName ?? '');
    const jobId = String(body.jobId ?? '');
    if (!QUEUE_NAME.test(queueName)) return { status: 400, body: { message: 'Invalid queue name.' } };
    if (requestPath.startsWith('/webhook/queue/publish/')) {
      if (!Array.isArray(body.payload) || body.payload.length === 0) return { status: 400, body: { message: 'No events pushed.' } };
      await this.push(queueName, body.payload as PushedEvent[], jobId);
      return { status: 201, body: {} };
    }
    const counts = this.state.jobs[jobId];
    if (!counts) return { status: 404, body: { message: `Job ${jobId} not found.` } };
    if (requestPath.startsWith('/webhook/queue/stats/')) {
      const inProgress = this.state.pending.filter((e) => e.jobId === jobId).length;
      return { status: 200, body: { success: counts.success, inProgress, failed: counts.failed } };
    }
    if (requestPath.startsWith('/webhook/queue/cancel/')) {
      const busy = new Set(this.running.values());
      this.state.pending = this.state.pending.filter((e) => e.jobId !== jobId || busy.has(e.eventId));
      await this.persist();
      this.notify();
      return { status: 204 };
    }
    return { status: 404, body: { message: `Unknown queue endpoint ${requestPath}.` } };
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

  /** Starts the next ready event of `queueName` unless one is running; otherwise sets a timer for the next one due. */
  private schedule(queueName: string): void {
    const consumer = this.consumers.get(queueName);
    if (this.closed || !consumer || this.running.has(queueName)) return;
    clearTimeout(this.timers.get(queueName));
    this.timers.delete(queueName);
    const waiting = this.state.pending.filter((e) => e.queueName === queueName);
    if (waiting.length === 0) return;
    const now = Date.now();
    const ready = waiting.filter((e) => e.notBefore <= now).sort((a, b) => a.seq - b.seq)[0];
    if (!ready) {
      const due = Math.min(...waiting.map((e) => e.notBefore));
      const timer = setTimeout(() => this.schedule(queueName), due - now);
      timer.unref();
      this.timers.set(queueName, timer);
      return;
    }
    this.running.set(queueName, ready.eventId);
    void this.deliver(ready, consumer).finally(() => {
      this.running.delete(queueName);
      this.notify();
      this.schedule(queueName);
    });
  }

  private async deliver(event: QueuedEvent, consumer: Consumer): Promise<void> {
    event.attempts += 1;
    await this.persist();
    const { eventId, queueName, jobId } = event;
    let retry: { reason: string; afterSeconds: number; data?: unknown } | undefined;
    try {
      const result = await invokeFunction(consumer.handler, toAsyncEvent(event), {
        moduleKey: consumer.options.moduleKey ?? queueName,
        ...(consumer.options.timeoutSeconds === undefined ? {} : { timeoutSeconds: consumer.options.timeoutSeconds }),
      });
      retry = retryRequested(result);
      if (retry) this.options.onError?.(event, new Error(`Consumer asked to retry: ${retry.reason}`));
    } catch (error) {
      this.options.onError?.(event, error);
      const timedOut = error instanceof InvocationFailure && error.code === 'FUNCTION_TIME_OUT';
      retry = { reason: timedOut ? 'FUNCTION_TIME_OUT' : 'FUNCTION_PLATFORM_UNKNOWN_ERROR', afterSeconds: 2 ** (event.attempts - 1) };
    }
    if (retry && event.attempts < this.maxAttempts) {
      event.notBefore = Date.now() + retry.afterSeconds * 1000 * this.timeScale;
      event.retryContext = { retryCount: event.attempts, retryReason: retry.reason, ...(retry.data === undefined ? {} : { retryData: retry.data }) };
    } else {
      this.state.pending = this.state.pending.filter((e) => e.eventId !== eventId);
      const counts = this.job(jobId);
      if (retry) {
        counts.failed += 1;
        this.state.failed += 1;
      } else {
        counts.success += 1;
      }
    }
    await this.persist();
  }
}

/** The consumer's view of an event: a copy (so a consumer cannot edit the stored event) without the queue's bookkeeping. */
function toAsyncEvent(event: QueuedEvent): Record<string, unknown> {
  const { body, queueName, jobId, eventId, delayInSeconds, concurrency, retryContext } = event;
  return structuredClone({
    body, queueName, jobId, eventId,
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
    afterSeconds: Math.max(1, options.retryAfter ?? 1),
    ...(options.retryData === undefined ? {} : { data: options.retryData }),
  };
}

import { route } from '@forge/api';
import { Deadline } from '../../../src/adapters/jira/deadline';
import { jiraRequest, parseRateLimitReset, parseRetryAfter } from '../../../src/adapters/jira/request';
import { AppError } from '../../../src/application/errors';
import { runInvocation } from '../../../dev/runtime/context';
import { installForgeRuntime, type InstalledForgeRuntime } from '../../../dev/runtime/install';
import { KvsStore } from '../../../dev/runtime/kvs-store';
import { LocalQueue } from '../../../dev/runtime/queue';

/**
 * The retry policy of every Jira call, driven through the real `@forge/api` over the local runtime with a
 * scripted Jira: each request takes the next scripted answer.
 */
type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

let script: Answer[] = [];
let calls = 0;
let runtime: InstalledForgeRuntime;

const scriptedFetch: typeof fetch = async () => {
  calls++;
  const next = script.shift() ?? { status: 200, body: { ok: true } };
  return new Response(next.body === undefined ? null : JSON.stringify(next.body), { status: next.status, headers: next.headers ?? {} });
};

beforeAll(() => {
  runtime = installForgeRuntime({ jiraBaseUrl: 'http://jira.invalid', store: new KvsStore(), queue: new LocalQueue(), fetch: scriptedFetch });
});
afterAll(() => runtime.uninstall());
beforeEach(() => {
  script = [];
  calls = 0;
});

const asUser = <T>(fn: () => Promise<T>): Promise<T> => runInvocation({ accountId: 'user-1', moduleKey: 'm', timeoutMs: 25_000 }, fn);
const failure = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
};

describe('parseRetryAfter', () => {
  it('reads nothing from an absent or empty header', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
  it('reads seconds as milliseconds, never negative, at most ten minutes', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter('-5')).toBe(0);
    expect(parseRetryAfter('86400')).toBe(600_000);
  });
  it('reads an HTTP date as the time left until it', () => {
    const at = new Date(Date.now() + 120_000).toUTCString();
    const ms = parseRetryAfter(at);
    expect(ms).not.toBeNull();
    expect(ms!).toBeGreaterThan(100_000);
    expect(ms!).toBeLessThanOrEqual(120_000);
    expect(parseRetryAfter(new Date(Date.now() - 60_000).toUTCString())).toBe(0);
  });
});

describe('parseRateLimitReset', () => {
  it("reads Jira's ISO 8601 minute timestamp as the time left until it", () => {
    const now = Date.parse('2026-03-26T16:24:30Z');
    expect(parseRateLimitReset('2026-03-26T16:25Z', now)).toBe(30_000);
    expect(parseRateLimitReset('2026-03-26T16:00Z', now)).toBe(0);
    expect(parseRateLimitReset(null, now)).toBeNull();
    expect(parseRateLimitReset('17', now)).toBeNull();
  });
});

describe('jiraRequest retry policy', () => {
  it('retries a 429 without Retry-After and a 503 with it, then returns the answer', async () => {
    script = [{ status: 429 }, { status: 503, headers: { 'retry-after': '0' } }, { status: 200, body: { id: '1' } }];
    const res = await asUser(() => jiraRequest('user', route`/rest/api/3/myself`, {}, new Deadline(20_000)));
    expect(res).toEqual({ status: 200, body: { id: '1' } });
    expect(calls).toBe(3);
  });

  it('gives up at once with RATE_LIMITED when Retry-After is longer than the time left, and says how long to wait', async () => {
    script = [{ status: 429, headers: { 'retry-after': '30' } }];
    const error = await failure(asUser(() => jiraRequest('user', route`/rest/api/3/myself`, {}, new Deadline(5_000))));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.details).toEqual({ retryAfterMs: 30_000 });
    expect(calls).toBe(1);
  });

  it('waits for X-RateLimit-Reset when a 429 has no Retry-After', async () => {
    const reset = new Date(Date.now() + 120_000).toISOString().slice(0, 16) + 'Z';
    script = [{ status: 429, headers: { 'x-ratelimit-reset': reset, 'ratelimit-reason': 'jira-quota-tenant-based' } }];
    const error = await failure(asUser(() => jiraRequest('user', route`/rest/api/3/myself`, {}, new Deadline(5_000))));
    expect(error.code).toBe('RATE_LIMITED');
    expect((error.details as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(5_000);
    expect(calls).toBe(1);
  });

  it('answers a missing user consent with AUTH_REQUIRED and a next step, without retrying', async () => {
    script = [{ status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } }];
    const error = await failure(asUser(() => jiraRequest('user', route`/rest/api/3/myself`, {}, new Deadline(20_000))));
    expect(error.code).toBe('AUTH_REQUIRED');
    expect(error.message).toMatch(/Allow access/);
    expect(calls).toBe(1);
  });

  it('does not retry a Forge proxy refusal as if Jira were down', async () => {
    script = [{ status: 403, headers: { 'forge-proxy-error': 'AUTHORIZATION_ERROR' } }];
    const error = await failure(asUser(() => jiraRequest('app', route`/rest/api/3/field`, {}, new Deadline(20_000))));
    expect(error.code).toBe('AUTH_REQUIRED');
    expect(error.message).toMatch(/Jira admin/);
    expect(calls).toBe(1);
  });

  it('reports other Forge proxy failures with their code, once', async () => {
    script = [{ status: 502, headers: { 'forge-proxy-error': 'UPSTREAM_FAILURE' } }];
    const error = await failure(asUser(() => jiraRequest('app', route`/rest/api/3/field`, {}, new Deadline(20_000))));
    expect(error.code).toBe('JIRA_UNAVAILABLE');
    expect(error.message).toContain('UPSTREAM_FAILURE');
    expect(calls).toBe(1);
  });
});

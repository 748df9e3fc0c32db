import { route } from '@forge/api';
import { Deadline } from '../../../src/adapters/jira/deadline';
import { jiraRequest, parseRateLimitReset, parseRetryAfter } from '../../../src/adapters/jira/request';
import { asUser, failure, useScriptedJira } from './scripted-jira';

/** The retry policy of every Jira call, driven through the real `@forge/api` with a scripted Jira. */
const jira = useScriptedJira();

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
  it('reads fractions and exponents as seconds, caps them, and refuses Infinity and dates it cannot read', () => {
    expect(parseRetryAfter('1.5')).toBe(1500);
    expect(parseRetryAfter('1e3')).toBe(600_000);
    expect(parseRetryAfter('Infinity')).toBeNull();
    expect(parseRetryAfter('Mon, 32 Foo 2026 99:99:99 GMT')).toBeNull();
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
  it('returns a 4xx answer as it is, without retrying', async () => {
    jira.script = [{ status: 404, body: { errorMessages: ['Issue does not exist'] } }];
    const res = await asUser(() => jiraRequest('user', route`/rest/api/3/issue/X-1`, {}, new Deadline(20_000)));
    expect(res).toEqual({ status: 404, body: { errorMessages: ['Issue does not exist'] } });
    expect(jira.requests.length).toBe(1);
  });

  it('gives up with JIRA_UNAVAILABLE after six attempts when Jira keeps failing', async () => {
    jira.script = Array.from({ length: 10 }, () => ({ status: 503, headers: { 'retry-after': '0' } }));
    const error = await failure(asUser(() => jiraRequest('app', route`/rest/api/3/field`, {}, new Deadline(20_000))));
    expect(error.code).toBe('JIRA_UNAVAILABLE');
    expect(error.message).toContain('HTTP 503');
    expect(jira.requests.length).toBe(6);
  });

  it('backs off and tries again when Retry-After cannot be read', async () => {
    jira.script = [
      { status: 429, headers: { 'retry-after': 'soon' } },
      { status: 200, body: { id: '1' } },
    ];
    const res = await asUser(() => jiraRequest('user', route`/rest/api/3/myself`, {}, new Deadline(20_000)));
    expect(res.status).toBe(200);
    expect(jira.requests.length).toBe(2);
  });

  it('tries again at once when Retry-After names a time already past', async () => {
    jira.script = [
      { status: 503, headers: { 'retry-after': new Date(Date.now() - 60_000).toUTCString() } },
      { status: 200, body: {} },
    ];
    const res = await asUser(() => jiraRequest('user', route`/rest/api/3/myself`, {}, new Deadline(20_000)));
    expect(res.status).toBe(200);
    expect(jira.requests.length).toBe(2);
  });

  it('waits a Retry-After that fits the time left, then stops when the next one no longer fits', async () => {
    jira.script = [
      { status: 503, headers: { 'retry-after': '1' } },
      { status: 503, headers: { 'retry-after': '9' } },
    ];
    const error = await failure(asUser(() => jiraRequest('app', route`/rest/api/3/field`, {}, new Deadline(5_000))));
    expect(error.code).toBe('JIRA_UNAVAILABLE');
    expect(jira.requests.length).toBe(2);
  });

  it('retries a 429 without Retry-After and a 503 with it, then returns the answer', async () => {
    jira.script = [{ status: 429 }, { status: 503, headers: { 'retry-after': '0' } }, { status: 200, body: { id: '1' } }];
    const res = await asUser(() => jiraRequest('user', route`/rest/api/3/myself`, {}, new Deadline(20_000)));
    expect(res).toEqual({ status: 200, body: { id: '1' } });
    expect(jira.requests.length).toBe(3);
  });

  it('gives up at once with RATE_LIMITED when Retry-After is longer than the time left, and says how long to wait', async () => {
    jira.script = [{ status: 429, headers: { 'retry-after': '30' } }];
    const error = await failure(asUser(() => jiraRequest('user', route`/rest/api/3/myself`, {}, new Deadline(5_000))));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.details).toEqual({ retryAfterMs: 30_000 });
    expect(jira.requests.length).toBe(1);
  });

  it('waits for X-RateLimit-Reset when a 429 has no Retry-After', async () => {
    const reset = new Date(Date.now() + 120_000).toISOString().slice(0, 16) + 'Z';
    jira.script = [{ status: 429, headers: { 'x-ratelimit-reset': reset, 'ratelimit-reason': 'jira-quota-tenant-based' } }];
    const error = await failure(asUser(() => jiraRequest('user', route`/rest/api/3/myself`, {}, new Deadline(5_000))));
    expect(error.code).toBe('RATE_LIMITED');
    expect((error.details as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(5_000);
    expect(jira.requests.length).toBe(1);
  });

  it('answers a missing user consent with AUTH_REQUIRED and a next step, without retrying', async () => {
    jira.script = [{ status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } }];
    const error = await failure(asUser(() => jiraRequest('user', route`/rest/api/3/myself`, {}, new Deadline(20_000))));
    expect(error.code).toBe('AUTH_REQUIRED');
    expect(error.message).toMatch(/Allow access/);
    expect(jira.requests.length).toBe(1);
  });

  it('does not retry a Forge proxy refusal as if Jira were down', async () => {
    jira.script = [{ status: 403, headers: { 'forge-proxy-error': 'AUTHORIZATION_ERROR' } }];
    const error = await failure(asUser(() => jiraRequest('app', route`/rest/api/3/field`, {}, new Deadline(20_000))));
    expect(error.code).toBe('AUTH_REQUIRED');
    expect(error.message).toMatch(/Jira admin/);
    expect(jira.requests.length).toBe(1);
  });

  it('reports other Forge proxy failures with their code, once', async () => {
    jira.script = [{ status: 502, headers: { 'forge-proxy-error': 'UPSTREAM_FAILURE' } }];
    const error = await failure(asUser(() => jiraRequest('app', route`/rest/api/3/field`, {}, new Deadline(20_000))));
    expect(error.code).toBe('JIRA_UNAVAILABLE');
    expect(error.message).toContain('UPSTREAM_FAILURE');
    expect(jira.requests.length).toBe(1);
  });
});

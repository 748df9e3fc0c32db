import api, { NeedsAuthenticationError, NotAllowedError, ProxyRequestError, type Route } from '@forge/api';
import { AppError } from '../../application/errors';
import type { Deadline } from './deadline';

export type Principal = 'user' | 'app';

/** Most attempts per request (the first try plus retries). */
const MAX_ATTEMPTS = 6;
/** Backoff base when Jira sends no Retry-After, in ms; doubles per attempt, with full jitter. */
const BACKOFF_BASE_MS = 250;

export interface JiraResponse {
  status: number;
  /** Parsed JSON body, or null when there is none. */
  body: unknown;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * One Jira REST call as the user (`asUser`, for anything shown to a user) or the app (`asApp`, background work),
 * with the one retry policy of the app: 429 and 5xx are retried after `Retry-After` (or, without it, after
 * `X-RateLimit-Reset`, else a jittered exponential backoff) while the deadline allows, then fail as RATE_LIMITED /
 * JIRA_UNAVAILABLE. Other statuses are returned. Jira sends 429 with or without `Retry-After` and some 503s with
 * it (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/). Errors the Forge platform raises
 * instead of an HTTP answer (consent, egress permissions, proxy refusals) are not retried: see {@link platformError}.
 */
export async function jiraRequest(principal: Principal, path: Route, init: { method?: string; body?: unknown }, deadline: Deadline): Promise<JiraResponse> {
  const client = principal === 'user' ? api.asUser() : api.asApp();
  let last: { status: number; retryAfterMs: number | null; reason?: string } = { status: 0, retryAfterMs: null };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let res: Awaited<ReturnType<typeof client.requestJira>>;
    try {
      res = await client.requestJira(path, {
        method: init.method ?? 'GET',
        headers: { Accept: 'application/json', ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    } catch (cause) {
      const refused = platformError(cause, principal);
      if (refused !== null) throw refused;
      last = { status: 0, retryAfterMs: null };
      if (!(await waitBeforeRetry(attempt, null, deadline)))
        throw new AppError('JIRA_UNAVAILABLE', 'Jira could not be reached. Try again in a minute.', undefined, { cause });
      continue;
    }
    if (res.status === 429 || res.status >= 500) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after')) ?? parseRateLimitReset(res.headers.get('x-ratelimit-reset'));
      const reason = res.headers.get('ratelimit-reason');
      last = { status: res.status, retryAfterMs, ...(reason === null ? {} : { reason }) };
      await res.text().catch(() => '');
      if (await waitBeforeRetry(attempt, retryAfterMs, deadline)) continue;
      break;
    }
    const text = await res.text();
    let body: unknown = null;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: res.status, body };
  }
  if (last.status === 429) {
    const wait = last.retryAfterMs === null ? 'a minute' : `${Math.max(1, Math.ceil(last.retryAfterMs / 1000))} seconds`;
    throw new AppError('RATE_LIMITED', `Jira is rate-limiting this app right now. Wait ${wait} and try again.`, {
      retryAfterMs: last.retryAfterMs,
      ...(last.reason === undefined ? {} : { reason: last.reason }),
    });
  }
  throw new AppError('JIRA_UNAVAILABLE', `Jira did not answer (HTTP ${last.status || 'no response'}). Try again in a minute.`);
}

/** Waits before the next attempt when the deadline allows it; false when it does not (or attempts are spent). */
async function waitBeforeRetry(attempt: number, retryAfterMs: number | null, deadline: Deadline): Promise<boolean> {
  if (attempt >= MAX_ATTEMPTS) return false;
  const backoff = Math.random() * BACKOFF_BASE_MS * 2 ** (attempt - 1);
  const wait = retryAfterMs === null ? backoff : retryAfterMs + Math.random() * BACKOFF_BASE_MS;
  // Keep a second to answer after the wait and the next try.
  if (wait + 1000 > deadline.remaining()) return false;
  await sleep(wait);
  return true;
}

/** `Retry-After` in seconds or as an HTTP date → ms; null when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.min(seconds, 600)) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/**
 * `X-RateLimit-Reset` (an ISO 8601 timestamp, `yyyy-MM-ddTHH:mmZ`, per Atlassian's "Rate limiting" page) → ms from
 * now; null when absent or unreadable.
 */
export function parseRateLimitReset(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '' || /^\d+$/.test(value.trim())) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.min(at - now, 600_000));
}

/**
 * The app error for a Forge platform refusal, or null for anything else (a network failure: retried).
 * `@forge/api` throws these instead of returning an HTTP answer, and trying again cannot fix them:
 * - NeedsAuthenticationError (NEEDS_AUTHENTICATION_ERR): the user has not granted the app access to act as them
 *   (Forge "user consent", https://developer.atlassian.com/platform/forge/runtime-reference/fetch-api/), or their
 *   grant lapsed. Only the user can fix it, by allowing access in the app.
 * - ProxyRequestError (PROXY_ERR) with 401/403: the same, seen by the platform's proxy; other statuses are a
 *   platform failure reported with its code.
 * - NotAllowedError (REQUEST_EGRESS_ALLOWLIST_ERR): the manifest does not allow the request: an app defect.
 */
export function platformError(cause: unknown, principal: Principal): AppError | null {
  if (cause instanceof NeedsAuthenticationError || (cause instanceof ProxyRequestError && (cause.status === 401 || cause.status === 403))) {
    const message =
      principal === 'user'
        ? 'ValueRank needs your permission to read Jira on your behalf. Open ValueRank in Jira, choose "Allow access" when asked, then try again.'
        : "Jira refused the app's own access. A Jira admin should check that ValueRank is installed and its access was granted (Apps → Manage apps).";
    return new AppError('AUTH_REQUIRED', message, { principal, platformCode: cause.name }, { cause });
  }
  if (cause instanceof NotAllowedError) {
    return new AppError(
      'INTERNAL',
      'The app asked Jira for something its manifest does not allow. Report this to the app vendor.',
      { platformCode: cause.name },
      { cause },
    );
  }
  if (cause instanceof ProxyRequestError) {
    return new AppError(
      'JIRA_UNAVAILABLE',
      `The Forge platform could not pass the request to Jira (${cause.errorCode}, HTTP ${cause.status}). Try again later; if it persists, report it.`,
      { platformCode: cause.errorCode },
      { cause },
    );
  }
  return null;
}

/** Throws the app error for a Jira answer the caller cannot use. */
export function unexpected(what: string, res: JiraResponse): AppError {
  if (res.status === 401 || res.status === 403) return new AppError('FORBIDDEN', `Jira refused to ${what} (HTTP ${res.status}).`);
  if (res.status === 404) return new AppError('NOT_FOUND', `Jira found nothing to ${what}.`);
  const messages = messagesOf(res.body);
  return new AppError('JIRA_UNAVAILABLE', `Jira could not ${what} (HTTP ${res.status})${messages ? `: ${messages}` : ''}.`);
}

/** Jira's error texts in an error body (`errorMessages` and the per-field `errors`), joined and clipped; '' when none. */
export function messagesOf(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const b = body as { errorMessages?: unknown; errors?: unknown };
  const list = Array.isArray(b.errorMessages) ? b.errorMessages.filter((m): m is string => typeof m === 'string') : [];
  if (typeof b.errors === 'object' && b.errors !== null) list.push(...Object.values(b.errors).filter((m): m is string => typeof m === 'string'));
  return list.join('; ').slice(0, 500);
}

/**
 * Shared helpers of the reliability tests: simulator controls, Jira's own rank order, persona contexts, and an
 * in-process caller of the real resolver handler (src/index.ts `resolver`, through `@forge/resolver` and the
 * local Forge runtime) for tests where an HTTP round trip is not the point.
 */
import { ERROR_CODES } from '../../src/contract/operations';
import { invokeResolver, type ResolverHandler } from '../../dev/runtime';
import { PERSONAS } from '../integration/harness';
import { searchIndexCaughtUp } from '../integration/search-index';

export { PERSONAS };

export type Answer<T = any> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: unknown } };

export interface Ctx {
  accountId: string;
  moduleKey?: string;
  extension?: Record<string, unknown>;
}

export const projectPage = (projectKey: string): Omit<Ctx, 'accountId'> => ({
  moduleKey: 'valuerank-project-page',
  extension: { type: 'jira:projectPage', project: { key: projectKey } },
});
export const projectSettings = (projectKey: string): Omit<Ctx, 'accountId'> => ({
  moduleKey: 'valuerank-project-settings',
  extension: { type: 'jira:projectSettingsPage', project: { key: projectKey } },
});
export const issuePanel = (issueKey: string): Omit<Ctx, 'accountId'> => ({
  moduleKey: 'valuerank-issue-panel',
  extension: { type: 'jira:issuePanel', issue: { key: issueKey }, project: { key: issueKey.slice(0, issueKey.lastIndexOf('-')) } },
});
export const adminPage: Omit<Ctx, 'accountId'> = { moduleKey: 'valuerank-admin-page', extension: { type: 'jira:adminPage' } };

export const PO = PERSONAS.productOwner.accountId;
export const DEV = PERSONAS.developer.accountId;
export const ADMIN = PERSONAS.admin.accountId;
export const SUPPORT = PERSONAS.supportAgent.accountId;
export const NOBODY = PERSONAS.noAccess.accountId;

/** The app's resolver handler, loaded after the preview installed the runtime (same module instance as the preview's). */
export async function loadResolver(): Promise<ResolverHandler> {
  const app = (await import('../../src/index')) as typeof import('../../src/index');
  return app.resolver as ResolverHandler;
}

/**
 * The same operations without @forge/resolver's JSON round trip, so a NaN or Infinity the app computes is seen as
 * such (JSON would turn it into null). Runs inside the runtime's invocation scope like the real handler.
 */
export async function loadRawResolver(): Promise<ResolverHandler> {
  const { operations } = (await import('../../src/resolvers/operations')) as typeof import('../../src/resolvers/operations');
  return async ({ call: c, context }, backend) => {
    const op = (operations as Record<string, (req: { payload?: unknown; context?: Record<string, unknown> }) => Promise<unknown>>)[c.functionKey];
    if (op === undefined) throw new Error(`no operation ${c.functionKey}`);
    return op({ payload: c.payload, context: { ...context, accountId: (backend?.principal as { accountId?: string } | undefined)?.accountId } });
  };
}

/** Calls the real resolver handler in-process once, as Forge would for a Custom UI `invoke()`. */
export async function callOnce<T = any>(resolver: ResolverHandler, functionKey: string, payload: unknown, ctx: Ctx): Promise<Answer<T>> {
  return (await invokeResolver(resolver, {
    functionKey,
    payload,
    context: { accountId: ctx.accountId, moduleKey: ctx.moduleKey ?? 'valuerank-project-page', extension: ctx.extension ?? {} },
  })) as Answer<T>;
}

/**
 * Calls the resolver as the UI does: an answer that says the project's first snapshot is still building is asked
 * again (the page polls likewise) until it is ready, within `timeoutMs`.
 */
export async function call<T = any>(resolver: ResolverHandler, functionKey: string, payload: unknown, ctx: Ctx, timeoutMs = 60_000): Promise<Answer<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const answer = await callOnce<T>(resolver, functionKey, payload, ctx);
    if (!(answer.ok && (answer.data as { status?: unknown } | null)?.status === 'building') || Date.now() > until) return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Asserts the contract's answer shape: `{ok:true,data}` or `{ok:false,error:{code,message}}` with a known code. */
export function contractShapeProblem(r: unknown): string | null {
  if (typeof r !== 'object' || r === null) return `not an object: ${String(r)}`;
  const a = r as Record<string, unknown>;
  if (a.ok === true) return 'data' in a ? null : 'ok:true without data';
  if (a.ok !== false) return `ok is ${String(a.ok)}`;
  const e = a.error as Record<string, unknown> | undefined;
  if (typeof e !== 'object' || e === null) return 'ok:false without error';
  if (typeof e.code !== 'string' || !(ERROR_CODES as readonly string[]).includes(e.code)) return `unknown error code ${String(e.code)}`;
  if (typeof e.message !== 'string' || e.message.trim() === '') return 'error without a message';
  if (/\n\s+at |Error: .*\n/.test(e.message)) return 'error message carries a stack trace';
  return null;
}

export async function setFaults(url: string, spec: string): Promise<void> {
  const r = await fetch(`${url}/__sim/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spec }) });
  if (r.status >= 300) throw new Error(`PUT /__sim/faults ${spec}: HTTP ${r.status} ${await r.text()}`);
}

export interface SimStats {
  total: number;
  byEndpoint: Record<string, number>;
  injected: { '429': number; '5xx': number };
}

export async function simStats(url: string): Promise<SimStats> {
  return (await (await fetch(`${url}/__sim/stats`)).json()) as SimStats;
}

export async function resetStats(url: string): Promise<void> {
  await fetch(`${url}/__sim/stats/reset`, { method: 'POST' });
}

/**
 * Jira's own Rank order of a project's backlog candidates (not Done, no epics, no sub-tasks), read from the
 * simulator as the site admin. Faults are switched off by the caller when reading.
 */
export async function jiraRankOrder(
  url: string,
  projectKey = 'PAY',
  jql = `project = ${projectKey} AND statusCategory != Done AND issuetype not in (Epic, Sub-task) ORDER BY Rank ASC`,
): Promise<string[]> {
  await searchIndexCaughtUp();
  const keys: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < 20; page++) {
    const r = await fetch(`${url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jql,
        fields: ['key'],
        maxResults: 100,
        ...(token ? { nextPageToken: token } : {}),
      }),
    });
    if (r.status !== 200) throw new Error(`search/jql: HTTP ${r.status} ${await r.text()}`);
    const body = (await r.json()) as { issues: { key: string }[]; nextPageToken?: string };
    keys.push(...body.issues.map((i) => i.key));
    if (!body.nextPageToken) return keys;
    token = body.nextPageToken;
  }
  throw new Error('search did not end');
}

/**
 * Waits for the local queue to be idle and stay idle for three polls (background recomputes triggered by rank
 * moves: Jira's events reach the trigger just after the write, so a single idle poll can come too early).
 */
export async function settleQueue(url: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < until) {
    const q = (await (await fetch(`${url}/__forge/queue`)).json()) as { pending: number; running: number };
    quiet = q.pending === 0 && q.running === 0 ? quiet + 1 : 0;
    if (quiet === 3) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('queue did not settle');
}

/** Every number in a JSON-like value that is not finite, by path (NaN, ±Infinity). */
export function nonFiniteNumbers(value: unknown, path = '$', out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path}=${value}`);
    return out;
  }
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  if (Array.isArray(value)) value.forEach((v, i) => nonFiniteNumbers(v, `${path}[${i}]`, out, seen));
  else for (const [k, v] of Object.entries(value)) nonFiniteNumbers(v, `${path}.${k}`, out, seen);
  return out;
}

export const TRANSIENT = ['RATE_LIMITED', 'JIRA_UNAVAILABLE'] as const;

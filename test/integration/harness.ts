/**
 * The one preview set-up of the integration and reliability suites: the demo site in the simulator, the local Forge
 * runtime and the app's handlers, reached over HTTP as the UI does (`invoke`) or in-process through the real
 * resolver handler (`call`), plus the module contexts, personas and the queue wait both suites need.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoSite } from '../../dev/demo/generate-site';
import { PERSONAS } from '../../dev/demo/jira-catalog';
import { startPreview, type Preview, type PreviewOptions } from '../../dev/preview/server';
import { DEMO_CONFIG } from '../../dev/preview/demo-config';
import { invokeResolver, type ResolverHandler } from '../../dev/runtime';
import { searchIndexCaughtUp } from './search-index';

export { PERSONAS };

export const PO = PERSONAS.productOwner.accountId;
export const DEV = PERSONAS.developer.accountId;
export const ADMIN = PERSONAS.admin.accountId;
export const SUPPORT = PERSONAS.supportAgent.accountId;
export const NOBODY = PERSONAS.noAccess.accountId;

export interface DemoOptions {
  seed?: unknown;
  faults?: string;
  dataDir?: string;
  /** How the local queue delivers (default: as Forge, with seeded redeliveries). */
  queue?: PreviewOptions['queue'];
}

export type Demo = Preview & { dataDir: string };

/** Starts the preview (simulator + local Forge runtime + the app's handlers) on a free port. */
export async function startDemo(opts: DemoOptions = {}): Promise<Demo> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'vr-it-'));
  const seed = opts.seed ?? { ...generateDemoSite(), config: DEMO_CONFIG };
  const preview = await startPreview({
    port: 0,
    seed,
    now: '2026-11-25T00:00:00.000Z',
    dataDir,
    ...(opts.faults ? { faults: opts.faults } : {}),
    ...(opts.queue ? { queue: opts.queue } : {}),
  });
  return Object.assign(preview, { dataDir });
}

/** A preview that a `describe` block starts before its tests and closes after them, with the app's resolver handler. */
export interface DemoSuite {
  readonly url: string;
  readonly sim: Demo['sim'];
  readonly queue: Demo['queue'];
  readonly dataDir: string;
  readonly resolver: ResolverHandler;
}

/**
 * Registers the `beforeAll`/`afterAll` pair that starts and closes one preview. `opts` may be a function when the
 * seed is built per suite; the fields of the answer are read once the suite has started.
 */
export function useDemo(opts: DemoOptions | (() => DemoOptions) = {}, startTimeoutMs = 60_000): DemoSuite {
  let running: Demo | undefined;
  let handler: ResolverHandler | undefined;
  beforeAll(async () => {
    running = await startDemo(typeof opts === 'function' ? opts() : opts);
    handler = await loadResolver();
  }, startTimeoutMs);
  afterAll(async () => {
    await running?.close();
  });
  const started = (): { demo: Demo; resolver: ResolverHandler } => {
    if (running === undefined || handler === undefined) throw new Error('the preview is read before its suite started');
    return { demo: running, resolver: handler };
  };
  return {
    get url() {
      return started().demo.url;
    },
    get sim() {
      return started().demo.sim;
    },
    get queue() {
      return started().demo.queue;
    },
    get dataDir() {
      return started().demo.dataDir;
    },
    get resolver() {
      return started().resolver;
    },
  };
}

export type Answer<T = any> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; details?: unknown } };

/** The answer as HTTP tests read it, without narrowing on `ok` first. */
export interface InvokeResult<T = any> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

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

/**
 * Asks again, as the UI polls, while the answer says the project's first snapshot is still building; gives the
 * last answer after `timeoutMs`.
 */
async function untilBuilt<A extends { ok: boolean; data?: unknown }>(ask: () => Promise<A>, timeoutMs: number): Promise<A> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask();
    if (!(answer.ok && (answer.data as { status?: unknown } | null | undefined)?.status === 'building') || Date.now() > until) return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** POST /__forge/invoke as the UI would, with a module context, until the snapshot is built (within a minute). */
export async function invoke<T = any>(url: string, functionKey: string, payload: unknown, ctx: Ctx): Promise<InvokeResult<T>> {
  return untilBuilt(() => invokeOnce<T>(url, functionKey, payload, ctx), 60_000);
}

/** POST /__forge/invoke once. */
export async function invokeOnce<T = any>(url: string, functionKey: string, payload: unknown, ctx: Ctx): Promise<InvokeResult<T>> {
  const res = await fetch(`${url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey, payload, context: { moduleKey: 'valuerank-project-page', extension: {}, ...ctx } }),
  });
  return (await res.json()) as InvokeResult<T>;
}

/** The app's resolver handler, loaded after the preview installed the runtime (same module instance as the preview's). */
export async function loadResolver(): Promise<ResolverHandler> {
  const app = (await import('../../src/index')) as typeof import('../../src/index');
  return app.resolver as ResolverHandler;
}

/** Calls the real resolver handler in-process once, as Forge would for a Custom UI `invoke()`. */
export async function callOnce<T = any>(resolver: ResolverHandler, functionKey: string, payload: unknown, ctx: Ctx): Promise<Answer<T>> {
  return (await invokeResolver(resolver, {
    functionKey,
    payload,
    context: { accountId: ctx.accountId, moduleKey: ctx.moduleKey ?? 'valuerank-project-page', extension: ctx.extension ?? {} },
  })) as Answer<T>;
}

/** Calls the resolver in-process as the UI does: asked again while the first snapshot builds, within `timeoutMs`. */
export async function call<T = any>(resolver: ResolverHandler, functionKey: string, payload: unknown, ctx: Ctx, timeoutMs = 60_000): Promise<Answer<T>> {
  return untilBuilt(() => callOnce<T>(resolver, functionKey, payload, ctx), timeoutMs);
}

/**
 * Waits until the local Forge queue has stayed idle for three polls (Jira's events reach the trigger just after the
 * write, so a single idle poll can come too early); fails on an event that used up its attempts.
 */
export async function settleQueue(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 3) {
    if (Date.now() > until) throw new Error('the queue did not settle');
    const q = (await (await fetch(`${url}/__forge/queue`)).json()) as { pending: number; running: number; failed: number };
    if (q.failed > 0) throw new Error(`${q.failed} queued event(s) used up their attempts`);
    quiet = q.pending === 0 && q.running === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Jira's own Rank order of a project's issues, read from the simulator's search as `as` (the site admin when
 * absent) once its search index caught up. The default query: the backlog candidates (not Done, no epics, no sub-tasks).
 */
export async function jiraRankOrder(url: string, opts: { projectKey?: string; jql?: string; as?: string } = {}): Promise<string[]> {
  const projectKey = opts.projectKey ?? 'PAY';
  const jql = opts.jql ?? `project = ${projectKey} AND statusCategory != Done AND issuetype not in (Epic, Sub-task) ORDER BY Rank ASC`;
  await searchIndexCaughtUp();
  const keys: string[] = [];
  let nextPageToken: string | undefined;
  for (let page = 0; page < 100; page++) {
    const res = await fetch(`${url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(opts.as === undefined ? {} : { 'X-Sim-Account-Id': opts.as }) },
      body: JSON.stringify({ jql, fields: ['key'], maxResults: 5000, ...(nextPageToken ? { nextPageToken } : {}) }),
    });
    if (!res.ok) throw new Error(`POST /rest/api/3/search/jql: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { issues: { key: string }[]; nextPageToken?: string; isLast?: boolean };
    keys.push(...body.issues.map((i) => i.key));
    nextPageToken = body.nextPageToken;
    if (!nextPageToken || body.isLast) return keys;
  }
  throw new Error('the search did not end');
}

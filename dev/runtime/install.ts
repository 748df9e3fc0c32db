/**
 * Installs the globals that the unmodified `@forge/api`, `@forge/kvs`, `@forge/events` and `@forge/resolver`
 * packages expect from the Forge platform, so the app's handlers run unchanged in Node:
 *
 * - `global.__forge_fetch__(proxy, path, init)`: every platform call goes through it. `proxy` says where:
 *   `{ type: 'fpp', remote: 'jira', provider: 'user' | 'app' | 'none', accountId? }` (requestJira),
 *   `{ type: 'kvs' }` (@forge/kvs, `POST /api/v1/…`), `{ type: 'fpp', remote: 'stargate', provider: 'app' }` with
 *   `/webhook/queue/…` (@forge/events). Anything else answers as a proxy refusal (`forge-proxy-error` header),
 *   which @forge/api turns into its own `ProxyRequestError`.
 * - `global.__forge_runtime__`: app context, remaining time, metrics, read per invocation.
 *
 * Jira requests go to `jiraBaseUrl + path` with method, headers and body passed through; `asUser()` calls carry
 * `X-Sim-Account-Id: <accountId>` (the current invocation's user), `asApp()` calls carry `X-Sim-Principal: app`,
 * which the simulator reads as the app's own user with its own permissions (on Jira Cloud a Forge app acts as an
 * app user, not as a site admin). Headers of those names set by app code are dropped: on Forge the app cannot
 * choose whom it acts as.
 */
import { currentInvocation, currentSite, DEFAULT_SITE, setSite, type SiteIdentity } from './context';
import type { KvsStore } from './kvs-store';
import type { LocalQueue } from './queue';

export const ACCOUNT_HEADER = 'X-Sim-Account-Id';
export const PRINCIPAL_HEADER = 'X-Sim-Principal';

export interface ForgeRuntimeOptions {
  /** Base URL of the Jira simulator, e.g. `http://127.0.0.1:8790`; a function is read on each request. */
  jiraBaseUrl: string | (() => string);
  store: KvsStore;
  queue: LocalQueue;
  /** The acting user of `asUser()` calls made without an explicit id. Default: the current invocation's `accountId`. */
  getAccountId?: () => string | undefined;
  /** Overrides of the simulated installation (cloudId, appId, siteUrl…). */
  site?: Partial<SiteIdentity>;
  /** How to reach the simulator. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

export interface InstalledForgeRuntime {
  /** Puts back the globals that were there before (tests install and uninstall per file). */
  uninstall(): void;
}

/** What @forge/api passes as the first argument of `__forge_fetch__`. */
interface ProxyTarget {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

const GLOBALS = ['__forge_fetch__', '__forge_runtime__'] as const;

export function installForgeRuntime(options: ForgeRuntimeOptions): InstalledForgeRuntime {
  const slots = globalThis as unknown as Record<string, unknown>;
  const previous = GLOBALS.map((name) => [name, slots[name]] as const);
  const previousSite = currentSite();
  setSite({ ...DEFAULT_SITE, ...options.site });
  slots.__forge_fetch__ = createForgeFetch(options);
  slots.__forge_runtime__ = createRuntime();
  return {
    uninstall() {
      for (const [name, value] of previous) slots[name] = value;
      setSite(previousSite);
    },
  };
}

function createForgeFetch(options: ForgeRuntimeOptions) {
  const send = options.fetch ?? globalThis.fetch;
  return async (target: ProxyTarget, path: string, init: RequestInit = {}): Promise<Response> => {
    if (target.type === 'kvs') return jsonResponse(await options.store.handle(path, parseBody(init.body)));
    if (target.type === 'fpp' && target.remote === 'jira') return fetchJira(options, send, target, path, init);
    if (target.type === 'fpp' && target.remote === 'stargate' && path.startsWith('/webhook/queue/')) {
      return jsonResponse(await options.queue.handle(path, parseBody(init.body)));
    }
    return new Response(null, { status: 501, headers: { 'forge-proxy-error': `NOT_SUPPORTED_LOCALLY: ${target.type}/${target.remote ?? '-'} ${path}` } });
  };
}

async function fetchJira(options: ForgeRuntimeOptions, send: typeof fetch, target: ProxyTarget, path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.delete(ACCOUNT_HEADER);
  headers.delete(PRINCIPAL_HEADER);
  if (target.provider === 'app') headers.set(PRINCIPAL_HEADER, 'app');
  if (target.provider === 'user') {
    const accountId = target.accountId ?? (options.getAccountId ?? (() => currentInvocation()?.accountId))();
    if (!accountId) {
      throw new Error('asUser() has no user here: triggers, scheduled triggers and queue consumers run as the app only (use asApp()).');
    }
    headers.set(ACCOUNT_HEADER, accountId);
  }
  const base = typeof options.jiraBaseUrl === 'function' ? options.jiraBaseUrl() : options.jiraBaseUrl;
  const url = `${base.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
  try {
    return await send(url, { ...init, headers });
  } catch (error) {
    throw new Error(`Local Forge runtime: the Jira simulator at ${base} did not answer ${init.method ?? 'GET'} ${path}.`, { cause: error });
  }
}

function createRuntime(): object {
  const noopTimer = { stop: () => undefined };
  const metric = { incr: () => undefined, decr: () => undefined, measure: () => noopTimer, set: () => undefined };
  return {
    proxy: { token: 'local', url: 'http://local-forge-runtime' },
    tracing: { traceId: 'local', spanId: 'local' },
    metrics: { counter: () => metric, timing: () => metric, gauge: () => metric },
    container: { appCodeDir: process.cwd() },
    externalAuth: [],
    get appContext() {
      const invocation = currentInvocation();
      const site = invocation?.site ?? currentSite();
      return {
        appId: site.appId,
        appVersion: site.appVersion,
        environmentId: site.environmentId,
        environmentType: 'DEVELOPMENT',
        invocationId: invocation?.invocationId ?? 'outside-invocation',
        installationId: site.installationId,
        moduleKey: invocation?.moduleKey ?? '',
        license: { isActive: true },
        permissions: { scopes: [], external: {} },
      };
    },
    get lambdaContext() {
      const invocation = currentInvocation();
      return { getRemainingTimeInMillis: () => (invocation ? Math.max(0, invocation.deadline - Date.now()) : Number.MAX_SAFE_INTEGER) };
    },
  };
}

function parseBody(body: RequestInit['body']): unknown {
  if (typeof body !== 'string' || body.length === 0) return undefined;
  return JSON.parse(body);
}

function jsonResponse(reply: { status: number; body?: unknown }): Response {
  if (reply.body === undefined) return new Response(null, { status: reply.status });
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
}

/**
 * The simulated Jira Cloud site as an HTTP handler over node:http.
 *
 * `handle(req, res)` answers `/rest/...` (the Jira REST subset, shapes per the OpenAPI specs)
 * and `/__sim/...` (stats and fault controls) and returns true; any other path returns false so
 * the preview server can answer it. The acting user is `X-Sim-Account-Id` (site admin when absent).
 *
 * Every `/rest` request counts in the stats before faults are applied, so injected 429s and 5xxs
 * count too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { actorFor, APP_PRINCIPAL_HEADER, appActor } from './access';
import type { EventListener, SimEvent } from './events';
import { Faults, FaultSpecError, type FaultSpec } from './faults';
import { errorReply, JiraHttpError, readJsonBody, Router, sendReply, type Reply, type SimContext } from './http';
import { agileRoutes } from './routes/agile';
import { appFieldRoutes } from './routes/app-fields';
import { commentRoutes } from './routes/comments';
import { issueRoutes } from './routes/issue';
import { jqlMatchRoutes } from './routes/jql-match';
import { jqlParseRoutes } from './routes/jql-parse';
import { linkRoutes } from './routes/links';
import { permissionRoutes } from './routes/permissions';
import { userRoutes } from './routes/users';
import { projectRoutes } from './routes/projects';
import { propertyRoutes } from './routes/properties';
import { searchRoutes } from './routes/search';
import { transitionRoutes } from './routes/transitions';
import { DEFAULT_SITE } from '../runtime/context';
import { RateBudgets, rateLimitReset, type Principal } from './rate-limits';
import { SearchIndex } from './search-index';
import { SimState, type AppFieldSpec, type SimApp } from './state';
import { StatsCounter, type SimStats } from './stats';
import { makeClock } from './time';

export interface SimulatorOptions {
  /** A seed (DESIGN.md "Seed file format"); validated, SeedError when bad. Ignored when `dataDir` holds a saved site. */
  seed: unknown;
  /** `--faults` spec or parsed spec. */
  faults?: string | FaultSpec;
  /** Frozen clock (ISO date); defaults to the seed's `now`, else the wall clock. */
  now?: string;
  /** Where the site persists (`jira-state.json`); loaded from there when present. */
  dataDir?: string;
  /** App custom fields the app's manifest declares; default: the number field "Value score" (`value-score`). */
  appFields?: AppFieldSpec[];
  /** The installed app; default: the local Forge runtime's app and environment (dev/runtime/context.ts). */
  app?: SimApp;
}

export interface Simulator {
  readonly state: SimState;
  readonly faults: Faults;
  /** True when the request is the simulator's (`/rest/…`, `/__sim/…`); it then answers it. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Forge-trigger-shaped change events; returns an unsubscribe function. */
  onEvent(listener: EventListener): () => void;
  /**
   * Every REST request as received (method, OpenAPI path template, query, JSON body) with the status and JSON body
   * of the simulator's answer (injected faults are not reported): for contract tests.
   */
  onRequest(listener: (r: RecordedExchange) => void): () => void;
  stats(): SimStats;
  resetStats(): void;
  /** Moves the frozen clock (ISO date): tests that follow a project over several days. */
  setNow(now: string): void;
}

export const DEFAULT_APP: SimApp = { appId: DEFAULT_SITE.appId, environmentId: DEFAULT_SITE.environmentId, environmentKey: 'DEVELOPMENT' };

export interface RecordedExchange {
  method: string;
  template: string;
  query: URLSearchParams;
  body: unknown;
  status: number;
  /** The reply body as sent (a copy), undefined when there is none. */
  response: unknown;
}

export const DEFAULT_APP_FIELDS: AppFieldSpec[] = [{ moduleKey: 'value-score', name: 'Value score', type: 'number' }];

const routes = new Router([
  ...searchRoutes,
  ...issueRoutes,
  ...linkRoutes,
  ...permissionRoutes,
  ...appFieldRoutes,
  ...propertyRoutes,
  ...agileRoutes,
  ...projectRoutes,
  ...jqlParseRoutes,
  ...jqlMatchRoutes,
  ...transitionRoutes,
  ...commentRoutes,
  ...userRoutes,
]);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whose budget a request spends: the app's, a user's, or nobody's (no principal header: tests and tooling). */
function principalOf(req: IncomingMessage): Principal | null {
  if (req.headers[APP_PRINCIPAL_HEADER] === 'app') return { kind: 'app' };
  const header = req.headers['x-sim-account-id'];
  const accountId = Array.isArray(header) ? header[0] : header;
  return accountId === undefined || accountId === '' ? null : { kind: 'user', accountId };
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const saved = options.dataDir !== undefined ? SimState.loadFrom(options.dataDir) : undefined;
  const state = saved ?? SimState.fromSeed(options.seed);
  const app = options.app ?? DEFAULT_APP;
  state.app = app;
  for (const spec of options.appFields ?? DEFAULT_APP_FIELDS) state.ensureAppField(spec, app);
  let clock = makeClock(options.now ?? state.now);
  const now = (): number => clock();
  const faults = new Faults(options.faults);
  const budgets = new RateBudgets();
  const stats = new StatsCounter();
  const listeners = new Set<EventListener>();
  const requestListeners = new Set<(r: RecordedExchange) => void>();
  const { dataDir } = options;
  if (dataDir !== undefined && !saved) state.saveTo(dataDir);

  const sim: SimContext = {
    state,
    now,
    faults,
    searchIndex: new SearchIndex(() => faults.current.searchLagMs),
    emit(event: SimEvent) {
      // Delivered after the current request, as Jira's triggers are asynchronous.
      setImmediate(() => {
        for (const l of listeners) {
          try {
            l(event);
          } catch (e) {
            console.error('[jira-sim] event listener failed:', e);
          }
        }
      });
    },
    changed() {
      if (dataDir !== undefined) state.saveTo(dataDir);
    },
  };

  async function answerRest(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const match = routes.match(method, url.pathname);
    stats.count(`${method} ${match.template ?? url.pathname}`);
    const decision = faults.decide();
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    const principal = principalOf(req);
    const charged = faults.current.budget !== null && principal !== null ? budgets.charge(faults.current.budget, principal) : undefined;
    if (charged?.refused !== undefined) {
      req.resume();
      stats.injected('429');
      sendReply(res, { status: 429, headers: { ...charged.headers, ...charged.refused }, body: { errorMessages: ['Rate limit exceeded.'], errors: {} } });
      return;
    }
    if (decision.inject !== undefined) {
      req.resume();
      stats.injected(decision.inject === 429 ? '429' : '5xx');
      const wait = faults.current.retryAfterSec;
      const retryHeaders: Record<string, string> = decision.retryAfter
        ? { 'retry-after': String(wait), 'x-ratelimit-reset': rateLimitReset(Date.now() + wait * 1000) }
        : {};
      const reply: Reply =
        decision.inject === 429
          ? { status: 429, headers: { ...retryHeaders, 'ratelimit-reason': 'jira-burst-based' }, body: { errorMessages: ['Rate limit exceeded.'], errors: {} } }
          : {
              status: 503,
              headers: decision.retryAfter ? { 'retry-after': String(wait) } : {},
              body: { errorMessages: ['Service temporarily unavailable (injected by the simulator).'], errors: {} },
            };
      sendReply(res, reply);
      return;
    }
    let reply: Reply;
    let request: { template: string; body: unknown } | undefined;
    try {
      const header = req.headers['x-sim-account-id'];
      const actor = req.headers[APP_PRINCIPAL_HEADER] === 'app' ? appActor(state) : actorFor(state, Array.isArray(header) ? header[0] : header);
      if (!actor) throw new JiraHttpError(401, ['Client must be authenticated to access this resource.']);
      if (!match.route) throw new JiraHttpError(match.template ? 405 : 404, [`No ${method} ${url.pathname} in the simulated Jira.`]);
      const body = method === 'GET' ? undefined : await readJsonBody(req);
      request = { template: match.template ?? url.pathname, body };
      reply = match.route.handler({ method, url, params: match.params, body, actor, baseUrl: `http://${req.headers.host ?? 'localhost'}`, sim });
    } catch (e) {
      if (e instanceof JiraHttpError) reply = errorReply(e);
      else {
        console.error('[jira-sim] internal error:', e);
        reply = { status: 500, body: { errorMessages: [`Simulator error: ${e instanceof Error ? e.message : String(e)}`], errors: {} } };
      }
    }
    if (request !== undefined && requestListeners.size > 0) {
      const exchange: RecordedExchange = {
        method,
        ...request,
        query: url.searchParams,
        status: reply.status,
        response: reply.body === undefined ? undefined : (JSON.parse(JSON.stringify(reply.body)) as unknown),
      };
      for (const l of requestListeners) l(exchange);
    }
    if (charged !== undefined) reply = { ...reply, headers: { ...reply.headers, ...charged.headers } };
    sendReply(res, reply);
  }

  async function answerSim(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = `${(req.method ?? 'GET').toUpperCase()} ${url.pathname}`;
    try {
      const body = req.method === 'GET' ? undefined : await readJsonBody(req);
      if (route === 'GET /__sim/stats') return sendReply(res, { status: 200, body: stats.snapshot() });
      if (route === 'POST /__sim/stats/reset') {
        stats.reset();
        return sendReply(res, { status: 204 });
      }
      if (route === 'GET /__sim/faults') return sendReply(res, { status: 200, body: faults.current });
      if (route === 'PUT /__sim/faults') {
        const spec = (body as { spec?: unknown } | undefined)?.spec;
        if (typeof spec !== 'string') throw new JiraHttpError(400, ['Body must be {"spec": "<--faults spec>"}.']);
        faults.configure(spec);
        return sendReply(res, { status: 204 });
      }
      if (route === 'GET /__sim/state') return sendReply(res, { status: 200, body: state.toJSON() });
      throw new JiraHttpError(404, [`No ${route} in the simulator.`]);
    } catch (e) {
      if (e instanceof FaultSpecError) return sendReply(res, errorReply(new JiraHttpError(400, [e.message])));
      if (e instanceof JiraHttpError) return sendReply(res, errorReply(e));
      throw e;
    }
  }

  return {
    state,
    faults,
    setNow(at: string) {
      clock = makeClock(at);
    },
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const answer = url.pathname.startsWith('/rest/') ? answerRest : url.pathname.startsWith('/__sim/') ? answerSim : undefined;
      if (!answer) return false;
      answer(req, res, url).catch((e: unknown) => {
        console.error('[jira-sim] request failed:', e);
        if (!res.headersSent) sendReply(res, { status: 500, body: { errorMessages: ['Simulator error.'], errors: {} } });
      });
      return true;
    },
    onRequest(listener) {
      requestListeners.add(listener);
      return () => requestListeners.delete(listener);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
  };
}

/**
 * The local preview (never deployed): the Jira Cloud simulator, the local Forge runtime and the app's own
 * handlers (src/index.ts, the same code Forge runs) behind one HTTP server, plus a Jira-like shell that hosts
 * the Custom UI builds in iframes with a working @forge/bridge. Contract: DESIGN.md, "Preview endpoints".
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createSimulator, type Simulator } from '../sim/server';
import { Rng } from '../demo/random';
import { delivers, readTriggerFilter } from './triggers';
import { contentSecurityPolicy, readCustomUiPermissions } from './csp';
import { installForgeRuntime, invokeFunction, invokeResolver, KvsStore, LocalQueue, type LocalQueueOptions, type ResolverHandler } from '../runtime';

export interface PreviewOptions {
  port: number;
  host?: string;
  /** A seed object (already read); the demo site when absent. */
  seed: unknown;
  faults?: string;
  now?: string;
  dataDir?: string;
  /** Where the Custom UI builds are (static/<module>/build). */
  staticDir?: string;
  /** The manifest whose `permissions` give the Custom UI's Content-Security-Policy. Default: the repository's manifest.yml. */
  manifest?: string;
  /**
   * How the local queue delivers. Default as Forge: concurrently, in no fixed order, and one event in twenty
   * delivered twice (seeded, so a run's choices repeat); tests may ask for more redeliveries or another order.
   */
  queue?: Pick<LocalQueueOptions, 'redeliveryRate' | 'random' | 'parallelism'>;
}

export interface Preview {
  url: string;
  sim: Simulator;
  queue: LocalQueue;
  /**
   * Moves the frozen clock of the app (VALUERANK_NOW, read on every call) and the simulated Jira together, for
   * tests that follow a project over days. The app runs in this process, so the variable reaches it.
   */
  setNow(now: string): void;
  /** Stops the preview; running consumers get `graceMs` (default 3 s) to finish first, as a graceful stop drains its workers. */
  close(graceMs?: number): Promise<void>;
}

const ROOT = resolve(__dirname, '../..');
const MODULE_RESOURCES: Record<string, string> = {
  'valuerank-project-page': 'project-page',
  'valuerank-issue-panel': 'issue-panel',
  'valuerank-admin-page': 'admin-page',
  'valuerank-project-settings': 'admin-page',
};
const SCHEDULED: Record<string, 'onDaily'> = { 'daily-recompute': 'onDaily' };
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};
const PREVIEW_QUEUE_SEED = 20_260_101;
/** Largest request body the preview accepts (Forge's invoke payload limit is 500 KB). */
const MAX_BODY = 1_000_000;

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'Request body too large');
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  // Read before anything starts: a manifest Forge would refuse stops the preview with the manifest path to fix.
  const manifestPath = opts.manifest ?? join(ROOT, 'manifest.yml');
  const csp = contentSecurityPolicy(readCustomUiPermissions(manifestPath));
  const issueTrigger = readTriggerFilter(manifestPath, 'issue-changed');
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'valuerank-preview-'));
  if (opts.now !== undefined) process.env.VALUERANK_NOW = opts.now;
  const sim = createSimulator({ seed: opts.seed, ...(opts.faults ? { faults: opts.faults } : {}), ...(opts.now ? { now: opts.now } : {}), dataDir });
  const store = new KvsStore({ dir: dataDir });
  const seeded = new Rng(PREVIEW_QUEUE_SEED);
  const queue = new LocalQueue({ dir: dataDir, timeScale: 0.01, redeliveryRate: 0.05, random: () => seeded.next(), ...opts.queue });
  let baseUrl = '';
  // Each preview is its own Jira site, as each installation is on Forge (caches keyed by site never mix them).
  const runtime = installForgeRuntime({ jiraBaseUrl: () => baseUrl, store, queue, site: { cloudId: randomUUID() } });

  // The app, loaded only after the runtime is installed: the same handlers manifest.yml names.
  const app = (await import('../../src/index')) as typeof import('../../src/index');
  queue.register('recompute', app.onRecompute as never, { moduleKey: 'recompute-consumer', timeoutSeconds: 900 });

  sim.onEvent((e) => {
    if (!delivers(issueTrigger, e.payload['atlassianId'], sim.state.appUser.accountId)) return;
    void invokeFunction(app.onIssueEvent as never, { ...e.payload, eventType: e.event }, { moduleKey: 'issue-changed' }).catch((err: unknown) =>
      console.error('trigger failed', err),
    );
  });

  const staticDir = opts.staticDir ?? join(ROOT, 'static');
  const shellDir = join(__dirname, 'public');

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) send(res, e.status, { error: e.message });
      else {
        console.error(e);
        if (!res.headersSent) send(res, 500, { error: 'preview error' });
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (sim.handle(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://preview');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/__health') return send(res, 200, { ok: true });
    if (req.method === 'GET' && path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (req.method === 'POST' && path === '/__forge/invoke') {
      const b = record(await readBody(req));
      const ctx = record(b.context);
      if (typeof b.functionKey !== 'string') throw new HttpError(400, 'functionKey is required');
      const result = await invokeResolver(app.resolver as ResolverHandler, {
        functionKey: b.functionKey,
        payload: b.payload,
        context: {
          accountId: typeof ctx.accountId === 'string' ? ctx.accountId : '',
          moduleKey: typeof ctx.moduleKey === 'string' ? ctx.moduleKey : 'valuerank-project-page',
          extension: record(ctx.extension),
        },
      });
      return send(res, 200, result ?? null);
    }
    if (req.method === 'POST' && path === '/__forge/events') {
      const b = record(await readBody(req));
      if (typeof b.event !== 'string') throw new HttpError(400, 'event is required');
      const payload = record(b.payload);
      if (delivers(issueTrigger, payload.atlassianId, sim.state.appUser.accountId))
        await invokeFunction(app.onIssueEvent as never, { ...payload, eventType: b.event }, { moduleKey: 'issue-changed' });
      return send(res, 200, { ok: true });
    }
    const scheduled = /^\/__forge\/scheduled\/([\w-]+)$/.exec(path);
    if (req.method === 'POST' && scheduled) {
      const handler = SCHEDULED[scheduled[1]!];
      if (handler === undefined) throw new HttpError(404, `No scheduled trigger '${scheduled[1]}' in manifest.yml`);
      await invokeFunction(app[handler] as never, {}, { moduleKey: scheduled[1]! });
      return send(res, 200, { ok: true });
    }
    if (req.method === 'GET' && path === '/__forge/queue') return send(res, 200, queue.stats());
    if (req.method === 'GET' && path === '/__preview/site') return send(res, 200, siteSummary(sim));
    if (req.method === 'GET' && path === '/__preview/tokens.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' });
      res.end(tokensCss());
      return;
    }
    if (req.method === 'GET' && path.startsWith('/static/')) return serveModule(res, staticDir, path.slice('/static/'.length), csp);
    if (req.method === 'GET') return serveFile(res, shellDir, path === '/' ? 'index.html' : path.slice(1));
    throw new HttpError(404, 'Not found');
  }

  await new Promise<void>((r) => server.listen(opts.port, opts.host ?? '127.0.0.1', r));
  const addr = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${addr.port}`;
  await seedConfig(opts.seed, app.resolver as ResolverHandler, sim);
  return {
    url: baseUrl,
    sim,
    queue,
    setNow(at: string) {
      if (Number.isNaN(Date.parse(at))) throw new Error(`Invalid date '${at}': use ISO 8601`);
      process.env.VALUERANK_NOW = at;
      sim.setNow(at);
    },
    async close(graceMs?: number) {
      // The queue first: running consumers finish against a simulator that still answers (a graceful stop).
      await queue.close(graceMs);
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await store.flush();
      runtime.uninstall();
    },
  };
}

/** The seed's optional `config` becomes the initial global config (as an admin would have saved it). */
async function seedConfig(seed: unknown, resolver: ResolverHandler, sim: Simulator): Promise<void> {
  const config = record(seed).config;
  if (config === undefined) return;
  const admin = [...sim.state.users.values()].find((u) => (u.groups ?? []).includes('jira-admins'));
  if (admin === undefined) return;
  const call = (functionKey: string, payload: unknown) =>
    invokeResolver(resolver, { functionKey, payload, context: { accountId: admin.accountId, moduleKey: 'valuerank-admin-page' } }) as Promise<{
      ok: boolean;
      data?: { version: number; config: unknown };
    }>;
  const current = await call('getConfig', {});
  if (!current.ok || current.data === undefined || current.data.version > 0) return;
  const { migrateConfig } = await import('../../src/application/config/migrate-config');
  const saved = await call('saveConfig', { expectedVersion: 0, config: migrateConfig(config) });
  if (!saved.ok) console.error('The seed config was not accepted:', JSON.stringify(saved));
}

/**
 * The design-token themes (light, dark, spacing, typography, shape) that Jira's host page supplies to a Custom UI
 * after `view.theme.enable()`; the preview takes them from @atlaskit/tokens.
 */
let tokens: string | null = null;
function tokensCss(): string {
  if (tokens === null) {
    const themes = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];
    tokens = themes
      .map((t) => {
        try {
          // eslint-disable-next-line @typescript-eslint/no-require-imports -- the theme files are picked by name at run time
          return String((require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${t}.js`) as { default: string }).default);
        } catch {
          return '';
        }
      })
      .join('\n');
  }
  return tokens;
}

function siteSummary(sim: Simulator): unknown {
  const s = sim.state;
  // The shell starts as the Product Owner: the first user who may schedule issues in a software project without
  // being a Jira admin (the persona the app is for).
  const software = [...s.projects.values()].filter((p) => p.projectTypeKey === 'software');
  const po = [...s.users.values()].find(
    (u) => !(u.groups ?? []).includes('jira-admins') && software.some((p) => (p.permissions?.[u.accountId] ?? []).includes('SCHEDULE_ISSUES')),
  );
  return {
    defaultUser: po?.accountId ?? null,
    users: [...s.users.values()].map((u) => ({ accountId: u.accountId, displayName: u.displayName, groups: u.groups ?? [] })),
    projects: [...s.projects.values()].map((p) => ({ key: p.key, id: p.id, name: p.name, projectTypeKey: p.projectTypeKey })),
    modules: MODULE_RESOURCES,
  };
}

function safeJoin(dir: string, rel: string): string | null {
  const p = normalize(join(dir, decodeURIComponent(rel)));
  return p.startsWith(dir) ? p : null;
}

function serveFile(res: ServerResponse, dir: string, rel: string, headers: Record<string, string> = {}): void {
  const p = safeJoin(dir, rel);
  if (p === null || !existsSync(p) || !statSync(p).isFile()) throw new HttpError(404, 'Not found');
  res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
  res.end(readFileSync(p));
}

/**
 * A module's Custom UI build, every file under the Content-Security-Policy Forge would apply (csp.ts). Its
 * index.html gets the preview bridge first in <head>, so that `@forge/bridge` finds `window.__bridge` when it
 * loads, as it does inside Jira; it is a same-origin file, not inline code, so `script-src 'self'` lets it run.
 */
function serveModule(res: ServerResponse, staticDir: string, rel: string, csp: string): void {
  const [resource, ...rest] = rel.split('/');
  const file = rest.join('/') || 'index.html';
  const dir = join(staticDir, resource ?? '', 'build');
  if (file === 'index.html') {
    const p = join(dir, 'index.html');
    if (!existsSync(p)) throw new HttpError(404, `No build for ${resource}: run npm run build:ui`);
    const html = readFileSync(p, 'utf8').replace(/<head>/i, '<head><script src="/__preview/bridge-client.js"></script>');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': csp });
    res.end(html);
    return;
  }
  serveFile(res, dir, file, { 'content-security-policy': csp });
}

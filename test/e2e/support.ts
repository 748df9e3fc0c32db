/**
 * Shared pieces of the end-to-end tests: an in-process preview (simulated Jira + local Forge runtime + the app)
 * on a free port with the demo site, a fresh Chromium profile driven by playwright-core, and cross-checks
 * against the backend through `/__forge/invoke` and the simulator's REST API on the same preview.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';
import type { BacklogItem } from '../../src/contract/model';
import { generateDemoSite } from '../../dev/demo/generate-site';
import { PERSONAS } from '../../dev/demo/jira-catalog';
import { DEMO_CONFIG } from '../../dev/preview/demo-config';
import { CHROMIUM, CHROMIUM_ARGS } from '../../dev/preview/chromium';
import { startPreview, type Preview } from '../../dev/preview/server';
import { jiraRankOrder as jiraRankOrderOf } from '../integration/harness';

export { PERSONAS };

/** The frozen clock of every preview in these tests (scores that decay with time are reproducible). */
export const NOW = '2026-11-25T00:00:00.000Z';
export const PROJECT = 'PAY';
export const ROOT = resolve(__dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');
export const VIEWPORT = { width: 1440, height: 900 };

export type Resource = 'project-page' | 'issue-panel' | 'admin-page';

/**
 * The browser globals that page functions (evaluate callbacks, run inside Chromium) use. The repository's
 * tsconfig has no DOM lib, so page functions take them from `globalThis as unknown as Dom`.
 */
export interface Dom {
  document: any;
  window: any;
  getComputedStyle(el: unknown): any;
}

/** The demo site with the demo config, as `npm start` loads it. */
export function demoSeed(): ReturnType<typeof generateDemoSite> & { config: typeof DEMO_CONFIG } {
  return { ...generateDemoSite(), config: DEMO_CONFIG };
}

export interface E2E {
  preview: Preview;
  url: string;
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors seen in the shell or any module frame. */
  errors: string[];
  close(): Promise<void>;
}

/** Starts the preview (port 0, fresh data dir, frozen clock; `manifest` replaces manifest.yml) and Chromium with a fresh profile. */
export async function startE2E(opts: { seed?: unknown; manifest?: string } = {}): Promise<E2E> {
  for (const r of ['project-page', 'issue-panel', 'admin-page'] as const) {
    if (!existsSync(join(ROOT, 'static', r, 'build', 'index.html')))
      throw new Error(`static/${r}/build is missing: run \`npm run build:ui\` before the end-to-end tests`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set VALUERANK_CHROMIUM)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'vr-e2e-data-'));
  const profile = mkdtempSync(join(tmpdir(), 'vr-e2e-chromium-'));
  const preview = await startPreview({
    port: 0,
    seed: opts.seed ?? demoSeed(),
    now: NOW,
    dataDir,
    ...(opts.manifest === undefined ? {} : { manifest: opts.manifest }),
  });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS], viewport: VIEWPORT, deviceScaleFactor: 1 });
  } catch (e) {
    await preview.close();
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  // The preview's clock is frozen at NOW, so the browser's is too: "computed just now", not "computed 19 h ago".
  await page.clock.setFixedTime(new Date(NOW));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The shell has no favicon: Chromium's own favicon request 404s. Nothing the app does.
    if (/Failed to load resource.*404/.test(m.text()) && /favicon|^$/.test(m.location().url ?? '')) return;
    errors.push(`console.error (${m.location().url}): ${m.text()}`);
  });
  return {
    preview,
    url: preview.url,
    context,
    page,
    errors,
    async close() {
      await context.close().catch(() => undefined);
      // Rank writes and config saves fire Jira events → triggers → queue work that runs after the response;
      // let it finish so nothing writes into the data dir after the preview is gone.
      await settle(preview.url).catch(() => undefined);
      await preview.close();
      rmSync(profile, { recursive: true, force: true });
      removeAtExit(dataDir);
    },
  };
}

const leftovers = new Set<string>();
function removeAtExit(dir: string): void {
  if (leftovers.size === 0) process.once('exit', () => leftovers.forEach((d) => rmSync(d, { recursive: true, force: true })));
  leftovers.add(dir);
}

/** The queue is idle and stays idle for a moment (triggers fired by the last writes have had their turn). */
async function settle(url: string): Promise<void> {
  for (let quiet = 0; quiet < 3;) {
    const q = (await (await fetch(`${url}/__forge/queue`)).json()) as { pending: number; running: number };
    quiet = q.pending === 0 && q.running === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Opens the Jira-like shell at a route (`project`, `issue/PAY-1`, `admin`, `project-settings`) as a user. */
export async function openShell(page: Page, url: string, route: string, opts: { user: string; project?: string; theme?: 'light' | 'dark' }): Promise<void> {
  const q = new URLSearchParams({ user: opts.user, project: opts.project ?? PROJECT, theme: opts.theme ?? 'light' });
  await page.goto(`${url}/?${q.toString()}#/${route}`);
}

export function moduleLocator(page: Page, resource: Resource): FrameLocator {
  return page.frameLocator(`iframe.module[src*="/static/${resource}/"]`);
}

/** The module's Frame (for evaluate / addScriptTag), once its iframe has loaded. */
export async function moduleFrame(page: Page, resource: Resource, timeoutMs = 30_000): Promise<Frame> {
  const found = await eventually(
    async () => page.frames().find((f) => f.url().includes(`/static/${resource}/`)) ?? null,
    (f) => f !== null,
    { timeoutMs, what: `the ${resource} iframe` },
  );
  await found!.waitForLoadState('load');
  return found!;
}

// ---------------------------------------------------------------------------------------------------------
// Backend cross-checks: the same preview, through the same resolver code the UI calls.

export interface ForgeContext {
  accountId: string;
  moduleKey: string;
  extension: Record<string, unknown>;
}

export const ctx = {
  projectPage: (accountId: string, projectKey = PROJECT): ForgeContext => ({
    accountId,
    moduleKey: 'valuerank-project-page',
    extension: { type: 'jira:projectPage', project: { key: projectKey } },
  }),
  issuePanel: (accountId: string, issueKey: string): ForgeContext => ({
    accountId,
    moduleKey: 'valuerank-issue-panel',
    extension: { type: 'jira:issuePanel', issue: { key: issueKey }, project: { key: issueKey.split('-')[0] } },
  }),
  adminPage: (accountId: string): ForgeContext => ({ accountId, moduleKey: 'valuerank-admin-page', extension: { type: 'jira:adminPage' } }),
};

export interface InvokeResult<T> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string; details?: unknown };
}

export async function invokeRaw<T = any>(url: string, functionKey: string, payload: unknown, context: ForgeContext): Promise<InvokeResult<T>> {
  const res = await fetch(`${url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey, payload, context }),
  });
  if (!res.ok) throw new Error(`POST /__forge/invoke ${functionKey}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as InvokeResult<T>;
}

/** The operation's data, or an Error naming its code; asked again while the project's first snapshot is building, as the UI does. */
export async function invoke<T = any>(url: string, functionKey: string, payload: unknown, context: ForgeContext): Promise<T> {
  const until = Date.now() + 60_000;
  for (;;) {
    const r = await invokeRaw<T>(url, functionKey, payload, context);
    if (!r.ok) throw new Error(`${functionKey} failed: ${r.error?.code} ${r.error?.message}`);
    if ((r.data as { status?: unknown } | undefined)?.status !== 'building' || Date.now() > until) return r.data as T;
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** The whole value-ranked backlog (every page) as `accountId` sees it. */
export async function fullBacklog(url: string, accountId: string, projectKey = PROJECT): Promise<{ items: BacklogItem[]; total: number; stale: boolean }> {
  const items: BacklogItem[] = [];
  let total = 0;
  let stale = false;
  for (let page = 0; page < 100; page++) {
    const r = await invoke<{ items: BacklogItem[]; total: number; stale: boolean }>(
      url,
      'getBacklog',
      { projectKey, page, pageSize: 500 },
      ctx.projectPage(accountId, projectKey),
    );
    items.push(...r.items);
    total = r.total;
    stale = stale || r.stale;
    if (items.length >= total || r.items.length === 0) break;
  }
  return { items, total, stale };
}

/** Waits until the local Forge queue has nothing pending or running. */
export async function waitForQueue(url: string, timeoutMs = 60_000): Promise<void> {
  await eventually(
    async () => (await (await fetch(`${url}/__forge/queue`)).json()) as { pending: number; running: number },
    (q) => q.pending === 0 && q.running === 0,
    { timeoutMs, what: 'the Forge queue to settle' },
  );
}

/**
 * Loads the backlog once and lets the background work it queued (remote links of a cold load) finish, so that
 * the page and the cross-checks see the same, settled order.
 */
export async function warmBacklog(url: string, accountId: string, projectKey = PROJECT): Promise<void> {
  await eventually(
    async () => {
      const r = await invoke<{ stale: boolean }>(url, 'getBacklog', { projectKey, pageSize: 1 }, ctx.projectPage(accountId, projectKey));
      await waitForQueue(url);
      return r;
    },
    (r) => !r.stale,
    { timeoutMs: 60_000, what: `a settled backlog of ${projectKey}` },
  );
}

export { lisLength } from '../../bench/oracles';

/** Jira's own order (Rank ASC) of the backlog candidates, as `accountId` reads it. */
export const jiraRankOrder = (url: string, accountId: string, projectKey = PROJECT): Promise<string[]> => jiraRankOrderOf(url, { projectKey, as: accountId });

/** A score or contribution as the UI prints it: one decimal. */
export function oneDecimal(n: number): string {
  const r = Math.round(n * 10) / 10;
  return (Object.is(r, -0) ? 0 : r).toFixed(1);
}

// ---------------------------------------------------------------------------------------------------------
// Small utilities.

/** Polls `read` until `ok` holds; throws with the last value seen after `timeoutMs`. */
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (ok(last)) return last;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const seen = lastError !== undefined ? `error ${String(lastError)}` : JSON.stringify(last)?.slice(0, 500);
      throw new Error(`Timed out waiting for ${opts.what ?? 'a condition'}; last seen: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 200));
  }
}

/** WCAG relative luminance (0 black – 1 white) of a computed CSS colour `rgb(…)` / `rgba(…)`; null when unreadable. */
export function luminance(css: string): number | null {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)/.exec(css);
  if (!m) return null;
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** A README screenshot of the whole viewport (overwritten on every run). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core inside a module frame; returns the violations whose impact is serious or critical. */
export async function seriousAxeViolations(frame: Frame): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: an injected <script> would be inline code, which the module's
  // Content-Security-Policy (script-src 'self', as on Forge) refuses.
  await frame.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
  const result = (await frame.evaluate(async () => {
    const { window, document } = globalThis as unknown as Dom;
    const axe = window.axe as { run: (ctx: unknown, opts: unknown) => Promise<unknown> };
    const r = (await axe.run(document, { resultTypes: ['violations'] })) as { violations: unknown[]; passes: unknown[] };
    return { violations: r.violations, checked: r.passes.length + r.violations.length };
  })) as { violations: (AxeViolation & { nodes: { target: string[]; failureSummary?: string }[] })[]; checked: number };
  if (result.checked === 0) throw new Error('axe-core checked no rule in this frame: is it empty?');
  const violations = result.violations;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, ...(n.failureSummary ? { failureSummary: n.failureSummary } : {}) })),
    }));
}

export function formatViolations(where: string, vs: readonly AxeViolation[]): string {
  return vs
    .map(
      (v) =>
        `${where}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}: ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(' | ')}${v.nodes.length > 5 ? ' | …' : ''})${v.nodes[0]?.failureSummary ? `\n    ${v.nodes[0].failureSummary.replace(/\n/g, '\n    ')}` : ''}`,
    )
    .join('\n');
}

/**
 * Shared helpers of the Jira-facing benchmarks (api, wall, edit, daily, response, ranksync): start the local
 * preview on a generated scale site with a fresh data dir, call resolvers as the UI does, read the simulator's
 * request counters and wait for the queue. (Today's path, the same-run baseline, is in todays-path.ts.)
 * Every loop here is bounded (a page limit, an attempt limit or a deadline).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScaleSite } from '../../dev/demo/generate-site';
import { PERSONAS } from '../../dev/demo/jira-catalog';
import { DEMO_CONFIG } from '../../dev/preview/demo-config';
import { startPreview, type Preview } from '../../dev/preview/server';
import type { ValueRankConfig } from '../../src/contract/config';

export const NOW = '2026-11-25T00:00:00.000Z';
export const PO = PERSONAS.productOwner.accountId;
export const PROJECT = 'PAY';
export const REMOTE_LINK_ENDPOINT = 'GET /rest/api/3/issue/{issueIdOrKey}/remotelink';
export const SEARCH_ENDPOINT = 'POST /rest/api/3/search/jql';
export const BULKFETCH_ENDPOINT = 'POST /rest/api/3/issue/bulkfetch';
export const FIELD_WRITE_ENDPOINT = 'POST /rest/api/3/app/field/value';

export const fmtN = (n: number): string => n.toLocaleString('en-US');

export interface SimStats {
  total: number;
  byEndpoint: Record<string, number>;
  injected: { '429': number; '5xx': number };
}

export interface ScaleSeed {
  issues: Array<{ id: string; key: string; fields: Record<string, unknown> }>;
  remoteLinks?: Record<string, unknown[]>;
  [k: string]: unknown;
}

/** The generator's scale site (PRNG seed fixed per size) plus the demo config, whose remote-link pattern matches its support URLs. */
export function scaleSeed(issues: number, seed = 0xbe9c + issues): ScaleSeed {
  return { ...(generateScaleSite({ issues, seed, now: NOW }) as unknown as ScaleSeed), config: DEMO_CONFIG };
}

export interface Bench {
  preview: Preview;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** Starts a preview on `seed` with a fresh temp data dir (removed again on close). */
export async function startBench(seed: unknown, faults?: string): Promise<Bench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vr-bench-'));
  const preview = await startPreview({ port: 0, seed, now: NOW, dataDir, ...(faults ? { faults } : {}) });
  return {
    preview,
    url: preview.url,
    dataDir,
    async close() {
      await preview.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One HTTP request to the preview on a fresh connection (no keep-alive: a reused socket that the server closes
 * while its event loop is busy gives ECONNRESET). Returns the status and the body text.
 */
export function http(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; text: string }> {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method ?? 'GET',
        agent: false,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
          ...init.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export const projectPage = (projectKey: string) => ({
  moduleKey: 'valuerank-project-page',
  extension: { type: 'jira:projectPage', project: { key: projectKey } },
});

export interface InvokeResult<T> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

/** `POST /__forge/invoke` as the project page would (as the PO of PAY by default); also returns the response's byte size. */
export async function invoke<T = any>(
  url: string,
  functionKey: string,
  payload: unknown,
  accountId: string = PO,
): Promise<{ result: InvokeResult<T>; bytes: number; ms: number }> {
  const t0 = performance.now();
  const { text } = await http(`${url}/__forge/invoke`, { method: 'POST', body: { functionKey, payload, context: { accountId, ...projectPage(PROJECT) } } });
  const ms = performance.now() - t0;
  return { result: JSON.parse(text) as InvokeResult<T>, bytes: Buffer.byteLength(text), ms };
}

/** Like invoke, but throws when the operation answered an error. */
export async function call<T = any>(
  url: string,
  functionKey: string,
  payload: unknown,
  accountId: string = PO,
): Promise<{ data: T; bytes: number; ms: number }> {
  const r = await invoke<T>(url, functionKey, payload, accountId);
  if (!r.result.ok || r.result.data === undefined) throw new Error(`${functionKey} failed: ${JSON.stringify(r.result.error)}`);
  return { data: r.result.data, bytes: r.bytes, ms: r.ms };
}

export async function resetStats(url: string): Promise<void> {
  await http(`${url}/__sim/stats/reset`, { method: 'POST' });
}

export async function readStats(url: string): Promise<SimStats> {
  return JSON.parse((await http(`${url}/__sim/stats`)).text) as SimStats;
}

export async function queueStats(url: string): Promise<{ pending: number; running: number; failed: number }> {
  return JSON.parse((await http(`${url}/__forge/queue`)).text) as { pending: number; running: number; failed: number };
}

/** Waits until the queue has nothing pending or running (polls every 50 ms, at most `timeoutMs`); returns the wait in ms. */
export async function settle(url: string, timeoutMs = 600_000): Promise<{ ms: number; failed: number }> {
  const t0 = performance.now();
  // Let an event pushed just before this call reach the queue.
  await sleep(20);
  while (performance.now() - t0 < timeoutMs) {
    const q = await queueStats(url);
    if (q.pending === 0 && q.running === 0) return { ms: performance.now() - t0, failed: q.failed };
    await sleep(50);
  }
  throw new Error(`queue did not settle within ${timeoutMs} ms`);
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A direct Jira REST call to the simulator (as the site admin unless `as` is given); counts in the stats. */
export async function jira<T = any>(
  url: string,
  path: string,
  init: { method?: string; body?: unknown; as?: string } = {},
): Promise<{ status: number; body: T }> {
  const res = await http(`${url}${path}`, { method: init.method ?? 'GET', body: init.body, headers: init.as ? { 'X-Sim-Account-Id': init.as } : {} });
  return { status: res.status, body: (res.text ? JSON.parse(res.text) : null) as T };
}

/** Sum of the counts of the endpoints whose key includes `part`. */
export function countOf(stats: SimStats, part: string): number {
  return Object.entries(stats.byEndpoint)
    .filter(([k]) => k.includes(part))
    .reduce((s, [, n]) => s + n, 0);
}

/** `{endpoint: n}` as a short text: `search/jql 4, bulkfetch 200, …` (largest first). */
export function breakdown(stats: SimStats): string {
  return Object.entries(stats.byEndpoint)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k.replace(/^(GET|POST|PUT|DELETE) \/rest\/(api\/3|agile\/1\.0)\//, '$1 ')} ${n}`)
    .join(', ');
}

export function diffStats(after: SimStats, before: SimStats): SimStats {
  const byEndpoint: Record<string, number> = {};
  for (const [k, n] of Object.entries(after.byEndpoint)) {
    const d = n - (before.byEndpoint[k] ?? 0);
    if (d !== 0) byEndpoint[k] = d;
  }
  return {
    total: after.total - before.total,
    byEndpoint,
    injected: { '429': after.injected['429'] - before.injected['429'], '5xx': after.injected['5xx'] - before.injected['5xx'] },
  };
}

/** The app's default candidate JQL (load-project.ts `candidateJql` with no configured filter). */
export const CANDIDATE_JQL = `project = "${PROJECT}" AND statusCategory != Done ORDER BY Rank ASC`;

/**
 * What a cold load must read at the least, from the seed and the simulator's own search: the issues the candidate
 * JQL matches (M; epics and sub-tasks included, as the JQL returns them), the backlog items among them (C), and the
 * distinct feedback tickets those items link to (F).
 */
export function coldFacts(seed: ScaleSeed, matchingIds: readonly string[]): { M: number; C: number; F: number } {
  const byId = new Map(seed.issues.map((i) => [i.id, i]));
  const feedback = new Set<string>();
  let C = 0;
  for (const id of matchingIds) {
    const issue = byId.get(id);
    if (issue === undefined) continue;
    const type = issue.fields.issuetype as { name?: string; subtask?: boolean; hierarchyLevel?: number } | undefined;
    if (type?.subtask === true || (typeof type?.hierarchyLevel === 'number' && type.hierarchyLevel !== 0) || /^(epic|sub-?task)$/i.test(type?.name ?? ''))
      continue;
    C++;
    for (const link of (issue.fields.issuelinks as Array<Record<string, { key?: string } | undefined>> | undefined) ?? []) {
      const other = link.outwardIssue ?? link.inwardIssue;
      if (other?.key !== undefined && !other.key.startsWith(`${PROJECT}-`)) feedback.add(other.key);
    }
  }
  return { M: matchingIds.length, C, F: feedback.size };
}

/** Ids the JQL matches, in order, read as the admin with id-only pages of 5,000 (call before resetting the stats). */
export async function searchIds(url: string, jql: string, maxPages = 40): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const res = await jira<{ issues: { id: string }[]; nextPageToken?: string; isLast?: boolean }>(url, '/rest/api/3/search/jql', {
      method: 'POST',
      body: { jql, fields: ['id'], maxResults: 5000, ...(token ? { nextPageToken: token } : {}) },
    });
    if (res.status !== 200) throw new Error(`search failed: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(...res.body.issues.map((i) => i.id));
    if (res.body.isLast === true || !res.body.nextPageToken || res.body.issues.length === 0) break;
    token = res.body.nextPageToken;
  }
  return ids;
}

/** The effective config of PAY as the app reads it (`getConfig`, as the PO; call before resetting the stats). */
export async function effectiveConfig(url: string): Promise<ValueRankConfig> {
  return (await call<{ config: ValueRankConfig }>(url, 'getConfig', { projectKey: PROJECT })).data.config;
}

export { lisLength } from '../oracles';

/** Logs progress to stderr so a long run shows where it is (the table goes to stdout). */
export function progress(suite: string, msg: string): void {
  process.stderr.write(`[bench ${suite}] ${msg}\n`);
}

/**
 * Times the in-process simulator's answers (from `sim.handle` to the response's end, `/rest/…` only), so a call's
 * wall time without latency splits into the simulator's part and the app's. Returns a reader of the union of the
 * intervals since `start()` (parallel requests overlap; the process has one thread, so it is time the simulator held).
 */
export function watchSimulator(b: Bench): { start(): void; busyMs(): number } {
  const sim = b.preview.sim;
  const handle = sim.handle.bind(sim);
  let spans: [number, number][] = [];
  sim.handle = (req, res) => {
    const t0 = performance.now();
    const mine = handle(req, res);
    if (mine && (req.url ?? '').startsWith('/rest/')) res.on('finish', () => spans.push([t0, performance.now()]));
    return mine;
  };
  return {
    start() {
      spans = [];
    },
    busyMs() {
      let total = 0;
      let end = -Infinity;
      for (const [a, z] of [...spans].sort((x, y) => x[0] - y[0])) {
        if (z <= end) continue;
        total += z - Math.max(a, end);
        end = z;
      }
      return total;
    },
  };
}

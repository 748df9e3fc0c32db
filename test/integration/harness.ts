import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoSite } from '../../dev/demo/generate-site';
import { PERSONAS } from '../../dev/demo/jira-catalog';
import { startPreview, type Preview } from '../../dev/preview/server';
import { DEMO_CONFIG } from '../../dev/preview/demo-config';

export { PERSONAS };

/** Starts the preview (simulator + local Forge runtime + the app's handlers) on a free port. */
export async function startDemo(opts: { seed?: unknown; faults?: string; dataDir?: string } = {}): Promise<Preview & { dataDir: string }> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'vr-it-'));
  const seed = opts.seed ?? { ...generateDemoSite(), config: DEMO_CONFIG };
  const preview = await startPreview({ port: 0, seed, now: '2026-11-25T00:00:00.000Z', dataDir, ...(opts.faults ? { faults: opts.faults } : {}) });
  return Object.assign(preview, { dataDir });
}

export interface InvokeResult<T = any> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

/**
 * POST /__forge/invoke as the UI would, with a module context. Like the UI, an answer that says the project's first
 * snapshot is still building is asked again until it is ready (within a minute); `invokeOnce` asks once.
 */
export async function invoke<T = any>(
  url: string,
  functionKey: string,
  payload: unknown,
  ctx: { accountId: string; moduleKey?: string; extension?: unknown },
): Promise<InvokeResult<T>> {
  const until = Date.now() + 60_000;
  for (;;) {
    const answer = await invokeOnce<T>(url, functionKey, payload, ctx);
    if (!(answer.ok && (answer.data as { status?: unknown } | undefined)?.status === 'building') || Date.now() > until) return answer;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** POST /__forge/invoke once. */
export async function invokeOnce<T = any>(
  url: string,
  functionKey: string,
  payload: unknown,
  ctx: { accountId: string; moduleKey?: string; extension?: unknown },
): Promise<InvokeResult<T>> {
  const res = await fetch(`${url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey, payload, context: { moduleKey: 'valuerank-project-page', extension: {}, ...ctx } }),
  });
  return (await res.json()) as InvokeResult<T>;
}

export const projectPage = (projectKey: string) => ({
  moduleKey: 'valuerank-project-page',
  extension: { type: 'jira:projectPage', project: { key: projectKey } },
});

/** Waits until the local Forge queue has stayed idle for three polls (background work done); fails on an event that used up its attempts. */
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

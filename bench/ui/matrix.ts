/**
 * `npm run bench -- matrix`: the project page's Matrix tab in Chromium on a 10,000-issue project (about 5,000 open
 * candidates, each a point; quick: 2,000 issues) beside the same tab on 100 issues. Two figures per view, from the page's own User Timing marks and the tab click:
 * every page of getBacklog in (`valuerank:matrix-data`) → every point drawn on the canvas
 * (`valuerank:matrix-drawn`), and the click on the tab → the points drawn (the pages' calls included).
 */
import { join } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { PERSONAS } from '../../dev/demo/jira-catalog';
import { ensureUiBuilt } from '../../dev/preview/ui-build';
import { call, fmtN, progress, PROJECT, scaleSeed, settle, sleep, startBench } from '../jira/harness';
import type { BenchSuite } from '../types';

const CHROMIUM = process.env.VALUERANK_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-sync'];
/** Tab visits per size; the row takes their median (a busy neighbour slows one, not all). */
const VISITS = 5;

interface Visit {
  /** Every page in → every point drawn. */
  paintMs: number;
  /** Click on the Matrix tab → every point drawn. */
  clickMs: number;
  drawn: number;
  getBacklogCalls: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

/** The span between the newest data mark and the newest drawn mark in the module's frame, in ms. */
async function paintSpan(frame: Frame): Promise<number> {
  // No named functions inside: tsx would wrap them in a helper that does not exist in the page.
  const [data, drawn] = await frame.evaluate(() =>
    ['valuerank:matrix-data', 'valuerank:matrix-drawn'].map((n) => performance.getEntriesByName(n, 'mark').pop()?.startTime ?? NaN),
  );
  if (data === undefined || drawn === undefined || Number.isNaN(data) || Number.isNaN(drawn)) throw new Error('the matrix marks are missing');
  return drawn - data;
}

async function moduleFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const f = page.frames().find((fr) => fr.url().includes('/static/project-page/'));
    if (f) return f;
    await page.waitForTimeout(50);
  }
  throw new Error('no project-page frame');
}

/** Opens PAY as the PO until its snapshot is built (bounded), then waits for an idle queue: the tab is timed warm. */
async function ready(url: string): Promise<void> {
  const until = Date.now() + 900_000;
  while ((await call<{ status: string }>(url, 'getBacklog', { projectKey: PROJECT, pageSize: 1 })).data.status !== 'ready') {
    if (Date.now() > until) throw new Error('the snapshot was not built within 900 s');
    await sleep(500);
  }
  await settle(url);
}

async function measure(issues: number): Promise<Visit[]> {
  progress('matrix', `${fmtN(issues)} issues: starting the preview and building the snapshot`);
  const bench = await startBench(scaleSeed(issues));
  const context = await chromium.launchPersistentContext(join(bench.dataDir, 'chromium'), {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
  });
  try {
    await ready(bench.url);
    const page = context.pages()[0] ?? (await context.newPage());
    let calls = 0;
    page.on('request', (req) => {
      if (req.url().endsWith('/__forge/invoke') && (req.postData() ?? '').includes('"getBacklog"')) calls++;
    });
    await page.goto(`${bench.url}/?${new URLSearchParams({ user: PERSONAS.productOwner.accountId, project: PROJECT }).toString()}#/project`);
    const f = page.frameLocator('iframe.module');
    await f.locator('tbody tr').first().waitFor({ timeout: 120_000 });
    const frame = await moduleFrame(page);
    const visits: Visit[] = [];
    for (let i = 0; i < VISITS; i++) {
      progress('matrix', `${fmtN(issues)} issues: visit ${i + 1} of ${VISITS}`);
      // Each visit mounts the tab afresh (the Backlog tab in between unmounts it), so it reads every page again.
      await f.getByRole('tab', { name: 'Backlog' }).click();
      await f.locator('canvas[data-drawn]').waitFor({ state: 'detached', timeout: 30_000 });
      calls = 0;
      const t0 = Date.now();
      await f.getByRole('tab', { name: 'Matrix' }).click();
      const canvas = f.locator('canvas[data-drawn]');
      await canvas.waitFor({ timeout: 120_000 });
      const clickMs = Date.now() - t0;
      visits.push({ paintMs: await paintSpan(frame), clickMs, drawn: Number(await canvas.getAttribute('data-drawn')), getBacklogCalls: calls });
    }
    return visits;
  } finally {
    await context.close().catch(() => undefined);
    await bench.close();
  }
}

export const matrixSuite: BenchSuite = async ({ quick }) => {
  await ensureUiBuilt();
  const small = await measure(100);
  // About half of a generated project's issues are open candidates: 10,000 issues give the 5,000-odd points.
  const large = await measure(quick ? 2000 : 10_000);
  const paint = (v: Visit[]) => median(v.map((x) => x.paintMs));
  const click = (v: Visit[]) => median(v.map((x) => x.clickMs));
  const list = (v: Visit[], k: 'paintMs' | 'clickMs') => v.map((x) => Math.round(x[k])).join(', ');
  const drawn = large[0]?.drawn ?? 0;
  const calls = large[0]?.getBacklogCalls ?? 0;
  return [
    {
      suite: 'matrix',
      name: `Matrix tab, ${fmtN(drawn)} points: every page in → every point drawn`,
      value: paint(large),
      unit: 'ms',
      baseline: paint(small),
      ratio: paint(large) / paint(small),
      target: '< 1000 ms',
      met: paint(large) < 1000,
      notes:
        `median of ${VISITS} visits (${list(large, 'paintMs')} ms), from the page's User Timing marks: the last getBacklog page answered → points, quadrants, ` +
        `scales, hit grid, canvas drawn; baseline = ${fmtN(small[0]?.drawn ?? 0)} points (${list(small, 'paintMs')} ms)`,
    },
    {
      suite: 'matrix',
      name: `Matrix tab, ${fmtN(drawn)} points: click on the tab → every point drawn`,
      value: click(large),
      unit: 'ms',
      baseline: click(small),
      ratio: click(large) / click(small),
      notes:
        `median of ${VISITS} visits (${list(large, 'clickMs')} ms), the snapshot built and the queue idle; ${calls} getBacklog calls of 500, 3 at a time after the first ` +
        `(the progress bar shows meanwhile); baseline = ${fmtN(small[0]?.drawn ?? 0)} points (${list(small, 'clickMs')} ms)`,
    },
  ];
};

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  ctx,
  type Dom,
  eventually,
  formatViolations,
  moduleFrame,
  seriousAxeViolations,
  fullBacklog,
  invoke,
  luminance,
  moduleLocator,
  openShell,
  PERSONAS,
  PROJECT,
  screenshot,
} from './support';
import { useE2E } from './use-e2e';

const PO = PERSONAS.productOwner.accountId;

type Proposal = {
  capacity: number;
  capacitySource: { kind: string; sprints?: number };
  items: { key: string }[];
  used: number;
  activeSprint?: { name: string; lowRanked: { key: string }[] };
  skipped: { key: string }[];
};

async function openTab(page: Page, url: string, tab: 'Backlog' | 'Sprint', theme: 'light' | 'dark' = 'light') {
  await openShell(page, url, 'project', { user: PO, theme });
  const f = moduleLocator(page, 'project-page');
  await f.getByRole('tab', { name: tab }).waitFor({ timeout: 30_000 });
  if (tab === 'Sprint') await f.getByRole('tab', { name: 'Sprint' }).click();
  return f;
}

describe('Sprint tab and full exports', () => {
  const e2e = useE2E({ warmAs: PO });

  it('shows the proposal planSprint makes, its capacity source and the active sprint items that rank low, and re-plans with a typed capacity', async () => {
    const { page, url } = e2e;
    const plan = await invoke<Proposal>(url, 'planSprint', { projectKey: PROJECT }, ctx.projectPage(PO));
    expect(plan.items.length).toBeGreaterThan(0);
    const f = await openTab(page, url, 'Sprint');
    const table = f.getByRole('table', { name: 'Proposed for the next sprint' });
    await table.waitFor({ timeout: 30_000 });
    const shownKeys = () => table.locator('tbody button[aria-label^="Open "]').evaluateAll((bs) => bs.map((b) => (b.textContent ?? '').trim()));
    expect(await shownKeys()).toEqual(plan.items.map((i) => i.key));
    await screenshot(page, 'sprint.png');
    const violations = await seriousAxeViolations(await moduleFrame(page, 'project-page'));
    expect(formatViolations('Sprint tab', violations)).toBe('');
    const figures = f.getByRole('region', { name: 'Sprint figures' });
    const source = plan.capacitySource.kind === 'history' ? `median of the last ${plan.capacitySource.sprints} closed sprint` : 'no sprint history';
    await expect(figures.getByText(source).isVisible()).resolves.toBe(true);
    await expect(
      figures
        .getByRole('img', { name: new RegExp(`^${Math.round(plan.used * 10) / 10} of ${Math.round(plan.capacity * 10) / 10} points proposed`) })
        .isVisible(),
    ).resolves.toBe(true);
    if (plan.activeSprint) {
      const low = f.getByRole('region', { name: `In ${plan.activeSprint.name} but ranks low` });
      // The worst few show first; the rest behind "Show all".
      if (plan.activeSprint.lowRanked.length > 8) {
        expect(await low.locator('button[aria-label^="Open "]').count()).toBe(8);
        await low.getByRole('button', { name: `Show all ${plan.activeSprint.lowRanked.length}` }).click();
      }
      const lowKeys = await low.locator('button[aria-label^="Open "]').evaluateAll((bs) => bs.map((b) => (b.textContent ?? '').trim()));
      expect(lowKeys).toEqual(plan.activeSprint.lowRanked.map((i) => i.key));
    }
    if (plan.skipped.length > 0) {
      const skipped = f.getByRole('region', { name: 'Ranked higher, not proposed' });
      const skippedKeys = await skipped.locator('button[aria-label^="Open "]').evaluateAll((bs) => bs.map((b) => (b.textContent ?? '').trim()));
      expect(skippedKeys).toEqual(plan.skipped.map((i) => i.key));
    }

    // Keyboard only: type another capacity and submit with Enter.
    await f.getByLabel('Sprint capacity (points; empty = from sprint history)').focus();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    const typed = await invoke<Proposal>(url, 'planSprint', { projectKey: PROJECT, capacity: 5 }, ctx.projectPage(PO));
    await eventually(shownKeys, (keys) => JSON.stringify(keys) === JSON.stringify(typed.items.map((i) => i.key)), { what: 'the proposal for 5 points' });
    await expect(figures.getByText('typed by you').isVisible()).resolves.toBe(true);
    expect(e2e.errors).toEqual([]);
  }, 120_000);

  it('reads well in the dark theme: light text on a dark surface', async () => {
    const f = await openTab(e2e.page, e2e.url, 'Sprint', 'dark');
    await f.getByRole('table', { name: 'Proposed for the next sprint' }).waitFor({ timeout: 30_000 });
    const colors = await f.getByRole('table', { name: 'Proposed for the next sprint' }).evaluate((t) => {
      const { getComputedStyle, document } = globalThis as unknown as Dom;
      return { text: getComputedStyle(t).color as string, background: getComputedStyle(document.body).backgroundColor as string };
    });
    expect(luminance(colors.text)).toBeGreaterThan(0.4);
    expect(luminance(colors.background)).toBeLessThan(0.2);
    const violations = await seriousAxeViolations(await moduleFrame(e2e.page, 'project-page'));
    expect(formatViolations('Sprint tab (dark)', violations)).toBe('');
  }, 60_000);

  it('exports every page of the backlog as CSV, not just the page on screen, and the roadmap as CSV', async () => {
    const { page, url } = e2e;
    const all = await fullBacklog(url, PO);
    expect(all.total).toBeGreaterThan(100);
    const f = await openTab(page, url, 'Backlog');
    const button = f.getByRole('button', { name: `Export CSV (all ${all.total})` });
    await button.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^valuerank-${PROJECT}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toMatch(/^Rank,Key,Summary,/);
    expect(lines).toHaveLength(all.total + 1);
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(all.items.map((i) => i.key));

    // The roadmap exports from its own tab: one line per planned item, then later.
    const roadmap = await invoke<{ quarters: { items: { key: string }[] }[]; later: { key: string }[] }>(
      url,
      'getRoadmap',
      { projectKey: PROJECT, quarters: 4 },
      ctx.projectPage(PO),
    );
    await f.getByRole('tab', { name: 'Roadmap' }).click();
    const exportRoadmap = f.getByRole('button', { name: 'Export CSV' });
    await f.getByRole('region', { name: 'Later' }).waitFor({ timeout: 30_000 });
    const [roadmapDownload] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), exportRoadmap.click()]);
    const roadmapLines = readFileSync((await roadmapDownload.path())!, 'utf8')
      .split('\r\n')
      .filter((l) => l !== '');
    const planned = [...roadmap.quarters.flatMap((q) => q.items), ...roadmap.later].map((i) => i.key);
    expect(roadmapLines.slice(1).map((l) => l.split(',')[3])).toEqual(planned);
    expect(e2e.errors).toEqual([]);
  }, 120_000);
});

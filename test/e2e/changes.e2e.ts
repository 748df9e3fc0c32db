/**
 * The Product Owner follows the ranking over a few days: the project page's "Changes" tab lists what moved and why
 * (as getChanges answers), with a "moved more than N places" filter, in light and dark; the issue panel draws the
 * issue's score and rank per day with the reason of each step.
 */
import { issueType } from '../../dev/demo/jira-catalog';
import type { BacklogItem } from '../../src/contract/model';
import {
  eventually,
  formatViolations,
  seriousAxeViolations,
  ctx,
  fullBacklog,
  invoke,
  luminance,
  moduleFrame,
  moduleLocator,
  openShell,
  PERSONAS,
  screenshot,
  waitForQueue,
  type Dom,
} from './support';
import { useE2E, type E2ESuite } from './use-e2e';

const PO = PERSONAS.productOwner.accountId;
const LATER = '2026-11-29T09:00:00.000Z';

async function rest(url: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
  const body = await res.text();
  return { status: res.status, body: body ? JSON.parse(body) : null };
}

async function edit(e2e: E2ESuite, key: string, fields: Record<string, unknown>): Promise<void> {
  expect((await rest(e2e.url, `/rest/api/3/issue/${key}`, { method: 'PUT', body: JSON.stringify({ fields }) })).status).toBe(204);
  await waitForQueue(e2e.url);
}

async function daily(e2e: E2ESuite): Promise<void> {
  await fetch(`${e2e.url}/__forge/scheduled/daily-recompute`, { method: 'POST' });
  await waitForQueue(e2e.url);
}

describe('Changes tab and the panel history', () => {
  const e2e = useE2E({ warmAs: PO }, 240_000);
  let edited: { bv: string; due: string; pin: string; leaves: string };

  beforeAll(async () => {
    await daily(e2e);
    const { items } = await fullBacklog(e2e.url, PO);
    const lower = items.slice(Math.floor(items.length / 2));
    const pick = (ok: (i: BacklogItem) => boolean, not: string[] = []): string => lower.find((i) => ok(i) && !not.includes(i.key))!.key;
    const bv = pick((i) => (i.factors.businessValue.evidence as { option?: string }).option !== 'Critical');
    const due = pick(() => true, [bv]);
    const pin = pick(() => true, [bv, due]);
    edited = { bv, due, pin, leaves: items[10]!.key };
    const fields = (await rest(e2e.url, '/rest/api/3/field')).body as { id: string; name: string }[];
    const bvField = fields.find((f) => f.name === 'Business Value')!.id;

    e2e.preview.setNow('2026-11-26T09:00:00.000Z');
    await edit(e2e, bv, { [bvField]: { value: 'Critical' } });
    e2e.preview.setNow('2026-11-27T09:00:00.000Z');
    await edit(e2e, due, { duedate: '2026-11-30' });
    e2e.preview.setNow('2026-11-27T09:30:00.000Z');
    await edit(e2e, edited.leaves, { issuetype: issueType('Epic') });
    e2e.preview.setNow('2026-11-28T09:00:00.000Z');
    await invoke(e2e.url, 'setPin', { projectKey: 'PAY', issueKey: pin, position: 1 }, ctx.projectPage(PO));
    await daily(e2e);
    e2e.preview.setNow(LATER);
    await daily(e2e);
    await e2e.page.clock.setFixedTime(new Date(LATER));
  }, 240_000);

  it('lists last week’s moves with their reasons, entered and left, and filters small moves', async () => {
    const backend = await invoke<{ moves: { key: string }[] }>(e2e.url, 'getChanges', { projectKey: 'PAY', since: 'lastWeek' }, ctx.projectPage(PO));
    await openShell(e2e.page, e2e.url, 'project', { user: PO });
    const f = moduleLocator(e2e.page, 'project-page');
    await f.getByRole('tab', { name: 'Changes' }).click();
    const table = f.getByRole('table', { name: 'Rank changes' });
    await table.waitFor({ timeout: 30_000 });
    await expect(table.locator('tbody tr').count()).resolves.toBe(backend.moves.length);
    const row = (key: string) => table.locator('tbody tr').filter({ has: f.getByRole('button', { name: `Open ${key} in Jira` }) });
    await expect(row(edited.bv).innerText()).resolves.toMatch(/business value \d+ → \d+/);
    await expect(row(edited.pin).innerText()).resolves.toContain(`pinned at position 1 by ${PERSONAS.productOwner.displayName}`);
    await expect(row(edited.due).innerText()).resolves.toMatch(/due date (moved|set) to 2026-11-30/);
    await expect(f.getByRole('region', { name: /Left/ }).innerText()).resolves.toContain(edited.leaves);
    await screenshot(e2e.page, 'changes.png');

    // Keyboard: the filter field is reachable and narrows the table to moves of more than 5 places.
    await f.getByLabel('Moved more than N places').focus();
    await e2e.page.keyboard.type('5');
    const big = await invoke<{ moves: unknown[] }>(e2e.url, 'getChanges', { projectKey: 'PAY', since: 'lastWeek', minMove: 5 }, ctx.projectPage(PO));
    await eventually(
      () => table.locator('tbody tr').count(),
      (n) => n === big.moves.length,
      { timeoutMs: 15_000, what: `${big.moves.length} rows of moves over 5 places` },
    );
  });

  it('switches to "since the last config change" from the keyboard and compares with that point', async () => {
    const backend = await invoke<{ from: string; moves: unknown[] }>(e2e.url, 'getChanges', { projectKey: 'PAY', since: 'lastConfig' }, ctx.projectPage(PO));
    await openShell(e2e.page, e2e.url, 'project', { user: PO });
    const f = moduleLocator(e2e.page, 'project-page');
    await f.getByRole('tab', { name: 'Changes' }).click();
    // The shell keeps the module when the same route is opened again: the filter of the last test is cleared.
    await f.getByLabel('Moved more than N places').fill('');
    const button = f.getByRole('button', { name: 'Since the last config change' });
    await button.focus();
    await e2e.page.keyboard.press('Enter');
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
    const summary = `${backend.moves.length} issues moved between ${backend.from.slice(0, 10)} and now.`;
    await eventually(
      () => f.getByText(/moved between/).innerText(),
      (t) => t === summary,
      { timeoutMs: 15_000, what: summary },
    );
  });

  it('renders the tab dark in the dark theme', async () => {
    await openShell(e2e.page, e2e.url, 'project', { user: PO, theme: 'dark' });
    const f = moduleLocator(e2e.page, 'project-page');
    await f.getByRole('tab', { name: 'Changes' }).click();
    await f.getByRole('table', { name: 'Rank changes' }).waitFor({ timeout: 30_000 });
    const frame = await moduleFrame(e2e.page, 'project-page');
    const colors = await frame.evaluate(() => {
      const dom = globalThis as unknown as Dom;
      const t = dom.document.querySelector('table[aria-label="Rank changes"]');
      return { text: dom.getComputedStyle(t).color as string, bg: dom.getComputedStyle(dom.document.body).backgroundColor as string };
    });
    expect(luminance(colors.text)!).toBeGreaterThan(0.4);
    expect(luminance(colors.bg)!).toBeLessThan(0.1);
    const violations = await seriousAxeViolations(frame);
    expect(formatViolations('Changes tab (dark)', violations)).toBe('');
  });

  it('draws the issue panel’s score and rank per day, with the reason of each step for screen readers', async () => {
    const explain = await invoke<{ history: { at: string; why?: { text: string } }[] }>(
      e2e.url,
      'explainIssue',
      { issueKey: edited.bv },
      ctx.issuePanel(PO, edited.bv),
    );
    expect(explain.history.map((h) => h.at.slice(0, 10))).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    await openShell(e2e.page, e2e.url, `issue/${edited.bv}`, { user: PO });
    const f = moduleLocator(e2e.page, 'issue-panel');
    const list = f.getByRole('list', { name: 'Score and rank per day' });
    await list.waitFor({ state: 'attached', timeout: 30_000 });
    await expect(list.locator('li').count()).resolves.toBe(explain.history.length);
    await expect(list.locator('li').nth(1).innerText()).resolves.toMatch(/^2026-11-26: score [\d.]+, rank \d+ — business value/);
    await expect(f.locator('figure svg').isVisible()).resolves.toBe(true);
    await expect(f.getByRole('list', { name: 'Latest changes' }).innerText()).resolves.toContain('business value');
    await f.getByText('Over time').scrollIntoViewIfNeeded();
    await screenshot(e2e.page, 'panel-history.png');
    const violations = await seriousAxeViolations(await moduleFrame(e2e.page, 'issue-panel'));
    expect(formatViolations('issue panel history', violations)).toBe('');
  });
});

/**
 * The Product Owner's flow on the project page: the ranked backlog, what-if weights, pinning an issue with the
 * keyboard ("Move…"), applying the value order to Jira's Rank (diff first), and the roadmap tab.
 * Each step is checked against the backend (getBacklog, previewWeights, the simulator's Jira order).
 */
import type { FrameLocator } from 'playwright-core';
import type { BacklogItem } from '../../src/contract/model';
import { ctx, eventually, fullBacklog, invoke, jiraRankOrder, lisLength, openShell, type Dom, PERSONAS, PROJECT, screenshot } from './support';
import { useE2E } from './use-e2e';

const PO = PERSONAS.productOwner.accountId;

/**
 * Waits for the backlog table to be interactive and whole: DynamicTable first paints plain rows and, once its
 * drag-and-drop code has loaded, re-creates them as rankable rows (tbody[data-rbd-droppable-id]). A popup opened
 * on a row before that swap is unmounted with the row. A new page paints its first screenful of rows first; its
 * wrapper is aria-busy until the rest are in.
 */
async function backlogReady(f: FrameLocator): Promise<void> {
  await f.locator('table tbody[data-rbd-droppable-id] tr').first().waitFor({ timeout: 30_000 });
  await f.locator('div[aria-busy="true"]:has(table)').waitFor({ state: 'detached', timeout: 30_000 });
}

/** Keys of the rendered backlog rows, top to bottom (from each row's "Open KEY in Jira" button). */
async function rowKeys(f: FrameLocator): Promise<string[]> {
  return f.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => (tr.querySelector('button[aria-label^="Open "]')?.textContent ?? '').trim()));
}

describe('Product Owner on the project page', () => {
  const e2e = useE2E({ warmAs: PO });
  let pinnedKey = '';

  it('shows the value-ranked backlog, first row = getBacklog’s first item', async () => {
    await openShell(e2e.page, e2e.url, 'project', { user: PO });
    await e2e.frame.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
    await backlogReady(e2e.frame);
    const backlog = await invoke<{ items: BacklogItem[]; total: number; configVersion: number }>(
      e2e.url,
      'getBacklog',
      { projectKey: PROJECT, pageSize: 100 },
      ctx.projectPage(PO),
    );
    const keys = await rowKeys(e2e.frame);
    expect(keys[0]).toBe(backlog.items[0]!.key);
    // The whole first page, in the same order, with the count the backend reports.
    expect(keys).toEqual(backlog.items.map((i) => i.key));
    await expect(e2e.frame.getByText(`${backlog.total} issues`, { exact: false }).first().isVisible()).resolves.toBe(true);
    const firstRow = e2e.frame.locator('table tbody tr').first();
    const firstText = await firstRow.innerText();
    expect(firstText).toContain(backlog.items[0]!.summary);
    expect(firstText).toContain((Math.round(backlog.items[0]!.score * 10) / 10).toFixed(1));
    expect(e2e.errors).toEqual([]);
  });

  it('what-if: moving a weight slider with the keyboard shows where each issue would move', async () => {
    await e2e.frame.getByRole('button', { name: 'What-if weights' }).click();
    const slider = e2e.frame.locator('#whatif-customerVoice');
    await slider.waitFor();
    const config = await invoke<{ config: { weights: Record<string, number> } }>(e2e.url, 'getConfig', { projectKey: PROJECT }, ctx.projectPage(PO));
    const start = Number(await slider.inputValue());
    expect(start).toBe(config.config.weights.customerVoice);
    await slider.focus();
    const steps = 20;
    for (let i = 0; i < steps; i++) await slider.press('ArrowRight');
    await eventually(
      () => slider.inputValue(),
      (v) => Number(v) === start + steps,
      { what: 'the slider to reach its new value' },
    );

    const weights = { ...config.config.weights, customerVoice: start + steps };
    const preview = await invoke<{ moves: { key: string; from: number; to: number }[] }>(
      e2e.url,
      'previewWeights',
      { projectKey: PROJECT, weights },
      ctx.projectPage(PO),
    );
    const moved = preview.moves.filter((m) => m.from !== m.to).length;
    expect(moved).toBeGreaterThan(0);
    // The panel's count is the backend's (waiting out the previews of the intermediate slider values).
    await eventually(
      () =>
        e2e.frame
          .locator('[aria-live="polite"]', { hasText: 'would move' })
          .first()
          .innerText()
          .catch(() => ''),
      (t) => t.startsWith(`${moved} issue`),
      { what: `"${moved} issues would move"` },
    );

    // A What-if column appears; each visible row shows the backend's movement (↑n / ↓n / –).
    await e2e.frame.getByRole('columnheader', { name: 'What-if' }).waitFor();
    const byKey = new Map(preview.moves.map((m) => [m.key, m]));
    const shown = await e2e.frame.locator('table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        key: (tr.querySelector('button[aria-label^="Open "]')?.textContent ?? '').trim(),
        label: tr.querySelector('[aria-label^="What-if:"]')?.getAttribute('aria-label') ?? null,
      })),
    );
    expect(shown.length).toBeGreaterThan(0);
    const mismatches = shown.filter((s) => {
      const m = byKey.get(s.key);
      if (!m) return true;
      const label = m.to < m.from ? `up ${m.from - m.to}` : m.to > m.from ? `down ${m.to - m.from}` : 'unchanged';
      return s.label !== `What-if: ${label}, to #${m.to}`;
    });
    expect(mismatches).toEqual([]);
    const arrows = await e2e.frame.locator('table tbody [aria-label^="What-if: up"], table tbody [aria-label^="What-if: down"]').count();
    expect(arrows).toBeGreaterThan(0);
    await screenshot(e2e.page, 'what-if.png');

    // Nothing was saved: closing the panel removes the column and the backend order is unchanged.
    await e2e.frame.getByRole('complementary', { name: 'What-if weights' }).getByRole('button', { name: 'Close' }).click();
    await e2e.frame.getByRole('columnheader', { name: 'What-if' }).waitFor({ state: 'detached' });
    const after = await invoke<{ config: { weights: Record<string, number> }; version: number }>(
      e2e.url,
      'getConfig',
      { projectKey: PROJECT },
      ctx.projectPage(PO),
    );
    expect(after.config.weights).toEqual(config.config.weights);
  });

  it('pins an issue at position 1 with the keyboard ("Move…") and getBacklog agrees', async () => {
    await backlogReady(e2e.frame);
    const keysBefore = await rowKeys(e2e.frame);
    pinnedKey = keysBefore[4]!;
    const move = e2e.frame.getByRole('button', { name: `Move ${pinnedKey} to a position` });
    await move.focus();
    await move.press('Enter');
    const input = e2e.frame.locator(`#move-${pinnedKey}`);
    await input.waitFor();
    // The field has autoFocus, but Atlaskit's Popup keeps focus on its own container: a keyboard user tabs once.
    const focused = () => input.evaluate((el) => el === (globalThis as unknown as Dom).document.activeElement);
    if (!(await focused())) await e2e.page.keyboard.press('Tab');
    await expect(focused()).resolves.toBe(true);
    await input.press('ControlOrMeta+a');
    await input.pressSequentially('1');
    await input.press('Enter');

    await eventually(
      () => rowKeys(e2e.frame),
      (k) => k[0] === pinnedKey,
      { what: `${pinnedKey} in the first row` },
    );
    const first = e2e.frame.locator('table tbody tr').first();
    await first.getByText('pinned #1').waitFor();
    await expect(first.locator('td').first().innerText()).resolves.toBe('1');
    await expect(first.getByRole('button', { name: `Unpin ${pinnedKey}` }).isVisible()).resolves.toBe(true);

    const backlog = await invoke<{ items: BacklogItem[] }>(e2e.url, 'getBacklog', { projectKey: PROJECT, pageSize: 10 }, ctx.projectPage(PO));
    expect(backlog.items[0]!.key).toBe(pinnedKey);
    expect(backlog.items[0]!.rank).toBe(1);
    expect(backlog.items[0]!.pin?.position).toBe(1);
    // The rows that were above it moved down by one; nothing else changed.
    expect((await rowKeys(e2e.frame)).slice(0, 5)).toEqual([pinnedKey, ...keysBefore.slice(0, 4)]);
  });

  it('applies the value order to Jira after showing the diff, and Jira’s Rank then equals the value order', async () => {
    const valueBefore = (await fullBacklog(e2e.url, PO)).items.map((i) => i.key);
    const jiraBefore = await jiraRankOrder(e2e.url, PO);
    expect([...jiraBefore].sort()).toEqual([...valueBefore].sort());
    // The fewest moves: everything outside a longest increasing subsequence of Jira positions in value order.
    const jiraPos = new Map(jiraBefore.map((k, i) => [k, i]));
    const expectedMoves = valueBefore.length - lisLength(valueBefore.map((k) => jiraPos.get(k)!));
    expect(expectedMoves).toBeGreaterThan(0);

    await e2e.frame.getByRole('button', { name: 'Apply order to Jira' }).click();
    const dialog = e2e.frame.getByRole('dialog');
    await dialog.waitFor();
    try {
      const summary = dialog.locator('p', { hasText: 'issues move' });
      await summary.waitFor({ timeout: 30_000 });
      const m = /^(\d+) of (\d+) issues move \((\d+) stay where they are\), in (\d+) rank calls? to Jira\.$/.exec((await summary.innerText()).trim());
      expect(m).not.toBeNull();
      const [moves, total, unchanged, calls] = m!.slice(1).map(Number) as [number, number, number, number];
      expect(total).toBe(valueBefore.length);
      expect(moves).toBe(expectedMoves);
      expect(unchanged).toBe(total - moves);
      expect(calls).toBeGreaterThanOrEqual(Math.ceil(moves / 50));
      expect(calls).toBeLessThanOrEqual(moves);
      // The diff lists the moves (up to 200 of them).
      await expect(dialog.locator('tbody tr').count()).resolves.toBe(Math.min(moves, 200));
      await screenshot(e2e.page, 'apply-order.png');

      await dialog.getByRole('button', { name: `Apply ${moves} move${moves === 1 ? '' : 's'}` }).click();
      await dialog.getByText(`${moves} of ${moves} applied — done.`).waitFor({ timeout: 60_000 });

      const jiraAfter = await jiraRankOrder(e2e.url, PO);
      const valueAfter = (await fullBacklog(e2e.url, PO)).items;
      expect(jiraAfter).toEqual(valueAfter.map((i) => i.key));
      expect(valueAfter[0]!.key).toBe(pinnedKey);
      expect(valueAfter.every((i) => i.jiraRank === i.rank)).toBe(true);

      // Closing the dialog reloads the table: no row is out of Jira's order any more.
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
      await eventually(
        () =>
          e2e.frame
            .locator('table tbody tr')
            .evaluateAll((trs) => trs.map((tr) => tr.querySelector('[aria-label*="versus Jira rank"]')?.getAttribute('aria-label') ?? '')),
        (labels) => labels.length > 0 && labels.every((l) => l.startsWith('unchanged')),
        { what: 'every row to read "unchanged versus Jira rank"' },
      );
    } finally {
      // Leave the page usable for the next step even when an assertion above failed.
      if (await dialog.isVisible()) await e2e.page.keyboard.press('Escape');
    }
  });

  it('shows the roadmap tab with the quarters getRoadmap plans', async () => {
    await e2e.frame.getByRole('tab', { name: 'Roadmap' }).click();
    const roadmap = await invoke<{ quarters: { label: string; items: { key: string }[] }[]; later: { key: string }[] }>(
      e2e.url,
      'getRoadmap',
      { projectKey: PROJECT, quarters: 4 },
      ctx.projectPage(PO),
    );
    expect(roadmap.quarters).toHaveLength(4);
    for (const q of roadmap.quarters) {
      const section = e2e.frame.getByRole('region', { name: `Quarter ${q.label}` });
      await section.waitFor({ timeout: 30_000 });
      const keys = await section.locator('li button[aria-label^="Open "]').evaluateAll((bs) => bs.map((b) => (b.textContent ?? '').trim()));
      expect(keys).toEqual(q.items.map((i) => i.key));
    }
    const later = e2e.frame.getByRole('region', { name: 'Later' });
    await expect(later.getByText(`${roadmap.later.length} items that do not fit`).isVisible()).resolves.toBe(true);
    await screenshot(e2e.page, 'roadmap.png');
    expect(e2e.errors).toEqual([]);
  });
});

/**
 * A team member (the developer persona, Browse on PAY only) opens an issue: the "Value rank" panel shows the same
 * score, per-factor contributions and position as explainIssue answers for that user.
 */
import type { BacklogItem, FactorId } from '../../src/contract/model';
import { ctx, fullBacklog, invoke, moduleLocator, oneDecimal, openShell, PERSONAS, screenshot } from './support';
import { useE2E } from './use-e2e';
import { FACTOR_LABELS } from '../../static/shared/format';

const DEV = PERSONAS.developer.accountId;

interface Explain {
  item: BacklogItem;
  total: number;
  above: { key: string; score: number } | null;
  below: { key: string; score: number } | null;
  configVersion: number;
}

describe('Team member on the issue view', () => {
  const e2e = useE2E({ warmAs: DEV });

  it('shows the score, each factor’s contribution and "#n of N" as explainIssue does for that user', async () => {
    const backlog = await fullBacklog(e2e.url, DEV);
    // A ranked issue with neighbours on both sides and more than one factor contributing.
    const target =
      backlog.items.find((i) => i.rank >= 2 && i.rank < backlog.total && Object.values(i.factors).filter((x) => x.contribution > 0).length >= 2) ??
      backlog.items[2]!;
    const explain = await invoke<Explain>(e2e.url, 'explainIssue', { issueKey: target.key }, ctx.issuePanel(DEV, target.key));
    expect(explain.item.rank).toBe(target.rank);
    expect(explain.total).toBe(backlog.total);

    await openShell(e2e.page, e2e.url, `issue/${target.key}`, { user: DEV });
    const f = moduleLocator(e2e.page, 'issue-panel');
    const score = f.locator('[aria-label^="Score "]');
    await score.waitFor({ timeout: 30_000 });

    // The shell's issue header is the issue the panel explains.
    await expect(e2e.page.locator('.issue-view h1').innerText()).resolves.toBe(`${target.key}: ${target.summary}`);
    await expect(score.innerText()).resolves.toBe(oneDecimal(explain.item.score));
    await expect(f.getByText(`#${explain.item.rank} of ${explain.total}`, { exact: true }).isVisible()).resolves.toBe(true);

    // One line per factor: its name and "+contribution" (one decimal), in the backend's numbers.
    const shown = await f
      .locator('ul > li')
      .evaluateAll((lis) => lis.map((li) => Array.from(li.children as ArrayLike<{ textContent: string | null }>).map((c) => (c.textContent ?? '').trim())));
    for (const id of Object.keys(FACTOR_LABELS) as FactorId[]) {
      const row = shown.find((cells) => cells[0] === FACTOR_LABELS[id]);
      expect(row).toBeDefined();
      expect(`${FACTOR_LABELS[id]}: ${row![1]}`).toBe(`${FACTOR_LABELS[id]}: +${oneDecimal(explain.item.factors[id].contribution)}`);
    }
    // The contributions add up to the score shown (to display precision).
    const sum = (Object.keys(FACTOR_LABELS) as FactorId[]).reduce((s, id) => s + explain.item.factors[id].contribution, 0);
    expect(Math.abs(sum - explain.item.score)).toBeLessThan(1e-9);

    // "Why here": the neighbours explainIssue names.
    if (explain.above)
      await expect(
        f
          .getByText(/^Below/)
          .first()
          .innerText(),
      ).resolves.toContain(explain.above.key);
    if (explain.below)
      await expect(
        f
          .getByText(/^Above/)
          .first()
          .innerText(),
      ).resolves.toContain(explain.below.key);
    await expect(f.getByText(`config v${explain.configVersion}`, { exact: false }).isVisible()).resolves.toBe(true);

    await screenshot(e2e.page, 'issue-panel.png');
    expect(e2e.errors).toEqual([]);
  });
});

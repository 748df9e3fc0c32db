/**
 * A stakeholder votes from the issue panel: they pick an importance, add a note and vote; the panel lists them by
 * name with the note, and once the background has rescored the issue, its score and rank move up in the panel.
 */
import type { BacklogItem } from '../../src/contract/model';
import { ctx, eventually, fullBacklog, invoke, moduleLocator, oneDecimal, openShell, PERSONAS, screenshot } from './support';
import { useE2E } from './use-e2e';

const PO = PERSONAS.productOwner;

interface Explain {
  item: BacklogItem;
  total: number;
  votes: { accountId: string; displayName: string; importance: number; note?: string }[];
}

describe('Stakeholder vote on the issue view', () => {
  const e2e = useE2E({ warmAs: PO.accountId });
  it('votes 5 with a note from the panel, lists the voter by name and shows the higher score and rank', async () => {
    const backlog = await fullBacklog(e2e.url, PO.accountId);
    const target = backlog.items[Math.floor(backlog.items.length * 0.7)]!;
    const before = await invoke<Explain>(e2e.url, 'explainIssue', { issueKey: target.key }, ctx.issuePanel(PO.accountId, target.key));
    expect(before.votes).toEqual([]);

    await openShell(e2e.page, e2e.url, `issue/${target.key}`, { user: PO.accountId });
    const f = moduleLocator(e2e.page, 'issue-panel');
    const score = f.locator('[aria-label^="Score "]');
    await score.waitFor({ timeout: 30_000 });
    await expect(score.innerText()).resolves.toBe(oneDecimal(before.item.score));
    await expect(f.getByText('No stakeholder has voted yet.').isVisible()).resolves.toBe(true);

    await f.getByRole('button', { name: '5 – Critical' }).click();
    await f.getByLabel('Note (optional)').fill('Our biggest customer renews in January');
    await f.getByRole('button', { name: 'Vote', exact: true }).click();

    const after = await eventually(
      () => invoke<Explain>(e2e.url, 'explainIssue', { issueKey: target.key }, ctx.issuePanel(PO.accountId, target.key)),
      (e) => e.item.factors.stakeholders.value > 0,
      { what: 'the vote to be scored' },
    );
    expect(after.item.score).toBeGreaterThan(before.item.score);
    expect(after.item.rank).toBeLessThan(before.item.rank);
    // The panel reloads by itself until the score counts the vote.
    await eventually(
      () => score.innerText(),
      (s) => s === oneDecimal(after.item.score),
      { what: 'the panel to show the new score' },
    );
    await expect(f.getByText(`#${after.item.rank} of ${after.total}`, { exact: true }).isVisible()).resolves.toBe(true);
    const voters = f.getByRole('list', { name: 'Who voted' });
    await expect(voters.innerText()).resolves.toContain(PO.displayName);
    await expect(voters.innerText()).resolves.toContain('“Our biggest customer renews in January”');
    await expect(f.getByRole('button', { name: 'Update my vote' }).isVisible()).resolves.toBe(true);
    await f.getByRole('list', { name: 'Who voted' }).scrollIntoViewIfNeeded();
    await screenshot(e2e.page, 'panel-votes.png');
  }, 120_000);
});

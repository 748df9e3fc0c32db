/**
 * The "Apply order to Jira" dialog when Jira's order changes behind its back: the apply is refused with
 * PLAN_OUTDATED, the dialog says so and offers "Plan again", and the new plan then applies.
 */
import { ctx, fullBacklog, invoke, jiraRankOrder, openShell, PERSONAS, PROJECT } from './support';
import { useE2E } from './use-e2e';

const PO = PERSONAS.productOwner.accountId;

describe('apply order to Jira when Jira changed meanwhile', () => {
  const e2e = useE2E({ warmAs: PO });

  it('shows that the plan is outdated, plans again on request, and the new plan applies', async () => {
    // Someone's pin makes sure there is something to move.
    const value = (await fullBacklog(e2e.url, PO)).items.map((i) => i.key);
    await invoke(e2e.url, 'setPin', { projectKey: PROJECT, issueKey: value[value.length - 1]!, position: 1 }, ctx.projectPage(PO));
    await openShell(e2e.page, e2e.url, 'project', { user: PO });
    await e2e.frame.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
    await e2e.frame.getByRole('button', { name: 'Apply order to Jira' }).click();
    const dialog = e2e.frame.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('p', { hasText: 'issues move' }).waitFor({ timeout: 30_000 });

    // Meanwhile, in Jira, someone ranks the second-last issue to the top.
    const order = await jiraRankOrder(e2e.url, PO);
    const res = await fetch(`${e2e.url}/rest/agile/1.0/issue/rank`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'X-Sim-Account-Id': PO },
      body: JSON.stringify({ issues: [order[order.length - 2]], rankBeforeIssue: order[0] }),
    });
    expect(res.status).toBeLessThan(300);
    const theirs = await jiraRankOrder(e2e.url, PO);

    await dialog.getByRole('button', { name: /^Apply \d+ moves?$/ }).click();
    await dialog.getByText("Jira's order changed since this plan was made", { exact: true }).waitFor({ timeout: 30_000 });
    await expect(dialog.getByText('PLAN_OUTDATED', { exact: true }).isVisible()).resolves.toBe(true);
    expect(await jiraRankOrder(e2e.url, PO)).toEqual(theirs);
    await expect(dialog.getByRole('button', { name: /^(Apply \d+ moves?|Resume|Retry)$/ }).count()).resolves.toBe(0);

    await dialog.getByRole('button', { name: 'Plan again' }).click();
    const apply = dialog.getByRole('button', { name: /^Apply \d+ moves?$/ });
    await apply.waitFor({ timeout: 30_000 });
    const moves = Number(/\d+/.exec(await apply.innerText())![0]);
    await apply.click();
    await dialog.getByText(`${moves} of ${moves} applied — done.`).waitFor({ timeout: 60_000 });
    expect(await jiraRankOrder(e2e.url, PO)).toEqual((await fullBacklog(e2e.url, PO)).items.map((i) => i.key));
    expect(e2e.errors).toEqual([]);
  }, 120_000);
});

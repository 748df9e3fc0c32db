/**
 * The Shipped tab of the project page: items done in Jira (through the transitions endpoint, as the Product
 * Owner) are listed with the customers who asked for them; "Tell the customers" posts one internal comment per
 * feedback ticket, checked against the simulator's comments; the list is exported as CSV.
 */
import { readFileSync } from 'node:fs';
import { ctx, formatViolations, invoke, moduleFrame, openShell, PERSONAS, PROJECT, screenshot, seriousAxeViolations, waitForQueue } from './support';
import { useE2E } from './use-e2e';

const PO = PERSONAS.productOwner.accountId;

type Customer = { sources: string[] };

async function jira(url: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', 'x-sim-account-id': PO },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** The top feedback items with their feedback tickets, as the PO's explanation lists them. */
async function feedbackItems(url: string, n: number): Promise<{ key: string; tickets: string[] }[]> {
  const page = await invoke<{ items: { key: string }[] }>(
    url,
    'getBacklog',
    { projectKey: PROJECT, pageSize: 10, filter: { feedbackOnly: true } },
    ctx.projectPage(PO),
  );
  const out: { key: string; tickets: string[] }[] = [];
  for (const { key } of page.items) {
    const explained = await invoke<{ item: { factors: { customerVoice: { evidence: { customers: Customer[] } } } } }>(
      url,
      'explainIssue',
      { issueKey: key },
      ctx.projectPage(PO),
    );
    const tickets = [...new Set(explained.item.factors.customerVoice.evidence.customers.flatMap((c) => c.sources.filter((s) => /^SUP-\d+$/.test(s))))];
    if (tickets.length >= 2) out.push({ key, tickets });
    if (out.length === n) break;
  }
  return out;
}

async function resolve(url: string, issueKey: string): Promise<void> {
  const listed = await jira(url, `/rest/api/3/issue/${issueKey}/transitions`);
  const done = (listed.body.transitions as { id: string; to: { statusCategory: { key: string } } }[]).find((t) => t.to.statusCategory.key === 'done')!;
  expect((await jira(url, `/rest/api/3/issue/${issueKey}/transitions`, { method: 'POST', body: { transition: { id: done.id } } })).status).toBe(204);
}

describe('the Shipped tab', () => {
  const e2e = useE2E({ warmAs: PO }, 120_000);
  let items: { key: string; tickets: string[] }[];

  beforeAll(async () => {
    items = await feedbackItems(e2e.url, 3);
    expect(items).toHaveLength(3);
    for (const item of items) await resolve(e2e.url, item.key);
    await waitForQueue(e2e.url);
  }, 120_000);

  it('lists the items done in the last 30 days with the customers who asked and their tickets', async () => {
    await openShell(e2e.page, e2e.url, 'project', { user: PO });
    await e2e.frame.getByRole('tab', { name: 'Shipped' }).click();
    const rows = e2e.frame.locator('section[aria-label="Shipped items"] table tbody tr');
    await rows.first().waitFor({ timeout: 30_000 });
    const shipped = await invoke<{ items: { key: string; customers: { name: string; tickets: { key: string }[] }[] }[] }>(
      e2e.url,
      'getShipped',
      { projectKey: PROJECT, since: '2026-10-26T00:00:00.000Z' },
      ctx.projectPage(PO),
    );
    expect(shipped.items.map((i) => i.key).sort()).toEqual(items.map((i) => i.key).sort());
    expect(await rows.count()).toBe(items.length);
    for (const item of shipped.items) {
      const row = e2e.frame.locator('tbody tr', { has: e2e.frame.getByRole('button', { name: `Open ${item.key} in Jira` }) });
      const rowText = await row.innerText();
      for (const c of item.customers) {
        expect(rowText).toContain(c.name);
        for (const t of c.tickets) expect(rowText).toContain(t.key);
      }
    }
    await expect(e2e.frame.getByText('3 items done since', { exact: false }).isVisible()).resolves.toBe(true);
  });

  it('tells the customers from the keyboard: one internal comment per ticket, then the row says so', async () => {
    const [item] = items;
    const row = e2e.frame.locator('tbody tr', { has: e2e.frame.getByRole('button', { name: `Open ${item!.key} in Jira` }) });
    await row.getByRole('button', { name: 'Tell the customers' }).focus();
    await e2e.page.keyboard.press('Enter');
    const field = e2e.frame.getByLabel('Message');
    await field.waitFor();
    await field.fill('Released today: thank you for asking for it.');
    await e2e.frame.getByRole('button', { name: 'Add internal comments' }).click();
    await e2e.frame.getByText(`Added an internal comment to ${item!.tickets.length} feedback tickets.`).waitFor({ timeout: 20_000 });
    for (const ticket of item!.tickets) {
      const comments = await jira(e2e.url, `/rest/api/3/issue/${ticket}/comment?expand=properties`);
      expect(comments.body.total).toBe(1);
      expect(comments.body.comments[0]).toMatchObject({ author: { accountId: PO }, properties: [{ key: 'sd.public.comment', value: { internal: true } }] });
    }
    await e2e.frame.getByRole('button', { name: 'Close' }).click();
    await row.getByText('told 2026-11-25').waitFor({ timeout: 20_000 });
  });

  it('has no serious accessibility violation and a README screenshot', async () => {
    const frame = await moduleFrame(e2e.page, 'project-page');
    const violations = await seriousAxeViolations(frame);
    expect(formatViolations('Shipped tab', violations)).toBe('');
    const path = await screenshot(e2e.page, 'shipped.png');
    expect(readFileSync(path).length).toBeGreaterThan(10_000);
  });

  it('exports the list as CSV', async () => {
    const download = e2e.page.waitForEvent('download');
    await e2e.frame.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Key,Summary,Resolved,Customers');
    for (const item of items) expect(csv).toContain(item.key);
    expect(e2e.errors).toEqual([]);
  });
});

import type { ShippedItem } from '../../src/contract/model';
import { invoke, PERSONAS, projectPage, settleQueue, startDemo } from './harness';

const PO = PERSONAS.productOwner.accountId;
const DEV = PERSONAS.developer.accountId;
const SINCE = '2026-11-01T00:00:00Z';

type Customer = { label: string; sources: string[] };

describe('shipped items and telling their customers', () => {
  let preview: Awaited<ReturnType<typeof startDemo>>;
  beforeAll(async () => {
    preview = await startDemo();
  }, 60_000);
  afterAll(() => preview.close());

  async function jira(path: string, accountId: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: any }> {
    const res = await fetch(`${preview.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', 'x-sim-account-id': accountId },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  /** The top backlog items with feedback tickets, as the PO sees them (the panel's explanation lists the tickets). */
  async function itemsWithTickets(): Promise<{ key: string; tickets: string[] }[]> {
    const page = await invoke(
      preview.url,
      'getBacklog',
      { projectKey: 'PAY', pageSize: 8, filter: { feedbackOnly: true } },
      { accountId: PO, ...projectPage('PAY') },
    );
    expect(page.ok).toBe(true);
    const out: { key: string; tickets: string[] }[] = [];
    for (const { key } of page.data.items as { key: string }[]) {
      const explained = await invoke(preview.url, 'explainIssue', { issueKey: key }, { accountId: PO, ...projectPage('PAY') });
      const customers = explained.data.item.factors.customerVoice.evidence.customers as Customer[];
      out.push({ key, tickets: [...new Set(customers.flatMap((c) => c.sources.filter((s) => /^SUP-\d+$/.test(s))))] });
    }
    return out;
  }

  /** Moves the issue to a Done-category status through Jira's transitions endpoint, as `accountId`. */
  async function resolve(issueKey: string, accountId: string): Promise<void> {
    const listed = await jira(`/rest/api/3/issue/${issueKey}/transitions`, accountId);
    const done = (listed.body.transitions as { id: string; to: { statusCategory: { key: string } } }[]).find((t) => t.to.statusCategory.key === 'done');
    expect(done).toBeDefined();
    expect((await jira(`/rest/api/3/issue/${issueKey}/transitions`, accountId, { method: 'POST', body: { transition: { id: done!.id } } })).status).toBe(204);
  }

  async function shipped(accountId: string): Promise<ShippedItem[]> {
    const res = await invoke(preview.url, 'getShipped', { projectKey: 'PAY', since: SINCE }, { accountId, ...projectPage('PAY') });
    expect(res.error).toBeUndefined();
    return res.data.items as ShippedItem[];
  }

  let item: { key: string; tickets: string[] };
  let other: { key: string; tickets: string[] };

  it('an issue resolved through the transitions endpoint is listed as shipped with its customers and tickets', async () => {
    const candidates = (await itemsWithTickets()).filter((i) => i.tickets.length >= 2);
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    [item, other] = [candidates[0]!, candidates[1]!];
    expect((await shipped(PO)).map((s) => s.key)).not.toContain(item.key);
    await resolve(item.key, PO);
    await settleQueue(preview.url);
    const found = (await shipped(PO)).find((s) => s.key === item.key);
    expect(found).toBeDefined();
    expect(found!.resolvedAt).toBe('2026-11-25T00:00:00.000Z');
    expect(found!.hiddenTickets).toBe(0);
    expect(found!.customers.length).toBeGreaterThan(0);
    expect(found!.customers.every((c) => c.name !== '')).toBe(true);
    expect(new Set(found!.customers.flatMap((c) => c.tickets.map((t) => t.key)))).toEqual(new Set(item.tickets));
    expect(found!.notifiedAt).toBeUndefined();
    const backlog = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: PO, ...projectPage('PAY') });
    expect((backlog.data.items as { key: string }[]).map((i) => i.key)).not.toContain(item.key);
  }, 60_000);

  it('a user who cannot open the feedback tickets sees them counted, with no customer named', async () => {
    const found = (await shipped(DEV)).find((s) => s.key === item.key);
    expect(found).toMatchObject({ key: item.key, customers: [], hiddenTickets: item.tickets.length });
    expect(JSON.stringify(found)).not.toMatch(/SUP-\d+/);
  });

  it('a since that is not an ISO date-time is INVALID_PAYLOAD', async () => {
    const res = await invoke(preview.url, 'getShipped', { projectKey: 'PAY', since: 'last week' }, { accountId: PO, ...projectPage('PAY') });
    expect(res.error?.code).toBe('INVALID_PAYLOAD');
  });

  it('refuses the tickets a user may not comment on, and posts nothing there', async () => {
    const res = await invoke(
      preview.url,
      'notifyCustomers',
      { projectKey: 'PAY', issueKey: item.key, text: 'Shipped.' },
      { accountId: DEV, ...projectPage('PAY') },
    );
    expect(res.data).toEqual({ commented: 0, alreadyNotified: 0, refused: item.tickets.length });
    for (const ticket of item.tickets) expect((await jira(`/rest/api/3/issue/${ticket}/comment`, PO)).body.total).toBe(0);
  });

  it('posts one internal comment as the user on each ticket; a second call posts nothing', async () => {
    const text = '  Released today.\n\nThank you for telling us.  ';
    const first = await invoke(preview.url, 'notifyCustomers', { projectKey: 'PAY', issueKey: item.key, text }, { accountId: PO, ...projectPage('PAY') });
    expect(first.data).toEqual({ commented: item.tickets.length, alreadyNotified: 0, refused: 0 });
    for (const ticket of item.tickets) {
      const page = await jira(`/rest/api/3/issue/${ticket}/comment?expand=properties`, PO);
      expect(page.body.total).toBe(1);
      const [comment] = page.body.comments;
      expect(comment.author.accountId).toBe(PO);
      expect(comment.jsdPublic).toBe(false);
      expect(comment.body).toEqual({
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Released today.' }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Thank you for telling us.' }] },
        ],
      });
      const prop = await jira(`/rest/api/3/comment/${comment.id}/properties/sd.public.comment`, PO);
      expect(prop.body).toEqual({ key: 'sd.public.comment', value: { internal: true } });
    }
    const again = await invoke(
      preview.url,
      'notifyCustomers',
      { projectKey: 'PAY', issueKey: item.key, text: 'Again' },
      { accountId: PO, ...projectPage('PAY') },
    );
    expect(again.data).toEqual({ commented: 0, alreadyNotified: item.tickets.length, refused: 0 });
    for (const ticket of item.tickets) expect((await jira(`/rest/api/3/issue/${ticket}/comment`, PO)).body.total).toBe(1);
    expect((await shipped(PO)).find((s) => s.key === item.key)?.notifiedAt).toBe('2026-11-25T00:00:00.000Z');
  }, 30_000);

  it('two calls at once comment each ticket once between them', async () => {
    await resolve(other.key, PO);
    await settleQueue(preview.url);
    const call = () =>
      invoke(preview.url, 'notifyCustomers', { projectKey: 'PAY', issueKey: other.key, text: 'Shipped.' }, { accountId: PO, ...projectPage('PAY') });
    const [a, b] = await Promise.all([call(), call()]);
    expect(a.data.commented + b.data.commented).toBe(other.tickets.length);
    expect(a.data.alreadyNotified + b.data.alreadyNotified).toBe(other.tickets.length);
    for (const ticket of other.tickets) {
      const total = (await jira(`/rest/api/3/issue/${ticket}/comment`, PO)).body.total as number;
      // A ticket behind both items has one comment for each.
      expect(total).toBe(item.tickets.includes(ticket) ? 2 : 1);
    }
  }, 60_000);

  it('an issue that is not shipped is NOT_FOUND, and an empty text INVALID_PAYLOAD', async () => {
    const [open] = await itemsWithTickets();
    const res = await invoke(preview.url, 'notifyCustomers', { projectKey: 'PAY', issueKey: open!.key, text: 'x' }, { accountId: PO, ...projectPage('PAY') });
    expect(res.error?.code).toBe('NOT_FOUND');
    const blank = await invoke(
      preview.url,
      'notifyCustomers',
      { projectKey: 'PAY', issueKey: item.key, text: '   ' },
      { accountId: PO, ...projectPage('PAY') },
    );
    expect(blank.error?.code).toBe('INVALID_PAYLOAD');
  });
});

import { generateDemoSite } from '../../dev/demo/generate-site';
import { FIELD } from '../../dev/demo/jira-catalog';
import { DEMO_CONFIG } from '../../dev/preview/demo-config';
import { invoke, invokeOnce, PERSONAS, projectPage, settleQueue, useDemo } from './harness';

type Json = Record<string, any>;
const PO = PERSONAS.productOwner.accountId;
const DEV = PERSONAS.developer.accountId;
const ADMIN = PERSONAS.admin.accountId;
const NOBODY = PERSONAS.noAccess.accountId;

const panel = (accountId: string, issueKey: string) => ({
  accountId,
  moduleKey: 'valuerank-issue-panel',
  extension: { type: 'jira:issuePanel', project: { key: 'PAY' }, issue: { key: issueKey } },
});

/** Every string in a JSON value (keys of objects included). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  return out;
}

async function fullBacklog(url: string, accountId: string): Promise<Json[]> {
  const items: Json[] = [];
  for (let page = 0; page < 50; page++) {
    const r = await invoke(url, 'getBacklog', { projectKey: 'PAY', page, pageSize: 200 }, { accountId, ...projectPage('PAY') });
    expect(r.ok).toBe(true);
    items.push(...r.data.items);
    if (items.length >= r.data.total) return items;
  }
  throw new Error('the backlog did not end');
}

/** The "Value score" field of an issue, as the site admin reads it through Jira's REST API. */
async function fieldValue(url: string, issueKey: string): Promise<number | null> {
  const fields = (await (await fetch(`${url}/rest/api/3/field`)).json()) as { id: string; name: string }[];
  const id = fields.find((f) => f.name === 'Value score')!.id;
  const issue = (await (await fetch(`${url}/rest/api/3/issue/${issueKey}?fields=${id}`)).json()) as Json;
  return (issue.fields?.[id] as number | null | undefined) ?? null;
}

describe('one score for everyone, served from the project snapshot', () => {
  const seed = { ...generateDemoSite(), config: DEMO_CONFIG } as Json;
  const issues = seed.issues as Json[];
  const supTickets = issues.filter((i) => i.key.startsWith('SUP-'));
  const secrets = new Set<string>();
  for (const t of supTickets) {
    secrets.add(t.key);
    if (typeof t.fields.summary === 'string' && t.fields.summary.length > 12) secrets.add(t.fields.summary);
    for (const org of (t.fields[FIELD.organizations] ?? []) as Json[]) if (typeof org.name === 'string') secrets.add(org.name);
  }
  const preview = useDemo({ seed }, 120_000);

  it('first answers "building" with progress, then the ranked backlog once the background built the snapshot', async () => {
    const first = await invokeOnce(preview.url, 'getBacklog', { projectKey: 'PAY' }, { accountId: PO, ...projectPage('PAY') });
    expect(first.ok).toBe(true);
    expect(first.data.status).toBe('building');
    expect(first.data.items).toEqual([]);
    expect(first.data.building).toEqual({ done: expect.any(Number), total: expect.any(Number) });
    const ready = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY' }, { accountId: PO, ...projectPage('PAY') });
    expect(ready.data.status).toBe('ready');
    expect(ready.data.total).toBeGreaterThan(50);
  }, 120_000);

  it('gives the PO, a developer who cannot browse the feedback project, and an admin the same score for each issue, as the field does', async () => {
    const [po, dev, admin] = await Promise.all([fullBacklog(preview.url, PO), fullBacklog(preview.url, DEV), fullBacklog(preview.url, ADMIN)]);
    const scoreOf = (items: Json[]) => new Map(items.map((i) => [i.key as string, i.score as number]));
    const [p, d, a] = [scoreOf(po), scoreOf(dev), scoreOf(admin)];
    expect([...d.keys()].sort()).toEqual([...p.keys()].sort());
    for (const [key, score] of p) {
      expect(d.get(key)).toBe(score);
      expect(a.get(key)).toBe(score);
    }
    await settleQueue(preview.url, 120_000);
    const withFeedback = po.filter((i) => i.customers > 0).slice(0, 3);
    expect(withFeedback.length).toBeGreaterThan(0);
    for (const item of withFeedback) {
      const [ep, ed] = await Promise.all([
        invoke(preview.url, 'explainIssue', { issueKey: item.key }, panel(PO, item.key)),
        invoke(preview.url, 'explainIssue', { issueKey: item.key }, panel(DEV, item.key)),
      ]);
      expect(ep.data.item.score).toBe(item.score);
      expect(ed.data.item.score).toBe(item.score);
      expect(await fieldValue(preview.url, item.key)).toBe(Math.round(item.score * 10) / 10);
    }
  }, 180_000);

  it('never shows the developer a key, summary or organisation of a feedback ticket they cannot browse, only counts', async () => {
    const dev = await fullBacklog(preview.url, DEV);
    const explained = await Promise.all(dev.slice(0, 10).map((i) => invoke(preview.url, 'explainIssue', { issueKey: i.key }, panel(DEV, i.key as string))));
    const seen = strings([dev, explained.map((e) => e.data)]);
    const leaks = seen.filter((s) => [...secrets].some((secret) => s.includes(secret)));
    expect(leaks).toEqual([]);
    const counted = dev.filter((i) => (i.factors.customerVoice.evidence.hiddenTickets ?? 0) > 0);
    expect(counted.length).toBeGreaterThan(0);
    // The PO browses SUP: the same issues' panels name their tickets (a backlog page counts customers, for everyone).
    const withTickets = counted.slice(0, 5);
    const forPo = await Promise.all(withTickets.map((i) => invoke(preview.url, 'explainIssue', { issueKey: i.key }, panel(PO, i.key as string))));
    const named = strings(forPo.map((e) => e.data.item)).filter((s) => /^SUP-\d+$/.test(s));
    expect(named.length).toBeGreaterThan(0);
    // And the developer's panels of the same issues count what the PO's name.
    const forDev = await Promise.all(withTickets.map((i) => invoke(preview.url, 'explainIssue', { issueKey: i.key }, panel(DEV, i.key as string))));
    for (const e of forDev) expect(strings(e.data).filter((s) => [...secrets].some((secret) => s.includes(secret)))).toEqual([]);
    expect(forDev.some((e) => (e.data.item.factors.customerVoice.evidence.hiddenTickets ?? 0) > 0)).toBe(true);
  }, 120_000);

  it('gives a user who cannot browse the project nothing', async () => {
    const r = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY' }, { accountId: NOBODY, ...projectPage('PAY') });
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(r)).not.toMatch(/PAY-\d+/);
  }, 60_000);
});

/**
 * Pins through the preview's HTTP invoke endpoint, so calls run concurrently in the local Forge runtime against
 * its KVS: parallel pins are all kept, and a pin is accepted only for an issue of the backlog that the user can
 * see (anything else looks exactly like a key that does not exist).
 */
import { kvs } from '@forge/kvs';
import { generateDemoSite } from '../../dev/demo/generate-site';
import { DEMO_CONFIG } from '../../dev/preview/demo-config';
import { invoke, issuePanel, PERSONAS, projectPage, startDemo } from './harness';

const PO = { accountId: PERSONAS.productOwner.accountId, ...projectPage('PAY') };

interface SeedIssue {
  key: string;
  fields: { status?: { statusCategory?: { key?: string } }; issuetype?: { name?: string; subtask?: boolean } };
}

describe('pins', () => {
  let preview: Awaited<ReturnType<typeof startDemo>>;
  let candidates: string[] = [];
  const seed = { ...generateDemoSite(), config: DEMO_CONFIG };
  const payIssues = (seed as unknown as { issues: SeedIssue[] }).issues.filter((i) => i.key.startsWith('PAY-'));
  const doneIssue = payIssues.find((i) => i.fields.status?.statusCategory?.key === 'done')!;
  const epic = payIssues.find((i) => i.fields.issuetype?.name === 'Epic')!;

  async function pinsOf(): Promise<Map<string, unknown>> {
    const r = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500, refresh: true }, PO);
    if (!r.ok) throw new Error(`getBacklog: ${r.error?.message}`);
    return new Map((r.data.items as { key: string; pin: unknown }[]).filter((i) => i.pin !== null).map((i) => [i.key, i.pin]));
  }

  beforeAll(async () => {
    preview = await startDemo({ seed });
    const r = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, PO);
    if (!r.ok) throw new Error('backlog failed');
    candidates = r.data.items.map((i: { key: string }) => i.key);
  }, 60_000);
  afterAll(async () => {
    await preview?.close();
  });

  it('keeps every pin of 20 people pinning 20 issues at the same moment', async () => {
    expect(candidates.length).toBeGreaterThan(40);
    const targets = candidates.slice(20, 40);
    const answers = await Promise.all(targets.map((key, i) => invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: key, position: i + 1 }, PO)));
    expect(answers.map((a) => (a.ok ? 'ok' : a.error?.code))).toEqual(targets.map(() => 'ok'));
    const pins = await pinsOf();
    expect(targets.filter((k) => !pins.has(k))).toEqual([]);
    expect(targets.map((k) => pins.get(k))).toEqual(targets.map((_, i) => ({ position: i + 1, by: PO.accountId, at: expect.any(String) })));

    // And 20 parallel unpins leave none of them.
    await Promise.all(targets.map((key) => invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: key }, PO)));
    const after = await pinsOf();
    expect(targets.filter((k) => after.has(k))).toEqual([]);
  }, 60_000);

  it("names who pinned an issue in its panel, by the pinner's display name", async () => {
    const key = candidates[45]!;
    expect((await invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: key, position: 3 }, PO)).ok).toBe(true);
    const panel = await invoke(preview.url, 'explainIssue', { issueKey: key }, { accountId: PERSONAS.productOwner.accountId, ...issuePanel(key) });
    expect(panel.data.item.pin).toEqual({ position: 3, by: PO.accountId, at: expect.any(String), byName: PERSONAS.productOwner.displayName });
    await invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: key }, PO);
  }, 60_000);

  it('refuses a pin on a key that does not exist, a Done issue or an epic alike, with NOT_FOUND and the same words', async () => {
    expect(doneIssue).toBeDefined();
    expect(epic).toBeDefined();
    const keys = ['PAY-999999', doneIssue.key, epic.key];
    const answers = await Promise.all(keys.map((key) => invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: key, position: 1 }, PO)));
    expect(answers.map((a) => (a.ok ? 'ok' : a.error?.code))).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    // Apart from the key itself, the answer says nothing that tells a missing issue from one outside the backlog.
    const words = answers.map((a, i) => JSON.stringify(a).split(keys[i]!).join('<key>'));
    expect(new Set(words).size).toBe(1);
    const pins = await pinsOf();
    expect(keys.filter((k) => pins.has(k))).toEqual([]);
  }, 60_000);

  it('unpins an issue that has left the backlog (an unpin checks Schedule Issues only)', async () => {
    const key = candidates[8]!;
    expect((await invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: key, position: 3 }, PO)).ok).toBe(true);
    const issue = preview.sim.state.getIssue(key)!;
    const status = issue.fields.status;
    issue.fields.status = structuredClone(doneIssue.fields.status);
    try {
      const unpin = await invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: key }, PO);
      expect(unpin.ok ? unpin.data : unpin.error?.code).toEqual({ pin: null });
      expect(await kvs.get(`pin:PAY:${key}`)).toBeUndefined();
    } finally {
      issue.fields.status = status;
    }
  }, 60_000);

  it('drops the pin of an issue that left the backlog at the next background recompute, and keeps the others', async () => {
    const [leaving, staying] = [candidates[5]!, candidates[6]!];
    for (const key of [leaving, staying])
      expect((await invoke(preview.url, 'setPin', { projectKey: 'PAY', issueKey: key, quarter: '2027-Q1' }, PO)).ok).toBe(true);
    // A workflow transition to Done (the simulator has no transitions endpoint; Jira's workflow would do this).
    preview.sim.state.getIssue(leaving)!.fields.status = structuredClone(doneIssue.fields.status);
    expect((await fetch(`${preview.url}/__forge/scheduled/daily-recompute`, { method: 'POST' })).status).toBeLessThan(300);
    for (let i = 0; i < 600; i++) {
      const q = (await (await fetch(`${preview.url}/__forge/queue`)).json()) as { pending: number; running: number };
      if (q.pending === 0 && q.running === 0 && (await kvs.get(`pin:PAY:${leaving}`)) === undefined) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await kvs.get(`pin:PAY:${leaving}`)).toBeUndefined();
    expect(await kvs.get(`pin:PAY:${staying}`)).toEqual({ quarter: '2027-Q1', by: expect.any(String), at: expect.any(String) });
  }, 60_000);
});

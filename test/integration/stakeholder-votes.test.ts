/**
 * Stakeholder votes through the preview's invoke endpoint: who may vote, how a vote moves the issue's score and
 * rank (rescored in place by the background), group weights, the config without a stakeholders weight that older
 * versions stored, and display names (votes, config history) — "former user" for an account Jira no longer knows.
 */
import { kvs } from '@forge/kvs';
import { invoke, PERSONAS, projectPage, settleQueue, startDemo } from './harness';

const { admin, productOwner, developer, supportAgent } = PERSONAS;
const panel = (accountId: string, issueKey: string) => ({
  accountId,
  moduleKey: 'valuerank-issue-panel',
  extension: { type: 'jira:issuePanel', project: { key: 'PAY' }, issue: { key: issueKey } },
});
const adminPage = { moduleKey: 'valuerank-admin-page', extension: { type: 'jira:adminPage' } };

interface Explained {
  item: { id: string; score: number; rank: number; factors: { stakeholders: { value: number; evidence: { voters: number; weightedImportance: number } } } };
  votes: { accountId: string; displayName: string; importance: number; note?: string; at: string }[];
}

describe('stakeholder votes', () => {
  let preview: Awaited<ReturnType<typeof startDemo>>;
  let target = '';

  const explain = async (accountId = productOwner.accountId): Promise<Explained> => {
    const r = await invoke<Explained>(preview.url, 'explainIssue', { issueKey: target }, panel(accountId, target));
    if (!r.ok) throw new Error(`explainIssue: ${r.error?.message}`);
    return r.data!;
  };

  beforeAll(async () => {
    preview = await startDemo();
    const r = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, { accountId: productOwner.accountId, ...projectPage('PAY') });
    if (!r.ok) throw new Error('backlog failed');
    const items = r.data.items as { key: string; rank: number }[];
    // Low in the ranking, so votes have room to move it up.
    target = items[Math.floor(items.length * 0.8)]!.key;
  }, 120_000);
  afterAll(async () => {
    await preview?.close();
  });

  it('takes one vote from each of three users who can browse the issue, refuses one who cannot, and moves the issue up', async () => {
    const before = await explain();
    expect(before.votes).toEqual([]);
    expect(before.item.factors.stakeholders.value).toBe(0);

    const cast = (accountId: string, importance: number, note?: string) =>
      invoke(preview.url, 'castVote', { issueKey: target, importance, ...(note === undefined ? {} : { note }) }, panel(accountId, target));
    const answers = await Promise.all([cast(productOwner.accountId, 5, 'Blocks the Q1 launch'), cast(developer.accountId, 3), cast(admin.accountId, 4)]);
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    expect(answers[0]!.data.mine).toMatchObject({ importance: 5, note: 'Blocks the Q1 launch' });

    const refused = await cast(supportAgent.accountId, 5);
    expect(refused.ok).toBe(false);
    // Without Browse on the project: FORBIDDEN, the same answer whether the issue exists or not.
    const missing = await invoke(preview.url, 'castVote', { issueKey: 'PAY-999999', importance: 5 }, panel(supportAgent.accountId, 'PAY-999999'));
    expect(refused.error?.code).toBe('FORBIDDEN');
    expect(missing.error).toEqual(refused.error);
    // With Browse, a key Jira does not show them is NOT_FOUND.
    const unknown = await invoke(preview.url, 'castVote', { issueKey: 'PAY-999999', importance: 5 }, panel(developer.accountId, 'PAY-999999'));
    expect(unknown.error?.code).toBe('NOT_FOUND');

    await settleQueue(preview.url);
    const after = await explain();
    expect(after.item.factors.stakeholders.evidence).toEqual({ voters: 3, weightedImportance: 12 });
    expect(after.item.factors.stakeholders.value).toBeCloseTo(12 / 17, 10);
    expect(after.item.score).toBeGreaterThan(before.item.score);
    expect(after.item.rank).toBeLessThan(before.item.rank);
    expect(after.votes.map((v) => [v.displayName, v.importance]).sort()).toEqual(
      [
        [admin.displayName, 4],
        [productOwner.displayName, 5],
        [developer.displayName, 3],
      ].sort(),
    );
    expect(after.votes.find((v) => v.accountId === productOwner.accountId)?.note).toBe('Blocks the Q1 launch');

    // Importance 0 withdraws: the developer's vote is gone and the value follows.
    const withdrawn = await cast(developer.accountId, 0);
    expect(withdrawn.data).toEqual({ votes: 2, mine: null });
    await settleQueue(preview.url);
    expect((await explain()).item.factors.stakeholders.evidence).toEqual({ voters: 2, weightedImportance: 9 });
  }, 120_000);

  it('weighs a vote by the configured weight of the voter’s Jira group', async () => {
    const current = await invoke(preview.url, 'getConfig', {}, { accountId: admin.accountId, ...adminPage });
    const config = { ...current.data.config, stakeholders: { ...current.data.config.stakeholders, groupWeights: { 'jira-admins': 3 } } };
    const saved = await invoke(preview.url, 'saveConfig', { expectedVersion: current.data.version, config }, { accountId: admin.accountId, ...adminPage });
    expect(saved.ok).toBe(true);
    await settleQueue(preview.url);
    // The admin (jira-admins) voted 4, the product owner 5: 4 × 3 + 5.
    const after = await explain();
    expect(after.item.factors.stakeholders.evidence.weightedImportance).toBe(17);
    expect(after.item.factors.stakeholders.value).toBeCloseTo(17 / 22, 10);
  }, 120_000);

  it('shows display names in the config history and on votes, and "former user" for an account Jira does not know', async () => {
    const { item } = await explain();
    await kvs.set(`vote:PAY:${item.id}:557058:gone-for-good`, { accountId: '557058:gone-for-good', importance: 2, at: '2026-11-20T10:00:00.000Z', groups: [] });
    const votes = (await explain()).votes;
    expect(votes.find((v) => v.accountId === '557058:gone-for-good')?.displayName).toBe('former user');

    const history = await invoke(preview.url, 'getConfigHistory', {}, { accountId: admin.accountId, ...adminPage });
    expect(history.ok).toBe(true);
    const entries = history.data.entries as { by: string; displayName: string }[];
    expect(entries.find((e) => e.by === admin.accountId)?.displayName).toBe(admin.displayName);
    expect(entries.every((e) => typeof e.displayName === 'string' && e.displayName !== '')).toBe(true);
  }, 120_000);

  it('reads a stored config saved before the stakeholders factor existed with weight 10', async () => {
    const current = await invoke(preview.url, 'getConfig', {}, { accountId: admin.accountId, ...adminPage });
    const head = current.data.version as number;
    const old = structuredClone(current.data.config) as Record<string, any>;
    delete old.weights.stakeholders;
    delete old.stakeholders;
    old.schemaVersion = 1;
    const key = `cfg:global:v:${String(head + 1).padStart(9, '0')}`;
    await kvs.set(key, { version: head + 1, config: old, at: '2026-11-24T10:00:00.000Z', by: '557058:gone-admin', changes: [] });
    await kvs.set('cfg:global:head', { version: head + 1 });
    const read = await invoke(preview.url, 'getConfig', {}, { accountId: admin.accountId, ...adminPage });
    expect(read.ok).toBe(true);
    expect(read.data.version).toBe(head + 1);
    expect(read.data.config.weights.stakeholders).toBe(10);
    expect(read.data.config.stakeholders).toEqual({ saturation: 5, groupWeights: {} });
    const history = await invoke(preview.url, 'getConfigHistory', {}, { accountId: admin.accountId, ...adminPage });
    expect((history.data.entries as { by: string; displayName: string }[]).find((e) => e.by === '557058:gone-admin')?.displayName).toBe('former user');
  }, 120_000);
});

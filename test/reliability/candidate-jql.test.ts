/**
 * The admin's candidate JQL is read by Jira's own parser (`POST /rest/api/3/jql/parse`): at save, and again on
 * each load before any search. A query that ValueRank's local bracket-and-quote check accepts but that Jira reads
 * as reaching beyond the project (a backslash escape outside quotes) is refused, and nothing of another project
 * is fetched.
 */
import { Deadline } from '../../src/adapters/jira/deadline';
import { ForgeJiraReader } from '../../src/adapters/jira/forge-jira-reader';
import { buildSnapshot } from '../../src/application/snapshot/build-snapshot';
import { AppError } from '../../src/application/errors';
import { createRuntime } from '../../src/composition';
import { defaultConfig } from '../../src/domain';
import { useDemo } from '../integration/harness';
import { adminPage, ADMIN, call, PO, projectPage } from './helpers';

/** `x\(` and `z\)` are values to Jira, brackets to a naive check: the `)` after `y` closes ValueRank's group. */
const WIDENING = 'labels = x\\( OR labels = y) OR project = SUP OR (labels = z\\)';

describe('the candidate JQL as Jira reads it', () => {
  const preview = useDemo();

  async function saveCandidateJql(jql: string | null) {
    const current = await call(preview.resolver, 'getConfig', {}, { accountId: ADMIN, ...adminPage });
    if (!current.ok) throw new Error(current.error.message);
    return call(
      preview.resolver,
      'saveConfig',
      { expectedVersion: current.data.version, config: { ...current.data.config, candidateJql: jql } },
      { accountId: ADMIN, ...adminPage },
    );
  }

  async function stats(): Promise<Record<string, number>> {
    return ((await (await fetch(`${preview.url}/__sim/stats`)).json()) as { byEndpoint: Record<string, number> }).byEndpoint;
  }

  it('refuses at save a candidate JQL that the local check accepts and Jira does not parse on its own', async () => {
    const r = await saveCandidateJql(WIDENING);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_PAYLOAD');
    expect(r.error.message).toMatch(/candidateJql: Jira refused it/);
  }, 60_000);

  it('refuses on load a stored candidate JQL that Jira reads as reaching another project, before any search or fetch', async () => {
    // As a config stored before the save check, or restored by a revert, would be.
    const config = { ...defaultConfig(), candidateJql: WIDENING };
    const { deps } = createRuntime();
    const stored = await deps.configs.effective(null);
    await deps.configs.save({ kind: 'global' }, stored.record?.version ?? 0, config, 'admin');
    await fetch(`${preview.url}/__sim/stats/reset`, { method: 'POST' });
    const load = buildSnapshot(
      deps,
      new ForgeJiraReader('app', new Deadline(20_000)),
      'PAY',
      () => 20_000,
      async () => 0,
    );
    await expect(load).rejects.toBeInstanceOf(AppError);
    await expect(load).rejects.toMatchObject({ code: 'INVALID_PAYLOAD', message: expect.stringMatching(/candidateJql: .*beyond project PAY/) });
    const seen = await stats();
    expect(seen['POST /rest/api/3/jql/parse']).toBe(1);
    expect(seen['POST /rest/api/3/search/jql'] ?? 0).toBe(0);
    expect(seen['POST /rest/api/3/issue/bulkfetch'] ?? 0).toBe(0);
  }, 60_000);

  it('ranks the project with a candidate JQL that stays within it, parsed by Jira at save and on load', async () => {
    await fetch(`${preview.url}/__sim/stats/reset`, { method: 'POST' });
    expect((await saveCandidateJql('issuetype = Bug')).ok).toBe(true);
    const r = await call<{ items: { key: string; issueType: string }[]; total: number }>(
      preview.resolver,
      'getBacklog',
      { projectKey: 'PAY', pageSize: 500, refresh: true },
      { accountId: PO, ...projectPage('PAY') },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.total).toBeGreaterThan(0);
    expect(r.data.items.every((i) => i.key.startsWith('PAY-') && i.issueType === 'Bug')).toBe(true);
    expect((await stats())['POST /rest/api/3/jql/parse']).toBe(2);
  }, 60_000);
});

/**
 * The admin's candidate JQL is read by Jira's own parser (`POST /rest/api/3/jql/parse`) before any search: a
 * query that ValueRank's local bracket-and-quote check accepts but that Jira reads as reaching beyond the project
 * (a backslash escape outside quotes) is refused, and nothing of another project is fetched.
 */
import type { ResolverHandler } from '../../dev/runtime';
import { startDemo } from '../integration/harness';
import { adminPage, ADMIN, call, loadResolver, PO, projectPage } from './helpers';

/** `x\(` and `z\)` are values to Jira, brackets to a naive check: the `)` after `y` closes ValueRank's group. */
const WIDENING = 'labels = x\\( OR labels = y) OR project = SUP OR (labels = z\\)';

describe('the candidate JQL as Jira reads it', () => {
  let preview: Awaited<ReturnType<typeof startDemo>>;
  let resolver: ResolverHandler;
  beforeAll(async () => {
    preview = await startDemo();
    resolver = await loadResolver();
  }, 60_000);
  afterAll(async () => {
    await preview?.close();
  });

  async function saveCandidateJql(jql: string | null): Promise<void> {
    const current = await call(resolver, 'getConfig', {}, { accountId: ADMIN, ...adminPage });
    if (!current.ok) throw new Error(current.error.message);
    const saved = await call(resolver, 'saveConfig', { expectedVersion: current.data.version, config: { ...current.data.config, candidateJql: jql } }, { accountId: ADMIN, ...adminPage });
    if (!saved.ok) throw new Error(saved.error.message);
  }

  async function stats(): Promise<Record<string, number>> {
    return ((await (await fetch(`${preview.url}/__sim/stats`)).json()) as { byEndpoint: Record<string, number> }).byEndpoint;
  }

  it('refuses a candidate JQL that Jira reads as reaching another project, before fetching any issue', async () => {
    await saveCandidateJql(WIDENING);
    await fetch(`${preview.url}/__sim/stats/reset`, { method: 'POST' });
    const r = await call(resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 5, refresh: true }, { accountId: PO, ...projectPage('PAY') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_PAYLOAD');
    expect(r.error.message).toMatch(/candidateJql: .*beyond project PAY/);
    const seen = await stats();
    expect(seen['POST /rest/api/3/jql/parse']).toBe(1);
    expect(seen['POST /rest/api/3/issue/bulkfetch'] ?? 0).toBe(0);
    expect(seen['POST /rest/api/3/search/jql'] ?? 0).toBe(0);
  }, 60_000);

  it('ranks the project with a candidate JQL that stays within it, parsed once', async () => {
    await saveCandidateJql('issuetype = Bug');
    await fetch(`${preview.url}/__sim/stats/reset`, { method: 'POST' });
    const r = await call<{ items: { key: string; issueType: string }[]; total: number }>(resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500, refresh: true }, { accountId: PO, ...projectPage('PAY') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.total).toBeGreaterThan(0);
    expect(r.data.items.every((i) => i.key.startsWith('PAY-') && i.issueType === 'Bug')).toBe(true);
    expect((await stats())['POST /rest/api/3/jql/parse']).toBe(1);
  }, 60_000);
});

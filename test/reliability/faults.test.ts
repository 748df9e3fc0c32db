/**
 * With 429s, 5xxs and latency injected by the simulated Jira, the read operations give the
 * same answer as a fault-free run on the same site and `now`, or a clear RATE_LIMITED / JIRA_UNAVAILABLE error —
 * never a partial backlog presented as complete.
 */
import type { ResolverHandler } from '../../dev/runtime';
import { startDemo } from '../integration/harness';
import { call, issuePanel, loadResolver, PO, projectPage, resetStats, setFaults, simStats, TRANSIENT, type Answer } from './helpers';

const FAULTS = 'latency=5ms,rate429=0.1,rate5xx=0.05,retryAfter=0';
const po = { accountId: PO, ...projectPage('PAY') };

type Preview = Awaited<ReturnType<typeof startDemo>>;

interface Reads {
  backlog: Answer;
  explain: Map<string, Answer>;
  roadmap: Answer;
}

async function readAll(resolver: ResolverHandler, explainKeys: string[]): Promise<Reads> {
  const backlog = await call(resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, po);
  const explain = new Map<string, Answer>();
  for (const key of explainKeys) explain.set(key, await call(resolver, 'explainIssue', { issueKey: key }, { accountId: PO, ...issuePanel(key) }));
  const roadmap = await call(resolver, 'getRoadmap', { projectKey: 'PAY', quarters: 4 }, po);
  return { backlog, explain, roadmap };
}

/** A user retrying after a transient error, as the UI's "Try again" does: at most `tries` times. */
async function untilOk(tries: number, fn: () => Promise<Answer>, seen: string[]): Promise<Answer> {
  let last: Answer = await fn();
  for (let i = 1; i < tries && !last.ok; i++) {
    seen.push(last.error.code);
    last = await fn();
  }
  if (!last.ok) seen.push(last.error.code);
  return last;
}

describe('read operations under injected Jira faults', () => {
  let baseline: Reads;
  let explainKeys: string[];
  let preview: Preview;
  let resolver: ResolverHandler;

  beforeAll(async () => {
    // The fault-free reference run: same demo seed, same frozen `now`, its own data dir.
    const clean = await startDemo();
    try {
      const r = await loadResolver();
      const first = await call(r, 'getBacklog', { projectKey: 'PAY', pageSize: 500 }, po);
      if (!first.ok) throw new Error(`baseline getBacklog failed: ${JSON.stringify(first.error)}`);
      const items = first.data.items as { key: string }[];
      explainKeys = [items[0]!.key, items[Math.floor(items.length / 2)]!.key, items[items.length - 1]!.key];
      baseline = await readAll(r, explainKeys);
    } finally {
      await clean.close();
    }
    preview = await startDemo({ faults: FAULTS });
    resolver = await loadResolver();
  }, 60_000);

  afterAll(async () => {
    await preview?.close();
  });

  it('the fault-free baseline is complete (so the comparison means something)', () => {
    expect(baseline.backlog.ok).toBe(true);
    if (!baseline.backlog.ok) return;
    expect(baseline.backlog.data.total).toBeGreaterThan(150);
    expect(baseline.backlog.data.items).toHaveLength(baseline.backlog.data.total);
    expect(baseline.backlog.data.stale).toBe(false);
    for (const a of baseline.explain.values()) expect(a.ok).toBe(true);
    expect(baseline.roadmap.ok).toBe(true);
  });

  it('getBacklog, explainIssue and getRoadmap answer exactly as without faults, or with a clear transient error', async () => {
    await resetStats(preview.url);
    const errors: string[] = [];
    const backlogOf = () => untilOk(4, () => call(resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500, refresh: true }, po), errors);
    const roadmapOf = () => untilOk(4, () => call(resolver, 'getRoadmap', { projectKey: 'PAY', quarters: 4 }, po), errors);
    // Each round asks Jira afresh which issues the user may see (`refresh: true`; the list is otherwise reused for
    // 30 s) and which evidence they may open. Retried like a user would.
    for (let round = 0; round < 3; round++) {
      const roadmapFirst = round === 0 ? await roadmapOf() : null;
      const backlog = await backlogOf();
      if (backlog.ok) expect(backlog.data).toEqual((baseline.backlog as { data: unknown }).data);
      for (const key of explainKeys) {
        const e = await untilOk(4, () => call(resolver, 'explainIssue', { issueKey: key }, { accountId: PO, ...issuePanel(key) }), errors);
        if (e.ok) expect(e.data).toEqual((baseline.explain.get(key) as { data: unknown }).data);
      }
      const roadmap = roadmapFirst ?? (await roadmapOf());
      if (roadmap.ok) expect(roadmap.data).toEqual((baseline.roadmap as { data: unknown }).data);
      // Every operation must have succeeded at least once in the first round for the comparison to count.
      if (round === 0) expect([backlog.ok, roadmap.ok]).toEqual([true, true]);
    }
    for (const code of errors) expect(TRANSIENT).toContain(code);
    const stats = await simStats(preview.url);
    // Faults were really injected into this run's requests, so the test cannot pass vacuously.
    expect(stats.injected['429']).toBeGreaterThan(0);
    expect(stats.injected['5xx']).toBeGreaterThan(0);
    // And the reads really went to Jira each round: the user's visible ids and their evidence check, three times at least.
    expect(stats.byEndpoint['POST /rest/api/3/search/jql'] ?? 0).toBeGreaterThanOrEqual(3);
    expect(stats.byEndpoint['POST /rest/api/3/permissions/check'] ?? 0).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('pages of a faulted backlog never repeat or lose an issue', async () => {
    const baseKeys = (baseline.backlog as { data: { items: { key: string }[] } }).data.items.map((i) => i.key);
    const keys: string[] = [];
    for (let page = 0; page < 20; page++) {
      const r = await untilOk(4, () => call(resolver, 'getBacklog', { projectKey: 'PAY', page, pageSize: 37, refresh: page % 2 === 0 }, po), []);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.data.total).toBe(baseKeys.length);
      keys.push(...r.data.items.map((i: { key: string }) => i.key));
      if (r.data.items.length < 37) break;
    }
    expect(keys).toEqual(baseKeys);
  }, 60_000);

  it('when Jira keeps failing, the answer is RATE_LIMITED / JIRA_UNAVAILABLE with a message, not a partial backlog', async () => {
    await setFaults(preview.url, 'rate429=0.6,rate5xx=0.4,retryAfter=0');
    try {
      for (const [op, payload] of [
        ['getBacklog', { projectKey: 'PAY', pageSize: 500, refresh: true }],
        ['getRoadmap', { projectKey: 'PAY' }],
      ] as const) {
        const r = await call(resolver, op, payload, po);
        expect(r.ok).toBe(false);
        if (r.ok) continue;
        expect(TRANSIENT).toContain(r.error.code);
        expect(r.error.message).toMatch(/try again/i);
        expect(JSON.stringify(r)).not.toMatch(/"PAY-\d+"/);
      }
      const e = await call(resolver, 'explainIssue', { issueKey: explainKeys[0]! }, { accountId: PO, ...issuePanel(explainKeys[0]!) });
      expect(e.ok).toBe(false);
      if (!e.ok) expect(TRANSIENT).toContain(e.error.code);
    } finally {
      await setFaults(preview.url, '');
    }
  }, 60_000);

  it('an issue Jira could not return in a bulk fetch (issueErrors) is not silently left out of the backlog', async () => {
    const baseItems = (baseline.backlog as { data: { items: { key: string }[] } }).data.items;
    const victim = baseItems[5]!.key;
    await setFaults(preview.url, `failFetch=${victim}`);
    try {
      const r = await call(resolver, 'getBacklog', { projectKey: 'PAY', pageSize: 500, refresh: true }, po);
      if (r.ok) {
        // Presented as complete: then it must be complete.
        expect(r.data.items.map((i: { key: string }) => i.key)).toContain(victim);
        expect(r.data.total).toBe(baseItems.length);
      } else {
        expect([...TRANSIENT, 'PARTIAL_FAILURE']).toContain(r.error.code);
      }
    } finally {
      await setFaults(preview.url, '');
    }
  }, 30_000);
});

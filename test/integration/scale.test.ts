import { generateScaleSite } from '../../dev/demo/generate-site';
import { invoke, PERSONAS, projectPage, startDemo } from './harness';

/** A 20,000-issue project: every candidate comes back exactly once, in value order, across pages. */
describe('a 20,000-issue project', () => {
  it('returns every candidate exactly once, ranked by score', async () => {
    // No remote-link pattern: this test is about reading and paging issues, and then the load is complete at once.
    const seed = generateScaleSite({ issues: 20_000, seed: 3 });
    const expected = seed.issues
      .filter((i) => i.key.startsWith('PAY-'))
      .filter((i) => {
        const f = i.fields as { status?: { statusCategory?: { key?: string } }; issuetype?: { name?: string; subtask?: boolean } };
        return f.status?.statusCategory?.key !== 'done' && f.issuetype?.name !== 'Epic' && f.issuetype?.subtask !== true && f.issuetype?.name !== 'Sub-task';
      })
      .map((i) => i.key);
    const preview = await startDemo({ seed });
    try {
      const ctx = { accountId: PERSONAS.productOwner.accountId, ...projectPage('PAY') };
      const keys: string[] = [];
      let previous = Number.POSITIVE_INFINITY;
      for (let page = 0; page < 100; page++) {
        const r = await invoke(preview.url, 'getBacklog', { projectKey: 'PAY', page, pageSize: 500 }, ctx);
        expect(r.error).toBeUndefined();
        expect(r.data.stale).toBe(false);
        for (const item of r.data.items) {
          expect(item.rank).toBe(keys.length + 1);
          if (item.pin === null) expect(item.score).toBeLessThanOrEqual(previous);
          previous = item.score;
          keys.push(item.key);
        }
        if (r.data.items.length < 500) break;
      }
      expect(keys.length).toBe(expected.length);
      expect(new Set(keys).size).toBe(keys.length);
      expect([...keys].sort()).toEqual([...expected].sort());
    } finally {
      await preview.close();
    }
  }, 300_000);
});

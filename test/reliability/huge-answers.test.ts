/**
 * A site whose data makes answers huge (test/builders/malformed-site.ts `hugeEvidenceSite`: 400 issues with 50
 * remote links of 2,000 characters each): every answer stays under Forge's 5 MB response limit, evidence text is
 * clipped, and a page that would not fit is served smaller, in the same paging, saying so.
 */
import type { ResolverHandler } from '../../dev/runtime';
import { MAX_ANSWER_BYTES } from '../../src/application/backlog/answer-budget';
import { jsonBytes } from '../../src/application/shared/json-bytes';
import { startDemo } from '../integration/harness';
import { hugeEvidenceSite, HUGE_PO } from '../builders/malformed-site';
import { call, issuePanel, projectPage } from './helpers';

const FORGE_RESPONSE_LIMIT = 5 * 1000 * 1000;
const page = { accountId: HUGE_PO, ...projectPage('HUGE') };

interface Page {
  items: {
    key: string;
    customers: number;
    factors: { customerVoice: { evidence: { customers: { id: string; label: string; sources: string[] }[]; moreCustomers: number } } };
  }[];
  page: number;
  pageSize: number;
  total: number;
  cappedBy?: 'bytes';
}

describe('answers from a site with huge evidence', () => {
  let preview: Awaited<ReturnType<typeof startDemo>>;
  let resolver: ResolverHandler;
  beforeAll(async () => {
    preview = await startDemo({ seed: hugeEvidenceSite() });
    resolver = await (await import('./helpers')).loadResolver();
  }, 120_000);
  afterAll(async () => {
    await preview?.close();
  });

  it('serves a 500-item page under the response limit: the page counts customers, the panel lists them with clipped text', async () => {
    const r = await call<Page>(resolver, 'getBacklog', { projectKey: 'HUGE', pageSize: 500 }, page);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(jsonBytes(r)).toBeLessThanOrEqual(MAX_ANSWER_BYTES + 4096);
    expect(jsonBytes(r)).toBeLessThan(FORGE_RESPONSE_LIMIT);
    expect(r.data.total).toBe(400);
    expect(r.data.items).toHaveLength(400);
    // Every item's customers are counted on the page, none listed: 200 items of ten 2,000-character URLs fit 300 KB.
    for (const i of r.data.items) expect(i.factors.customerVoice.evidence.customers).toEqual([]);
    expect(r.data.items.every((i) => i.customers > 0 && i.factors.customerVoice.evidence.moreCustomers >= Math.min(10, i.customers))).toBe(true);
    expect(jsonBytes(r.data.items.slice(0, 200))).toBeLessThan(300 * 1024);
  }, 120_000);

  it('lists distinct long URLs as distinct customers in the panel, each text clipped', async () => {
    const r = await call<{ item: Page['items'][number] }>(resolver, 'explainIssue', { issueKey: 'HUGE-1' }, { accountId: HUGE_PO, ...issuePanel('HUGE-1') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const customers = r.data.item.factors.customerVoice.evidence.customers;
    const ids = customers.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(10);
    const texts = customers.flatMap((c) => [c.id, c.label, ...c.sources]);
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(250);
  }, 60_000);

  it('keeps explainIssue small and getRoadmap and previewWeights under the response limit', async () => {
    const explain = await call(resolver, 'explainIssue', { issueKey: 'HUGE-4' }, { accountId: HUGE_PO, ...issuePanel('HUGE-4') });
    const roadmap = await call(resolver, 'getRoadmap', { projectKey: 'HUGE' }, page);
    const preview = await call(
      resolver,
      'previewWeights',
      { projectKey: 'HUGE', weights: { customerVoice: 1, businessValue: 50, timeCriticality: 1, techDebt: 1, enablement: 1 } },
      page,
    );
    for (const answer of [explain, roadmap, preview]) {
      expect(answer.ok).toBe(true);
      expect(jsonBytes(answer)).toBeLessThan(MAX_ANSWER_BYTES);
    }
    // One item and its neighbours: clipped evidence keeps it small (unclipped, its 50 URLs alone are 100 KB).
    expect(jsonBytes(explain)).toBeLessThan(48 * 1024);
  }, 60_000);
});

import { generateScaleSite } from '../../../dev/demo/generate-site';
import type { Seed } from '../../../dev/demo/seed-types';

const count = (seed: Seed, prefix: string): number => seed.issues.filter((i) => i.key.startsWith(prefix)).length;

describe('generateScaleSite', () => {
  // Its speed is measured by the benchmarks (npm run bench), never by a timed test.
  it('generates 20,000 PAY issues with unique keys and ids', () => {
    const site = generateScaleSite({ issues: 20_000 });
    expect(count(site, 'PAY-')).toBe(20_000);
    expect(count(site, 'SUP-')).toBe(5_000);
    expect(new Set(site.issues.map((i) => i.key)).size).toBe(site.issues.length);
    expect(new Set(site.issues.map((i) => i.id)).size).toBe(site.issues.length);
    const ranks = site.issues.map((i) => i.fields.customfield_10019);
    expect(ranks.every((r, i) => i === 0 || (ranks[i - 1] as string) < r)).toBe(true);
    const keys = new Set(site.issues.map((i) => i.key));
    const dangling = site.issues.flatMap((i) => i.fields.issuelinks).filter((l) => !keys.has(('outwardIssue' in l ? l.outwardIssue : l.inwardIssue).key));
    expect(dangling).toHaveLength(1);
    for (const s of site.sprints.filter((sp) => sp.state === 'closed')) expect(s.completeDate).toEqual(expect.any(String));
  }, 20_000);

  it('honours feedbackTickets and is deterministic', () => {
    const a = generateScaleSite({ issues: 1_000, feedbackTickets: 300, seed: 3 });
    expect(count(a, 'PAY-')).toBe(1_000);
    expect(count(a, 'SUP-')).toBe(300);
    expect(JSON.stringify(generateScaleSite({ issues: 1_000, feedbackTickets: 300, seed: 3 }))).toBe(JSON.stringify(a));
    expect(JSON.stringify(generateScaleSite({ issues: 1_000, feedbackTickets: 300, seed: 4 }))).not.toBe(JSON.stringify(a));
    expect(Object.keys(a.remoteLinks).length).toBeGreaterThan(100);
    expect(new Set(a.issues.flatMap((i) => (i.fields.customfield_10002 ?? []).map((o) => o.name))).size).toBeGreaterThanOrEqual(38);
  });

  it('rejects sizes out of range', () => {
    expect(() => generateScaleSite({ issues: 0 })).toThrow(RangeError);
    expect(() => generateScaleSite({ issues: 1_000, feedbackTickets: -1 })).toThrow(RangeError);
  });
});

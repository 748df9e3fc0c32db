import { scoreIssues } from '../../../src/domain';
import { confidenceOf } from '../../../src/domain/scoring/confidence';
import { aFeedbackTicket, anIssue, aScoringInput } from '../../builders/issue-builder';

const HIGH = 0.75;
const base = { businessValue: true, points: true, dueDate: true, customers: 0, voters: 0, gaps: [] };

describe('confidence', () => {
  it('is never high for an issue without a business value, however many customers and votes stand behind it', () => {
    expect(confidenceOf({ ...base, businessValue: false, customers: 10_000, voters: 500 })).toBeLessThan(HIGH);
  });

  it('rises with every distinct customer and every vote, and with every filled field', () => {
    const c0 = confidenceOf(base);
    const c1 = confidenceOf({ ...base, customers: 1 });
    const c2 = confidenceOf({ ...base, customers: 1, voters: 1 });
    expect(c1).toBeGreaterThan(c0);
    expect(c2).toBeGreaterThan(c1);
    expect(confidenceOf({ ...base, dueDate: false })).toBeLessThan(c0);
    expect(confidenceOf({ ...base, points: false })).toBeLessThan(c0);
  });

  it('calls a fully filled issue nobody asked for medium, and high once one customer asks for it', () => {
    expect(confidenceOf(base)).toBeCloseTo(0.5, 12);
    expect(confidenceOf({ ...base, customers: 1 })).toBeCloseTo(HIGH, 12);
  });

  it('drops for data gaps beyond the fields (malformed links, unreadable tickets)', () => {
    expect(confidenceOf({ ...base, customers: 1, gaps: ['links.malformed'] })).toBeCloseTo(0.65, 12);
  });

  it('gives an issue without a business value less confidence than the same issue with one, in a scoring run', () => {
    const items = scoreIssues(
      aScoringInput()
        .withIssues(anIssue('PRJ-1').withBusinessValue(5).feedback('SUP-1'), anIssue('PRJ-2').feedback('SUP-1'))
        .withTickets(aFeedbackTicket('SUP-1', 'Acme'))
        .build(),
    );
    const [withBv, without] = [items.find((i) => i.key === 'PRJ-1')!, items.find((i) => i.key === 'PRJ-2')!];
    expect(without.confidence).toBeLessThan(HIGH);
    expect(without.confidence).toBeLessThan(withBv.confidence);
  });
});

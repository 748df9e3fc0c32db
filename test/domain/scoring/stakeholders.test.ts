import { scoreIssues } from '../../../src/domain';
import { anIssue, aScoringInput } from '../../builders/issue-builder';

const only = (input: ReturnType<ReturnType<typeof aScoringInput>['build']>) => scoreIssues(input)[0]!;

describe('the stakeholders factor', () => {
  it('is 0 without votes and saturates over the summed importances (one vote of 5 = 0.5 at the default saturation 5)', () => {
    expect(only(aScoringInput().withIssues(anIssue('PRJ-1')).build()).factors.stakeholders.value).toBe(0);
    const one = only(aScoringInput().withIssues(anIssue('PRJ-1')).withVote('10001', 'acc-a', 5).build());
    expect(one.factors.stakeholders.value).toBeCloseTo(0.5, 12);
    expect(one.factors.stakeholders.evidence).toEqual({ voters: 1, weightedImportance: 5 });
    const two = only(aScoringInput().withIssues(anIssue('PRJ-1')).withVote('10001', 'acc-a', 5).withVote('10001', 'acc-b', 5).build());
    expect(two.factors.stakeholders.value).toBeCloseTo(10 / 15, 12);
  });

  it('multiplies a vote by the largest configured weight among the voter’s groups, and by 1 when none is configured', () => {
    const input = aScoringInput()
      .withConfig((c) => (c.stakeholders.groupWeights = { 'Product-Council': 3, sales: 2 }))
      .withIssues(anIssue('PRJ-1'), anIssue('PRJ-2'))
      .withVote('10001', 'acc-a', 4, ['sales', 'product-council'])
      .withVote('10002', 'acc-b', 4, ['developers'])
      .build();
    const [a, b] = [scoreIssues(input).find((i) => i.key === 'PRJ-1')!, scoreIssues(input).find((i) => i.key === 'PRJ-2')!];
    expect(a.factors.stakeholders.evidence).toEqual({ voters: 1, weightedImportance: 12 });
    expect(b.factors.stakeholders.evidence).toEqual({ voters: 1, weightedImportance: 4 });
    expect(a.score).toBeGreaterThan(b.score);
  });

  it('counts as a sixth weighted factor whose contribution is part of the score', () => {
    const item = only(aScoringInput().withIssues(anIssue('PRJ-1').withPoints(1)).withVote('10001', 'acc-a', 5).build());
    expect(item.factors.stakeholders.weight).toBe(10);
    expect(item.factors.stakeholders.contribution).toBeCloseTo((100 * 10 * 0.5) / 110, 10);
    expect(item.score).toBeCloseTo(item.factors.stakeholders.contribution, 10);
  });

  it('ignores a stored vote whose importance is outside 1–5', () => {
    const item = only(aScoringInput().withIssues(anIssue('PRJ-1')).withVote('10001', 'acc-a', 9).withVote('10001', 'acc-b', Number.NaN).build());
    expect(item.factors.stakeholders.value).toBe(0);
  });
});

import { scoreIssues } from '../../../src/domain';
import { anIssue, aScoringInput } from '../../builders/issue-builder';

/** A pattern whose nested quantifier backtracks exponentially in a backtracking engine on a URL that almost matches. */
const NESTED_QUANTIFIER = '^https://(?<customer>([a-z0-9]+-?)+)\\.support\\.example\\.com/';

describe('remote-link URL patterns', () => {
  it('scores a project whose remote link is a 2,000-character near-match of a nested-quantifier pattern, finding no customer', () => {
    const hostile = `https://${'a'.repeat(1991)}!`;
    expect(hostile).toHaveLength(2000);
    const input = aScoringInput()
      .withConfig((c) => (c.customerVoice.remoteLinkPatterns = [NESTED_QUANTIFIER]))
      .withIssues(anIssue('PRJ-1'))
      .withRemoteLinks('PRJ-1', hostile)
      .build();
    // A backtracking engine needs ~4^n steps here (n = 30 already takes minutes), so this call would never return;
    // how fast the linear engine answers is measured in bench/domain/hostile.bench.ts, not here.
    const [item] = scoreIssues(input);
    expect(item!.customers).toBe(0);
  });

  it('still names the customer from the named group of a pattern that matches', () => {
    const [item] = scoreIssues(
      aScoringInput()
        .withConfig((c) => (c.customerVoice.remoteLinkPatterns = [NESTED_QUANTIFIER]))
        .withIssues(anIssue('PRJ-1'))
        .withRemoteLinks('PRJ-1', 'https://Acme-Corp.support.example.com/tickets/7')
        .build(),
    );
    expect(item!.customers).toBe(1);
    const evidence = item!.factors.customerVoice.evidence as { customers: { id: string; label: string }[] };
    expect(evidence.customers[0]).toMatchObject({ id: 'org:acme-corp', label: 'Acme-Corp' });
  });
});

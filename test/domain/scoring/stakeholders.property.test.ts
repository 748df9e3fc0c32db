import fc from 'fast-check';
import { scoreBacklog, type JiraIssueLike, type ScoringInput } from '../../../src/domain';
import type { StakeholderVote } from '../../../src/domain/scoring/stakeholders';
import { candidatesArb } from '../../builders/arbitraries';
import { aScoringInput } from '../../builders/issue-builder';

const RUNS = { numRuns: 500 };

const voteArb = fc.record({
  accountId: fc.constantFrom('acc-1', 'acc-2', 'acc-3', 'acc-4', '557058:f0e1', 'acc-10'),
  importance: fc.integer({ min: 1, max: 5 }),
  groups: fc.subarray(['sales', 'support', 'council', 'devs']),
});
const groupWeightsArb = fc.dictionary(fc.constantFrom('sales', 'support', 'council', 'devs'), fc.double({ min: 0, max: 100, noNaN: true }));

function inputOf(issues: JiraIssueLike[], tickets: JiraIssueLike[], votes: Map<string, StakeholderVote[]>, groupWeights: Record<string, number>): ScoringInput {
  return {
    ...aScoringInput()
      .withConfig((c) => (c.stakeholders.groupWeights = groupWeights))
      .withIssues(...issues)
      .withTickets(...tickets)
      .build(),
    votes,
  };
}

/** Score of every issue, by key. */
function scores(input: ScoringInput): Map<string, number> {
  const b = scoreBacklog(input);
  return new Map(Array.from({ length: b.length }, (_, p) => [b.keyAt(p), b.scoreAt(p)]));
}

/** Votes per issue id with one account's vote on one issue left out (as after a withdrawal), in a shuffled order. */
function without(votes: Map<string, StakeholderVote[]>, issueId: string, accountId: string, order: number[]): Map<string, StakeholderVote[]> {
  const out = new Map<string, StakeholderVote[]>();
  for (const [id, list] of votes) {
    const kept = list.filter((v) => !(id === issueId && v.accountId === accountId));
    out.set(
      id,
      [...kept].sort((a, b) => (order[a.importance] ?? 0) - (order[b.importance] ?? 0) || (a.accountId < b.accountId ? 1 : -1)),
    );
  }
  return out;
}

const scenario = candidatesArb(8).chain(({ issues, tickets }) =>
  fc.record({
    issues: fc.constant(issues),
    tickets: fc.constant(tickets),
    earlier: fc.array(fc.tuple(fc.integer({ min: 0, max: issues.length - 1 }), voteArb), { maxLength: 10 }),
    target: fc.integer({ min: 0, max: issues.length - 1 }),
    vote: voteArb,
    groupWeights: groupWeightsArb,
    order: fc.array(fc.integer(), { minLength: 6, maxLength: 6 }),
  }),
);

/** One vote per account and issue, as the store keeps them (a later vote of the same account replaces the earlier). */
function votesOf(
  issues: JiraIssueLike[],
  earlier: [number, StakeholderVote][],
  skipAccountOn: { issueId: string; accountId: string },
): Map<string, StakeholderVote[]> {
  const byKey = new Map<string, StakeholderVote>();
  for (const [i, v] of earlier) {
    const issueId = issues[i]!.id;
    if (issueId === skipAccountOn.issueId && v.accountId === skipAccountOn.accountId) continue;
    byKey.set(`${issueId}|${v.accountId}`, v);
  }
  const votes = new Map<string, StakeholderVote[]>();
  for (const [k, v] of byKey) {
    const id = k.split('|')[0]!;
    votes.set(id, [...(votes.get(id) ?? []), v]);
  }
  return votes;
}

describe('stakeholder votes, properties', () => {
  it('a vote never lowers the score of the issue voted on, nor changes any other issue’s score', () => {
    fc.assert(
      fc.property(scenario, ({ issues, tickets, earlier, target, vote, groupWeights }) => {
        const issueId = issues[target]!.id;
        const before = votesOf(issues, earlier, { issueId, accountId: vote.accountId });
        const after = new Map(before);
        after.set(issueId, [...(before.get(issueId) ?? []), vote]);
        const s0 = scores(inputOf(issues, tickets, before, groupWeights));
        const s1 = scores(inputOf(issues, tickets, after, groupWeights));
        for (const [key, score] of s0) {
          if (key === issues[target]!.key) expect(s1.get(key)!).toBeGreaterThanOrEqual(score);
          else expect(s1.get(key)).toBe(score);
        }
      }),
      RUNS,
    );
  });

  it('withdrawing a vote restores the exact earlier score, whatever order storage lists the remaining votes in', () => {
    fc.assert(
      fc.property(scenario, ({ issues, tickets, earlier, target, vote, groupWeights, order }) => {
        const issueId = issues[target]!.id;
        const before = votesOf(issues, earlier, { issueId, accountId: vote.accountId });
        const withVote = new Map(before);
        withVote.set(issueId, [vote, ...(before.get(issueId) ?? [])]);
        const withdrawn = without(withVote, issueId, vote.accountId, order);
        const s0 = scores(inputOf(issues, tickets, before, groupWeights));
        const s2 = scores(inputOf(issues, tickets, withdrawn, groupWeights));
        for (const [key, score] of s0) expect(Object.is(s2.get(key), score)).toBe(true);
      }),
      RUNS,
    );
  });
});

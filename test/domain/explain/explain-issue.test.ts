import fc from 'fast-check';
import { explainIssue, neighbourSentence, scoreBacklog } from '../../../src/domain';
import { candidatesArb } from '../../builders/arbitraries';
import { aFeedbackTicket, anIssue, aScoringInput } from '../../builders/issue-builder';

describe('explainIssue', () => {
  const ranked = scoreBacklog(
    aScoringInput()
      .withIssues(
        anIssue('PRJ-4').feedback('SUP-1').feedback('SUP-2').feedback('SUP-3').withPoints(2),
        anIssue('PRJ-5').feedback('SUP-1').withPoints(5),
        anIssue('PRJ-6').withPoints(8),
      )
      .withTickets(aFeedbackTicket('SUP-1', 'Acme'), aFeedbackTicket('SUP-2', 'Globex'), aFeedbackTicket('SUP-3', 'Initech'))
      .build(),
  );

  it('names what the issue lacks against the one above, and has over the one below', () => {
    const e = explainIssue(ranked, 'PRJ-5')!;
    expect(e.item.rank).toBe(2);
    expect(e.total).toBe(3);
    expect(e.above!.key).toBe('PRJ-4');
    const texts = Object.fromEntries(e.above!.differences.map((d) => [d.factor, d.text]));
    expect(Object.keys(texts).sort()).toEqual(['customerVoice', 'effort']);
    expect(texts.customerVoice).toMatch(/^2 fewer customers \(−\d+\.\d\)$/);
    expect(texts.effort).toMatch(/^3 more points of effort \(−\d+\.\d\)$/);
    // Largest effect first.
    const [first, second] = e.above!.differences;
    expect(Math.abs(first!.delta)).toBeGreaterThanOrEqual(Math.abs(second!.delta));
    expect(neighbourSentence('above', e.above!)).toBe(`ranks below PRJ-4: ${first!.text}, ${second!.text}`);
    expect(e.below!.key).toBe('PRJ-6');
    expect(e.below!.differences[0]!.text).toMatch(/^1 more customer \(\+/);
  });

  it('names stakeholder votes when they are what sets an issue above its neighbour', () => {
    const voted = scoreBacklog(
      aScoringInput().withIssues(anIssue('PRJ-1'), anIssue('PRJ-2')).withVote('10002', 'acc-a', 5).withVote('10002', 'acc-b', 3).build(),
    );
    const e = explainIssue(voted, 'PRJ-2')!;
    expect(e.item.rank).toBe(1);
    expect(e.below!.differences.map((d) => d.text)).toEqual([expect.stringMatching(/^2 more stakeholder votes \(\+\d+\.\d\)$/)]);
    expect(neighbourSentence('below', e.below!)).toMatch(/^ranks above PRJ-1: 2 more stakeholder votes/);
  });

  it('has no neighbour above the top issue and none below the last', () => {
    expect(explainIssue(ranked, 'PRJ-4')!.above).toBeNull();
    expect(explainIssue(ranked, 'PRJ-6')!.below).toBeNull();
    expect(explainIssue(ranked, 'PRJ-404')).toBeNull();
  });

  it('says when a pin, not the score, decides the position', () => {
    const pinned = scoreBacklog(
      aScoringInput().withIssues(anIssue('PRJ-1').withBusinessValue(9), anIssue('PRJ-2').withBusinessValue(1)).withPin('PRJ-2', { position: 1 }).build(),
    );
    const e = explainIssue(pinned, 'PRJ-1')!;
    expect(e.above!.differences[0]).toEqual({ factor: 'pin', delta: 0, text: 'PRJ-2 is pinned at #1' });
  });

  it('splits the score gap to each neighbour into deltas that add up to it', () => {
    fc.assert(
      fc.property(candidatesArb(), ({ issues, tickets }) => {
        const ranked = scoreBacklog(
          aScoringInput()
            .withIssues(...issues)
            .withTickets(...tickets)
            .build(),
        );
        for (const item of ranked.items()) {
          const e = explainIssue(ranked, item.key)!;
          for (const n of [e.above, e.below]) {
            if (n === null) continue;
            const listed = n.differences.filter((d) => d.factor !== 'pin');
            const sum = listed.reduce((s, d) => s + d.delta, 0);
            // Deltas under 0.05 points are left out as noise: at most 6 of them (5 factors + effort).
            expect(Math.abs(sum - (item.score - n.score))).toBeLessThanOrEqual(6 * 0.05 + 1e-9);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

import fc from 'fast-check';
import { scoreBacklog, snapshotOf, type JiraIssueLike } from '../../../src/domain';
import { FACTOR_IDS } from '../../../src/contract/model';
import { candidatesArb } from '../../builders/arbitraries';
import { aFeedbackTicket, anIssue, aScoringInput } from '../../builders/issue-builder';

/** A link as Jira REST v3 returns it: the other issue carries its id and key (LinkedIssue). */
function link(type: 'Blocks' | 'Problem/Incident', side: 'outwardIssue' | 'inwardIssue', key: string, id: string, issuetype = 'Bug'): unknown {
  const outward = type === 'Blocks' ? 'blocks' : 'causes';
  return {
    id: `l-${key}`,
    type: { name: type, inward: `is ${outward} by`, outward },
    [side]: { id, key, fields: { issuetype: { name: issuetype }, status: { statusCategory: { key: 'new' } } } },
  };
}

describe('snapshotOf', () => {
  it('lists rows and evidence in value order with the numbers the items have', () => {
    fc.assert(
      fc.property(candidatesArb(), ({ issues, tickets }) => {
        const backlog = scoreBacklog(
          aScoringInput()
            .withIssues(...issues)
            .withTickets(...tickets)
            .build(),
        );
        const { rows, evidence } = snapshotOf(backlog);
        expect(rows).toHaveLength(backlog.length);
        expect(evidence).toHaveLength(backlog.length);
        rows.forEach((row, pos) => {
          const item = backlog.item(pos);
          expect(row).toMatchObject({ id: item.id, key: item.key, summary: item.summary, issueType: item.issueType, status: item.status });
          expect(row.jiraRank).toBe(item.jiraRank);
          expect(row.values).toEqual(FACTOR_IDS.map((id) => item.factors[id].value));
          expect(row.divisor).toBe(item.effort.divisor);
          expect([row.customers, row.isDebt, row.gaps, row.confidence, row.points]).toEqual([
            item.customers,
            item.isDebt,
            item.gaps,
            item.confidence,
            item.effort.points,
          ]);
          expect(evidence[pos]!.key).toBe(item.key);
          expect(evidence[pos]!.effort).toEqual(item.effort);
          for (const id of FACTOR_IDS) expect(evidence[pos]!.evidence[id]).toEqual(item.factors[id].evidence);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('reads labels, the parent key, the due date and the creation time from the fields, null when unreadable', () => {
    const backlog = scoreBacklog(
      aScoringInput()
        .withIssues(
          anIssue('PRJ-1')
            .withLabels('ux', 'tech-debt')
            .due('2026-12-24')
            .createdAt('2026-06-01T09:00:00.000+0000')
            .with('parent', { id: '7', key: 'PRJ-100' }),
          anIssue('PRJ-2').with('labels', 'oops').due('24/12/2026').createdAt('yesterday').with('parent', { id: '8' }),
        )
        .build(),
    );
    const rows = snapshotOf(backlog).rows;
    const one = rows.find((r) => r.key === 'PRJ-1')!;
    const two = rows.find((r) => r.key === 'PRJ-2')!;
    expect([one.labels, one.epicKey, one.dueDate, one.created]).toEqual([['ux', 'tech-debt'], 'PRJ-100', '2026-12-24', Date.UTC(2026, 5, 1, 9)]);
    expect([two.labels, two.epicKey, two.dueDate, two.created]).toEqual([[], null, null, null]);
  });

  it('maps every other issue the evidence names to its id: feedback tickets, caused bugs, blocked issues', () => {
    // Feedback and PRJ-2 links without ids: those ids come from the ticket and the candidate themselves.
    const debt = anIssue('PRJ-1').withLabels('tech-debt').feedback('SUP-1').blocks('PRJ-2').build();
    (debt.fields.issuelinks as unknown[]).push(
      link('Problem/Incident', 'outwardIssue', 'BUG-9', '555'),
      link('Blocks', 'outwardIssue', 'OPS-3', '777', 'Task'),
    );
    const input = aScoringInput()
      .withConfig((c) => (c.customerVoice.remoteLinkPatterns = ['support\\.example\\.com/(?<customer>\\w+)']))
      .withIssues(debt, anIssue('PRJ-2'))
      .withTickets(aFeedbackTicket('SUP-1', 'Acme'))
      .withRemoteLinks('PRJ-1', 'https://support.example.com/globex/1')
      .build();
    const backlog = scoreBacklog(input);
    const ev = snapshotOf(backlog).evidence[backlog.positionOf('PRJ-1')]!;
    expect(ev.refs).toEqual({ 'SUP-1': '90001', 'BUG-9': '555', 'PRJ-2': '10002', 'OPS-3': '777' });
    // The remote link's URL is a source too, but names no issue.
    const sources = (ev.evidence.customerVoice as { customers: { sources: string[] }[] }).customers.flatMap((c) => c.sources);
    expect(sources).toContain('https://support.example.com/globex/1');
  });

  it('leaves out a named key whose id is unknown, unless the caller supplies it', () => {
    // PRJ-9 blocks PRJ-1 as the project context says; the blocked issue PRJ-5 is known only from there.
    const input = aScoringInput().withIssues(anIssue('PRJ-1')).build();
    const scored = scoreBacklog({
      ...input,
      projectContext: { businessValueMax: 0, medianPoints: 3, blocks: [{ from: 'PRJ-1', to: 'PRJ-5', toDone: false }] },
    });
    expect(snapshotOf(scored).evidence[0]!.refs).toEqual({});
    expect(snapshotOf(scored, new Map([['PRJ-5', '10005']])).evidence[0]!.refs).toEqual({ 'PRJ-5': '10005' });
  });

  it('never maps the issue itself, even when it links to itself', () => {
    const self: JiraIssueLike = anIssue('PRJ-1').withLabels('tech-debt').build();
    (self.fields.issuelinks as unknown[]).push(link('Problem/Incident', 'outwardIssue', 'PRJ-1', '10001'));
    const backlog = scoreBacklog(aScoringInput().withIssues(self).build());
    const ev = snapshotOf(backlog).evidence[0]!;
    expect((ev.evidence.techDebt as { interestIssues: string[] }).interestIssues).toEqual(['PRJ-1']);
    expect(ev.refs).toEqual({});
  });
});

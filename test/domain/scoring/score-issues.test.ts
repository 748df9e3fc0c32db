import { scoreBacklog, scoreIssues } from '../../../src/domain';
import { FACTOR_IDS } from '../../../src/contract/model';
import { aFeedbackTicket, anIssue, aScoringInput } from '../../builders/issue-builder';

const byKey = (items: ReturnType<typeof scoreIssues>) => new Map(items.map((i) => [i.key, i]));

describe('scoreIssues', () => {
  it('ranks an issue with more distinct customers above an otherwise equal one', () => {
    const items = scoreIssues(
      aScoringInput()
        .withIssues(anIssue('PRJ-1').feedback('SUP-1'), anIssue('PRJ-2').feedback('SUP-2').feedback('SUP-3'))
        .withTickets(aFeedbackTicket('SUP-1', 'Acme'), aFeedbackTicket('SUP-2', 'Globex'), aFeedbackTicket('SUP-3', 'Initech'))
        .build(),
    );
    expect(items.map((i) => i.key)).toEqual(['PRJ-2', 'PRJ-1']);
    expect(items[0]!.customers).toBe(2);
    expect(items[0]!.rank).toBe(1);
    expect(items[0]!.jiraRank).toBe(2);
  });

  it('reads −0 story points and business value as 0 (one value for shared evidence and the packed numbers)', () => {
    const backlog = scoreBacklog(aScoringInput().withIssues(anIssue('PRJ-2').withPoints(-0).withBusinessValue(-0)).build());
    const item = backlog.item(0);
    expect(Object.is(backlog.pointsAt(0), 0)).toBe(true);
    expect(Object.is(backlog.businessValueAt(0), 0)).toBe(true);
    expect(Object.is(item.effort.points, 0)).toBe(true);
    expect(Object.is((item.factors.businessValue.evidence as { value: number }).value, 0)).toBe(true);
  });

  it('counts a customer once however many of their tickets are linked', () => {
    const [item] = scoreIssues(
      aScoringInput()
        .withIssues(anIssue('PRJ-1').feedback('SUP-1').feedback('SUP-2'))
        .withTickets(aFeedbackTicket('SUP-1', 'Acme'), aFeedbackTicket('SUP-2', 'acme'))
        .build(),
    );
    expect(item!.customers).toBe(1);
  });

  it('weights older feedback less (90-day half-life by default)', () => {
    const items = byKey(
      scoreIssues(
        aScoringInput()
          .withIssues(anIssue('PRJ-1').feedback('SUP-1'), anIssue('PRJ-2').feedback('SUP-2'))
          .withTickets(aFeedbackTicket('SUP-1', 'Acme', '2026-11-24T00:00:00.000+0000'), aFeedbackTicket('SUP-2', 'Globex', '2026-08-27T00:00:00.000+0000'))
          .build(),
      ),
    );
    const fresh = items.get('PRJ-1')!.factors.customerVoice.evidence as { weightedCustomers: number };
    const old = items.get('PRJ-2')!.factors.customerVoice.evidence as { weightedCustomers: number };
    expect(fresh.weightedCustomers).toBeCloseTo(Math.pow(0.5, 1 / 90), 6);
    expect(old.weightedCustomers).toBeCloseTo(0.5, 2);
  });

  it('applies the customer tier multiplier', () => {
    const items = byKey(
      scoreIssues(
        aScoringInput()
          .withConfig((c) => (c.customerVoice.tierWeights = { Enterprise: 3 }))
          .withIssues(anIssue('PRJ-1').feedback('SUP-1'), anIssue('PRJ-2').feedback('SUP-2'))
          .withTickets(aFeedbackTicket('SUP-1', 'Acme', undefined, 'enterprise'), aFeedbackTicket('SUP-2', 'Globex'))
          .build(),
      ),
    );
    expect(items.get('PRJ-1')!.factors.customerVoice.value).toBeGreaterThan(items.get('PRJ-2')!.factors.customerVoice.value);
  });

  it('counts remote links matching a pattern, with the customer named by the pattern', () => {
    const [item] = scoreIssues(
      aScoringInput()
        .withConfig((c) => (c.customerVoice.remoteLinkPatterns = ['^https://support\\.example\\.com/(?<customer>[^/]+)/tickets/\\d+$']))
        .withIssues(anIssue('PRJ-1').feedback('SUP-1'))
        .withTickets(aFeedbackTicket('SUP-1', 'Acme'))
        .withRemoteLinks(
          'PRJ-1',
          'https://support.example.com/acme/tickets/1',
          'https://support.example.com/umbrella/tickets/9',
          'https://elsewhere.example.org/x',
        )
        .build(),
    );
    expect(item!.customers).toBe(2); // acme (ticket + remote link) and umbrella; the unmatched URL is ignored
  });

  it('counts an organisation once when a ticket names it and a support URL gives its slug', () => {
    const [item] = scoreIssues(
      aScoringInput()
        .withConfig((c) => (c.customerVoice.remoteLinkPatterns = ['/orgs/(?<customer>[a-z0-9-]+)/tickets/']))
        .withIssues(anIssue('PRJ-1').feedback('SUP-1'))
        .withTickets(aFeedbackTicket('SUP-1', 'Quayside Electronics'))
        .withRemoteLinks('PRJ-1', 'https://support.example.com/orgs/quayside-electronics/tickets/7')
        .build(),
    );
    expect(item!.customers).toBe(1);
    const evidence = item!.factors.customerVoice.evidence as { customers: { label: string; sources: string[] }[] };
    expect(evidence.customers[0]).toMatchObject({
      label: 'Quayside Electronics',
      sources: ['SUP-1', 'https://support.example.com/orgs/quayside-electronics/tickets/7'],
    });
  });

  it('ignores links to issues outside the feedback projects for customer voice', () => {
    const [item] = scoreIssues(aScoringInput().withIssues(anIssue('PRJ-1').linkIn('relates', 'OTHER-1')).build());
    expect(item!.customers).toBe(0);
    expect(item!.factors.customerVoice.value).toBe(0);
  });

  it('reads business value from a number or a mapped select option', () => {
    const items = byKey(
      scoreIssues(
        aScoringInput()
          .withIssues(
            anIssue('PRJ-1').withBusinessValue(8),
            anIssue('PRJ-2').withBusinessValue({ value: 'High' }),
            anIssue('PRJ-3').withBusinessValue({ value: 'Unheard of' }),
          )
          .build(),
      ),
    );
    expect(items.get('PRJ-1')!.factors.businessValue.value).toBe(1);
    expect(items.get('PRJ-2')!.factors.businessValue.value).toBeCloseTo(5 / 8);
    expect(items.get('PRJ-3')!.factors.businessValue.value).toBe(0);
    expect(items.get('PRJ-3')!.gaps).toContain('businessValue.malformed');
  });

  it('makes overdue work maximally time-critical and halves criticality every 30 days before the date', () => {
    const items = byKey(
      scoreIssues(aScoringInput().withIssues(anIssue('PRJ-1').due('2026-11-01'), anIssue('PRJ-2').due('2026-12-25'), anIssue('PRJ-3')).build()),
    );
    expect(items.get('PRJ-1')!.factors.timeCriticality.value).toBe(1);
    expect(items.get('PRJ-2')!.factors.timeCriticality.value).toBeCloseTo(0.5, 10);
    expect(items.get('PRJ-3')!.factors.timeCriticality.value).toBe(0);
  });

  it('uses the earliest unreleased fix version when there is no due date', () => {
    const [item] = scoreIssues(
      aScoringInput()
        .withIssues(
          anIssue('PRJ-1').with('fixVersions', [
            { name: '1.0', released: true, releaseDate: '2026-01-01' },
            { name: '2.0', released: false, releaseDate: '2026-12-25' },
          ]),
        )
        .build(),
    );
    expect(item!.factors.timeCriticality.evidence).toEqual({ dueDate: '2026-12-25', source: 'fixVersion', daysLeft: 30 });
  });

  it('treats labelled debt as a kind of work whose interest grows with the bugs it causes', () => {
    const items = byKey(
      scoreIssues(
        aScoringInput()
          .withIssues(
            anIssue('PRJ-1').withLabels('Tech-Debt').causesBug('PRJ-90').causesBug('PRJ-91'),
            anIssue('PRJ-2').withLabels('refactoring'),
            anIssue('PRJ-3'),
          )
          .build(),
      ),
    );
    const withBugs = items.get('PRJ-1')!;
    expect(withBugs.isDebt).toBe(true);
    expect(withBugs.factors.techDebt.evidence).toMatchObject({ interestCount: 2, interestIssues: ['PRJ-90', 'PRJ-91'], matchedBy: ['label:Tech-Debt'] });
    expect(withBugs.factors.techDebt.value).toBeGreaterThan(items.get('PRJ-2')!.factors.techDebt.value);
    expect(items.get('PRJ-2')!.factors.techDebt.value).toBeGreaterThanOrEqual(0.3);
    expect(items.get('PRJ-3')!.isDebt).toBe(false);
    expect(items.get('PRJ-3')!.factors.techDebt.value).toBe(0);
  });

  it('does not count a bug that causes the debt item as interest', () => {
    const [item] = scoreIssues(
      aScoringInput()
        .withIssues(anIssue('PRJ-1').withLabels('debt').linkIn('causes', 'PRJ-50', 'Bug'))
        .build(),
    );
    expect(item!.factors.techDebt.evidence).toMatchObject({ interestCount: 0 });
  });

  it('lets value flow along blocks links, with indirect issues counting less and cycles ending', () => {
    const items = byKey(
      scoreIssues(
        aScoringInput()
          .withIssues(
            anIssue('PRJ-1').blocks('PRJ-2'),
            anIssue('PRJ-2').linkIn('blocks', 'PRJ-1').blocks('PRJ-3'),
            anIssue('PRJ-3').linkIn('blocks', 'PRJ-2').blocks('PRJ-1'),
            anIssue('PRJ-4'),
          )
          .build(),
      ),
    );
    expect(items.get('PRJ-1')!.factors.enablement.evidence).toEqual({ direct: 1, indirect: 1, blocks: ['PRJ-2'], enabledValue: 1.5 });
    expect(items.get('PRJ-4')!.factors.enablement.value).toBe(0);
  });

  it('does not count blocked issues that are already done', () => {
    const [item] = scoreIssues(
      aScoringInput()
        .withIssues(anIssue('PRJ-1').linkOut('blocks', 'PRJ-9', 'Story', 'done'))
        .build(),
    );
    expect(item!.factors.enablement.value).toBe(0);
  });

  it('divides by effort and uses the project median, with lower confidence, when points are missing', () => {
    const items = byKey(
      scoreIssues(
        aScoringInput()
          .withIssues(
            anIssue('PRJ-1').withPoints(1).withBusinessValue(5),
            anIssue('PRJ-2').withPoints(4).withBusinessValue(5),
            anIssue('PRJ-3').withPoints(9).withBusinessValue(5),
            anIssue('PRJ-4').withoutPoints().withBusinessValue(5),
          )
          .build(),
      ),
    );
    expect(items.get('PRJ-2')!.effort).toEqual({ points: 4, divisor: 2, estimated: false });
    expect(items.get('PRJ-4')!.effort).toEqual({ points: null, divisor: 2, estimated: true });
    expect(items.get('PRJ-4')!.gaps).toEqual(['effort.missing']);
    expect(items.get('PRJ-4')!.confidence).toBeLessThan(items.get('PRJ-2')!.confidence);
    expect(items.get('PRJ-1')!.score).toBeCloseTo(2 * items.get('PRJ-2')!.score, 10);
  });

  it('computes the score as 100 · Σ w·f / Σ w / divisor with contributions that add up', () => {
    const [item] = scoreIssues(aScoringInput().withIssues(anIssue('PRJ-1').withBusinessValue(5).due('2026-11-20').withPoints(4)).build());
    const w = { customerVoice: 30, businessValue: 25, timeCriticality: 15, techDebt: 15, enablement: 15, stakeholders: 10 };
    expect(item!.score).toBeCloseTo((100 * (25 * 1 + 15 * 1)) / 110 / 2, 10);
    expect(FACTOR_IDS.reduce((s, id) => s + item!.factors[id].contribution, 0)).toBeCloseTo(item!.score, 12);
    expect(FACTOR_IDS.map((id) => item!.factors[id].weight)).toEqual(FACTOR_IDS.map((id) => w[id]));
  });

  it('disables the effort divisor with exponent 0', () => {
    const [item] = scoreIssues(
      aScoringInput()
        .withConfig((c) => (c.effort.exponent = 0))
        .withIssues(anIssue('PRJ-1').withPoints(40))
        .build(),
    );
    expect(item!.effort.divisor).toBe(1);
  });

  it('breaks ties by Jira rank, then key, and scores a duplicated key once', () => {
    const items = scoreIssues(aScoringInput().withIssues(anIssue('PRJ-3'), anIssue('PRJ-1'), anIssue('PRJ-3'), anIssue('PRJ-2')).build());
    expect(items.map((i) => `${i.key}@${i.jiraRank}`)).toEqual(['PRJ-3@1', 'PRJ-1@2', 'PRJ-2@3']);
  });

  it('turns odd values into data gaps, never NaN', () => {
    const items = scoreIssues(
      aScoringInput()
        .withIssues(
          anIssue('PRJ-1').withPoints('abc').withBusinessValue({ type: 'doc', content: [] }).due('25/11/2026').createdAt(42).withVotes('many'),
          anIssue('PRJ-2')
            .with('issuelinks', [{ id: '1' }, null, 'x'])
            .feedback('SUP-404'),
        )
        .withConfig((c) => (c.customerVoice.remoteLinkPatterns = ['support']))
        .withRemoteLinks('PRJ-2', 42 as unknown as string)
        .build(),
    );
    const byK = byKey(items);
    expect(byK.get('PRJ-1')!.gaps).toEqual([
      'businessValue.malformed',
      'created.malformed',
      'customerCount.malformed',
      'dueDate.malformed',
      'effort.malformed',
    ]);
    expect(byK.get('PRJ-2')!.gaps).toEqual(['businessValue.missing', 'feedback.unreadable', 'links.malformed', 'remoteLink.malformed']);
    for (const i of items) expect(Number.isFinite(i.score)).toBe(true);
  });

  it('reads summaries sent as ADF documents as plain text', () => {
    const [item] = scoreIssues(
      aScoringInput()
        .withIssues(anIssue('PRJ-1').with('summary', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] }))
        .build(),
    );
    expect(item!.summary).toBe('Hello');
  });

  it('puts a pinned issue at its pinned position', () => {
    const items = scoreIssues(
      aScoringInput()
        .withIssues(anIssue('PRJ-1').withBusinessValue(9), anIssue('PRJ-2').withBusinessValue(5), anIssue('PRJ-3').withBusinessValue(1))
        .withPin('PRJ-3', { position: 1 })
        .build(),
    );
    expect(items.map((i) => [i.key, i.rank])).toEqual([
      ['PRJ-3', 1],
      ['PRJ-1', 2],
      ['PRJ-2', 3],
    ]);
    expect(items[0]!.pin).toEqual({ position: 1 });
  });
});

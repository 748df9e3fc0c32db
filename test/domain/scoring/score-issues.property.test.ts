import fc from 'fast-check';
import { scoreBacklog, scoreIssues, type JiraIssueLike, type ScoringInput } from '../../../src/domain';
import type { CustomerVoiceEvidence } from '../../../src/domain/scoring/customer-voice';
import { FACTOR_IDS, type BacklogItem } from '../../../src/contract/model';
import { candidatesArb } from '../../builders/arbitraries';
import { FIELDS, aScoringInput, aFeedbackTicket } from '../../builders/issue-builder';

const RUNS = { numRuns: 500 };

function inputOf(issues: JiraIssueLike[], tickets: JiraIssueLike[]): ScoringInput {
  return aScoringInput()
    .withConfig((c) => (c.customerVoice.remoteLinkPatterns = ['support\\.example\\.com/(?<customer>\\w+)']))
    .withIssues(...issues)
    .withTickets(...tickets)
    .withRemoteLinks('PRJ-1', 'https://support.example.com/acme/1', 'https://support.example.com/zeta/2')
    .build();
}

/** Every number anywhere in a value (evidence included). */
function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => numbers(x, out));
  else if (typeof v === 'object' && v !== null) Object.values(v).forEach((x) => numbers(x, out));
  return out;
}

const find = (items: BacklogItem[], key: string): BacklogItem => items.find((i) => i.key === key)!;

describe('scoreIssues properties', () => {
  it('gives the same output for the same input, bit for bit', () => {
    fc.assert(
      fc.property(candidatesArb(), ({ issues, tickets }) => {
        const a = scoreIssues(inputOf(issues, tickets));
        const b = scoreIssues(inputOf(structuredClone(issues), structuredClone(tickets)));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      RUNS,
    );
  });

  it('never yields NaN, Infinity or a throw, and contributions add up to a 0–100 score', () => {
    fc.assert(
      fc.property(candidatesArb(), ({ issues, tickets }) => {
        const items = scoreIssues(inputOf(issues, tickets));
        expect(items).toHaveLength(issues.length);
        for (const n of numbers(items)) expect(Number.isFinite(n)).toBe(true);
        items.forEach((item, i) => {
          const sum = FACTOR_IDS.reduce((s, id) => s + item.factors[id].contribution, 0);
          expect(Math.abs(sum - item.score)).toBeLessThanOrEqual(1e-9);
          expect(item.score).toBeGreaterThanOrEqual(0);
          expect(item.score).toBeLessThanOrEqual(100 + 1e-9);
          expect(item.confidence).toBeGreaterThanOrEqual(0);
          expect(item.confidence).toBeLessThanOrEqual(1);
          expect(item.rank).toBe(i + 1);
          for (const id of FACTOR_IDS) {
            expect(item.factors[id].value).toBeGreaterThanOrEqual(0);
            expect(item.factors[id].value).toBeLessThanOrEqual(1);
          }
        });
      }),
      RUNS,
    );
  });

  it("never lowers an issue's score when a distinct customer's feedback is added", () => {
    fc.assert(
      fc.property(candidatesArb(), fc.nat(), ({ issues, tickets }, pick) => {
        const target = issues[pick % issues.length]!;
        const before = find(scoreIssues(inputOf(issues, tickets)), target.key).score;
        const changed = structuredClone(issues);
        const t = changed[pick % changed.length]!;
        const links = Array.isArray(t.fields.issuelinks) ? t.fields.issuelinks : [];
        t.fields.issuelinks = [...links, { id: 'new', type: { name: 'Relates', outward: 'relates to' }, inwardIssue: { key: 'SUP-99' } }];
        const newcomer = aFeedbackTicket('SUP-99', 'A brand new customer', '2026-11-20T00:00:00.000+0000');
        const after = find(scoreIssues(inputOf(changed, [...tickets, newcomer])), target.key).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });

  it("never lowers an issue's score when its business value rises", () => {
    fc.assert(
      fc.property(
        candidatesArb(),
        fc.nat(),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        ({ issues, tickets }, pick, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const at = (bv: number) => {
            const changed = structuredClone(issues);
            changed[pick % changed.length]!.fields[FIELDS.businessValue!] = bv;
            return find(scoreIssues(inputOf(changed, tickets)), changed[pick % changed.length]!.key).score;
          };
          expect(at(hi)).toBeGreaterThanOrEqual(at(lo));
        },
      ),
      RUNS,
    );
  });

  it("never raises an issue's score when its effort rises", () => {
    fc.assert(
      fc.property(
        candidatesArb(),
        fc.nat(),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        ({ issues, tickets }, pick, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const at = (points: number) => {
            const changed = structuredClone(issues);
            changed[pick % changed.length]!.fields[FIELDS.storyPoints!] = points;
            return find(scoreIssues(inputOf(changed, tickets)), changed[pick % changed.length]!.key).score;
          };
          expect(at(hi)).toBeLessThanOrEqual(at(lo));
        },
      ),
      RUNS,
    );
  });
});

describe('scoring one issue on its own with the project context', () => {
  it('gives the same score as the full run', () => {
    const { blocksEdges, linkRulesFor, medianPoints } = jest.requireActual('../../../src/domain') as typeof import('../../../src/domain');
    fc.assert(
      fc.property(candidatesArb(), fc.nat(), ({ issues, tickets }, pick) => {
        const input = inputOf(issues, tickets);
        const full = scoreIssues(input);
        const cfg = input.config;
        const blocks = blocksEdges(input.candidates, linkRulesFor(cfg, input.feedbackProjects));
        const bv = full.flatMap((i) => (i.factors.businessValue.evidence as { value: number | null }).value ?? []);
        const context = {
          businessValueMax: Math.max(0, ...bv),
          medianPoints: medianPoints(
            full.flatMap((i) => (i.effort.points === null ? [] : [i.effort.points])),
            cfg.effort.defaultPoints,
          ),
          blocks,
        };
        // The backlog reports the same project-wide facts (what the stored context is written from).
        const backlog = scoreBacklog(input);
        expect(backlog.medianPoints).toBe(context.medianPoints);
        expect(backlog.businessValueMax).toBe(context.businessValueMax);
        const target = input.candidates[pick % input.candidates.length]!;
        const alone = scoreIssues({ ...input, candidates: [target], projectContext: context });
        const before = full.find((i) => i.key === target.key)!;
        expect(alone[0]!.score).toBeCloseTo(before.score, 9);
        expect(alone[0]!.factors).toEqual(before.factors);
      }),
      RUNS,
    );
  });
});

describe('the lazily built backlog', () => {
  it('builds the same items in any order, and its packed numbers agree with them', () => {
    fc.assert(
      fc.property(candidatesArb(), fc.array(fc.nat(), { maxLength: 12 }), ({ issues, tickets }, picks) => {
        const input = inputOf(issues, tickets);
        const all = scoreIssues(input);
        // A fresh backlog asked for single items in a random order builds exactly what the full run built.
        const lazy = scoreBacklog(input);
        for (const pick of picks) {
          const pos = pick % lazy.length;
          expect(JSON.stringify(lazy.item(pos))).toBe(JSON.stringify(all[pos]));
        }
        expect(lazy.keysInValueOrder()).toEqual(all.map((i) => i.key));
        expect(lazy.keysInJiraOrder()).toEqual([...all].sort((a, b) => a.jiraRank - b.jiraRank).map((i) => i.key));
        all.forEach((item, pos) => {
          expect(lazy.keyAt(pos)).toBe(item.key);
          expect(lazy.idAt(pos)).toBe(item.id);
          expect(lazy.positionOf(item.key)).toBe(pos);
          expect(lazy.scoreAt(pos)).toBe(item.score);
          expect(lazy.jiraRankAt(pos)).toBe(item.jiraRank);
          expect(lazy.positionOfJiraRank(item.jiraRank)).toBe(pos);
          expect(lazy.pointsAt(pos)).toBe(item.effort.points);
          expect(lazy.businessValueAt(pos)).toBe((item.factors.businessValue.evidence as { value: number | null }).value);
          expect(lazy.isDebtAt(pos)).toBe(item.isDebt);
          expect(lazy.customersAt(pos)).toBe(item.customers);
          expect(lazy.hasGapsAt(pos)).toBe(item.gaps.length > 0);
          expect(lazy.summaryAt(pos)).toBe(item.summary);
          expect(lazy.issueTypeAt(pos)).toBe(item.issueType);
          expect(lazy.pinAt(pos)).toEqual(item.pin);
          // The evidence lists the customers the score counted, and their weights make up its mass.
          const voice = item.factors.customerVoice.evidence as CustomerVoiceEvidence;
          expect(voice.customers.length + voice.moreCustomers).toBe(item.customers);
          if (voice.moreCustomers === 0 && voice.votes === null) {
            expect(Math.abs(voice.customers.reduce((m, c) => m + c.weight, 0) - voice.weightedCustomers)).toBeLessThanOrEqual(1e-9);
          }
        });
        expect(lazy.positionOf('NOPE-1')).toBe(-1);
        expect(() => lazy.item(lazy.length)).toThrow(RangeError);
        expect(() => lazy.positionOfJiraRank(0)).toThrow(RangeError);
      }),
      RUNS,
    );
  });

  it('re-ranks with other weights exactly as scoring with those weights does', () => {
    const weight = fc.integer({ min: 0, max: 100 });
    const weightsArb = fc.record({
      customerVoice: weight,
      businessValue: weight,
      timeCriticality: weight,
      techDebt: weight,
      enablement: weight,
      stakeholders: weight,
    });
    fc.assert(
      fc.property(candidatesArb(), weightsArb, ({ issues, tickets }, weights) => {
        const input = inputOf(issues, tickets);
        const rescored = scoreBacklog(input).withWeights(weights);
        const direct = scoreIssues({ ...input, config: { ...input.config, weights } });
        expect(JSON.stringify(rescored.items())).toBe(JSON.stringify(direct));
      }),
      RUNS,
    );
  });
});

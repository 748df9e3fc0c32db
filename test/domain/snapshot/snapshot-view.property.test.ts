import fc from 'fast-check';
import { explainIssue, scoreBacklog, snapshotOf, SnapshotView, type JiraIssueLike, type ScoredBacklog, type ScoringInput } from '../../../src/domain';
import type { ValueRankConfig } from '../../../src/contract/config';
import type { Pin } from '../../../src/contract/model';
import type { SnapshotEvidence, SnapshotRow } from '../../../src/domain/snapshot/types';
import { candidatesArb } from '../../builders/arbitraries';
import { aScoringInput } from '../../builders/issue-builder';

type Weights = ValueRankConfig['weights'];

const weightsArb: fc.Arbitrary<Weights> = fc.record({
  customerVoice: fc.integer({ min: 0, max: 10 }),
  businessValue: fc.integer({ min: 0, max: 10 }),
  timeCriticality: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 7, noNaN: true })),
  techDebt: fc.integer({ min: 0, max: 10 }),
  enablement: fc.integer({ min: 0, max: 10 }),
  stakeholders: fc.integer({ min: 0, max: 10 }),
});

/** Pins on some of PRJ-1…14: positions in and out of range, clashing, fractional, or a quarter only. */
const pinsArb: fc.Arbitrary<Map<string, Pin>> = fc
  .array(
    fc.tuple(
      fc.integer({ min: 1, max: 14 }),
      fc.oneof(
        fc.record({ position: fc.integer({ min: -2, max: 16 }) }),
        fc.record({ position: fc.double({ min: 0, max: 5, noNaN: true }) }),
        fc.constant({ quarter: '2027-Q1' }),
      ),
    ),
    { maxLength: 5 },
  )
  .map((pins) => new Map(pins.map(([i, pin]) => [`PRJ-${i}`, pin as Pin])));

const caseArb = fc.record({ set: candidatesArb(12), pins: pinsArb, weights: weightsArb, other: weightsArb, seed: fc.integer() });

function inputOf(issues: JiraIssueLike[], tickets: JiraIssueLike[], pins: Map<string, Pin>, weights: Weights): ScoringInput {
  const b = aScoringInput()
    .withConfig((c) => {
      c.weights = weights;
      c.customerVoice.remoteLinkPatterns = ['support\\.example\\.com/(?<customer>\\w+)'];
    })
    .withIssues(...issues)
    .withTickets(...tickets)
    .withRemoteLinks('PRJ-1', 'https://support.example.com/acme/1', 'https://support.example.com/zeta/2');
  for (const [key, pin] of pins) b.withPin(key, pin);
  return b.build();
}

/** Rows and evidence as the application keeps them: through JSON (KVS), rows in a scrambled order. */
function stored(backlog: ScoredBacklog, seed: number): { rows: SnapshotRow[]; evidence: Map<string, SnapshotEvidence> } {
  const snap = JSON.parse(JSON.stringify(snapshotOf(backlog))) as ReturnType<typeof snapshotOf>;
  const rows = snap.rows.map((row, i) => ({ row, sortKey: (Math.imul(i + 1, 2654435761) ^ seed) >>> 0 })).sort((a, b) => a.sortKey - b.sortKey);
  return { rows: rows.map((r) => r.row), evidence: new Map(snap.evidence.map((e) => [e.key, e])) };
}

function expectSameRanking(view: SnapshotView, backlog: ScoredBacklog): void {
  expect(view.length).toBe(backlog.length);
  expect(view.keysInValueOrder()).toEqual(backlog.keysInValueOrder());
  expect(view.keysInJiraOrder()).toEqual(backlog.keysInJiraOrder());
  for (let pos = 0; pos < backlog.length; pos++) {
    expect(view.item(pos)).toStrictEqual(backlog.item(pos));
    expect(Object.is(view.scoreAt(pos), backlog.scoreAt(pos))).toBe(true);
    expect([view.keyAt(pos), view.idAt(pos), view.jiraRankAt(pos), view.pointsAt(pos), view.pinAt(pos)]).toEqual([
      backlog.keyAt(pos),
      backlog.idAt(pos),
      backlog.jiraRankAt(pos),
      backlog.pointsAt(pos),
      backlog.pinAt(pos),
    ]);
    expect([view.isDebtAt(pos), view.customersAt(pos), view.hasGapsAt(pos), view.summaryAt(pos), view.issueTypeAt(pos)]).toEqual([
      backlog.isDebtAt(pos),
      backlog.customersAt(pos),
      backlog.hasGapsAt(pos),
      backlog.summaryAt(pos),
      backlog.issueTypeAt(pos),
    ]);
    expect(view.positionOf(backlog.keyAt(pos))).toBe(pos);
    expect(view.positionOfJiraRank(backlog.jiraRankAt(pos))).toBe(pos);
  }
}

describe('SnapshotView over every row', () => {
  it('gives the items, scores and order a scoring run gives, for any pins and weights', () => {
    fc.assert(
      fc.property(caseArb, ({ set, pins, weights, other, seed }) => {
        const input = inputOf(set.issues, set.tickets, pins, weights);
        const backlog = scoreBacklog(input);
        const { rows, evidence } = stored(backlog, seed);
        const view = SnapshotView.of({ rows, pins: input.pins, weights });
        view.attachEvidence(evidence);
        expectSameRanking(view, backlog);
        expectSameRanking(view.withWeights(other), backlog.withWeights(other));
        expectSameRanking(view.withWeights(other), scoreBacklog(inputOf(set.issues, set.tickets, pins, other)));
      }),
      { numRuns: 300 },
    );
  });

  it('explains an issue as the scoring run explains it', () => {
    fc.assert(
      fc.property(caseArb, ({ set, pins, weights, seed }) => {
        const input = inputOf(set.issues, set.tickets, pins, weights);
        const backlog = scoreBacklog(input);
        const { rows, evidence } = stored(backlog, seed);
        const view = SnapshotView.of({ rows, pins: input.pins, weights });
        view.attachEvidence(evidence);
        for (const key of backlog.keysInJiraOrder()) expect(explainIssue(view, key)).toStrictEqual(explainIssue(backlog, key));
      }),
      { numRuns: 100 },
    );
  });
});

describe('SnapshotView over the rows one user can see', () => {
  const subsetArb = fc.record({
    set: candidatesArb(12),
    weights: weightsArb,
    mask: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    seed: fc.integer(),
  });

  it('keeps the full order restricted to the visible rows, the same scores, and ranks 1…k among them', () => {
    fc.assert(
      fc.property(subsetArb, ({ set, weights, mask, seed }) => {
        const backlog = scoreBacklog(inputOf(set.issues, set.tickets, new Map(), weights));
        const { rows, evidence } = stored(backlog, seed);
        const visible = rows.filter((r) => mask[Number(r.key.split('-')[1]) - 1] === true);
        const seen = new Set(visible.map((r) => r.key));
        const view = SnapshotView.of({ rows: visible, pins: new Map(), weights });
        view.attachEvidence(evidence);

        expect(view.keysInValueOrder()).toEqual(backlog.keysInValueOrder().filter((k) => seen.has(k)));
        expect(view.keysInJiraOrder()).toEqual(backlog.keysInJiraOrder().filter((k) => seen.has(k)));
        const items = view.slice(0, view.length);
        expect(items.map((i) => i.rank)).toEqual(items.map((_, i) => i + 1));
        expect(items.map((i) => i.jiraRank).sort((a, b) => a - b)).toEqual(items.map((_, i) => i + 1));
        for (const item of items) {
          const full = backlog.item(backlog.positionOf(item.key));
          expect(Object.is(item.score, full.score)).toBe(true);
          expect(item.factors).toStrictEqual(full.factors);
        }
        for (const key of backlog.keysInJiraOrder()) if (!seen.has(key)) expect(view.positionOf(key)).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });

  it('places a pinned issue at its pinned position among the visible rows', () => {
    fc.assert(
      fc.property(subsetArb, fc.nat(), fc.nat(), ({ set, weights, mask, seed }, which, where) => {
        const backlog = scoreBacklog(inputOf(set.issues, set.tickets, new Map(), weights));
        const visible = stored(backlog, seed).rows.filter((r) => mask[Number(r.key.split('-')[1]) - 1] === true);
        fc.pre(visible.length > 0);
        const pinned = visible[which % visible.length]!.key;
        const position = 1 + (where % visible.length);
        const view = SnapshotView.of({ rows: visible, pins: new Map([[pinned, { position }]]), weights });
        expect(view.keyAt(position - 1)).toBe(pinned);
        expect(view.pinAt(position - 1)).toEqual({ position });
      }),
      { numRuns: 200 },
    );
  });
});

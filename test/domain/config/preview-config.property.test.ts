import fc from 'fast-check';
import type { ValueRankConfig } from '../../../src/contract/config';
import { FACTOR_IDS } from '../../../src/contract/model';
import { scoreBacklog, snapshotOf, SnapshotView, type JiraIssueLike } from '../../../src/domain';
import { previewRows } from '../../../src/domain/config/preview-config';
import type { SnapshotRow } from '../../../src/domain/snapshot/types';
import { diffConfig } from '../../../src/application/config/migrate-config';
import { candidatesArb } from '../../builders/arbitraries';
import { aScoringInput, NOW } from '../../builders/issue-builder';

const DEBT = FACTOR_IDS.indexOf('techDebt');

const changeArb = fc.record({
  weights: fc.record(
    Object.fromEntries(FACTOR_IDS.map((id) => [id, fc.integer({ min: 0, max: 10 })])) as Record<(typeof FACTOR_IDS)[number], fc.Arbitrary<number>>,
  ),
  exponent: fc.constantFrom(0, 0.5, 1, 1.7),
  minPoints: fc.constantFrom(1, 2, 5),
  defaultPoints: fc.constantFrom(1, 3, 8),
  labels: fc.subarray(['tech-debt', 'debt', 'ux', 'refactoring']),
  issueTypes: fc.subarray(['Tech Debt', 'Bug', 'Story']),
  roadmapShare: fc.constantFrom(0.1, 0.2, 0.5),
});

function rowsOf(issues: JiraIssueLike[], tickets: JiraIssueLike[], edit: (c: ValueRankConfig) => void): { rows: SnapshotRow[]; config: ValueRankConfig } {
  const input = aScoringInput()
    .withConfig(edit)
    .withIssues(...issues)
    .withTickets(...tickets)
    .build();
  const snap = JSON.parse(JSON.stringify(snapshotOf(scoreBacklog(input)))) as ReturnType<typeof snapshotOf>;
  return { rows: snap.rows, config: input.config };
}

describe('previewing a config from the snapshot rows', () => {
  it('recomputes weights, effort and debt labels and types as a full scoring run does; newly debt items are a lower bound and said so', () => {
    fc.assert(
      fc.property(candidatesArb(12), changeArb, changeArb, ({ issues, tickets }, a, b) => {
        fc.pre(Object.values(a.weights).some((w) => w > 0) && Object.values(b.weights).some((w) => w > 0));
        const apply = (ch: typeof a) => (c: ValueRankConfig) => {
          c.weights = ch.weights;
          c.effort = { ...c.effort, exponent: ch.exponent, minPoints: ch.minPoints, defaultPoints: ch.defaultPoints };
          c.techDebt = { ...c.techDebt, labels: ch.labels, issueTypes: ch.issueTypes, components: [] };
          c.roadmap.debtShare = ch.roadmapShare;
        };
        const before = rowsOf(issues, tickets, apply(a));
        const truth = rowsOf(issues, tickets, apply(b));
        const changes = diffConfig(before.config, truth.config).map((c) => c.path);
        const p = previewRows(before.rows, before.config, truth.config, changes, NOW);
        expect(p.notPreviewed).toEqual([]);
        expect(p.previewed.some((x) => x.startsWith('roadmap.'))).toBe(false);
        const expected = new Map(truth.rows.map((r) => [r.key, r]));
        let lowerBounds = 0;
        // Compared as stored (KVS keeps JSON: an infinite divisor of an absurd estimate is stored as null on both sides).
        const shownRows = JSON.parse(JSON.stringify(p.rows)) as SnapshotRow[];
        for (const row of shownRows) {
          const t = expected.get(row.key)!;
          expect(row.divisor).toBe(t.divisor);
          expect(row.isDebt).toBe(t.isDebt);
          row.values.forEach((v, k) => {
            if (k !== DEBT || v === t.values[k]) expect(v).toBe(t.values[k]);
            else {
              // Only an issue that newly counts as debt, whose caused bugs the snapshot did not keep.
              expect(before.rows.find((r) => r.key === row.key)!.isDebt).toBe(false);
              expect(v).toBeLessThan(t.values[k]!);
              lowerBounds++;
            }
          });
        }
        const counted = p.approximate.reduce((n, x) => n + x.count, 0);
        expect(counted).toBeGreaterThanOrEqual(lowerBounds > 0 ? 1 : 0);
        if (p.approximate.length === 0) {
          const pins = new Map();
          const shown = SnapshotView.of({ rows: shownRows, pins, weights: truth.config.weights }).keysInValueOrder();
          expect(shown).toEqual(SnapshotView.of({ rows: truth.rows, pins, weights: truth.config.weights }).keysInValueOrder());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names every changed setting it cannot recompute and leaves the rows as they were', () => {
    const { rows, config } = rowsOf(
      [{ id: '1', key: 'PRJ-1', fields: { summary: 'a', labels: ['ux'], issuetype: { name: 'Story' }, created: '2026-01-01T00:00:00.000+0000' } }],
      [],
      () => undefined,
    );
    const next = structuredClone(config);
    next.customerVoice.halfLifeDays = 5;
    next.fields.storyPoints = 'customfield_1';
    next.techDebt.components = ['Legacy'];
    next.roadmap.debtShare = 0.9;
    const changes = diffConfig(config, next).map((c) => c.path);
    const p = previewRows(rows, config, next, changes, NOW);
    expect(p.notPreviewed).toEqual(['customerVoice.halfLifeDays', 'fields.storyPoints', 'techDebt.components']);
    expect(p.previewed).toEqual([]);
    expect(p.rows).toEqual(rows);
  });
});

import fc from 'fast-check';
import { planSprint, type SprintCandidate, type SprintInput } from '../../../src/domain/sprint';

const RUNS = 500;
const TOLERANCE = 1e-6;

/**
 * Items PRJ-1…PRJ-n in any rank order; an item may be blocked only by items of a higher index, so the links form
 * no cycle (cycles are broken along the rank and would leave a blocker after what it blocks by design).
 */
const sprintInput: fc.Arbitrary<SprintInput> = fc
  .record({
    capacity: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 60, noNaN: true })),
    debtShare: fc.oneof(fc.constantFrom(0, 0.2, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    items: fc.array(
      fc.record({
        rank: fc.integer({ min: 1, max: 40 }),
        points: fc.oneof(fc.integer({ min: 0, max: 21 }), fc.double({ min: 0, max: 50, noNaN: true })),
        kind: fc.constantFrom<'feature' | 'debt'>('feature', 'feature', 'debt'),
        blockers: fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }),
        pinned: fc.boolean(),
        held: fc.boolean(),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ items, ...rest }) => ({
    ...rest,
    items: items.map((it, i): SprintCandidate => ({
      key: `PRJ-${i + 1}`,
      rank: it.rank,
      points: it.points,
      kind: it.kind,
      blockedBy: it.blockers.filter((b) => b > i + 1).map((b) => `PRJ-${b}`),
      pinned: it.pinned,
      held: it.held && i % 4 === 0,
    })),
  }));

const total = (input: SprintInput, keys: readonly string[]): number => keys.reduce((sum, k) => sum + (input.items.find((i) => i.key === k)?.points ?? 0), 0);

describe('planSprint properties', () => {
  it('never exceeds the capacity, except one item alone that is larger than the capacity', () => {
    fc.assert(
      fc.property(sprintInput, (input) => {
        const plan = planSprint(input);
        const used = plan.used.feature + plan.used.debt;
        expect(used).toBeCloseTo(
          total(
            input,
            plan.items.map((i) => i.key),
          ),
          6,
        );
        if (used <= input.capacity + TOLERANCE) return;
        expect(plan.items).toHaveLength(1);
        expect(plan.items[0]?.reasons).toContainEqual({ kind: 'oversized', capacity: input.capacity });
        expect(plan.items[0]!.points).toBeGreaterThan(input.capacity);
      }),
      { numRuns: RUNS },
    );
  });

  it('lists every blocker among the candidates before what it blocks, and never a held item or what it blocks', () => {
    fc.assert(
      fc.property(sprintInput, (input) => {
        const plan = planSprint(input);
        const at = new Map(plan.items.map((p, i) => [p.key, i]));
        const byKey = new Map(input.items.map((i) => [i.key, i]));
        for (const [key, position] of at) {
          const candidate = byKey.get(key)!;
          expect(candidate.held).not.toBe(true);
          for (const blocker of candidate.blockedBy) {
            if (!byKey.has(blocker)) continue;
            expect(at.get(blocker)).toBeLessThan(position);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the debt share: a waiting debt item with no blockers would not have fitted had features stayed in their share', () => {
    fc.assert(
      fc.property(sprintInput, (input) => {
        const plan = planSprint(input);
        const proposed = new Set(plan.items.map((i) => i.key));
        const keys = new Set(input.items.map((i) => i.key));
        const featureRoom = input.capacity * (1 - input.debtShare);
        const room = input.capacity - Math.min(plan.used.feature, featureRoom) - plan.used.debt;
        for (const d of input.items) {
          if (d.kind !== 'debt' || d.held === true || proposed.has(d.key) || d.blockedBy.some((b) => keys.has(b))) continue;
          expect(d.points).toBeGreaterThan(room - TOLERANCE);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('misses no item that would still fit: every candidate left out with no blockers is larger than the room left', () => {
    fc.assert(
      fc.property(sprintInput, (input) => {
        const plan = planSprint(input);
        const proposed = new Set(plan.items.map((i) => i.key));
        const keys = new Set(input.items.map((i) => i.key));
        const room = input.capacity - plan.used.feature - plan.used.debt;
        for (const c of input.items) {
          if (c.held === true || proposed.has(c.key) || c.blockedBy.some((b) => keys.has(b))) continue;
          expect(c.points).toBeGreaterThan(room - TOLERANCE);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

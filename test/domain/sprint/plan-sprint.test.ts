import { planSprint, SprintInputError, type SprintCandidate } from '../../../src/domain/sprint';

const item = (key: string, rank: number, points: number, more: Partial<SprintCandidate> = {}): SprintCandidate => ({
  key,
  rank,
  points,
  kind: 'feature',
  blockedBy: [],
  ...more,
});
const keys = (plan: ReturnType<typeof planSprint>): string[] => plan.items.map((i) => i.key);

describe('planSprint', () => {
  it('takes items in rank order while they fit, skipping one that does not and going on with smaller ones', () => {
    const plan = planSprint({
      capacity: 10,
      debtShare: 0,
      items: [item('A-1', 1, 5), item('A-2', 2, 8), item('A-3', 3, 3), item('A-4', 4, 3)],
    });
    expect(keys(plan)).toEqual(['A-1', 'A-3']);
    expect(plan.used).toEqual({ feature: 8, debt: 0 });
    expect(plan.items[0]?.reasons).toEqual([{ kind: 'rank', rank: 1 }]);
    expect(plan.cutRank).toBe(3);
  });

  it('proposes a blocker ahead of what it blocks, even when the blocker ranks lower', () => {
    const plan = planSprint({
      capacity: 10,
      debtShare: 0,
      items: [item('A-1', 1, 3, { blockedBy: ['A-9'] }), item('A-2', 2, 3), item('A-9', 9, 2)],
    });
    expect(keys(plan)).toEqual(['A-9', 'A-1', 'A-2']);
    expect(plan.items[0]?.reasons).toEqual([
      { kind: 'rank', rank: 9 },
      { kind: 'blocks', key: 'A-1' },
    ]);
    // A blocker pulled in does not move the cut: A-2 at rank 2 is the worst rank taken for its value.
    expect(plan.cutRank).toBe(2);
  });

  it('leaves out an item whose blockers do not fit with it, and one blocked by an item held for a later quarter', () => {
    const plan = planSprint({
      capacity: 8,
      debtShare: 0,
      items: [
        item('A-1', 1, 3, { blockedBy: ['A-5'] }),
        item('A-2', 2, 2, { blockedBy: ['A-6'] }),
        item('A-3', 3, 2),
        item('A-5', 5, 6),
        item('A-6', 6, 1, { held: true }),
      ],
    });
    expect(keys(plan)).toEqual(['A-3', 'A-5']);
  });

  it('ignores blockers that are not candidates (done or already in the active sprint)', () => {
    const plan = planSprint({ capacity: 5, debtShare: 0, items: [item('A-1', 1, 5, { blockedBy: ['A-99'] })] });
    expect(keys(plan)).toEqual(['A-1']);
  });

  it('keeps the debt share for tech debt that waits, even when features rank higher', () => {
    const plan = planSprint({
      capacity: 10,
      debtShare: 0.2,
      items: [item('A-1', 1, 5), item('A-2', 2, 5), item('A-3', 3, 3), item('D-1', 20, 2, { kind: 'debt' })],
    });
    expect(keys(plan)).toEqual(['A-1', 'A-3', 'D-1']);
    expect(plan.used).toEqual({ feature: 8, debt: 2 });
    expect(plan.items.find((i) => i.key === 'D-1')?.reasons).toContainEqual({ kind: 'debtShare' });
  });

  it('lets features use the debt share when no tech debt that fits is waiting', () => {
    const noDebt = planSprint({ capacity: 10, debtShare: 0.2, items: [item('A-1', 1, 5), item('A-2', 2, 5)] });
    expect(keys(noDebt)).toEqual(['A-1', 'A-2']);
    expect(noDebt.items[1]?.reasons).toContainEqual({ kind: 'freedDebtShare' });

    const tooBig = planSprint({
      capacity: 10,
      debtShare: 0.2,
      items: [item('A-1', 1, 5), item('A-2', 2, 5), item('D-1', 3, 13, { kind: 'debt' })],
    });
    expect(keys(tooBig)).toEqual(['A-1', 'A-2']);
  });

  it('considers pinned items first, within the capacity', () => {
    const plan = planSprint({
      capacity: 8,
      debtShare: 0,
      items: [item('A-1', 1, 5), item('A-2', 2, 3), item('A-7', 7, 5, { pinned: true })],
    });
    expect(keys(plan)).toEqual(['A-7', 'A-2']);
    expect(plan.items[0]?.reasons).toContainEqual({ kind: 'pinned' });
  });

  it('says why what ranks above the cut was left out: no room (with its blockers) or a held blocker', () => {
    const plan = planSprint({
      capacity: 10,
      debtShare: 0,
      items: [
        item('A-1', 1, 3),
        item('A-2', 2, 13),
        item('A-3', 3, 2, { blockedBy: ['A-8'] }),
        item('A-4', 4, 2, { blockedBy: ['A-9'] }),
        item('A-5', 5, 5),
        item('A-8', 8, 6),
        item('A-9', 9, 1, { held: true }),
      ],
    });
    expect(keys(plan)).toEqual(['A-1', 'A-5']);
    expect(plan.cutRank).toBe(5);
    expect(plan.missed).toEqual([
      { key: 'A-2', rank: 2, reason: { kind: 'noRoom', needs: 13, free: 2, blockers: 0 } },
      { key: 'A-3', rank: 3, reason: { kind: 'noRoom', needs: 8, free: 2, blockers: 1 } },
      { key: 'A-4', rank: 4, reason: { kind: 'heldBlocker', key: 'A-9' } },
    ]);
  });

  it('never proposes a held item', () => {
    const plan = planSprint({ capacity: 20, debtShare: 0, items: [item('A-1', 1, 3, { held: true }), item('A-2', 2, 3)] });
    expect(keys(plan)).toEqual(['A-2']);
  });

  it('proposes the first item alone, marked oversized, when it exceeds the capacity and nothing fits', () => {
    const plan = planSprint({ capacity: 8, debtShare: 0, items: [item('A-1', 1, 13), item('A-2', 2, 21)] });
    expect(keys(plan)).toEqual(['A-1']);
    expect(plan.items[0]?.reasons).toContainEqual({ kind: 'oversized', capacity: 8 });
    expect(plan.warnings.join(' ')).toMatch(/A-1 \(13 points\) is larger than the sprint's 8 points/);
  });

  it('proposes nothing at a capacity of 0 points, except 0-point items', () => {
    const plan = planSprint({ capacity: 0, debtShare: 0.2, items: [item('A-1', 1, 3), item('A-2', 2, 0)] });
    expect(keys(plan)).toEqual(['A-2']);
    expect(planSprint({ capacity: 0, debtShare: 0, items: [item('A-1', 1, 3)] }).items).toEqual([]);
  });

  it('breaks a blocking cycle along the rank order and says so', () => {
    const plan = planSprint({
      capacity: 10,
      debtShare: 0,
      items: [item('A-1', 1, 2, { blockedBy: ['A-2'] }), item('A-2', 2, 2, { blockedBy: ['A-1'] })],
    });
    expect(keys(plan)).toEqual(['A-1', 'A-2']);
    expect(plan.warnings.join(' ')).toMatch(/blocking cycle among A-1, A-2/);
  });

  it('rejects a negative capacity, a debt share above 1 and negative points with a clear error', () => {
    expect(() => planSprint({ capacity: -1, debtShare: 0, items: [] })).toThrow(SprintInputError);
    expect(() => planSprint({ capacity: 5, debtShare: 1.5, items: [] })).toThrow(/tech-debt share must be between 0 and 1/);
    expect(() => planSprint({ capacity: 5, debtShare: 0, items: [item('A-1', 1, -2)] })).toThrow(/A-1 needs a number of points ≥ 0/);
  });
});

import fc from 'fast-check';
import { addDays, addQuarters, format } from 'date-fns';
import { planRoadmap, quarterLabel, type RoadmapCandidate, type RoadmapInput } from '../../../src/domain/roadmap';
import type { Roadmap } from '../../../src/contract/model';

const RUNS = 500;
const TOLERANCE = 1e-6;
const PIN_LABEL = /^\d{4}-Q[1-4]$/;

/** Items PRJ-1…PRJ-n with blocks links (some to keys that are not candidates, some cyclic), pins and due dates. */
const roadmapInput: fc.Arbitrary<RoadmapInput> = fc
  .record({
    now: fc.date({ min: new Date(2020, 0, 1), max: new Date(2035, 11, 31), noInvalidDate: true }),
    quarters: fc.integer({ min: 1, max: 8 }),
    capacityPerQuarter: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 80, noNaN: true })),
    debtShare: fc.oneof(fc.constantFrom(0, 0.2, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    items: fc.array(
      fc.record({
        rank: fc.integer({ min: 1, max: 30 }),
        points: fc.oneof(fc.integer({ min: 1, max: 21 }), fc.double({ min: 0.1, max: 90, noNaN: true })),
        kind: fc.constantFrom<'feature' | 'debt'>('feature', 'feature', 'debt'),
        blockedBy: fc.array(fc.integer({ min: 1, max: 34 }), { maxLength: 3 }),
        pin: fc.option(fc.oneof(fc.integer({ min: -3, max: 10 }), fc.constant('someday')), { freq: 4 }),
        dueOffsetDays: fc.option(fc.integer({ min: -60, max: 900 }), { freq: 3 }),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ items, now, ...rest }) => ({
    ...rest,
    now,
    items: items.map((item, i): RoadmapCandidate => {
      const candidate: RoadmapCandidate = {
        key: `PRJ-${i + 1}`,
        rank: item.rank,
        points: item.points,
        kind: item.kind,
        blockedBy: item.blockedBy.map((k) => `PRJ-${k}`),
      };
      if (item.pin !== null) {
        candidate.pinQuarter = typeof item.pin === 'string' ? item.pin : quarterLabel(addQuarters(now, item.pin));
      }
      if (item.dueOffsetDays !== null) {
        candidate.dueDate = format(addDays(now, item.dueOffsetDays), 'yyyy-MM-dd');
      }
      return candidate;
    }),
  }));

type Where = { quarter: number; reason: string };

function positions(roadmap: Roadmap): Map<string, Where[]> {
  const seen = new Map<string, Where[]>();
  const add = (key: string, where: Where): void => {
    seen.set(key, [...(seen.get(key) ?? []), where]);
  };
  roadmap.quarters.forEach((q, i) => q.items.forEach((item) => add(item.key, { quarter: i, reason: item.reason })));
  roadmap.later.forEach((item) => add(item.key, { quarter: roadmap.quarters.length, reason: item.reason }));
  return seen;
}

const isPinned = (item: RoadmapCandidate): boolean => item.pinQuarter !== undefined && PIN_LABEL.test(item.pinQuarter);

/** Keys that can reach `from` along blocked-by links (among candidates): `from` and they share a cycle when both reach each other. */
function reaches(input: RoadmapInput, from: string, to: string): boolean {
  const byKey = new Map(input.items.map((i) => [i.key, i]));
  const stack = [from];
  const visited = new Set<string>();
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (key === to) return true;
    if (visited.has(key)) continue;
    visited.add(key);
    for (const next of byKey.get(key)?.blockedBy ?? []) if (byKey.has(next)) stack.push(next);
  }
  return false;
}

describe('planRoadmap properties', () => {
  it('keeps every quarter within capacity unless it holds one oversized item alone or only over-capacity pins', () => {
    fc.assert(
      fc.property(roadmapInput, (input) => {
        const roadmap = planRoadmap(input);
        const byKey = new Map(input.items.map((i) => [i.key, i]));
        for (const q of roadmap.quarters) {
          if (q.used.feature + q.used.debt <= q.capacity + TOLERANCE) continue;
          const alone = q.items.length === 1 && q.items[0]!.reason.includes('alone');
          const pinsOnly = q.items.every((i) => isPinned(byKey.get(i.key)!)) && roadmap.warnings.some((w) => w.startsWith(`${q.label} is over capacity`));
          expect(alone || pinsOnly).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never plans a blocker after what it blocks (outside cycles and pins; later is after every quarter)', () => {
    fc.assert(
      fc.property(roadmapInput, (input) => {
        const roadmap = planRoadmap(input);
        const at = positions(roadmap);
        const byKey = new Map(input.items.map((i) => [i.key, i]));
        for (const item of input.items) {
          for (const blockerKey of item.blockedBy) {
            const blocker = byKey.get(blockerKey);
            if (!blocker || blocker === item || isPinned(blocker) || isPinned(item)) continue;
            if (reaches(input, blockerKey, item.key)) continue;
            expect(at.get(blockerKey)![0]!.quarter).toBeLessThanOrEqual(at.get(item.key)![0]!.quarter);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps features out of the tech-debt reserve whenever a debt item waits in later (pins aside)', () => {
    fc.assert(
      fc.property(roadmapInput, (input) => {
        const roadmap = planRoadmap(input);
        const byKey = new Map(input.items.map((i) => [i.key, i]));
        const debtWaits = roadmap.later.some((i) => byKey.get(i.key)!.kind === 'debt');
        fc.pre(debtWaits);
        const share = input.debtShare ?? 0.2;
        for (const q of roadmap.quarters) {
          const pinnedFeatures = q.items.filter((i) => i.kind === 'feature' && isPinned(byKey.get(i.key)!)).reduce((sum, i) => sum + i.points, 0);
          expect(q.used.feature).toBeLessThanOrEqual(Math.max(q.capacity * (1 - share), pinnedFeatures) + TOLERANCE);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('plans every candidate exactly once with a reason, and used points match the items', () => {
    fc.assert(
      fc.property(roadmapInput, (input) => {
        const roadmap = planRoadmap(input);
        const at = positions(roadmap);
        expect([...at.keys()].sort()).toEqual(input.items.map((i) => i.key).sort());
        for (const [, places] of at) {
          expect(places).toHaveLength(1);
          expect(places[0]!.reason.length).toBeGreaterThan(0);
        }
        for (const q of roadmap.quarters) {
          const sum = (kind: string) => q.items.filter((i) => i.kind === kind).reduce((s, i) => s + i.points, 0);
          expect(q.used.feature).toBeCloseTo(sum('feature'), 6);
          expect(q.used.debt).toBeCloseTo(sum('debt'), 6);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same roadmap for the same input, whatever order the items arrive in', () => {
    fc.assert(
      fc.property(roadmapInput, (input) => {
        const first = planRoadmap(input);
        expect(planRoadmap(structuredClone(input))).toEqual(first);
        expect(planRoadmap({ ...input, items: [...input.items].reverse() })).toEqual(first);
      }),
      { numRuns: RUNS },
    );
  });

  it('never produces NaN or infinite numbers', () => {
    const finiteEverywhere = (value: unknown): boolean =>
      typeof value === 'number'
        ? Number.isFinite(value)
        : typeof value === 'string'
          ? !value.includes('NaN') && !value.includes('Infinity')
          : Array.isArray(value)
            ? value.every(finiteEverywhere)
            : typeof value === 'object' && value !== null
              ? Object.values(value).every(finiteEverywhere)
              : true;
    fc.assert(
      fc.property(roadmapInput, (input) => {
        expect(finiteEverywhere(planRoadmap(input))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

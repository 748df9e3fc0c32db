import { planRoadmap, RoadmapInputError, type RoadmapCandidate, type RoadmapInput } from '../../../src/domain/roadmap';
import type { Roadmap } from '../../../src/contract/model';

/** On the last day of 2026-Q4 the current quarter has no days left, so 2027-Q1 onwards offer the full capacity. */
const LAST_DAY_OF_Q4 = new Date(2026, 11, 31, 10);
const NOV_25 = new Date(2026, 10, 25, 10);

class CandidateBuilder {
  private readonly candidate: RoadmapCandidate;

  constructor(key: string) {
    this.candidate = { key, rank: Number(key.split('-')[1]), points: 1, kind: 'feature', blockedBy: [] };
  }

  points(points: number): this {
    this.candidate.points = points;
    return this;
  }

  rank(rank: number): this {
    this.candidate.rank = rank;
    return this;
  }

  debt(): this {
    this.candidate.kind = 'debt';
    return this;
  }

  blockedBy(...keys: string[]): this {
    this.candidate.blockedBy = keys;
    return this;
  }

  pinnedTo(quarter: string): this {
    this.candidate.pinQuarter = quarter;
    return this;
  }

  due(date: string): this {
    this.candidate.dueDate = date;
    return this;
  }

  build(): RoadmapCandidate {
    return { ...this.candidate, blockedBy: [...this.candidate.blockedBy] };
  }
}

/** `anItem('PRJ-3')` ranks #3 with 1 point unless told otherwise. */
const anItem = (key: string): CandidateBuilder => new CandidateBuilder(key);

function plan(items: CandidateBuilder[], overrides: Partial<RoadmapInput> = {}): Roadmap {
  return planRoadmap({
    now: LAST_DAY_OF_Q4,
    quarters: 3,
    capacityPerQuarter: 10,
    debtShare: 0.2,
    items: items.map((b) => b.build()),
    ...overrides,
  });
}

function placement(roadmap: Roadmap, key: string): { where: string; reason: string; atRisk?: string } {
  for (const quarter of roadmap.quarters) {
    const item = quarter.items.find((i) => i.key === key);
    if (item) return { where: quarter.label, reason: item.reason, ...(item.atRisk ? { atRisk: item.atRisk } : {}) };
  }
  const later = roadmap.later.find((i) => i.key === key);
  if (!later) throw new Error(`${key} is missing from the roadmap`);
  return { where: 'later', reason: later.reason, ...(later.atRisk ? { atRisk: later.atRisk } : {}) };
}

const quarterOf = (roadmap: Roadmap, label: string) => {
  const quarter = roadmap.quarters.find((q) => q.label === label);
  if (!quarter) throw new Error(`no quarter ${label}`);
  return quarter;
};

describe('planRoadmap', () => {
  describe('quarters and capacity', () => {
    it('starts at the current quarter and pro-rates it to the days left after now (36 of 92 on 2026-11-25)', () => {
      const roadmap = plan([], { now: NOV_25, quarters: 4, capacityPerQuarter: 92 });
      expect(roadmap.quarters.map((q) => [q.label, q.start, q.end, q.capacity])).toEqual([
        ['2026-Q4', '2026-10-01', '2026-12-31', 36],
        ['2027-Q1', '2027-01-01', '2027-03-31', 92],
        ['2027-Q2', '2027-04-01', '2027-06-30', 92],
        ['2027-Q3', '2027-07-01', '2027-09-30', 92],
      ]);
    });

    it('keeps fractional capacity and uses it', () => {
      const roadmap = plan([anItem('PRJ-1').points(9.4)], { now: NOV_25, quarters: 2, capacityPerQuarter: 30, debtShare: 0 });
      expect(roadmap.quarters[0]!.capacity).toBeCloseTo((30 * 36) / 92, 12);
      expect(placement(roadmap, 'PRJ-1')).toEqual({
        where: '2026-Q4',
        reason: 'rank #1; fits 2026-Q4 (9.4 of 11.7 points used)',
      });
    });

    it('places items in rank order into the first quarter with room and says which quarters were full', () => {
      const roadmap = plan([anItem('PRJ-1').points(6), anItem('PRJ-2').points(4), anItem('PRJ-3').points(3)], {
        debtShare: 0,
      });
      expect(placement(roadmap, 'PRJ-1')).toEqual({
        where: '2027-Q1',
        reason: 'rank #1; 2026-Q4 full; 2027-Q1 is the first quarter with room (6 of 10 points used)',
      });
      expect(placement(roadmap, 'PRJ-2').where).toBe('2027-Q1');
      expect(placement(roadmap, 'PRJ-3')).toEqual({
        where: '2027-Q2',
        reason: 'rank #3; 2026-Q4–2027-Q1 full; 2027-Q2 is the first quarter with room (3 of 10 points used)',
      });
      expect(quarterOf(roadmap, '2027-Q1').used).toEqual({ feature: 10, debt: 0 });
    });

    it('sends what fits nowhere to later, saying how much room there was', () => {
      const roadmap = plan([anItem('PRJ-1').points(7), anItem('PRJ-2').points(6)], { quarters: 2, debtShare: 0 });
      expect(roadmap.later).toEqual([{ key: 'PRJ-2', points: 6, reason: 'rank #2; no room in 2026-Q4–2027-Q1 (needs 6 points, at most 3 free)' }]);
    });
  });

  describe('tech-debt reserve', () => {
    it('keeps the debt share of each quarter for tech debt while debt waits', () => {
      const roadmap = plan([anItem('PRJ-1').points(4), anItem('PRJ-2').points(4), anItem('PRJ-3').points(2), anItem('PRJ-4').points(2).debt()]);
      expect(quarterOf(roadmap, '2027-Q1').used).toEqual({ feature: 8, debt: 2 });
      expect(placement(roadmap, 'PRJ-2').reason).toBe('rank #2; 2026-Q4 full; 2027-Q1 is the first quarter with room (8 of 8 feature points used)');
      expect(placement(roadmap, 'PRJ-3')).toEqual({
        where: '2027-Q2',
        reason: 'rank #3; 2026-Q4–2027-Q1 full; 2027-Q2 is the first quarter with room (2 of 8 feature points used)',
      });
      expect(placement(roadmap, 'PRJ-4')).toEqual({
        where: '2027-Q1',
        reason: 'rank #4 (tech debt); 2026-Q4 full; 2027-Q1 is the first quarter with room (2 of 2 reserved points used); uses the tech-debt reserve',
      });
    });

    it('lets features use the reserve when there is no tech debt to wait for', () => {
      const roadmap = plan([anItem('PRJ-1').points(5), anItem('PRJ-2').points(5)]);
      expect(quarterOf(roadmap, '2027-Q1').used).toEqual({ feature: 10, debt: 0 });
      expect(placement(roadmap, 'PRJ-2').reason).toContain('(10 of 10 points used); uses the tech-debt reserve (no tech debt waiting)');
    });

    it('opens the reserve once the last debt item is placed and retries features sent to later', () => {
      const roadmap = plan([anItem('PRJ-1').points(9), anItem('PRJ-2').points(1).debt()], { quarters: 2 });
      expect(roadmap.later).toEqual([]);
      expect(quarterOf(roadmap, '2027-Q1').used).toEqual({ feature: 9, debt: 1 });
      expect(placement(roadmap, 'PRJ-1').reason).toContain('uses the tech-debt reserve (no tech debt waiting)');
    });

    it('keeps the reserve closed to features while a debt item waits in later', () => {
      const roadmap = plan([anItem('PRJ-1').points(8), anItem('PRJ-2').points(3).debt(), anItem('PRJ-3').points(2), anItem('PRJ-4').points(12)], {
        quarters: 2,
      });
      expect(quarterOf(roadmap, '2027-Q1').used).toEqual({ feature: 8, debt: 0 });
      expect(placement(roadmap, 'PRJ-2').where).toBe('later');
      expect(placement(roadmap, 'PRJ-3')).toEqual({
        where: 'later',
        reason: 'rank #3; no room in 2026-Q4–2027-Q1 (needs 2 points, at most 0 free for features; 20% of each quarter is kept for waiting tech debt)',
      });
      expect(placement(roadmap, 'PRJ-4').reason).toBe('rank #4; needs 12 points but a quarter has 8 feature points while tech debt waits (20% reserved)');
    });

    it('lets tech debt use the whole quarter', () => {
      const roadmap = plan([anItem('PRJ-1').points(10).debt()]);
      expect(placement(roadmap, 'PRJ-1')).toEqual({
        where: '2027-Q1',
        reason:
          'rank #1 (tech debt); 2026-Q4 full; 2027-Q1 is the first quarter with room (10 of 10 points used); beyond the 2-point tech-debt reserve, as debt may use the whole quarter',
      });
    });

    it('uses a 20% share when none is given', () => {
      const roadmap = planRoadmap({
        now: LAST_DAY_OF_Q4,
        quarters: 2,
        capacityPerQuarter: 10,
        items: [anItem('PRJ-1').points(3).build(), anItem('PRJ-2').points(2).debt().build()],
      });
      expect(placement(roadmap, 'PRJ-1').reason).toContain('(3 of 8 feature points used)');
      expect(placement(roadmap, 'PRJ-2').reason).toContain('(2 of 2 reserved points used)');
    });
  });

  describe('pins', () => {
    it('places pinned items first, in their quarter, ahead of higher-ranked items', () => {
      const roadmap = plan([anItem('PRJ-1').points(6), anItem('PRJ-2').points(3), anItem('PRJ-9').points(5).pinnedTo('2027-Q1')], {
        debtShare: 0,
      });
      expect(quarterOf(roadmap, '2027-Q1').items.map((i) => i.key)).toEqual(['PRJ-9', 'PRJ-2']);
      expect(placement(roadmap, 'PRJ-9').reason).toBe('rank #9; pinned to 2027-Q1');
      expect(placement(roadmap, 'PRJ-1').where).toBe('2027-Q2');
      expect(roadmap.warnings).toEqual([]);
    });

    it('moves a pin in the past to the current quarter and one beyond the horizon to the last quarter, with warnings', () => {
      const roadmap = plan([anItem('PRJ-1').pinnedTo('2025-Q2'), anItem('PRJ-2').pinnedTo('2029-Q1')], { now: NOV_25 });
      expect(placement(roadmap, 'PRJ-1')).toEqual({ where: '2026-Q4', reason: 'rank #1; pinned to 2026-Q4 (nearest quarter to 2025-Q2)' });
      expect(placement(roadmap, 'PRJ-2')).toEqual({ where: '2027-Q2', reason: 'rank #2; pinned to 2027-Q2 (nearest quarter to 2029-Q1)' });
      expect(roadmap.warnings).toEqual([
        'PRJ-1 is pinned to 2025-Q2, which has passed; planned in 2026-Q4',
        'PRJ-2 is pinned to 2029-Q1, beyond this 3-quarter plan; planned in its last quarter 2027-Q2',
      ]);
    });

    it('plans an item with a malformed pin as unpinned, with a warning', () => {
      const roadmap = plan([anItem('PRJ-1').pinnedTo('next spring')]);
      expect(placement(roadmap, 'PRJ-1').where).toBe('2027-Q1');
      expect(roadmap.warnings).toEqual(['PRJ-1: pin "next spring" is not a quarter like 2027-Q1; planned as if unpinned']);
    });

    it('honours pins beyond capacity, warns, and lets nothing else into the overfull quarter', () => {
      const roadmap = plan([anItem('PRJ-1').points(1), anItem('PRJ-7').points(7).pinnedTo('2027-Q1'), anItem('PRJ-8').points(7).debt().pinnedTo('2027-Q1')]);
      const q1 = quarterOf(roadmap, '2027-Q1');
      expect(q1.used).toEqual({ feature: 7, debt: 7 });
      expect(q1.items.map((i) => i.key)).toEqual(['PRJ-7', 'PRJ-8']);
      expect(placement(roadmap, 'PRJ-7').reason).toBe('rank #7; pinned to 2027-Q1; 2027-Q1 over capacity: 14 of 10 points');
      expect(placement(roadmap, 'PRJ-1').where).toBe('2027-Q2');
      expect(roadmap.warnings).toEqual(['2027-Q1 is over capacity: 14 of 10 points because of pinned items']);
    });
  });

  describe('dependencies', () => {
    it('pulls a blocker forward and places it before what it blocks', () => {
      const roadmap = plan([anItem('PRJ-1').points(3).blockedBy('PRJ-9'), anItem('PRJ-2').points(5), anItem('PRJ-9').points(2)]);
      expect(quarterOf(roadmap, '2027-Q1').items.map((i) => i.key)).toEqual(['PRJ-9', 'PRJ-1', 'PRJ-2']);
      expect(placement(roadmap, 'PRJ-9').reason).toBe(
        'pulled forward: blocks PRJ-1; rank #9; 2026-Q4 full; 2027-Q1 is the first quarter with room (2 of 10 points used)',
      );
    });

    it('plans a dependent no earlier than its blocker’s quarter', () => {
      const roadmap = plan([anItem('PRJ-1').points(6), anItem('PRJ-2').points(1).blockedBy('PRJ-3'), anItem('PRJ-3').points(8)], {
        debtShare: 0,
      });
      expect(placement(roadmap, 'PRJ-3').where).toBe('2027-Q2');
      expect(placement(roadmap, 'PRJ-2')).toEqual({
        where: '2027-Q2',
        reason: 'rank #2; after its blocker PRJ-3 (2027-Q2); fits 2027-Q2 (9 of 10 points used)',
      });
    });

    it('sends a dependent to later when its blocker is in later', () => {
      const roadmap = plan([anItem('PRJ-1').points(5), anItem('PRJ-2').points(1).blockedBy('PRJ-3'), anItem('PRJ-3').points(9)], {
        quarters: 2,
        debtShare: 0,
      });
      expect(roadmap.later.map((i) => [i.key, i.reason])).toEqual([
        ['PRJ-2', 'rank #2; blocked by PRJ-3, which is in later'],
        ['PRJ-3', 'rank #3; no room in 2026-Q4–2027-Q1 (needs 9 points, at most 5 free)'],
      ]);
    });

    it('ignores blockers that are not candidates', () => {
      const roadmap = plan([anItem('PRJ-1').blockedBy('OTHER-1', 'PRJ-404')]);
      expect(placement(roadmap, 'PRJ-1').reason).toBe('rank #1; 2026-Q4 full; 2027-Q1 is the first quarter with room (1 of 10 points used)');
      expect(roadmap.warnings).toEqual([]);
    });

    it('warns about a blocker planned after a pinned item it blocks', () => {
      const roadmap = plan([anItem('PRJ-1').points(10).pinnedTo('2027-Q1').blockedBy('PRJ-2'), anItem('PRJ-2').points(3)]);
      expect(placement(roadmap, 'PRJ-2')).toEqual({
        where: '2027-Q2',
        reason: 'pulled forward: blocks PRJ-1; rank #2; 2026-Q4–2027-Q1 full; 2027-Q2 is the first quarter with room (3 of 10 points used)',
      });
      expect(roadmap.warnings).toEqual(['PRJ-2 blocks PRJ-1 but is planned in 2027-Q2, after it (in 2027-Q1)']);
    });

    it('plans a 5,000-long blocking chain without running out of stack', () => {
      const items = Array.from({ length: 5000 }, (_, i) => anItem(`PRJ-${i + 1}`).blockedBy(...(i < 4999 ? [`PRJ-${i + 2}`] : [])));
      const roadmap = plan(items, { capacityPerQuarter: 2000, debtShare: 0 });
      expect(quarterOf(roadmap, '2027-Q1').items[0]!.key).toBe('PRJ-5000');
      expect(roadmap.later).toHaveLength(1000);
    });
  });

  describe('cycles', () => {
    it('reports a blocking cycle and breaks it in rank order', () => {
      const roadmap = plan([anItem('PRJ-1').blockedBy('PRJ-2'), anItem('PRJ-2').blockedBy('PRJ-1')]);
      expect(roadmap.warnings).toEqual(['blocking cycle among PRJ-1, PRJ-2: planned in rank order, ignoring PRJ-2 blocks PRJ-1']);
      expect(quarterOf(roadmap, '2027-Q1').items.map((i) => i.key)).toEqual(['PRJ-1', 'PRJ-2']);
      expect(placement(roadmap, 'PRJ-2').reason).toBe('rank #2; after its blocker PRJ-1 (2027-Q1); fits 2027-Q1 (2 of 10 points used)');
    });

    it('breaks a longer cycle the same way whatever order the items arrive in', () => {
      const items = [
        anItem('PRJ-3').blockedBy('PRJ-1'),
        anItem('PRJ-1').blockedBy('PRJ-2'),
        anItem('PRJ-2').blockedBy('PRJ-3'),
        anItem('PRJ-4').blockedBy('PRJ-4'),
      ];
      const roadmap = plan(items);
      expect(roadmap.warnings).toEqual([
        'blocking cycle: PRJ-4 is marked as blocking itself; link ignored',
        'blocking cycle among PRJ-1, PRJ-2, PRJ-3: planned in rank order, ignoring PRJ-2 blocks PRJ-1; PRJ-3 blocks PRJ-2',
      ]);
      expect(plan([...items].reverse())).toEqual(roadmap);
    });
  });

  describe('oversized items', () => {
    it('lets an item bigger than a whole quarter take an empty full quarter alone, flagged and warned', () => {
      const roadmap = plan([anItem('PRJ-1').points(15), anItem('PRJ-2').points(3), anItem('PRJ-3').points(5)], {
        now: NOV_25,
        debtShare: 0,
      });
      expect(placement(roadmap, 'PRJ-1')).toEqual({
        where: '2027-Q1',
        reason: "rank #1; 15 points exceed a whole quarter's 10, so it takes 2027-Q1 alone",
      });
      expect(quarterOf(roadmap, '2027-Q1').items).toHaveLength(1);
      expect(placement(roadmap, 'PRJ-2').where).toBe('2026-Q4');
      expect(placement(roadmap, 'PRJ-3').where).toBe('2027-Q2');
      expect(roadmap.warnings).toEqual(["PRJ-1 (15 points) is larger than a quarter's capacity of 10 points; planned alone in 2027-Q1: consider splitting it"]);
    });

    it('sends an oversized item to later when no full quarter is empty', () => {
      const roadmap = plan([anItem('PRJ-1').points(1), anItem('PRJ-2').points(1).pinnedTo('2027-Q2'), anItem('PRJ-3').points(11)], {
        debtShare: 0,
      });
      expect(placement(roadmap, 'PRJ-3')).toEqual({
        where: 'later',
        reason: "rank #3; 11 points exceed a whole quarter's 10 and no full quarter from 2026-Q4 is free to take it alone",
      });
    });
  });

  describe('due dates', () => {
    it('flags items due before the end of their quarter, and items in later with a due date', () => {
      const roadmap = plan(
        [anItem('PRJ-1').due('2027-02-15'), anItem('PRJ-2').due('2027-03-31'), anItem('PRJ-3').points(20).due('2030-01-01'), anItem('PRJ-4').due('2026-12-01')],
        { quarters: 2 },
      );
      expect(placement(roadmap, 'PRJ-1').atRisk).toBe('due 2027-02-15, planned in 2027-Q1 ending 2027-03-31');
      expect(placement(roadmap, 'PRJ-2').atRisk).toBeUndefined();
      expect(placement(roadmap, 'PRJ-3').atRisk).toBe('due 2030-01-01, not planned within 2026-Q4–2027-Q1');
      expect(placement(roadmap, 'PRJ-4').atRisk).toBe('due 2026-12-01, planned in 2027-Q1 ending 2027-03-31');
    });

    it('says "overdue since" for at-risk items whose due date is before today, and "due" for the rest', () => {
      const roadmap = plan(
        [
          anItem('PRJ-1').due('2027-02-15'),
          anItem('PRJ-2').due('2026-12-31'),
          anItem('PRJ-3').points(20).due('2026-11-01'),
          anItem('PRJ-4').due('2026-12-01'),
          anItem('PRJ-5').points(20).due('2030-01-01'),
        ],
        { quarters: 2, today: '2026-12-31' },
      );
      expect(placement(roadmap, 'PRJ-1').atRisk).toBe('due 2027-02-15, planned in 2027-Q1 ending 2027-03-31');
      expect(placement(roadmap, 'PRJ-2').atRisk).toBe('due 2026-12-31, planned in 2027-Q1 ending 2027-03-31');
      expect(placement(roadmap, 'PRJ-3').atRisk).toBe('overdue since 2026-11-01; not planned within 2026-Q4–2027-Q1');
      expect(placement(roadmap, 'PRJ-4').atRisk).toBe('overdue since 2026-12-01; planned in 2027-Q1 ending 2027-03-31');
      expect(placement(roadmap, 'PRJ-5').atRisk).toBe('due 2030-01-01, not planned within 2026-Q4–2027-Q1');
    });

    it('ignores a malformed due date with a warning', () => {
      const roadmap = plan([anItem('PRJ-1').due('2027-02-30'), anItem('PRJ-2').due('soon')]);
      expect(placement(roadmap, 'PRJ-1').atRisk).toBeUndefined();
      expect(roadmap.warnings).toEqual([
        'PRJ-1: due date "2027-02-30" is not a yyyy-MM-dd date; ignored',
        'PRJ-2: due date "soon" is not a yyyy-MM-dd date; ignored',
      ]);
    });
  });

  describe('invalid input', () => {
    const cases: [string, Partial<RoadmapInput>][] = [
      ['no quarters', { quarters: 0 }],
      ['nine quarters', { quarters: 9 }],
      ['fractional quarters', { quarters: 2.5 }],
      ['NaN capacity', { capacityPerQuarter: Number.NaN }],
      ['infinite capacity', { capacityPerQuarter: Number.POSITIVE_INFINITY }],
      ['negative capacity', { capacityPerQuarter: -1 }],
      ['negative debt share', { debtShare: -0.1 }],
      ['debt share above 1', { debtShare: 1.01 }],
      ['NaN debt share', { debtShare: Number.NaN }],
      ['invalid now', { now: new Date(Number.NaN) }],
      ['today not yyyy-MM-dd', { today: '31/12/2026' }],
      ['duplicate keys', { items: [anItem('PRJ-1').build(), anItem('PRJ-1').rank(2).build()] }],
      ['zero points', { items: [anItem('PRJ-1').points(0).build()] }],
      ['NaN points', { items: [anItem('PRJ-1').points(Number.NaN).build()] }],
    ];
    it.each(cases)('rejects %s with INVALID_ROADMAP_INPUT', (_name, overrides) => {
      let error: unknown;
      try {
        plan([], overrides);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RoadmapInputError);
      expect((error as RoadmapInputError).code).toBe('INVALID_ROADMAP_INPUT');
    });

    it('names the duplicate key in the message', () => {
      expect(() => plan([anItem('PRJ-1'), anItem('PRJ-1').rank(2)])).toThrow('issue PRJ-1 appears twice');
    });
  });
});

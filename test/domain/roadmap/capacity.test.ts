import {
  capacityFromDeliveries,
  capacityFromSprints,
  deliveredBySprint,
  pointsPerSprint,
  type SprintIssue,
  type SprintRecord,
} from '../../../src/domain/roadmap';

const closed = (id: number, start: string, end: string, complete = end): SprintRecord => ({
  id,
  state: 'closed',
  startDate: start,
  endDate: end,
  completeDate: complete,
});
const done = (sprintIds: number[], resolved: string, points: unknown): SprintIssue => ({ sprintIds, resolved, points });

const S1 = closed(1, '2026-01-05T09:00:00.000Z', '2026-01-19T09:00:00.000Z', '2026-01-19T10:00:00.000Z');
const S2 = closed(2, '2026-01-19T09:00:00.000Z', '2026-02-02T09:00:00.000Z', '2026-02-02T09:30:00.000Z');

describe('deliveredBySprint', () => {
  it('sums the story points of the issues the Sprint field names and that were resolved between start and completion', () => {
    const result = deliveredBySprint(
      [S1, S2],
      [
        done([1], '2026-01-10T12:00:00.000+0000', 5),
        done([1], '2026-01-19T10:00:00.000+0000', 3), // resolved at the completion instant: counts
        done([1, 2], '2026-01-25T12:00:00.000+0000', 8), // carried over into S2, resolved there
        done([2], '2026-02-02T09:31:00.000+0000', 13), // resolved after S2 was closed: counts for none
        done([2], '2026-01-18T12:00:00.000+0000', 2), // resolved before S2 started: counts for none
        done([], '2026-01-10T12:00:00.000+0000', 40), // in no sprint
      ],
    );
    expect(result).toEqual([
      { id: 1, points: 8, days: 14 },
      { id: 2, points: 8, days: 14 },
    ]);
  });

  it('counts unreadable story points as 0 and skips unreadable resolution dates, without NaN', () => {
    const result = deliveredBySprint(
      [S1],
      [
        done([1], '2026-01-10T12:00:00.000+0000', '3'),
        done([1], '2026-01-10T12:00:00.000+0000', null),
        done([1], '2026-01-10T12:00:00.000+0000', -2),
        done([1], 'yesterday', 5),
        done([1], '2026-01-11T12:00:00.000+0000', 2.5),
      ],
    );
    expect(result).toEqual([{ id: 1, points: 2.5, days: 14 }]);
  });

  it('leaves out sprints that are not closed or lack usable dates, and keeps a closed sprint that delivered nothing', () => {
    const sprints = [
      S1,
      { id: 3, state: 'active', startDate: '2026-03-02', endDate: '2026-03-16' },
      { id: 4, state: 'future' },
      { id: 5, state: 'closed', startDate: '2026-01-05', endDate: '2026-01-19' }, // never completed
      closed(6, 'not a date', '2026-01-19'),
      closed(7, '2026-01-19', '2026-01-05'),
      closed(8, '2026-01-05T09:00:00Z', '2026-01-05T17:00:00Z'),
      closed(9, '2026-01-05', '2026-01-19', '2026-01-01'),
      { id: '10', state: 'closed', startDate: '2026-01-05', endDate: '2026-01-19', completeDate: '2026-01-19' },
      null,
    ] as unknown as SprintRecord[];
    expect(deliveredBySprint(sprints, [])).toEqual([{ id: 1, points: 0, days: 14 }]);
  });
});

describe('capacityFromDeliveries', () => {
  it('scales the median delivered sprint to a quarter: median points × quarter days / median sprint days', () => {
    const result = capacityFromDeliveries(
      [
        { id: 1, points: 20, days: 14 },
        { id: 2, points: 40, days: 14 },
        { id: 3, points: 30, days: 14 },
      ],
      92,
    );
    expect(result).toEqual({ perQuarter: (30 * 92) / 14, sprintDays: 14, sampleSize: 3 });
  });

  it('takes the mean of the two middle values for an even sample', () => {
    const result = capacityFromDeliveries(
      [
        { id: 1, points: 10, days: 14 },
        { id: 2, points: 20, days: 14 },
        { id: 3, points: 30, days: 21 },
        { id: 4, points: 100, days: 21 },
      ],
      91,
    );
    expect(result.sprintDays).toBe(17.5);
    expect(result.perQuarter).toBeCloseTo((25 * 91) / 17.5, 10);
  });

  it('has no capacity without sprints, and refuses a quarter that is not a positive number of days', () => {
    expect(capacityFromDeliveries([], 92)).toEqual({ perQuarter: null, sprintDays: null, sampleSize: 0 });
    for (const days of [0, -1, Number.NaN]) expect(() => capacityFromDeliveries([], days)).toThrow(RangeError);
  });
});

describe('capacityFromSprints', () => {
  it('is what the sprints delivered, scaled to the quarter', () => {
    const issues = [done([1], '2026-01-10T12:00:00.000+0000', 21), done([2], '2026-01-25T12:00:00.000+0000', 13)];
    expect(capacityFromSprints([S1, S2], issues, 91)).toEqual({ perQuarter: (17 * 91) / 14, sprintDays: 14, sampleSize: 2 });
  });
});

describe('pointsPerSprint', () => {
  it('is the median of the closed sprints’ delivered points, whatever their lengths, and null without a sprint', () => {
    expect(
      pointsPerSprint([
        { id: 1, points: 8, days: 14 },
        { id: 2, points: 13, days: 7 },
        { id: 3, points: 5, days: 14 },
      ]),
    ).toEqual({ points: 8, sampleSize: 3 });
    expect(
      pointsPerSprint([
        { id: 1, points: 8, days: 14 },
        { id: 2, points: 5, days: 14 },
      ]),
    ).toEqual({ points: 6.5, sampleSize: 2 });
    expect(pointsPerSprint([])).toBeNull();
  });
});
